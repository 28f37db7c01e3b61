"""The raw WordprocessingML that python-docx's proxy API does not reach: list numbering, bookmarks,
fields, cell borders and the watermark. Everything here takes and returns python-docx objects;
the body's own paragraphs are written as text (:mod:`._wordml`).
"""

from __future__ import annotations

import itertools
from html import escape
from typing import Any

from ..ooxml.names import W_NS as _W

NUM_FORMATS = {"arabic": "decimal", "alpha": "lowerLetter", "upper-alpha": "upperLetter", "roman": "lowerRoman"}
"""Counter styles of the locale files mapped to Word's ``w:numFmt`` values."""


def _xml(fragment: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(fragment.replace("W_NS", _W))


def _el(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def page_break_paragraph() -> Any:
    """Return an empty, 1-pt paragraph that starts a new page (between two parts of a split table)."""
    return _xml('<w:p xmlns:w="W_NS"><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" '
                'w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')


class Lists:
    """Word list definitions added to one document: each list instance gets its own ``w:num``,
    so Word counts and renumbers the items itself. Build one per document.

    The definitions are kept as text and go into the numbering part at once (:meth:`flush`):
    abstract definitions before the part's first ``w:num`` (the schema's order), instances last.
    """

    def __init__(self, document: Any) -> None:
        self._numbering = document.part.numbering_part.element
        existing = [int(x) for x in self._numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        existing_num = [int(x) for x in self._numbering.xpath("./w:num/@w:numId")]
        self._abstract = itertools.count(max(existing, default=0) + 100)
        self._num = itertools.count(max(existing_num, default=0) + 100)
        self._abstracts: list[str] = []
        self._nums: list[str] = []

    def new(self, fmt: str, text: str, *, left: int, hanging: int) -> int:
        """Return the ``numId`` of a new one-level list counting in ``fmt`` and printing ``text``.

        ``text`` is a Word level text such as "(%1)" or "%1."; ``left`` and ``hanging`` are
        indents in twentieths of a point.
        """
        abstract_id, num_id = next(self._abstract), next(self._num)
        self._abstracts.append(
            f'<w:abstractNum w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl></w:abstractNum>')
        self._nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        return num_id

    def flush(self) -> None:
        """Put the definitions made since the last flush into the numbering part."""
        from ._wordml import parse

        if not self._nums:
            return
        first = self._numbering.find(f"{{{_W}}}num")
        for abstract in parse(self._abstracts):
            if first is not None:
                first.addprevious(abstract)
            else:
                self._numbering.append(abstract)
        self._numbering.extend(parse(self._nums))
        self._abstracts, self._nums = [], []


class FastBody:
    """The document, but its paragraphs are written as text and put in at once (:class:`~._wordml.Blocks`).

    python-docx's ``Document.add_paragraph`` searches the body for ``w:sectPr`` each time;
    :attr:`blocks` collects the paragraphs and puts them before the ``w:sectPr`` when something
    else (a table, a page break, a paragraph python-docx builds) comes next, or at the end.
    Every other attribute (styles, sections) is the document's own.
    """

    def __init__(self, document: Any, places: dict[str, Any]) -> None:
        from ._wordml import Blocks

        self._document = document
        body = document.element.body
        self.blocks = Blocks(body, places, before=body.sectPr)
        self._width = document._block_width  # python-docx reads the sections again for every table

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)

    def add_paragraph(self) -> Any:
        """Return a new, empty python-docx paragraph at the end of the body."""
        self.blocks.flush()
        return self._document.add_paragraph()

    def add_table(self, rows: int, cols: int) -> Any:
        """Return a new python-docx table as wide as the text at the end of the body, as ``Document.add_table``."""
        from docx.oxml.table import CT_Tbl
        from docx.table import Table

        self.blocks.flush()
        tbl = CT_Tbl.new_tbl(rows, cols, self._width)
        if self.blocks.before is not None:
            self.blocks.before.addprevious(tbl)
        else:
            self.blocks.parent.append(tbl)
        table = Table(tbl, self._document._body)
        table.style = None
        return table

    def add_page_break(self) -> Any:
        """Return a new paragraph holding a page break, at the end of the body."""
        self.blocks.flush()
        return self._document.add_page_break()


def field(paragraph: Any, instruction: str, cached: str, *, bold: bool = False) -> None:
    """Append a complex field (``w:fldChar`` begin/separate/end) whose cached result is ``cached``."""
    def run(*children: Any) -> Any:
        r = _el("w:r")
        if bold:
            rpr = _el("w:rPr")
            rpr.append(_el("w:b"))
            r.append(rpr)
        for child in children:
            r.append(child)
        paragraph._p.append(r)
        return r

    run(_el("w:fldChar", fldCharType="begin"))
    instr = _el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run(instr)
    run(_el("w:fldChar", fldCharType="separate"))
    text = _el("w:t")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = cached
    run(text)
    run(_el("w:fldChar", fldCharType="end"))


def page_of_pages(paragraph: Any, pattern: str) -> None:
    """Append ``pattern`` ("Halaman {page} dari {pages}", perhaps twice for two languages) with a
    PAGE or NUMPAGES field at each placeholder."""
    import re

    for piece in re.split(r"(\{pages?\})", pattern):
        if piece == "{page}":
            field(paragraph, "PAGE", "1")
        elif piece == "{pages}":
            field(paragraph, "NUMPAGES", "1")
        elif piece:
            paragraph.add_run(piece)


def cell_borders(cell: Any, *, style: str = "single", size: int = 4) -> None:
    """Give ``cell`` borders on all four sides (``style`` "single", "dashed" or "nil")."""
    tcpr = cell._tc.get_or_add_tcPr()
    borders = _el("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_el(f"w:{side}", val=style, sz=str(size), space="0", color="000000"))
    tcpr.append(borders)


def table_borders(table: Any, style: str = "nil") -> None:
    """Set every border of ``table``, inside ones included, to ``style``."""
    tblpr = table._tbl.tblPr
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val=style, sz="4", space="0", color="000000"))
    tblpr.append(borders)


def row_height(row: Any, twips: int) -> None:
    """Give ``row`` an exact height in twentieths of a point, and keep it on one page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_el("w:cantSplit"))
    trpr.append(_el("w:trHeight", val=str(twips), hRule="exact"))


def keep_rows_together(table: Any) -> None:
    """Keep every row of ``table`` on one page and the table with the next paragraph."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(_el("w:cantSplit"))
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def watermark(header: Any, text: str) -> None:
    """Add ``text`` as a grey diagonal watermark (a VML text path, as Word makes it) to ``header``."""
    safe = escape(text)
    shape = _xml(
        '<w:p xmlns:w="W_NS" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office"><w:r><w:pict>'
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
        '<v:textpath on="t" fitshape="t"/></v:shapetype>'
        '<v:shape id="MouWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:470pt;height:60pt;rotation:315;'
        'z-index:-251655168;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
        'mso-position-vertical:center;mso-position-vertical-relative:margin" '
        'o:allowincell="f" fillcolor="#d8d8d8" stroked="f">'
        '<v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;Times New Roman&quot;;font-size:1pt" string="{safe}"/>'
        '</v:shape></w:pict></w:r></w:p>')
    header._element.append(shape)
