"""The DIM (Daftar Inventarisasi Masalah) as a landscape DOCX table or a standalone HTML page.

Both forms carry the formal title, one column per party, a header row repeated on every page,
rows kept whole on one page, columns wide enough that no word breaks, page numbers, and the
agreement's serif font (Times New Roman, which LibreOffice lays out as Liberation Serif).
"""

from __future__ import annotations

import io
import os
from html import escape
from pathlib import Path
from typing import Any, Literal

from ...diff.dim import Dim
from ...errors import RenderError
from ...ooxml.names import qn
from .._docx import FONT
from ._dim_cells import Cell, attendance, headings, meeting_line, row_cells, sources_line, title_lines, words

PAGE_CM = 29.7 - 2 * 1.5
"""The width of the table on landscape A4 with 1.5 cm margins."""

SIZE_PT = 9.0


def _word_cm(word: str, size: float, *, bold: bool = False) -> float:
    """Return about how wide ``word`` prints in a Times-like serif: capitals and bold are wider."""
    ems = sum(0.72 if c.isupper() else 0.5 for c in word) * (1.08 if bold else 1.0)
    return ems * size * 0.03528


def _need_cm(cells: list[Cell], header: str, size: float) -> float:
    """Return the width a column needs for its longest word (header in bold), plus the cell padding."""
    widest = max((_word_cm(w, size, bold=mark == "b") for cell in cells for text, mark in cell
                  for w in text.split()), default=0.0)
    widest = max(widest, *(_word_cm(w, size, bold=True) for w in header.split()))
    return widest + 0.4


def column_widths(dim: Dim, rows: list[list[Cell]]) -> list[float]:
    """Return the width of each column in cm, shared by weight, each at least as wide as its longest
    word so that no word is broken across lines."""
    heads = headings(dim)
    need = [_need_cm([r[i] for r in rows], heads[i], SIZE_PT) for i in range(len(heads))]
    weights = [0.5, 0.9, 1.5, *([1.5] * len(dim.parties)), 1.1, 1.5, 1.7]
    total = sum(weights)
    widths = [max(PAGE_CM * w / total, n) for w, n in zip(weights, need, strict=True)]
    excess = sum(widths) - PAGE_CM
    if excess > 0:  # take the excess from the columns with room above their longest word
        room = [max(0.0, w - n) for w, n in zip(widths, need, strict=True)]
        spare = sum(room) or 1.0
        widths = [w - excess * r / spare for w, r in zip(widths, room, strict=True)]
    return widths


# ------------------------------------------------------------------ HTML

_STYLE = (
    "@page{size:A4 landscape;margin:1.5cm;@bottom-right{content:counter(page) ' / ' counter(pages);"
    "font:8pt 'Liberation Serif','Times New Roman',Times,serif}}"
    "body{font-family:'Liberation Serif','Times New Roman',Times,serif;font-size:9pt;margin:1em}"
    ".title{text-align:center;font-weight:bold;font-size:11pt;margin:0}"
    ".meeting{text-align:center;margin:.4em 0 1em}"
    "table{border-collapse:collapse;width:100%;table-layout:fixed}"
    "th,td{border:1px solid #222;padding:.25em .3em;vertical-align:top;text-align:left;"
    "hyphens:manual;overflow-wrap:normal;word-break:normal;white-space:pre-line}"
    "th{background:#e8e8e8}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}"
    "tr.context td{color:#333;background:#fafafa}"
    "del{color:#b71c1c;text-decoration:line-through}ins{color:#0d47a1;text-decoration:underline}"
    ".small{font-size:8pt;color:#444}em{color:#555}.notes{margin-top:.8em;font-size:8.5pt}"
)


def _html_cell(cell: Cell) -> str:
    out = []
    for text, mark in cell:
        safe = escape(text)
        out.append({"ins": f"<ins>{safe}</ins>", "del": f"<del>{safe}</del>", "em": f"<em>{safe}</em>",
                     "b": f"<b>{safe}</b>", "small": f'<span class="small">{safe}</span>'}.get(mark, safe))
    return "".join(out)


def render_dim_html(dim: Dim) -> str:
    """Return the DIM as one standalone HTML page, landscape when printed."""
    rows = [row_cells(r, dim) for r in dim.rows]
    widths = column_widths(dim, rows)
    cols = "".join(f'<col style="width:{w / PAGE_CM * 100:.2f}%">' for w in widths)
    head = "".join(f"<th>{escape(h)}</th>" for h in headings(dim))
    body = "".join(
        f'<tr{" class=context" if row.context else ""} id="dim-{escape(row.number)}">'
        + "".join(f"<td>{_html_cell(c)}</td>" for c in cells) + "</tr>"
        for row, cells in zip(dim.rows, rows, strict=True))
    title = "".join(f'<p class="title">{escape(line)}</p>' for line in title_lines(dim))
    meeting = meeting_line(dim.meeting, dim.lang)
    notes = [n for n in (_folded(dim), attendance(dim), sources_line(dim)) if n]
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(dim.lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(' '.join(title_lines(dim)[:2]))}</title><style>{_STYLE}</style></head><body>"
        f"{title}" + (f'<p class="meeting">{escape(meeting)}</p>' if meeting else "")
        + f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        + "".join(f'<p class="notes">{escape(n)}</p>' for n in notes) + "</body></html>\n")


def _folded(dim: Dim) -> str:
    return words(dim.lang)["wording_only"] + ", ".join(dim.wording_only) + "." if dim.wording_only else ""


# ------------------------------------------------------------------ DOCX

def _runs(paragraph: Any, cell: Cell) -> None:
    from docx.shared import Pt, RGBColor

    for text, mark in cell:
        run = paragraph.add_run(text)
        if mark == "ins":
            run.font.underline = True
            run.font.color.rgb = RGBColor(0x0D, 0x47, 0xA1)
        elif mark == "del":
            run.font.strike = True
            run.font.color.rgb = RGBColor(0xB7, 0x1C, 0x1C)
        elif mark == "em":
            run.italic = True
        elif mark == "b":
            run.bold = True
        elif mark == "small":
            run.font.size = Pt(SIZE_PT - 1)


def landscape_page(document: Any) -> None:
    """Make ``document`` landscape A4 with 1.5 cm margins, in the agreement's serif at 9 pt."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    section.footer_distance = Cm(0.8)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), FONT)
    normal.paragraph_format.space_after = Pt(0)


def page_numbers(document: Any, lang: str) -> None:
    """Put "Halaman X dari Y" (or "Page X of Y") at the right of the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from .. import _ooxml

    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _ooxml.page_of_pages(paragraph, words(lang)["page"])


def build_dim_docx(dim: Dim) -> Any:
    """Return the DIM as a python-docx Document (landscape A4, one table, header row repeated)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    from ...ooxml.tracked import repeat_header

    document = Document()
    landscape_page(document)
    page_numbers(document, dim.lang)
    for line in title_lines(dim):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True
    meeting = meeting_line(dim.meeting, dim.lang)
    if meeting:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(4)
        p.add_run(meeting)
    document.add_paragraph()
    rows = [row_cells(r, dim) for r in dim.rows]
    widths = column_widths(dim, rows)
    table = document.add_table(rows=1, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for cell, heading, width in zip(table.rows[0].cells, headings(dim), widths, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0].add_run(heading).bold = True
    repeat_header(table.rows[0]._tr)
    for cells in rows:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, content, width in zip(row.cells, cells, widths, strict=True):
            cell.width = Cm(width)
            _runs(cell.paragraphs[0], content)
    header_pr = table.rows[0]._tr.get_or_add_trPr()
    header_pr.append(OxmlElement("w:cantSplit"))
    for note in (_folded(dim), attendance(dim), sources_line(dim)):
        if note:
            p = document.add_paragraph()
            p.paragraph_format.space_before = Pt(4)
            p.add_run(note).font.size = Pt(SIZE_PT - 0.5)
    props = document.core_properties
    props.title = " ".join(title_lines(dim)[:2])
    props.author = "mou_kit"
    return document


def write_dim(dim: Dim, path: str | os.PathLike[str] | None = None, *,
              format: Literal["docx", "html"] | None = None) -> bytes:
    """Return the DIM as a DOCX (landscape table) or a standalone HTML page, also written to ``path`` when given.

    ``format`` defaults to the name of ``path`` (``.docx``: DOCX, any other: HTML), else DOCX.

    :raises RenderError: ``format`` is neither, or the file cannot be written (code ``render-failed``).
    """
    target = Path(path) if path is not None else None
    chosen = format or ("docx" if target is None or target.suffix.lower() == ".docx" else "html")
    if chosen == "html":
        data = render_dim_html(dim).encode()
    elif chosen == "docx":
        out = io.BytesIO()
        build_dim_docx(dim).save(out)
        data = out.getvalue()
    else:
        raise RenderError(f"the DIM is written as 'docx' or 'html', not {chosen!r}", code="render-failed")
    if target is not None:
        try:
            target.write_bytes(data)
        except OSError as e:
            raise RenderError(f"cannot write the DIM to {target}: {e.strerror or e}; check the folder exists and "
                              "the file is not open in Word", code="render-failed") from e
    return data
