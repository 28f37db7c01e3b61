"""Which defined terms are undefined, unused, defined twice or capitalised inconsistently."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Agreement, available_languages, locale_for, text_in
from ..model.walk import iter_ids
from ._texts import LangText
from .finding import Finding, finding

_CAPITALISED = r"[A-Z][a-z][\w'-]*"
_PHRASE = re.compile(rf"\b{_CAPITALISED}(?:\s+(?:(?:dan|of|and|di|in|the|for|atas)\s+)?{_CAPITALISED})+")
_LEGAL_CITATION = ("Undang-Undang", "Peraturan", "Keputusan", "Law", "Regulation", "Pasal", "Article")
_RUNNING = ("clause", "point", "recitals", "defined_terms", "annexes")


def check_terms(agreement: Agreement, texts: list[LangText]) -> list[Finding]:
    """Return the findings on the agreement's defined terms (rules MOU101-MOU105)."""
    out: list[Finding] = []
    main = agreement.main_language
    ids = {node_id for _, node_id in iter_ids(agreement)}
    for i, term in enumerate(agreement.defined_terms):
        if term.defined_in is not None and term.defined_in not in ids:
            out.append(finding("MOU105", f"term {term.id!r} is defined in {term.defined_in!r}, which is no node",
                               path=f"defined_terms[{i}].defined_in", node=term.id,
                               hint="fix the id or remove 'defined_in'"))
    for lang in agreement.languages:
        in_lang = [t for t in texts if t.lang == lang]
        running = [t for t in in_lang if t.kind in _RUNNING]
        seen: dict[str, str] = {}
        for i, term in enumerate(agreement.defined_terms):
            wording = text_in(term.term, lang, main=main)
            if wording is None:
                continue
            key = wording.casefold()
            if key in seen:
                out.append(finding("MOU103", f"term {wording!r} ({lang}) is defined twice, as {seen[key]!r} and "
                                   f"{term.id!r}", path=f"defined_terms[{i}].term", node=term.id,
                                   hint="remove one of them"))
                continue
            seen[key] = term.id
            out.extend(_usage(term.id, i, wording, lang, in_lang))
        out.extend(_undefined(agreement, lang, running, {w.casefold() for w in _wordings(agreement, lang)}))
    return out


def _wordings(agreement: Agreement, lang: str) -> list[str]:
    main = agreement.main_language
    return [w for t in agreement.defined_terms if (w := text_in(t.term, lang, main=main))]


def _usage(term_id: str, index: int, wording: str, lang: str, in_lang: list[LangText]) -> list[Finding]:
    pattern = re.compile(rf"(?<!\w){re.escape(wording)}(?!\w)", re.IGNORECASE)
    exact = 0
    variants: Counter[str] = Counter()
    first: dict[str, str] = {}
    for text in in_lang:
        for match in pattern.finditer(text.filled):
            found = match.group(0)
            if found == wording:
                exact += 1
            elif text.kind in _RUNNING and text.kind != "defined_terms" \
                    and not _sentence_start(text.filled, match.start(), found, wording):
                variants[found] += 1
                first.setdefault(found, text.path)
    out: list[Finding] = []
    if exact == 0 and not variants:
        out.append(finding("MOU102", f"term {wording!r} ({lang}) is defined but never used",
                           path=f"defined_terms[{index}]", node=term_id,
                           hint="use it with its capitalisation, or remove the definition"))
    for variant, count in sorted(variants.items()):
        out.append(finding("MOU104", f"term {wording!r} ({lang}) is written {variant!r} {count} time(s)",
                           path=first[variant], node=term_id,
                           hint=f"write {wording!r} wherever the defined term is meant"))
    return out


def _sentence_start(text: str, start: int, found: str, wording: str) -> bool:
    before = text[:start].rstrip()
    if before and before[-1] not in ".:;":
        return False
    return found[1:] == wording[1:] and found[0].upper() == wording[0].upper()


def _undefined(agreement: Agreement, lang: str, running: list[LangText], defined: set[str]) -> list[Finding]:
    known = _known_names(agreement, lang)
    counts: Counter[str] = Counter()
    first: dict[str, LangText] = {}
    for text in running:
        for match in _PHRASE.finditer(text.filled):
            phrase = match.group(0)
            folded = phrase.casefold()
            if folded in defined or any(folded in k or k in folded for k in known):
                continue
            if phrase.startswith(_LEGAL_CITATION):
                continue
            counts[phrase] += 1
            first.setdefault(phrase, text)
    return [finding("MOU101", f"{phrase!r} ({lang}) is capitalised like a defined term but not defined",
                    path=first[phrase].path, node=first[phrase].node,
                    hint="add it under 'defined_terms', or write it in lower case")
            for phrase, count in sorted(counts.items()) if count >= 2]


def _known_names(agreement: Agreement, lang: str) -> set[str]:
    main = agreement.main_language
    names: set[str] = set()
    for party in agreement.parties:
        for text in (party.name, party.short_name, party.address):
            value = text_in(text, lang, main=main) if text is not None else None
            if value:
                names.add(value.casefold())
        if party.signatory is not None:
            position = text_in(party.signatory.position, lang, main=main)
            if position:
                names.add(position.casefold())
    place = text_in(agreement.place, lang, main=main) if agreement.place else None
    if place:
        names.add(place.casefold())
    for other in available_languages():
        for kind in locale_for(other).kinds.values():
            names.add(kind["running"].casefold())
    return names
