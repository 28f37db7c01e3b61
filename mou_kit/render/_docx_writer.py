"""How an agreement becomes a Word document that reads right as opened and stays right when edited.

The writer lays out the same outline as the PDF through python-docx's proxy API. Ayat, huruf
and angka are real Word lists (Word counts them), cross-references are REF fields on
bookmarks whose cached text already shows the number, and the house style (fonts, margins)
comes from an optional reference DOCX, as pandoc's ``--reference-doc`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..model.ids import bookmark_name
from ..model.numbering import counter
from . import _ooxml, _wordml
from ._citation import Chain, split_citation
from ._document import DocumentInfo
from .outline import ClauseBlock, Outline, Para, PointBlock, Run, SignatureBlock

CM = 567
"""Twentieths of a point in one centimetre."""


def _level_text(label: str, style: str) -> str:
    first = counter(1, style)
    head, found, tail = label.rpartition(first)
    return f"{head}%1{tail}" if found else label


def _open_base(reference: Path | None) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if reference is None:
        return docx.Document()
    try:
        document = docx.Document(str(reference))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise RenderError(f"reference DOCX {reference} is not a Word .docx file; save it from Word as "
                          "'Word Document (.docx)' or remove it", code="reference-docx-invalid") from e
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


class _Writer:
    """Lays out outlines in one python-docx document; build one per document."""

    def __init__(self, document: Any, info: DocumentInfo, *, narrow: bool = False) -> None:
        self.places: dict[str, Any] = {}
        """Paragraph elements by the ``<lang>:<id>`` the pagination marks name (ids and PLACES)."""
        self.doc = _ooxml.FastBody(document, self.places)
        self.info = info
        self.lists = _ooxml.Lists(document)
        self.indent = (CM * 8) // 10 if narrow else CM
        self.chains: dict[str, dict[str, Chain]] = {}
        self._next_bookmark = 1

    # ------------------------------------------------------------ text
    def runs(self, runs: list[Run], lang: str) -> str:
        out = []
        for r in runs:
            chain = self.chains.get(lang, {}).get(r.ref) if r.ref else None
            if chain is None:
                out.append(_wordml.run(r.text, bold=r.bold))
                continue
            for text, node in split_citation(r.text, chain):
                if node is None:
                    out.append(_wordml.run(text, bold=r.bold))
                    continue
                switch = "\\h" if node == chain[0][0] else "\\r \\h"
                out.append(_wordml.field(f"REF {bookmark_name(lang, node)} {switch}", text, bold=r.bold))
        return "".join(out)

    def _bookmark(self, lang: str, node: str | None) -> tuple[int, str] | None:
        if node is None:
            return None
        self._next_bookmark += 1
        return self._next_bookmark - 1, bookmark_name(lang, node)

    def para(self, where: _wordml.Blocks, p: Para | ClauseBlock | PointBlock | None, lang: str, *,
             num: int | None = None, keep: bool = False, place: str | None = None, node: str | None = None) -> None:
        """Write ``p``, an item of list ``num``, known in :attr:`places` by ``place`` and bookmarked as ``node``."""
        if p is None:
            return
        ppr = _wordml.properties(style=where.style, keep=keep, num=num)
        names = [f"{lang}:{x}" for x in (place, node) if x is not None]
        where.add(_wordml.paragraph(ppr, self.runs(p.runs, lang), self._bookmark(lang, node)), *names)

    def centred(self, where: _wordml.Blocks, text: str, *, after: int = 0, before: int | None = None,
                lang: str = "", node: str | None = None) -> None:
        """Write a bold, centred line kept with the next, ``after`` points after it (``before`` twips above)."""
        ppr = _wordml.properties(style=where.style, keep=True, after=after * 20, before=before, centre=True)
        names = [f"{lang}:{node}"] if node is not None else []
        where.add(_wordml.paragraph(ppr, _wordml.plain_run(text, bold=True), self._bookmark(lang, node)), *names)

    def numbered(self, where: _wordml.Blocks, paras: list[Para], lang: str, style: str, left: int) -> None:
        if not paras:
            return
        num = self.lists.new(_ooxml.NUM_FORMATS[style], _level_text(paras[0].label, style),
                             left=left, hanging=self.indent)
        for p in paras:
            self.para(where, p, lang, num=num, node=p.node)

    # ------------------------------------------------------------ blocks
    def title(self, where: _wordml.Blocks, doc: Outline) -> None:
        for line in doc.title.lines:
            self.centred(where, line)
        for line in doc.title.numbers:
            self.centred(where, line)
        self.centred(where, doc.title.about)
        self.centred(where, doc.title.subject, after=12)

    def preamble(self, where: _wordml.Blocks, doc: Outline, part: str) -> None:
        lang = doc.lang
        if part == "opening":
            self.para(where, doc.opening, lang, place="_opening")
        elif part == "parties":
            self.numbered(where, doc.parties, lang, "arabic", self.indent)
        elif part == "together":
            self.para(where, doc.together, lang, place="_together")
        elif part == "recitals" and doc.recitals_intro is not None:
            self.para(where, doc.recitals_intro, lang, keep=True, place="_recitals_intro")
            self.numbered(where, doc.recitals, lang, doc.locale.recital.style, self.indent)
        elif part == "formula":
            self.para(where, doc.formula, lang, place="_formula")

    def article_head(self, where: _wordml.Blocks, lang: str, node: str, label: str, heading: str) -> None:
        self.centred(where, label, before=240, lang=lang, node=node)
        self.centred(where, heading, after=6)

    def points(self, where: _wordml.Blocks, points: list[PointBlock], lang: str, left: int, loc: Any) -> None:
        if not points:
            return
        style = loc.points[min(points[0].depth, len(loc.points)) - 1].style
        num = self.lists.new(_ooxml.NUM_FORMATS[style], _level_text(points[0].label, style),
                             left=left + self.indent, hanging=self.indent)
        for p in points:
            self.para(where, p, lang, num=num, node=p.node)
            self.points(where, p.points, lang, left + self.indent, loc)

    def clause_list(self, clauses: list[ClauseBlock]) -> int | None:
        if not clauses or not clauses[0].label:
            return None
        return self.lists.new("decimal", _level_text(clauses[0].label, "arabic"), left=self.indent,
                              hanging=self.indent)

    def clause(self, where: _wordml.Blocks, c: ClauseBlock, num: int | None, lang: str, loc: Any) -> None:
        self.para(where, c, lang, num=num, node=c.node)
        self.points(where, c.points, lang, self.indent if num is not None else 0, loc)

    def signatures(self, where: Any, sigs: list[SignatureBlock], meterai: str | None,
                   others: list[SignatureBlock] | None = None) -> None:
        """Lay out the signature blocks two to a row, an odd last one centred, fields aligned by row."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Cm

        if sigs and sigs[0].custom:
            self._own_signatures(where, sigs, meterai)
            return
        for start in range(0, len(sigs), 2):
            chunk = list(range(start, min(start + 2, len(sigs))))
            table = where.add_table(rows=5, cols=len(chunk))
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            for column in table.columns:
                column.width = Cm(7.5)
            _ooxml.table_borders(table)
            _ooxml.row_height(table.rows[2], int(CM * 2.6))
            for col, i in enumerate(chunk):
                sig = sigs[i]
                cells = [row.cells[col] for row in table.rows]
                for cell in cells:
                    cell.width = Cm(7.5)
                self._sig_cell(cells[0], sig.label + ",", bold=True)
                self._sig_cell(cells[1], sig.position)
                if sig.on_behalf:
                    self._sig_cell(cells[1], sig.on_behalf, new=True)
                if others is not None:
                    self._sig_cell(cells[1], f"{others[i].label}, {others[i].position}", italic=True, new=True)
                if meterai:
                    self._meterai(cells[2], meterai)
                self._sig_cell(cells[3], sig.name or "(........................)", bold=True, underline=True)
                self._sig_cell(cells[4], sig.rank_line)
            _ooxml.keep_rows_together(table)
            spacer = where.add_paragraph()
            # the closing and every block stay on one page: only the last table may end the run
            spacer.paragraph_format.keep_with_next = start + 2 < len(sigs)

    def _own_signatures(self, where: Any, sigs: list[SignatureBlock], meterai: str | None) -> None:
        """The agreement's own signature block: one row per line and one column per party, as a
        contract's signature table reads, with the signing space where its lines put it."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Cm

        for start in range(0, len(sigs), 2):
            chunk = sigs[start:start + 2]
            above, below = max(len(s.above) for s in chunk), max(len(s.below) for s in chunk)
            table = where.add_table(rows=above + 1 + below, cols=len(chunk))
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            _ooxml.table_borders(table)
            _ooxml.row_height(table.rows[above], int(CM * 2.6))
            for col, sig in enumerate(chunk):
                cells = [row.cells[col] for row in table.rows]
                for cell in cells:
                    cell.width = Cm(7.5)
                for row, line in enumerate(sig.above):
                    self._sig_cell(cells[row], line, bold=row == 0, left=True)
                if meterai:
                    self._meterai(cells[above], meterai)
                for row, line in enumerate(sig.below):
                    self._sig_cell(cells[above + 1 + row], line, left=True)
            _ooxml.keep_rows_together(table)
            where.add_paragraph().paragraph_format.keep_with_next = start + 2 < len(sigs)

    def _meterai(self, cell: Any, text: str) -> None:
        """Put a dashed box for the duty stamp (meterai) at the left of the signature space."""
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        box = cell.add_table(rows=1, cols=1)
        box.alignment = WD_TABLE_ALIGNMENT.LEFT
        box.autofit = False
        box.columns[0].width = Cm(2.4)
        inner = box.rows[0].cells[0]
        inner.width = Cm(2.4)
        inner.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _ooxml.table_borders(box, "dashed")
        _ooxml.row_height(box.rows[0], int(CM * 1.5))
        paragraph = inner.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(text).font.size = Pt(7)
        cell.paragraphs[0].paragraph_format.space_after = Pt(6)

    def _sig_cell(self, cell: Any, text: str, *, bold: bool = False, underline: bool = False,
                  italic: bool = False, small: bool = False, new: bool = False, left: bool = False) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = cell.add_paragraph() if new else cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if small or left else WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.underline, run.italic = bold or None, underline or None, italic or None
        if small:
            run.font.size = Pt(7)

    def annexes(self, doc: Outline) -> None:
        body = self.doc.blocks
        for annex in doc.annexes:
            self.doc.add_page_break()
            self.centred(body, annex.label)
            self.centred(body, annex.title, after=12)
            if annex.runs:
                self.para(body, Para("annex", annex.runs), doc.lang)

    # ------------------------------------------------------------ document
    def whole(self, doc: Outline) -> None:
        d = self.doc.blocks
        self.title(d, doc)
        for part in ("opening", "parties", "together", "recitals", "formula"):
            self.preamble(d, doc, part)
        for a in doc.articles:
            self.article_head(d, doc.lang, a.node, a.label, a.heading)
            num = self.clause_list(a.clauses)
            for c in a.clauses:
                self.clause(d, c, num, doc.lang, doc.locale)
        self.para(d, doc.closing, doc.lang, keep=True, place="_closing")
        self.signatures(self.doc, doc.signatures, doc.locale.phrases["meterai"] if doc.meterai else None)
        self.annexes(doc)

    def page_break(self) -> None:
        """Start a new page (between the languages of a sequential document)."""
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def finish(self) -> None:
        """Put what is still written as text into the document: the last paragraphs, the list definitions."""
        self.doc.blocks.flush()
        self.lists.flush()

    def side_by_side(self, a: Outline, b: Outline) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt

        table = self.doc.add_table(rows=0, cols=2)
        _ooxml.table_borders(table)
        names = {s.name for s in self.doc.styles}
        style = self.doc.styles["MoU Bilingual"] if "MoU Bilingual" in names else \
            self.doc.styles.add_style("MoU Bilingual", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.doc.styles["Normal"]
        style.font.size = Pt(10.5)

        def pair(fill: Any) -> None:
            cells = table.add_row().cells
            for cell, doc in zip(cells, (a, b), strict=True):
                blocks = _wordml.Blocks(cell._tc, self.places, style=style.style_id, cell=True)
                fill(blocks, doc)
                blocks.flush()

        pair(lambda cell, doc: self.title(cell, doc))
        for part in ("opening", "parties", "together", "recitals", "formula"):
            pair(lambda cell, doc, part=part: self.preamble(cell, doc, part))
        for x, y in zip(a.articles, b.articles, strict=True):
            arts = {a.lang: x, b.lang: y}
            nums = {a.lang: self.clause_list(x.clauses), b.lang: self.clause_list(y.clauses)}
            pair(lambda cell, doc, arts=arts: self.article_head(
                cell, doc.lang, arts[doc.lang].node, arts[doc.lang].label, arts[doc.lang].heading))
            for c, e in zip(x.clauses, y.clauses, strict=True):
                found = {a.lang: c, b.lang: e}
                pair(lambda cell, doc, found=found, nums=nums: self.clause(
                    cell, found[doc.lang], nums[doc.lang], doc.lang, doc.locale))
        pair(lambda cell, doc: self.para(cell, doc.closing, doc.lang, place="_closing"))
        self.signatures(self.doc, a.signatures, a.locale.phrases["meterai"] if a.meterai else None,
                        others=b.signatures)
        self.annexes(a)
