"""Page breaks in the DOCX where the PDF has them, so both copies carry paraf on the same pages.

Word and LibreOffice lay a page out a little differently from typst, so left alone the two
copies of one agreement drift apart by a few lines and a Pasal starts on another page. The PDF
is the reference: the first line of body text on each of its pages names the paragraph that
starts the page, and that paragraph gets "page break before" in the DOCX. A page that starts in
the middle of a paragraph has no such paragraph and is left to the word processor.
"""

from __future__ import annotations

import io
import re
from typing import Any

_LABEL = re.compile(r"^(\(\d+\)|\d+\.|[a-z]\.|[a-z]\)|\([a-z]+\))")
_SPACE = re.compile(r"\s+")

BODY_TOP_CM = 2.5
"""The PDF's top margin: body text starts below it."""

BODY_BOTTOM_CM = 3.6
"""The PDF's bottom margin: paraf boxes, revision and page number live below it."""


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def page_starts(pdf: bytes) -> list[str]:
    """Return, for each page after the first, the first line of body text (furniture and the
    rotated watermark left out), without spaces; "" for a page without body text."""
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages[1:]:
        height = float(page.mediabox.height)
        top, bottom = height - BODY_TOP_CM / 2.54 * 72 + 2, BODY_BOTTOM_CM / 2.54 * 72
        found: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any,
                  found: list[tuple[float, float, str]] = found, top: float = top, bottom: float = bottom) -> None:
            if not text.strip() or abs(tm[1]) > 1e-6 or abs(tm[2]) > 1e-6:
                return  # empty, or rotated (the watermark)
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if bottom < y < top:
                found.append((y, x, text))

        page.extract_text(visitor_text=visit)
        if not found:
            out.append("")
            continue
        first = max(y for y, _, _ in found)
        line = "".join(t for _, _, t in sorted(f for f in found if abs(f[0] - first) < 2.0))
        out.append(_squeeze(line))
    return out


def _blocks(document: Any) -> list[tuple[str, Any, Any]]:
    """Return the body's paragraphs and table rows in reading order: (squeezed text, element, table).

    A row reads as its first cell (the first language of a side-by-side copy) followed by the others.
    """
    from docx.oxml.ns import qn

    def text(element: Any) -> str:  # the printed text only: no field codes, no deleted runs
        return _squeeze("".join(t.text or "" for t in element.iter(qn("w:t"))))

    out: list[tuple[str, Any, Any]] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append((text(child), child, None))
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                cells = row.findall(qn("w:tc"))
                first = [text(c.find(qn("w:p"))) if c.find(qn("w:p")) is not None else "" for c in cells]
                out.append(("".join(first), row, child))
    return out


def _matches(text: str, line: str, *, row: bool) -> bool:
    line = _LABEL.sub("", line) if not text.startswith(line[:3]) else line
    if not line or not text:
        return False
    if text == line or (len(line) >= 12 and text.startswith(line)):
        return True
    # a side-by-side row: the PDF's first line holds the first line of each column, so compare the start
    return row and len(text) >= 8 and line.startswith(text[:15])


def _page_break_paragraph() -> Any:
    """Return an empty, 1-pt paragraph that starts a new page (between two parts of a split table)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" '
                     'w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')


def _break_before_row(row: Any) -> None:
    """Split the table holding ``row`` before it and start the second part on a new page."""
    import copy

    from docx.oxml.ns import qn

    table = row.getparent()  # an earlier split may have moved the row into a later part
    rows = table.findall(qn("w:tr"))
    if rows and rows[0] is row:
        table.addprevious(_page_break_paragraph())
        return
    rest = copy.deepcopy(table)
    for tr in rest.findall(qn("w:tr")):
        rest.remove(tr)
    at = rows.index(row)
    for tr in rows[at:]:
        rest.append(tr)  # moves the row out of the first part
    table.addnext(rest)
    table.addnext(_page_break_paragraph())


def break_like(document: Any, starts: list[str]) -> int:
    """Start a new page before the paragraph (or side-by-side row) that starts each PDF page;
    return how many breaks were made.

    Blocks are matched in order, each after the previous match, so a repeated line (two
    "Pasal 1" in a sequential bilingual copy) finds its own occurrence.
    """
    found = _blocks(document)
    done, at = 0, 0
    for line in starts:
        if not line:
            continue
        for index in range(at, len(found)):
            text, element, table = found[index]
            if _matches(text, line, row=table is not None):
                if index > 0:
                    if table is None:
                        element.get_or_add_pPr().pageBreakBefore_val = True  # in schema order
                    else:
                        _break_before_row(element)
                    done += 1
                at = index + 1
                break
    return done
