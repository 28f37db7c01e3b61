"""Documents made from an agreement: numbered text, DOCX, PDF, HTML and Markdown, all from one outline.

Each name below is imported on first use, so the redline, which needs python-docx, does not also
load typst's side, and the PDF does not load python-docx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_package

if TYPE_CHECKING:
    from ._document import fingerprint as fingerprint
    from ._docx import render_docx as render_docx
    from ._drafts import render_drafts as render_drafts
    from ._html import render_html as render_html
    from ._markdown import render_markdown as render_markdown
    from ._text import render_text as render_text
    from .outline import Outline as Outline, outline as outline
    from .pdf import render_pdf as render_pdf

_HOMES = {
    "fingerprint": "._document", "render_docx": "._docx", "render_drafts": "._drafts", "render_html": "._html",
    "render_markdown": "._markdown", "render_text": "._text", "Outline": ".outline", "outline": ".outline",
    "render_pdf": ".pdf",
}
__all__ = sorted(_HOMES)
lazy_package(__name__, _HOMES)
