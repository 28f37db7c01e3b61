"""mou_kit: Memoranda of Understanding as typed, versioned, diffable data.

The public API is the names below; everything else is importable but private unless documented.
"""

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
from .errors import (
    DiffError as DiffError,
    LifecycleError as LifecycleError,
    MouKitError as MouKitError,
    Problem as Problem,
    RenderError as RenderError,
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
from .importing import import_revision as import_revision
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
from .signing import (
    check_signatures as check_signatures,
    make_test_certificates as make_test_certificates,
    sign_pdf as sign_pdf,
)
from .workflow import (
    Status as Status,
    Verification as Verification,
    advance_revision as advance_revision,
    agreement_status as agreement_status,
    portfolio as portfolio,
    verify_document as verify_document,
)
from .workspace import (
    BlameEntry as BlameEntry,
    Conflict as Conflict,
    Revision as Revision,
    Workspace as Workspace,
)

__version__ = "0.1.0"
