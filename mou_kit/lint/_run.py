"""How every drafting check runs over one agreement, in a fixed order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Agreement
from ._form import check_form
from ._language import check_language
from ._structure import check_structure
from ._terms import check_terms
from ._texts import lang_texts
from .finding import SEVERITIES, Finding

if TYPE_CHECKING:
    from ..assemble import Answers, Library


def lint(agreement: Agreement, *, library: Library | None = None, answers: Answers | None = None) -> list[Finding]:
    """Return every drafting finding on ``agreement``, errors first, then by rule and place.

    With ``library``, articles whose template has a newer version are reported too (and, with
    ``answers``, what the newer version would change).
    """
    texts = lang_texts(agreement)
    found = [*check_structure(agreement, texts), *check_terms(agreement, texts), *check_form(agreement, texts),
             *check_language(agreement, texts)]
    if library is not None:
        from ._drift import check_drift

        found.extend(check_drift(agreement, library, answers=answers))
    return sorted(found, key=lambda f: (SEVERITIES.index(f.severity), f.rule, f.path or ""))
