"""Markdown and HTML: standalone, numbered like the PDF, every text escaped."""

from __future__ import annotations

from mou_kit import load, render_html, render_markdown
from tests.builders import build
from tests.render.test_pdf import INJECTION, KALBAR


def test_markdown_escapes_and_numbers() -> None:
    text = render_markdown(build("a1[c1,c2]", texts={"c1": INJECTION}))
    assert "## Pasal 1" in text
    assert r"\(1\) Teks \# \$ \* \_ \[ \] \\ \< \> \@ \{ \} \`" in text


def test_html_is_standalone_and_escaped() -> None:
    page = render_html(build("a1[c1,c2]", texts={"c1": "<script>alert(1)</script> & co"}))
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page and "<script>" not in page


def test_bilingual_html_pairs_languages_side_by_side() -> None:
    page = render_html(load(KALBAR), lang="id+en")
    assert '<table class="pair">' in page
    assert page.index("Pasal 9") < page.index("Article 9") < page.index("Pasal 10")
