"""Clause-aligned changes between two agreements: a pure ``diff(old, new) -> AgreementDiff``."""

from .agreement import diff as diff
from .change import AgreementDiff as AgreementDiff
from .change import Change as Change
from .change import ChangeKind as ChangeKind
from .change import NodeType as NodeType
from .change import RevisionInfo as RevisionInfo
from .revisions import RevisionSource as RevisionSource
from .revisions import diff_revisions as diff_revisions
from .words import OpKind as OpKind
from .words import WordOp as WordOp
from .words import word_ops as word_ops
