"""The raw WordprocessingML that python-docx's proxy API does not reach: list numbering, bookmarks,
fields, cell borders and the watermark. Everything here takes and returns python-docx objects.
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
    so Word counts and renumbers the items itself. Build one per document."""

    def __init__(self, document: Any) -> None:
        self._numbering = document.part.numbering_part.element
        existing = [int(x) for x in self._numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        existing_num = [int(x) for x in self._numbering.xpath("./w:num/@w:numId")]
        self._abstract = itertools.count(max(existing, default=0) + 100)
        self._num = itertools.count(max(existing_num, default=0) + 100)
        # abstractNums go before the first w:num (the schema's order); kept, not searched per list
        first = self._numbering.xpath("./w:num")
        self._first_num: Any = first[0] if first else None

    def new(self, fmt: str, text: str, *, left: int, hanging: int) -> int:
        """Return the ``numId`` of a new one-level list counting in ``fmt`` and printing ``text``.

        ``text`` is a Word level text such as "(%1)" or "%1."; ``left`` and ``hanging`` are
        indents in twentieths of a point.
        """
        abstract_id, num_id = next(self._abstract), next(self._num)
        abstract = _xml(
            f'<w:abstractNum xmlns:w="W_NS" w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl></w:abstractNum>')
        if self._first_num is not None:
            self._first_num.addprevious(abstract)
        else:
            self._numbering.append(abstract)
        num = _xml(f'<w:num xmlns:w="W_NS" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
        self._numbering.append(num)
        if self._first_num is None:
            self._first_num = num
        return num_id


class FastBody:
    """The document, but a paragraph is added in constant time.

    python-docx's ``Document.add_paragraph`` searches the body for ``w:sectPr`` each time, so a
    long agreement took quadratic time; this keeps the ``w:sectPr`` and inserts before it. Every
    other attribute (tables, styles, sections, page breaks) is the document's own.
    """

    def __init__(self, document: Any) -> None:
        self._document = document
        body = document.element.body
        self._body = document._body
        self._end: Any = body.sectPr

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)

    def add_paragraph(self, text: str = "", style: Any = None) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        if self._end is not None:
            self._end.addprevious(p)
        else:
            self._document.element.body.append(p)
        paragraph = Paragraph(p, self._body)
        if text:
            add_run(paragraph, text)
        if style is not None:
            paragraph.style = style
        return paragraph


def add_run(paragraph: Any, text: str) -> Any:
    """Return a new run of ``text`` in ``paragraph``, its text set as one ``w:t``.

    python-docx sets a run's text a character at a time (to turn tabs and newlines into their
    elements); text without them needs one element, which is what costs a long agreement.
    """
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    run._r.add_t(text)
    return run


def set_numbering(paragraph: Any, num_id: int) -> None:
    """Make ``paragraph`` an item of the list ``num_id`` (level 0)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def bookmark(paragraph: Any, name: str, bookmark_id: int) -> None:
    """Wrap the whole content of ``paragraph`` in the bookmark ``name``."""
    p = paragraph._p
    start = _el("w:bookmarkStart", id=str(bookmark_id), name=name)
    end = _el("w:bookmarkEnd", id=str(bookmark_id))
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


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
