"""Which documents a secretariat hands out for a draft: DOCX, PDF/A-2b and the bilingual PDF."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import RenderError
from ..model import Agreement
from ._document import RevisionLike
from ._docx import render_docx
from .pdf import render_pdf


def render_drafts(agreement: Agreement, out: str | os.PathLike[str], *, folder: str | os.PathLike[str] | None = None,
                  revision: RevisionLike | None = None) -> list[Path]:
    """Return the paths of the draft documents of ``agreement``, written into the folder ``out``.

    Writes ``<id>.docx`` and ``<id>.pdf`` (PDF/A-2b) in the main language and, when the agreement
    has a second language, ``<id>.<main>+<second>.pdf`` side by side (or as the house style says).

    :raises RenderError: a document cannot be written (missing logo, typst failure).
    :raises TemplateError: a text cannot be rendered.
    """
    target = Path(out)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise RenderError(f"{target}: cannot create the folder ({e.strerror or e})", code="file-missing",
                          file=str(target)) from e
    main = agreement.main_language
    written = [target / f"{agreement.id}.docx", target / f"{agreement.id}.pdf"]
    render_docx(agreement, written[0], lang=main, revision=revision, folder=folder)
    render_pdf(agreement, written[1], lang=main, revision=revision, folder=folder, pdfa=True)
    if len(agreement.languages) > 1:
        both = f"{main}+{agreement.languages[1]}"
        written.append(target / f"{agreement.id}.{both}.pdf")
        render_pdf(agreement, written[-1], lang=both, revision=revision, folder=folder)
    return written
