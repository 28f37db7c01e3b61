"""The agreement as typed data: models, ids, numbering, references and the form of each language."""

from .agreement import (
    Agreement as Agreement,
)
from .agreement import (
    AgreementHead as AgreementHead,
)
from .agreement import (
    AgreementKind as AgreementKind,
)
from .agreement import (
    Annex as Annex,
)
from .agreement import (
    Closing as Closing,
)
from .agreement import (
    DefinedTerm as DefinedTerm,
)
from .agreement import (
    HouseStyle as HouseStyle,
)
from .agreement import (
    Recital as Recital,
)
from .agreement import (
    Term as Term,
)
from .agreement import (
    Variable as Variable,
)
from .article import Article as Article
from .article import Clause as Clause
from .article import Point as Point
from .check import check as check
from .ids import Slug as Slug
from .ids import check_slug as check_slug
from .ids import slugify as slugify
from .locale import Locale as Locale
from .locale import available_languages as available_languages
from .locale import locale_for as locale_for
from .meeting import Attendee as Attendee
from .meeting import Decision as Decision
from .meeting import Meeting as Meeting
from .numbering import Address as Address
from .numbering import Numbering as Numbering
from .numbering import number as number
from .party import Party as Party
from .party import Signatory as Signatory
from .references import Segment as Segment
from .references import TextRenderer as TextRenderer
from .references import references as references
from .state import LifecycleState as LifecycleState
from .text import Text as Text
from .text import text_in as text_in
from .text import text_langs as text_langs
