"""The project's own corpus of Word files written the ways real contracts are: generated with python-docx.

Each document is one :class:`Spec`: a structure (how articles, clauses and points are marked), a
language, and extras (cover term table, cover page, signature table, a table in the body,
unnumbered paragraphs between numbered ones, levels deeper than the model). ``build(spec, path)`` writes it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

STRUCTURES = ("pasal", "pasal-inline", "bab", "article", "section-sentence", "clause", "paragraph-sign",
              "typed-numbers", "word-numbers", "headings", "heading-numbers")
"""How the articles are marked; each is built in both languages."""

_ID = [
    "kerja", "sama", "data", "informasi", "pihak", "pelaksanaan", "kegiatan", "wajib", "dapat", "sesuai",
    "ketentuan", "peraturan", "perundang-undangan", "bidang", "pendidikan", "penelitian", "anggaran",
    "masing-masing", "program", "pelatihan", "laporan", "bersama", "tertulis", "pemberitahuan", "jangka", "waktu",
    "hari", "bulan", "tahun"
]
_EN = [
    "the", "party", "shall", "provide", "services", "under", "this", "agreement", "including", "data",
    "information", "fees", "payment", "within", "days", "notice", "written", "confidential", "obligations",
    "term", "termination", "law", "governing", "each", "other", "reasonable", "costs", "support", "records",
    "audit"
]


@dataclass(frozen=True, slots=True)
class Spec:
    """One corpus document: structure, language and the extras it carries."""

    name: str
    structure: str
    lang: str
    cover: bool = False
    cover_page: bool = False
    signatures: bool = False
    body_table: bool = False
    loose: bool = False
    deep: bool = False
    articles: int = 6


def specs() -> list[Spec]:
    """Return the corpus: every structure in both languages, with extras spread over them (>= 40 files)."""
    out = []
    for k, structure in enumerate(STRUCTURES):
        for lang in ("id", "en"):
            n = len(out)
            out.append(Spec(f"{structure}-{lang}", structure, lang, cover=n % 4 == 1, cover_page=n % 8 in (4, 6),
                            signatures=n % 2 == 0, loose=n % 3 == 0, deep=n % 5 == 2))
            out.append(Spec(f"{structure}-{lang}-b", structure, lang, cover=n % 3 == 2, signatures=n % 2 == 1,
                            body_table=True, articles=4 + k % 5))
    return out


class _Text:
    def __init__(self, lang: str, seed: str) -> None:
        self.words = _ID if lang == "id" else _EN
        self.random = random.Random(seed)

    def sentence(self, n: int = 12, end: str = ".") -> str:
        words = [self.random.choice(self.words) for _ in range(self.random.randint(n - 4, n + 4))]
        return (" ".join(words).capitalize() + end).replace("  ", " ")

    def heading(self) -> str:
        return " ".join(self.random.choice(self.words) for _ in range(self.random.randint(1, 3))).title()


_LEVELS = [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"), ("lowerRoman", "(%4)"),
           ("upperLetter", "(%5)")]


def _numbering(document: Any) -> str:
    """Add a multilevel list "1. / 1.1 / (a) / (i) / (A)" to the document; return its numId."""
    numbering = document.part.numbering_part.element
    abstract = numbering.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): "90"})
    for ilvl, (fmt, text) in enumerate(_LEVELS):
        lvl = abstract.makeelement(qn("w:lvl"), {qn("w:ilvl"): str(ilvl)})
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            lvl.append(lvl.makeelement(qn(tag), {qn("w:val"): value}))
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = numbering.makeelement(qn("w:num"), {qn("w:numId"): "90"})
    num.append(num.makeelement(qn("w:abstractNumId"), {qn("w:val"): "90"}))
    numbering.append(num)
    return "90"


def _numbered(paragraph: Any, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.makeelement(qn("w:numPr"), {})
    num_pr.append(num_pr.makeelement(qn("w:ilvl"), {qn("w:val"): str(level)}))
    num_pr.append(num_pr.makeelement(qn("w:numId"), {qn("w:val"): num_id}))
    ppr.append(num_pr)


def _roman(n: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"][n - 1]


def build(spec: Spec, path: Path) -> None:
    """Write the document ``spec`` describes to ``path``."""
    document = docx.Document()
    t = _Text(spec.lang, spec.name)
    en = spec.lang == "en"
    num_id = _numbering(document) if spec.structure == "word-numbers" else ""
    names = ("ACME TRADING LIMITED", "BETA RESEARCH INSTITUTE") if en else ("DINAS PENDIDIKAN", "UNIVERSITAS BETA")
    if spec.cover:
        table = document.add_table(rows=4, cols=2)
        rows = [("Agreement", "Services Agreement" if en else "Perjanjian Kerja Sama"),
                ("Effective Date" if en else "Tanggal Berlaku", "1 March 2026" if en else "1 Maret 2026"),
                ("Customer" if en else "Pihak Kedua", names[1]), ("Fees" if en else "Biaya", t.sentence(6))]
        for row, (a, b) in zip(table.rows, rows, strict=True):
            row.cells[0].text, row.cells[1].text = a, b
    if spec.cover_page:
        for text in ("SERVICES AGREEMENT" if en else "PERJANJIAN KERJA SAMA", "BETWEEN" if en else "ANTARA",
                     names[0], "AND" if en else "DENGAN", names[1],
                     "Dated 1 March 2026" if en else "Tanggal 1 Maret 2026"):
            document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_page_break()
    title = document.add_paragraph("SERVICES AGREEMENT" if en else "PERJANJIAN KERJA SAMA")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.structure == "headings":
        title.style = document.styles["Title"]
    if en:
        document.add_paragraph(f"This Agreement is made on 1 March 2026 between {names[0].title()}, a company "
                               f"registered in Singapore (\u201cAcme\u201d) and {names[1].title()} (\u201cBeta\u201d).")
        document.add_paragraph("WHEREAS " + t.sentence(14, ";"))
        document.add_paragraph("WHEREAS " + t.sentence(10, "."))
    else:
        document.add_paragraph(f"Perjanjian ini dibuat pada tanggal 1 Maret 2026 antara {names[0].title()} "
                               f"dan {names[1].title()}.")
        document.add_paragraph("Bahwa " + t.sentence(14, ";"))
    for a in range(1, spec.articles + 1):
        if spec.structure == "bab" and a % 3 == 1:
            document.add_paragraph(f"BAB {['I', 'II', 'III', 'IV'][a // 3]}").alignment = WD_ALIGN_PARAGRAPH.CENTER
            document.add_paragraph(t.heading().upper()).alignment = WD_ALIGN_PARAGRAPH.CENTER
        _article(document, spec, t, a, num_id)
    if spec.body_table:
        table = document.add_table(rows=2, cols=3)
        for row in table.rows:
            for cell in row.cells:
                cell.text = t.sentence(3)
        document.add_paragraph(t.sentence(10))
        _article(document, spec, t, spec.articles + 1, num_id)
    document.add_paragraph("IN WITNESS WHEREOF the parties have signed this Agreement." if en else
                           "Demikian Perjanjian ini dibuat dan ditandatangani oleh PARA PIHAK.")
    if spec.signatures:
        table = document.add_table(rows=5, cols=2)
        people = (("John Smith", "Chief Executive Officer"), ("Sari Dewi", "Rector")) if en else \
            (("Budi Santoso", "Kepala Dinas"), ("Sari Dewi", "Rektor"))
        for c, (name, person) in enumerate(zip(names, people, strict=True)):
            cells = [name, "By: ________", f"{'Name' if en else 'Nama'}: {person[0]}",
                     f"{'Title' if en else 'Jabatan'}: {person[1]}", "Date:" if en else "Tanggal:"]
            for r, text in enumerate(cells):
                table.rows[r].cells[c].text = text
    document.save(str(path))


def _article(document: Any, spec: Spec, t: _Text, a: int, num_id: str) -> None:
    en, s = spec.lang == "en", spec.structure
    heading = t.heading()
    word = "Article" if en else "Pasal"
    if s in ("pasal", "bab", "article"):
        document.add_paragraph(f"{word} {a}").alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_paragraph(heading.upper() if s != "article" else heading).alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif s == "pasal-inline":
        document.add_paragraph(f"{word.upper()} {a} {heading.upper()}")
    elif s == "clause":
        document.add_paragraph(f"{'Clause' if en else 'Pasal'} {a} \u2013 {heading}")
    elif s == "paragraph-sign":
        document.add_paragraph(f"\u00a7 {a}. {heading}")
    elif s == "section-sentence":
        document.add_paragraph(f"{'Section' if en else 'Pasal'} {a}. {heading}. {t.sentence()}")
        _points(document, spec, t, num_id, typed=lambda k: f"({chr(96 + k)})", level=2, sub=True)
        return
    elif s == "typed-numbers":
        document.add_paragraph(f"{a}. {heading}")
    elif s == "word-numbers":
        p = document.add_paragraph(heading)
        _numbered(p, num_id, 0)
    elif s == "headings":
        document.add_heading(heading, level=1)
    elif s == "heading-numbers":
        document.add_heading(f"{a}. {heading}", level=2)
    _clauses(document, spec, t, a, num_id)


def _clauses(document: Any, spec: Spec, t: _Text, a: int, num_id: str) -> None:
    s = spec.structure
    if s == "headings":
        for _ in range(2 + a % 2):
            document.add_paragraph(t.sentence(16))
        if a % 2 == 0:
            document.add_heading(t.heading(), level=2)
            document.add_paragraph(t.sentence(12))
        return
    for c in range(1, 3 + a % 2):
        point_lead = c == 2
        text = t.sentence(16, ":" if point_lead else ".")
        if s == "word-numbers":
            _numbered(document.add_paragraph(text), num_id, 1)
        elif s in ("pasal", "pasal-inline", "bab") and spec.lang == "id":
            document.add_paragraph(f"({c}) {text}")
        else:
            document.add_paragraph(f"{a}.{c} {text}")
        if point_lead:
            indonesian = spec.lang == "id" and s in ("pasal", "pasal-inline", "bab")
            _points(document, spec, t, num_id, typed=(lambda k: f"{chr(96 + k)}.") if indonesian else
                    (lambda k: f"({chr(96 + k)})"), level=2, sub=not indonesian)
        if spec.loose and c == 2:
            document.add_paragraph(t.sentence(9))


def _points(document: Any, spec: Spec, t: _Text, num_id: str, typed: Any, level: int, sub: bool) -> None:
    for k in range(1, 4):
        text = t.sentence(8, ";" if k < 3 else ".")
        if spec.structure == "word-numbers":
            _numbered(document.add_paragraph(text), num_id, level)
        else:
            document.add_paragraph(f"{typed(k)} {text}")
        if sub and k == 2:
            for r in range(1, 3):
                sub_text = t.sentence(6, ";")
                if spec.structure == "word-numbers":
                    _numbered(document.add_paragraph(sub_text), num_id, level + 1)
                else:
                    document.add_paragraph(f"({_roman(r)}) {sub_text}")
                if spec.deep and r == 1:
                    deeper = t.sentence(5, ";")
                    if spec.structure == "word-numbers":
                        _numbered(document.add_paragraph(deeper), num_id, level + 2)
                    else:
                        document.add_paragraph(f"(A) {deeper}")
