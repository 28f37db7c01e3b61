"""mou_kit: Memoranda of Understanding as typed, versioned, diffable data.

The public API is the names below; everything else is importable but private unless documented.
"""

from .errors import (
    DiffError as DiffError,
)
from .errors import (
    LifecycleError as LifecycleError,
)
from .errors import (
    MouKitError as MouKitError,
)
from .errors import (
    Problem as Problem,
)
from .errors import (
    RenderError as RenderError,
)
from .errors import (
    SourceError as SourceError,
)
from .errors import (
    TemplateError as TemplateError,
)
from .errors import (
    ValidationFailed as ValidationFailed,
)
from .errors import (
    WorkspaceError as WorkspaceError,
)
from .files import (
    dump_agreement as dump_agreement,
)
from .files import (
    json_schema as json_schema,
)
from .files import (
    load as load,
)
from .files import (
    load_meetings as load_meetings,
)
from .files import (
    save as save,
)
from .model import (
    Address as Address,
)
from .model import (
    Agreement as Agreement,
)
from .model import (
    Annex as Annex,
)
from .model import (
    Article as Article,
)
from .model import (
    Attendee as Attendee,
)
from .model import (
    Clause as Clause,
)
from .model import (
    Closing as Closing,
)
from .model import (
    Decision as Decision,
)
from .model import (
    DefinedTerm as DefinedTerm,
)
from .model import (
    HouseStyle as HouseStyle,
)
from .model import (
    LifecycleState as LifecycleState,
)
from .model import (
    Meeting as Meeting,
)
from .model import (
    Numbering as Numbering,
)
from .model import (
    Party as Party,
)
from .model import (
    Point as Point,
)
from .model import (
    Recital as Recital,
)
from .model import (
    Signatory as Signatory,
)
from .model import (
    Term as Term,
)
from .model import (
    TextRenderer as TextRenderer,
)
from .model import (
    Variable as Variable,
)
from .model import (
    check as check,
)
from .model import (
    number as number,
)
from .render import (
    fingerprint as fingerprint,
)
from .render import (
    render_docx as render_docx,
)
from .render import (
    render_drafts as render_drafts,
)
from .render import (
    render_html as render_html,
)
from .render import (
    render_markdown as render_markdown,
)
from .render import (
    render_pdf as render_pdf,
)
from .render import (
    render_text as render_text,
)

__version__ = "0.1.0"
