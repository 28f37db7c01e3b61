"""Which wording mistakes recur in Indonesian and English MoU texts, and the form rules on languages.

Each recurring mistake is one rule with the fix, reviewed against ``docs/glossary.md``; the form
rules ask a bilingual agreement for a prevailing-language Pasal (UU 24/2009 Pasal 31, Perpres
63/2019 Pasal 26) and suggest a legal-basis recital in a government MoU.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Agreement
from ._texts import LangText
from .finding import Finding, finding


@dataclass(frozen=True, slots=True)
class Wording:
    """One recurring mistake: its rule, the language it is made in, the pattern, the fix and why."""

    rule: str
    lang: str
    pattern: re.Pattern[str]
    fix: str
    why: str
    min_parties: int = 0
    needs_id: bool = False
    """Only in an agreement that has an Indonesian text (a PKS is an Indonesian instrument)."""


WORDINGS: tuple[Wording, ...] = (
    Wording("MOU210", "id", re.compile(r"\bpihak ketiga\b"), "pihak lain di luar PARA PIHAK",
            "with three parties 'pihak ketiga' reads as PIHAK KETIGA", min_parties=3),
    Wording("MOU211", "id", re.compile(r"\bMasing-masing (PIHAK|pihak)\b"), "Setiap PIHAK",
            "as the subject of a sentence, 'Setiap PIHAK' is the form of the pedoman"),
    Wording("MOU212", "id", re.compile(r"\bmonitoring\b", re.IGNORECASE), "pemantauan",
            "an English word where Indonesian has its own (UU 24/2009 Pasal 26-27)"),
    Wording("MOU213", "id", re.compile(r"\btanda tangan basah\b", re.IGNORECASE), "tanda tangan manual",
            "'basah' is a colloquialism; the form says 'manual'"),
    Wording("MOU214", "en", re.compile(r"\bImplementing Arrangements?\b"), "Cooperation Agreement",
            "a PKS (Perjanjian Kerja Sama) is a Cooperation Agreement; 'Implementing Arrangement' is "
            "Pengaturan Pelaksanaan", needs_id=True),
    Wording("MOU215", "en", re.compile(r"\bPolice Inspector General\b"), "Inspector General of Police",
            "the English form of the rank Inspektur Jenderal Polisi"),
    Wording("MOU216", "en", re.compile(r"\bheads of each\b", re.IGNORECASE), "head of each",
            "'each' takes the singular"),
)

_ILEGAL = re.compile(r"\bilegal\b", re.IGNORECASE)
_NONPROSEDURAL = re.compile(r"\b(tidak prosedural|nonprosedural|non-prosedural)\b", re.IGNORECASE)
_PREVAILING = (
    (re.compile(r"\bbahasa\b", re.IGNORECASE), re.compile(r"\b(berlaku|acuan|menentukan)\b", re.IGNORECASE)),
    (re.compile(r"\b(text|version|language)s?\b", re.IGNORECASE), re.compile(r"\b(prevail|govern)", re.IGNORECASE)),
)
"""A sentence that names a language (or text) and says it prevails: both patterns of a pair match."""
_LEGAL_BASIS = re.compile(
    r"\b(Undang-Undang|Peraturan|Keputusan|Instruksi|Law|Regulation|Decree)\b[^;]*?\b(Nomor|Number|No\.)\s*\d+",
    re.IGNORECASE)
_GOVERNMENT_IDS = {"NRP", "NIP"}


def check_language(agreement: Agreement, texts: list[LangText]) -> list[Finding]:
    """Return the findings on wording (MOU210-MOU217) and on the language form (MOU208, MOU209)."""
    out: list[Finding] = []
    count = len(agreement.parties)
    for text in [*texts, *_party_texts(agreement)]:
        for w in WORDINGS:
            if text.lang != w.lang or count < w.min_parties or (w.needs_id and "id" not in agreement.languages):
                continue
            for m in w.pattern.finditer(text.filled):
                out.append(finding(w.rule, f"{m.group(0)!r}: write {w.fix!r}", path=text.path, node=text.node,
                                   hint=w.why))
    if any(_NONPROSEDURAL.search(t.filled) for t in texts if t.lang == "id"):
        out += [finding("MOU217", "'ilegal' and 'tidak prosedural' both name the placement outside the procedure",
                        path=t.path, node=t.node, hint="write 'tidak prosedural' throughout (UU 18/2017 uses "
                        "'nonprosedural'); keep one term for one concept")
                for t in texts if t.lang == "id" and _ILEGAL.search(t.filled)]
    out += _prevailing(agreement, texts)
    out += _legal_basis(agreement, texts)
    return out


def _party_texts(agreement: Agreement) -> list[LangText]:
    """Return the parties' names and their signatories' positions and ranks, which hold wording too."""
    out: list[LangText] = []
    for i, party in enumerate(agreement.parties):
        fields: list[tuple[str, object]] = [("name", party.name), ("short_name", party.short_name)]
        if party.signatory is not None:
            fields += [("signatory.position", party.signatory.position), ("signatory.rank", party.signatory.rank)]
        for name, value in fields:
            versions = value.items() if isinstance(value, dict) else \
                [(agreement.main_language, value)] if isinstance(value, str) else []
            for lang, text in versions:
                out.append(LangText(f"parties[{i}].{name}.{lang}", party.id, "party", lang, text, text))
    return out


def _prevailing(agreement: Agreement, texts: list[LangText]) -> list[Finding]:
    if len(agreement.languages) < 2 or "id" not in agreement.languages:
        return []
    if any(t.kind in ("clause", "point") and _says_which_prevails(t.filled) for t in texts):
        return []
    others = ", ".join(lang for lang in agreement.languages if lang != "id")
    return [finding("MOU208", f"the agreement is written in id and {others} but no Pasal says which text "
                    "prevails", path="articles",
                    hint="add a Pasal BAHASA: '... Dalam hal terdapat perbedaan penafsiran, naskah dalam bahasa "
                    "Indonesia yang berlaku.' (UU 24/2009 Pasal 31, Perpres 63/2019 Pasal 26); the clause "
                    "library has it as 'bahasa'")]


def _says_which_prevails(text: str) -> bool:
    return any(a.search(sentence) and b.search(sentence) for sentence in re.split(r"[.;]\s", text)
               for a, b in _PREVAILING)


def _legal_basis(agreement: Agreement, texts: list[LangText]) -> list[Finding]:
    signatories = [p.signatory for p in agreement.parties]
    government = bool(signatories) and all(s is not None and s.id_label in _GOVERNMENT_IDS for s in signatories)
    if not government or any(t.kind == "recitals" and _LEGAL_BASIS.search(t.filled) for t in texts):
        return []
    return [finding("MOU209", "no recital names the law the parties act on", path="recitals",
                    hint="a government MoU usually recites its legal basis: 'bahwa berdasarkan Undang-Undang "
                    "Nomor ... Tahun ... tentang ..., ...;'")]
