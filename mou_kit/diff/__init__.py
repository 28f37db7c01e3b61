"""Clause-aligned changes between two agreements: a pure ``diff(old, new) -> AgreementDiff``."""

from ._agreement import diff as diff
from ._revisions import RevisionSource as RevisionSource, diff_revisions as diff_revisions
from .alignment import Alignment as Alignment
from .change import (
    AgreementDiff as AgreementDiff,
    Change as Change,
    ChangeKind as ChangeKind,
    NodeType as NodeType,
    RevisionInfo as RevisionInfo,
)
from .words import OpKind as OpKind, WordOp as WordOp, word_ops as word_ops
