"""The agreement as typed data: models, ids, numbering, references and the form of each language."""

from ._agreement import (
    Agreement as Agreement,
    AgreementHead as AgreementHead,
    AgreementKind as AgreementKind,
    Annex as Annex,
    Closing as Closing,
    DefinedTerm as DefinedTerm,
    HouseStyle as HouseStyle,
    Recital as Recital,
    Term as Term,
    Variable as Variable,
)
from ._article import Article as Article, Clause as Clause, Point as Point
from ._check import check as check
from ._party import Party as Party, Signatory as Signatory
from ._state import LifecycleState as LifecycleState
from .identity import DocumentId as DocumentId
from .ids import Slug as Slug, check_slug as check_slug, slugify as slugify
from .locale import Locale as Locale, available_languages as available_languages, locale_for as locale_for
from .meeting import (
    Attendee as Attendee,
    Decision as Decision,
    DecisionAspect as DecisionAspect,
    DecisionResult as DecisionResult,
    Meeting as Meeting,
    match_attendees as match_attendees,
)
from .numbering import Address as Address, Numbering as Numbering, number as number
from .printed import PrintedText as PrintedText
from .references import Segment as Segment, TextRenderer as TextRenderer, references as references
from .revision import Revision as Revision, RevisionInfo as RevisionInfo
from .text import Text as Text, text_in as text_in, text_langs as text_langs
