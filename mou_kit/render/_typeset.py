"""How typst lays out an outline as a PDF, and the options a PDF records of how it was made.

The typst template ships with the package; the agreement reaches it only as JSON in
``sys_inputs``, so no clause text can become typst code. The fonts ship with the package too.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ._data import document_data
from ._document import DocumentInfo
from .finishing.laid import Laid
from .finishing.marks import resolve
from .outline import Outline


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


def _compiler(docs: list[Outline], info: DocumentInfo, layout: str, *, mark_all: bool, asked: bool = False) -> Any:
    import typst

    template = package_dir("templates") / "agreement.typ"
    logo_files = [p for p in info.logos if p is not None]
    root = Path(os.path.commonpath([template.parent.resolve(), *(p.parent for p in logo_files)]))
    logos = [None if p is None else "/" + p.relative_to(root).as_posix() for p in info.logos]
    data = document_data(docs, info, layout=layout, logos=logos, mark_all=mark_all)
    if mark_all:  # read for where blocks fall only: no page furniture, which never moves the body
        data["places-only"] = True
    if asked:  # ... and the places marked with metadata, whose positions typst is asked
        data["places-asked"] = True
    return typst.Compiler(str(template), root=str(root), font_paths=font_book(), sys_inputs={"data": json.dumps(data)})


@contextmanager
def _typst_errors() -> Iterator[None]:
    try:
        yield
    except (RuntimeError, ValueError) as e:
        message = getattr(e, "message", None) or str(e)
        raise RenderError(f"typst could not lay out the agreement: {message.splitlines()[0]}",
                          code="render-failed") from e


def compile_pdf(docs: list[Outline], info: DocumentInfo, layout: str, *, pdfa: bool = False,
                mark_all: bool = False) -> bytes:
    """Return the PDF typst writes, its ``mou:`` links not yet resolved (see :mod:`.finishing.marks`).

    ``mark_all`` marks every place a page may start at, not only cross-reference targets; the
    layout is the same, only the links differ (:mod:`.pagination` reads them).

    :raises RenderError: typst failed (code ``render-failed``).
    """
    with _typst_errors():
        compiler = _compiler(docs, info, layout, mark_all=mark_all)
        stamp = int(dt.datetime.combine(info.date, dt.time(), tzinfo=dt.UTC).timestamp())
        options: dict[str, Any] = {"format": "pdf", "pdf_standards": ["a-2b"] if pdfa else [], "timestamp": stamp}
        try:  # the marked layout is read for its places only: no tags (typst >= 0.14 writes them)
            extra: dict[str, Any] = {"pdf_tags": False} if mark_all else {}
            pdf = compiler.compile(**options, **extra)
        except TypeError:
            if not mark_all:
                raise
            pdf = compiler.compile(**options)  # typst < 0.14 has no pdf_tags and writes no tags
    if not isinstance(pdf, bytes):
        raise RenderError("typst returned no PDF", code="render-failed")
    return pdf


_PLACES = ('(query(<mou-end>).first().location().page(), '
           'query(<mou-at>).map(m => { let p = m.location().position(); (p.page, p.y.pt(), m.value) }))')
"""What typst is asked of the laid-out document: its number of pages, then every place marked
``<mou-at>`` as (page, points from the top of the page, ``<lang>:<id>``), in document order."""


Places = list[tuple[int, float, str]]
"""Where marks lie: (page, points from the top of the page, ``<lang>:<id>``), in document order."""


def laid_places(docs: list[Outline], info: DocumentInfo, layout: str) -> tuple[int, Places] | None:
    """Return the number of pages of the document and where typst lays out each place a page may
    start at, as :data:`_PLACES`, asking typst about its layout rather than writing a PDF (ADR 0087);
    ``None`` from a typst that cannot evaluate in a document (typst-py < 0.15).

    :raises RenderError: typst failed (code ``render-failed``).
    """
    with _typst_errors():
        compiler = _compiler(docs, info, layout, mark_all=True, asked=True)
        if not hasattr(compiler, "eval"):
            return None
        pages, places = json.loads(compiler.eval(_PLACES))
    return int(pages), [(int(page), float(y), str(key)) for page, y, key in places]


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
