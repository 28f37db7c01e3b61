"""Which form rules of Indonesian drafting a text breaks: titles, numbers, scope lists, labels, recitals."""

from __future__ import annotations

import re

from ..model import Agreement, text_in
from ..model.words import in_words
from ._texts import LangText
from .finding import Finding, finding

_END_PUNCTUATION = ".,;:!?"
_NUMBER = re.compile(r"(?<![\w/.\-])(\d+)(?![\w/\-]|[.,]\d)(\s*\(([^()]*)\))?")
_EXEMPT_BEFORE = re.compile(
    r"(?:Nomor|Nomor:|No\.|Tahun|Pasal|ayat|angka|huruf|Rp|Number|Article|Law|year|tanggal)\s*$", re.IGNORECASE)
_CATCH_ALL = {"id": re.compile(r"\blain(nya)?\b", re.IGNORECASE), "en": re.compile(r"\bother\b", re.IGNORECASE)}
_SCOPE_HEADING = re.compile(r"ruang lingkup|scope", re.IGNORECASE)


def check_form(agreement: Agreement, texts: list[LangText]) -> list[Finding]:
    """Return the findings on the form of the agreement (rules MOU201-MOU207)."""
    out: list[Finding] = []
    main = agreement.main_language
    for lang in agreement.languages:
        title = text_in(agreement.title, lang, main=main)
        if title and title.rstrip()[-1:] in _END_PUNCTUATION:
            out.append(finding("MOU201", f"the title ({lang}) ends with {title.rstrip()[-1]!r}", path="title",
                               hint="a title is written without final punctuation (Perkap 12/2014)"))
    for text in texts:
        if text.kind == "heading" and text.filled.rstrip()[-1:] in _END_PUNCTUATION:
            out.append(finding("MOU207", f"heading {text.filled!r} ends with punctuation", path=text.path,
                               node=text.node, hint="remove the final punctuation"))
        if text.kind in ("clause", "point", "recitals"):
            out.extend(_numbers(text))
    out.extend(_party_labels(agreement, texts))
    out.extend(_recitals(texts))
    out.extend(_scope(agreement))
    return out


def _numbers(text: LangText) -> list[Finding]:
    out: list[Finding] = []
    plain = re.sub(r"\[\[[^\]]*\]\]", " ", text.filled)
    for match in _NUMBER.finditer(plain):
        number, words = int(match.group(1)), match.group(3)
        if _EXEMPT_BEFORE.search(plain[:match.start()]):
            continue
        if words is not None:
            expected = in_words(number, text.lang)
            if words.strip().casefold() != expected.casefold():
                out.append(finding("MOU203", f"'{match.group(0).strip()}' says {words.strip()!r}, but {number} is "
                                   f"{expected!r}", path=text.path, node=text.node,
                                   hint=f"write '{number} ({expected})'"))
        elif text.lang == "id":
            expected = in_words(number, text.lang)
            out.append(finding("MOU202", f"number {number} is written without its words", path=text.path,
                               node=text.node, hint=f"write '{number} ({expected})'"))
    return out


def _party_labels(agreement: Agreement, texts: list[LangText]) -> list[Finding]:
    chosen = agreement.style.first_party_label
    other = "PERTAMA" if chosen == "KESATU" else "KESATU"
    wrong = re.compile(rf"\bPIHAK\s+{other}\b")
    return [finding("MOU205", f"'PIHAK {other}' is used, but the house style labels the first party "
                    f"'PIHAK {chosen}'", path=t.path, node=t.node,
                    hint=f"write 'PIHAK {chosen}' (or change style.first_party_label)")
            for t in texts if wrong.search(t.filled)]


def _recitals(texts: list[LangText]) -> list[Finding]:
    out: list[Finding] = []
    for text in texts:
        if text.kind != "recitals" or text.lang != "id":
            continue
        body = text.filled.strip()
        problems = []
        if not body.startswith("bahwa "):
            problems.append("start with 'bahwa'")
        if not body.endswith(";"):
            problems.append("end with ';'")
        if problems:
            out.append(finding("MOU206", f"a recital should {' and '.join(problems)}", path=text.path,
                               node=text.node, hint="write it as 'bahwa ...;'"))
    return out


def _scope(agreement: Agreement) -> list[Finding]:
    main = agreement.main_language
    out: list[Finding] = []
    for a, article in enumerate(agreement.articles):
        heading = text_in(article.heading, main, main=main) or ""
        if not _SCOPE_HEADING.search(heading):
            continue
        listed = [(c, clause) for c, clause in enumerate(article.clauses) if clause.points]
        if not listed:
            continue
        c, clause = listed[-1]
        last = clause.points[-1]
        for lang in agreement.languages:
            text = text_in(last.text, lang, main=main)
            pattern = _CATCH_ALL.get(lang)
            if text is not None and pattern is not None and not pattern.search(text):
                out.append(finding("MOU204", f"the scope list ({lang}) ends with {text!r}, not the catch-all item",
                                   path=f"articles[{a}].clauses[{c}].points[{len(clause.points) - 1}]", node=last.id,
                                   hint="end it with 'kegiatan lain yang disepakati oleh PARA PIHAK ...'"))
    return out
