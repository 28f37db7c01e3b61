"""How an agreement becomes a signature-ready PDF: typst (or LibreOffice) lays it out, pypdf finishes it."""

from __future__ import annotations

import os
from pathlib import Path

from .._io import write_output
from ..errors import RenderError
from ..model import Agreement
from ._document import RevisionLike, prepare
from ._typeset import (
    font_book as font_book,
    package_dir as package_dir,
    parse_render_options as parse_render_options,
    render_options,
    typeset as typeset,
)
from .finishing.laid import Laid as Laid


def render_pdf(agreement: Agreement, path: str | os.PathLike[str] | None = None, *, lang: str | None = None,
               revision: RevisionLike | None = None, folder: str | os.PathLike[str] | None = None, pdfa: bool = False,
               layout: str | None = None, engine: str = "typst", revision_footer: bool | None = None) -> bytes:
    """Return ``agreement`` as a signature-ready PDF, also written to ``path`` when given.

    ``lang`` is "id", "en" or "id+en" (default: the main language); ``revision`` names the commit
    the agreement was read from — a name, or the model's ``Revision`` / ``RevisionInfo`` (``None``: the
    working folder); ``folder`` is the agreement folder,
    where logos, ``assets/reference.docx`` and annex PDFs are found. ``pdfa`` makes PDF/A-2b.
    ``engine="libreoffice"`` converts the DOCX with LibreOffice instead of typesetting with typst.
    The PDF carries the metadata (title, parties, revision, fingerprint), one empty signature
    field per signatory on its signature block, and annex PDFs appended. ``revision_footer``
    prints the revision and fingerprint under the paraf boxes (default: only on drafts).

    :raises MouKitError: unknown language (code ``unknown-language``).
    :raises RenderError: typst or LibreOffice failed, a logo is missing, LibreOffice is absent.
    :raises TemplateError: a text cannot be rendered.
    """
    from .finishing.finish import finish

    where = Path(folder) if folder is not None else None
    docs, info, chosen = prepare(agreement, lang, revision=revision, folder=where, layout=layout,
                                 revision_footer=revision_footer)
    if engine == "typst":
        laid = typeset(docs, info, chosen, pdfa=pdfa)
    elif engine == "libreoffice":
        laid = _via_libreoffice(agreement, lang=lang, revision=revision, folder=where, layout=layout, pdfa=pdfa)
    else:
        raise RenderError(f"engine {engine!r} is not 'typst' or 'libreoffice'", code="render-failed")
    annex_files = [where / a.file for a in agreement.annexes
                   if a.file and a.file.lower().endswith(".pdf") and where is not None]
    options = render_options(lang="+".join(d.lang for d in docs), layout=chosen, engine=engine, pdfa=pdfa)
    out = finish(laid.pdf, info, laid.spots, annexes=annex_files, options=options)
    if path is not None:
        write_output(path, out, error=RenderError)
    return out


def _via_libreoffice(agreement: Agreement, *, lang: str | None, revision: RevisionLike | None, folder: Path | None,
                     layout: str | None, pdfa: bool = False) -> Laid:
    """Return the PDF LibreOffice makes of the agreement's DOCX, with the signature spots found in it.

    :raises RenderError: LibreOffice is missing or failed.
    """
    from ._docx import render_docx
    from .finishing.libreoffice import convert, find_spots, soffice

    soffice()
    pdf = convert(render_docx(agreement, lang=lang, revision=revision, folder=folder, layout=layout), pdfa=pdfa)
    names = [(p.id, p.signatory.name) for p in agreement.parties if p.signatory is not None]
    return Laid(pdf, find_spots(pdf, names))
