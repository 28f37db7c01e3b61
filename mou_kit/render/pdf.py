"""How an agreement becomes a signature-ready PDF: typst lays out the outline, pypdf finishes it.

The typst template ships with the package; the agreement reaches it only as JSON in
``sys_inputs``, so no clause text can become typst code. The fonts ship with the package too.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .._io import write_output
from ..errors import RenderError
from ..model import Agreement
from ._marks import resolve
from .data import document_data
from .document import DocumentInfo, prepare
from .finish import SignatureSpot
from .outline import Outline


@dataclass(frozen=True, slots=True)
class Laid:
    """A typeset document before finishing: the PDF bytes and where each signatory signs."""

    pdf: bytes
    spots: list[SignatureSpot]


def package_dir(name: str) -> Path:
    """Return the folder of the package data ``name`` ("templates", "fonts") as a path."""
    return Path(str(resources.files("mou_kit") / name))


@functools.cache
def font_book() -> Any:
    """Return typst's book of the packaged fonts (and its embedded ones), read once per process.

    The font files ship with the package and never change while it runs, so the book is kept;
    building it for every render cost a few milliseconds.
    """
    import typst

    return typst.Fonts(include_system_fonts=False, font_paths=[str(package_dir("fonts"))])


def typeset(docs: list[Outline], info: DocumentInfo, layout: str, *, pdfa: bool = False) -> Laid:
    """Return the PDF typst makes of ``docs`` and the signature spots it reports.

    :raises RenderError: typst failed (code ``render-failed``).
    """
    pdf = compile_pdf(docs, info, layout, pdfa=pdfa)
    marked = resolve(pdf, {d.lang: d.locale.phrases["link_to_page"] for d in docs})
    return Laid(marked.pdf, marked.spots)


def compile_pdf(docs: list[Outline], info: DocumentInfo, layout: str, *, pdfa: bool = False,
                mark_all: bool = False) -> bytes:
    """Return the PDF typst writes, its ``mou:`` links not yet resolved (see :mod:`._marks`).

    ``mark_all`` marks every place a page may start at, not only cross-reference targets; the
    layout is the same, only the links differ (:mod:`.pagination` reads them).

    :raises RenderError: typst failed (code ``render-failed``).
    """
    import typst

    template = package_dir("templates") / "agreement.typ"
    logo_files = [p for p in info.logos if p is not None]
    root = Path(os.path.commonpath([template.parent.resolve(), *(p.parent for p in logo_files)]))
    logos = [None if p is None else "/" + p.relative_to(root).as_posix() for p in info.logos]
    data = document_data(docs, info, layout=layout, logos=logos, mark_all=mark_all)
    if mark_all:  # read for where blocks fall only: no page furniture, which never moves the body
        data["places-only"] = True
    try:
        compiler = typst.Compiler(str(template), root=str(root), font_paths=font_book(),
                                  sys_inputs={"data": json.dumps(data)})
        stamp = int(dt.datetime.combine(info.date, dt.time(), tzinfo=dt.UTC).timestamp())
        options: dict[str, Any] = {"format": "pdf", "pdf_standards": ["a-2b"] if pdfa else [], "timestamp": stamp}
        try:  # the marked layout is read for its places only: no tags (typst >= 0.14 writes them)
            extra: dict[str, Any] = {"pdf_tags": False} if mark_all else {}
            pdf = compiler.compile(**options, **extra)
        except TypeError:
            if not mark_all:
                raise
            pdf = compiler.compile(**options)  # typst < 0.14 has no pdf_tags and writes no tags
    except (RuntimeError, ValueError) as e:
        message = getattr(e, "message", None) or str(e)
        raise RenderError(f"typst could not lay out the agreement: {message.splitlines()[0]}",
                          code="render-failed") from e
    if not isinstance(pdf, bytes):
        raise RenderError("typst returned no PDF", code="render-failed")
    return pdf


def render_options(*, lang: str, layout: str, engine: str, pdfa: bool) -> str:
    """Return how a PDF was rendered, as the ``/MouRender`` entry of its metadata records it.

    ``mou verify`` renders the revision again with these options and compares the text, so the
    entry only chooses what to compare with; a false one makes the comparison fail, never pass.
    """
    return f"lang={lang}; layout={layout}; engine={engine}; pdfa={'yes' if pdfa else 'no'}"


def parse_render_options(text: str) -> dict[str, str]:
    """Return the options of a ``/MouRender`` entry (empty for a PDF rendered before it existed)."""
    pairs = (part.strip().partition("=") for part in text.split(";"))
    return {key: value for key, sep, value in pairs if sep and key in {"lang", "layout", "engine", "pdfa"}}


def render_pdf(agreement: Agreement, path: str | os.PathLike[str] | None = None, *, lang: str | None = None,
               revision: str | None = None, folder: str | os.PathLike[str] | None = None, pdfa: bool = False,
               layout: str | None = None, engine: str = "typst", revision_footer: bool | None = None) -> bytes:
    """Return ``agreement`` as a signature-ready PDF, also written to ``path`` when given.

    ``lang`` is "id", "en" or "id+en" (default: the main language); ``revision`` names the commit
    the agreement was read from (``None``: the working folder); ``folder`` is the agreement folder,
    where logos, ``assets/reference.docx`` and annex PDFs are found. ``pdfa`` makes PDF/A-2b.
    ``engine="libreoffice"`` converts the DOCX with LibreOffice instead of typesetting with typst.
    The PDF carries the metadata (title, parties, revision, fingerprint), one empty signature
    field per signatory on its signature block, and annex PDFs appended. ``revision_footer``
    prints the revision and fingerprint under the paraf boxes (default: only on drafts).

    :raises MouKitError: unknown language (code ``unknown-language``).
    :raises RenderError: typst or LibreOffice failed, a logo is missing, LibreOffice is absent.
    :raises TemplateError: a text cannot be rendered.
    """
    from .finish import finish

    where = Path(folder) if folder is not None else None
    docs, info, chosen = prepare(agreement, lang, revision=revision, folder=where, layout=layout,
                                 revision_footer=revision_footer)
    if engine == "typst":
        laid = typeset(docs, info, chosen, pdfa=pdfa)
    elif engine == "libreoffice":
        from .libreoffice import via_libreoffice

        laid = via_libreoffice(agreement, lang=lang, revision=revision, folder=where, layout=layout, pdfa=pdfa)
    else:
        raise RenderError(f"engine {engine!r} is not 'typst' or 'libreoffice'", code="render-failed")
    annex_files = [where / a.file for a in agreement.annexes
                   if a.file and a.file.lower().endswith(".pdf") and where is not None]
    options = render_options(lang="+".join(d.lang for d in docs), layout=chosen, engine=engine, pdfa=pdfa)
    out = finish(laid.pdf, info, laid.spots, annexes=annex_files, options=options)
    if path is not None:
        write_output(path, out, error=RenderError)
    return out
