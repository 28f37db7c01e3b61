"""Page breaks in the DOCX where the PDF has them, so both copies carry paraf on the same pages.

Word and LibreOffice lay a page out a little differently from typst, so left alone the two
copies of one agreement drift apart by a few lines and a Pasal starts on another page. The PDF
is the reference. Typst lays it out once more with every place a page may start at marked by a
``mou:at:`` link (ADR 0035's marks; the layout is the same, only links are added), and the mark
at the top of a page's body names the block that starts the page; that paragraph gets "page
break before" in the DOCX. A page whose top has no mark starts in the middle of a paragraph (or
after an explicit break both copies have) and is left to the word processor. Reading marks
replaced reading each page's text back with pypdf, which cost 15 ms a page (ADR 0085).
"""

from __future__ import annotations

from typing import Any

from ..ooxml.names import qn
from ._document import DocumentInfo
from ._ooxml import page_break_paragraph
from .outline import Outline

BODY_TOP_PT = 2.5 / 2.54 * 72
"""Where the PDF's body starts, in points from the top of the page (the template's top margin)."""

_ABOVE, _BELOW = 6.0, 3.0
"""How far above and below the body top a starting block's mark may lie: a bold label's box
rises ~4 pt above it, and the next line is ~17 pt below."""

_AT_ABOVE, _AT_BELOW = 3.0, 12.0
"""The same for the position typst reports for a mark, which lies 3-9 pt below its link's box
(0-8 pt below the body top on the first line of a page; 30 pt or more on a later line)."""


def page_places(docs: list[Outline], info: DocumentInfo, layout: str) -> list[str | None]:
    """Return, for each page of the PDF after the first, the ``<lang>:<id>`` of the block that
    starts it (a node id, or one of :data:`mou_kit.render._data.PLACES`), ``None`` for a page that
    starts inside a paragraph or after an explicit page break.

    typst is asked where it laid out each mark (ADR 0087); a typst that cannot be asked writes
    the marked PDF, whose links are read instead (ADR 0085). Both name the same blocks.

    :raises RenderError: typst failed (code ``render-failed``).
    """
    from ._typeset import laid_places

    laid = laid_places(docs, info, layout)
    if laid is None:
        return _places_from_pdf(docs, info, layout)
    pages, marks = laid
    tops: list[tuple[float, str] | None] = [None] * pages
    for page, y, key in marks:
        now = tops[page - 1]
        if now is None or y < now[0]:
            tops[page - 1] = (y, key)
    return [top[1] if top is not None and BODY_TOP_PT - _AT_ABOVE <= top[0] <= BODY_TOP_PT + _AT_BELOW else None
            for top in tops[1:]]


def _places_from_pdf(docs: list[Outline], info: DocumentInfo, layout: str) -> list[str | None]:
    from ._typeset import compile_pdf
    from .finishing.marks import page_tops

    out: list[str | None] = []
    for top in page_tops(compile_pdf(docs, info, layout, mark_all=True))[1:]:
        starts = top is not None and BODY_TOP_PT - _ABOVE <= top[0] <= BODY_TOP_PT + _BELOW
        out.append(top[1] if top is not None and starts else None)
    return out


def _break_before_row(row: Any) -> None:
    """Split the table holding ``row`` before it and start the second part on a new page."""
    import copy

    table = row.getparent()  # an earlier split may have moved the row into a later part
    rows = table.findall(qn("w:tr"))
    if rows and rows[0] is row:
        table.addprevious(page_break_paragraph())
        return
    rest = copy.deepcopy(table)
    for tr in rest.findall(qn("w:tr")):
        rest.remove(tr)
    at = rows.index(row)
    for tr in rows[at:]:
        rest.append(tr)  # moves the row out of the first part
    table.addnext(rest)
    table.addnext(page_break_paragraph())


def break_at(places: dict[str, Any], starts: list[str | None]) -> int:
    """Start a new page before the paragraph (or side-by-side row) named by each of ``starts``
    (from :func:`page_places`) in ``places`` (``<lang>:<id>`` -> ``w:p``); return how many
    breaks were made. The first block of the body needs none.
    """
    done = 0
    for key in starts:
        element = places.get(key) if key is not None else None
        if element is None:
            continue
        parent = element.getparent()
        if parent.tag == qn("w:body"):
            if element.getprevious() is not None:  # not parent.index(): a scan of the body per page
                element.get_or_add_pPr().pageBreakBefore_val = True  # in schema order
                done += 1
        elif parent.tag == qn("w:tc"):  # a side-by-side row
            _break_before_row(parent.getparent())
            done += 1
    return done
