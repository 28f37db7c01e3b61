"""What surrounds the text of a Word agreement: page, house style, logos, paraf footer, page count,
watermark and document properties; and the front door :func:`render_docx`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._io import write_output
from ..errors import RenderError
from ..model import Agreement
from ..ooxml.names import qn
from . import _ooxml
from ._citation import chains
from ._document import REFERENCE_DOCX, DocumentInfo, RevisionLike
from ._docx_writer import _open_base, _Writer
from .outline import Outline

SPACE_AFTER = 4.0
LINE_SPACING = 1.0
FONT = "Times New Roman"
"""The body font of a DOCX without a reference document; Liberation Serif (the PDF's) has its metrics."""


def _page(document: Any, *, styled: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if styled:
        return
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
        section.left_margin, section.right_margin = Cm(3), Cm(2.5)
        section.footer_distance = Cm(1)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # a little denser than the PDF (typst: leading 0.62em, spacing 0.9em), so that every page of the
    # PDF fits on a page of the DOCX and the page breaks taken from the PDF hold (render/pagination.py)
    fmt.space_after = Pt(SPACE_AFTER)
    fmt.line_spacing = LINE_SPACING


def _footer(document: Any, info: DocumentInfo, labels: list[str]) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    footer = document.sections[0].footer
    head = footer.paragraphs[0]
    head.text = info.initials
    head.runs[0].font.size = Pt(7)
    head.paragraph_format.space_after = Pt(0)
    width = min(2.4, 12.0 / len(labels))
    table = footer.add_table(rows=2, cols=len(labels), width=Cm(width * len(labels)))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _ooxml.table_borders(table, "single")
    for cell, label in zip(table.rows[0].cells, labels, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0].add_run(label).font.size = Pt(6)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _ooxml.row_height(table.rows[1], int(0.8 * 567))
    page = footer.add_paragraph()
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _ooxml.page_of_pages(page, info.page)
    if info.short:
        line = footer.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = line.add_run(info.short)
        run.font.size = Pt(7)
        run.font.color.rgb = RGBColor(0x6E, 0x6E, 0x6E)
    if info.watermark:
        _ooxml.watermark(document.sections[0].header, info.watermark)


def _logos(document: Any, logos: list[Path | None]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    if not any(logos):
        return
    table = document.add_table(rows=1, cols=len(logos))
    _ooxml.table_borders(table)
    for cell, logo in zip(table.rows[0].cells, logos, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if logo is None:
            continue
        if logo.suffix.lower() == ".svg":
            raise RenderError(f"logo {logo.name} is SVG, which Word documents cannot carry here; "
                              "add a PNG or JPEG version under assets/", code="asset-missing")
        paragraph.add_run().add_picture(str(logo), height=Cm(2.2))


def _properties(document: Any, info: DocumentInfo) -> None:
    props = document.core_properties
    props.title = info.title
    props.subject = info.subject
    props.author = "; ".join(info.parties)
    props.keywords = info.keywords
    props.version = info.revision.id
    props.identifier = f"sha256:{info.fingerprint}"
    props.content_status = info.state
    props.comments = f"Rendered by mou_kit from revision {info.revision.id}"


def build_docx(docs: list[Outline], info: DocumentInfo, layout: str, *, reference: Path | None = None,
               page_places: Callable[[], list[str | None]] | None = None) -> bytes:
    """Return the DOCX bytes of ``docs`` laid out as ``layout`` ("single", "side-by-side", "sequential").

    ``page_places`` returns, once the body is written, the blocks that start the PDF's pages
    (:func:`mou_kit.render.pagination.page_places`); the DOCX breaks its pages there.

    :raises RenderError: ``reference`` is not a DOCX (code ``reference-docx-invalid``), a logo is SVG.
    """
    document = _open_base(reference)
    _page(document, styled=reference is not None)
    writer = _Writer(document, info, narrow=layout == "side-by-side")
    for doc in docs:
        writer.chains[doc.lang] = chains(doc)
    _logos(document, info.logos)
    if layout == "side-by-side":
        writer.side_by_side(docs[0], docs[1])
    else:
        for k, doc in enumerate(docs):
            if k:
                writer.page_break()
            writer.whole(doc)
    writer.finish()
    _footer(document, info, [s.label for s in docs[0].signatures])
    _properties(document, info)
    if page_places:
        from .pagination import break_at

        break_at(writer.places, page_places())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_docx(agreement: Agreement, path: str | os.PathLike[str] | None = None, *, lang: str | None = None,
                revision: RevisionLike | None = None, folder: str | os.PathLike[str] | None = None,
                layout: str | None = None, reference: str | os.PathLike[str] | None = None,
                revision_footer: bool | None = None, pages_like_pdf: bool = True) -> bytes:
    """Return ``agreement`` as a Word document, also written to ``path`` when given.

    ``lang`` is "id", "en" or "id+en"; ``revision`` names the commit it was read from, by name or as the
    model's ``Revision`` / ``RevisionInfo`` (``None``: the working folder); ``folder`` is the agreement
    folder (logos, ``assets/reference.docx``); ``reference`` overrides the house-style DOCX.
    Ayat, huruf and angka are Word lists, cross-references REF fields on bookmarks, and the core
    properties carry the revision and fingerprint. ``revision_footer`` prints them at the foot of
    each page too (default: only on drafts).
    With ``pages_like_pdf`` (and no reference DOCX, whose house style sets its own page) each page
    starts where the typst PDF's does (a side-by-side table is split there), so the paraf of both
    copies fall on the same pages.

    :raises MouKitError: unknown language (code ``unknown-language``).
    :raises RenderError: a logo is missing, the reference DOCX is not a DOCX.
    :raises TemplateError: a text cannot be rendered.
    """
    from ._document import prepare

    where = Path(folder) if folder is not None else None
    docs, info, chosen = prepare(agreement, lang, revision=revision, folder=where, layout=layout,
                                 revision_footer=revision_footer)
    ref = Path(reference) if reference is not None else None
    if ref is None and where is not None and (where / REFERENCE_DOCX).is_file():
        ref = where / REFERENCE_DOCX
    if ref is not None and not ref.is_file():
        raise RenderError(f"reference DOCX {ref} not found", code="reference-docx-invalid")
    if not pages_like_pdf or ref is not None:
        out = build_docx(docs, info, chosen, reference=ref)
    else:
        # typst lays the PDF out in a thread (it lets go of the GIL) while python-docx writes the
        # body; the page breaks go in once both are done (ADR 0085)
        from concurrent.futures import ThreadPoolExecutor

        from .pagination import page_places

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mou-pages") as pool:
            places = pool.submit(page_places, docs, info, chosen)
            out = build_docx(docs, info, chosen, page_places=places.result)
    if path is not None:
        write_output(path, out, error=RenderError)
    return out
