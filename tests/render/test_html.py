"""HTML: one standalone page, every text escaped, bilingual texts side by side."""

from __future__ import annotations

from mou_kit import load, render_html
from tests.builders import build
from tests.render.test_pdf import KALBAR


def test_html_is_standalone_and_escaped() -> None:
    page = render_html(build("a1[c1,c2]", texts={"c1": "<script>alert(1)</script> & co"}))
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page and "<script>" not in page


def test_bilingual_html_pairs_languages_side_by_side() -> None:
    page = render_html(load(KALBAR), lang="id+en")
    assert '<table class="pair">' in page
    assert page.index("Pasal 9") < page.index("Article 9") < page.index("Pasal 10")
