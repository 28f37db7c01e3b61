"""mou_kit: Memoranda of Understanding as typed, versioned, diffable data.

The public API is the names below; everything else is importable but private unless documented.
Each name is imported when first used (PEP 562), so ``import mou_kit`` and ``mou --help`` stay
fast and a program pays only for the layers it touches.
"""

from __future__ import annotations

from types import FunctionType

from ._lazy import lazy_package

# not `from typing import ...`: importing typing costs ~9 ms, most of `mou --help`; mypy reads this name as typing's
TYPE_CHECKING = False

__version__ = "0.1.0"

# Where each public name lives; tests/test_api.py checks this against the imports below.
_EXPORTS: dict[str, str] = {
    ".assemble": "AgreementTemplate Answers ClauseTemplate Library assemble load_library read_answers",
    ".diff": "AgreementDiff Change ChangeKind RevisionInfo RevisionSource diff diff_revisions",
    ".diff.dim": "Dim DimParty DimProposal DimRow build_dim",
    ".workflow.drafting": "LibraryUpdate update_from_library",
    ".errors": (
        "DiffError LifecycleError MouKitError Problem RenderError SigningError SourceError TemplateError "
        "ValidationFailed WorkspaceError"
    ),
    ".files": "dump_agreement json_schema load load_meetings save",
    ".importers": "ImportResult import_docx",
    ".workflow.importing": "import_revision new_from_file",
    ".lifecycle": "Deadline Event advance calendar_ics check_edit next_deadline schedule",
    ".lint": "Finding lint",
    ".model": (
        "Address Agreement Annex Article Attendee Clause Closing Decision DecisionAspect DecisionResult DefinedTerm "
        "HouseStyle LifecycleState Meeting Numbering Party Point Recital Signatory Term "
        "TextRenderer Variable check number"
    ),
    ".render": (
        "fingerprint render_docx render_drafts render_html render_markdown render_pdf "
        "render_text"
    ),
    ".render.diffs.diff_bundle": "write_diff_bundle",
    ".render.diffs.diff_documents": "diff_html diff_json diff_matrix diff_redline diff_text",
    ".render.diffs.dim": "write_dim",
    ".render.diffs.matrix": "write_matrix",
    ".render.diffs.redline": "write_redline",
    ".signing": "check_signatures check_signatures_async make_test_certificates sign_pdf sign_pdf_async",
    ".workflow": (
        "Status Verification advance_revision agreement_status portfolio verify_document verify_document_async"
    ),
    ".workspace": (
        "TIP BlameEntry Conflict MergeOutcome Revision SyncReport Workspace finish_merge merge_branch "
        "pending_conflicts propose resolve_conflict switch sync"
    ),
    ".workspace.dim": "dim",
}

if TYPE_CHECKING:
    from .assemble import (
        AgreementTemplate as AgreementTemplate,
        Answers as Answers,
        ClauseTemplate as ClauseTemplate,
        Library as Library,
        assemble as assemble,
        load_library as load_library,
        read_answers as read_answers,
    )
    from .diff import (
        AgreementDiff as AgreementDiff,
        Change as Change,
        ChangeKind as ChangeKind,
        RevisionInfo as RevisionInfo,
        RevisionSource as RevisionSource,
        diff as diff,
        diff_revisions as diff_revisions,
    )
    from .diff.dim import (
        Dim as Dim,
        DimParty as DimParty,
        DimProposal as DimProposal,
        DimRow as DimRow,
        build_dim as build_dim,
    )
    from .errors import (
        DiffError as DiffError,
        LifecycleError as LifecycleError,
        MouKitError as MouKitError,
        Problem as Problem,
        RenderError as RenderError,
        SigningError as SigningError,
        SourceError as SourceError,
        TemplateError as TemplateError,
        ValidationFailed as ValidationFailed,
        WorkspaceError as WorkspaceError,
    )
    from .files import (
        dump_agreement as dump_agreement,
        json_schema as json_schema,
        load as load,
        load_meetings as load_meetings,
        save as save,
    )
    from .importers import ImportResult as ImportResult, import_docx as import_docx
    from .lifecycle import (
        Deadline as Deadline,
        Event as Event,
        advance as advance,
        calendar_ics as calendar_ics,
        check_edit as check_edit,
        next_deadline as next_deadline,
        schedule as schedule,
    )
    from .lint import (
        Finding as Finding,
        lint as lint,
    )
    from .model import (
        Address as Address,
        Agreement as Agreement,
        Annex as Annex,
        Article as Article,
        Attendee as Attendee,
        Clause as Clause,
        Closing as Closing,
        Decision as Decision,
        DecisionAspect as DecisionAspect,
        DecisionResult as DecisionResult,
        DefinedTerm as DefinedTerm,
        HouseStyle as HouseStyle,
        LifecycleState as LifecycleState,
        Meeting as Meeting,
        Numbering as Numbering,
        Party as Party,
        Point as Point,
        Recital as Recital,
        Signatory as Signatory,
        Term as Term,
        TextRenderer as TextRenderer,
        Variable as Variable,
        check as check,
        number as number,
    )
    from .render import (
        fingerprint as fingerprint,
        render_docx as render_docx,
        render_drafts as render_drafts,
        render_html as render_html,
        render_markdown as render_markdown,
        render_pdf as render_pdf,
        render_text as render_text,
    )
    from .render.diffs.diff_bundle import write_diff_bundle as write_diff_bundle
    from .render.diffs.diff_documents import (
        diff_html as diff_html,
        diff_json as diff_json,
        diff_matrix as diff_matrix,
        diff_redline as diff_redline,
        diff_text as diff_text,
    )
    from .render.diffs.dim import write_dim as write_dim
    from .render.diffs.matrix import write_matrix as write_matrix
    from .render.diffs.redline import write_redline as write_redline
    from .signing import (
        check_signatures as check_signatures,
        check_signatures_async as check_signatures_async,
        make_test_certificates as make_test_certificates,
        sign_pdf as sign_pdf,
        sign_pdf_async as sign_pdf_async,
    )
    from .workflow import (
        Status as Status,
        Verification as Verification,
        advance_revision as advance_revision,
        agreement_status as agreement_status,
        portfolio as portfolio,
        verify_document as verify_document,
        verify_document_async as verify_document_async,
    )
    from .workflow.drafting import LibraryUpdate as LibraryUpdate, update_from_library as update_from_library
    from .workflow.importing import import_revision as import_revision, new_from_file as new_from_file
    from .workspace import (
        TIP as TIP,
        BlameEntry as BlameEntry,
        Conflict as Conflict,
        MergeOutcome as MergeOutcome,
        Revision as Revision,
        SyncReport as SyncReport,
        Workspace as Workspace,
        finish_merge as finish_merge,
        merge_branch as merge_branch,
        pending_conflicts as pending_conflicts,
        propose as propose,
        resolve_conflict as resolve_conflict,
        switch as switch,
        sync as sync,
    )
    from .workspace.dim import dim as dim

_HOME = {name: module for module, names in _EXPORTS.items() for name in names.split()}
__all__ = sorted(_HOME)


def _guarded(value: object) -> object:
    """Return a public function guarded: a wrong argument type is a MouKitError at the edge, not a crash inside."""
    if isinstance(value, FunctionType):
        from ._guard import guarded

        return guarded(value)
    return value


# ``diff``, ``lint`` and ``assemble`` are functions here, not the subpackages of the same names
lazy_package(__name__, _HOME, wrap=_guarded)
