"""Markdown: numbered like the PDF, every special character escaped."""

from __future__ import annotations

from mou_kit import render_markdown
from tests.builders import build
from tests.render.test_pdf import INJECTION


def test_markdown_escapes_and_numbers() -> None:
    text = render_markdown(build("a1[c1,c2]", texts={"c1": INJECTION}))
    assert "## Pasal 1" in text
    assert r"\(1\) Teks \# \$ \* \_ \[ \] \\ \< \> \@ \{ \} \`" in text
