"""Every kind of change shows in every format: text, JSON, HTML, matrix (HTML and DOCX)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mou_kit.diff import ChangeKind, diff
from mou_kit.render.diffs._diff_words import where
from mou_kit.render.diffs.diff_html import render_diff_html
from mou_kit.render.diffs.diff_text import render_diff_text
from mou_kit.render.diffs.matrix import render_matrix_html, write_matrix
from tests.diff.pairs import all_kinds

RESULT = diff(*all_kinds())
KINDS = [k for k in ChangeKind if k != ChangeKind.RENUMBERED]


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    return "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)


@pytest.mark.parametrize("kind", KINDS)
def test_kind_in_text_html_json_and_matrix(kind: ChangeKind, tmp_path: Path) -> None:
    change = next(c for c in RESULT if c.kind == kind)
    place = where(change, RESULT.lang)
    assert place in render_diff_text(RESULT, markup=False)
    assert place.replace("(", "").split()[0] in render_diff_html(RESULT)
    assert change.node in json.dumps(RESULT.to_dict())
    assert place in render_matrix_html(RESULT)
    write_matrix(RESULT, tmp_path / "m.docx")
    assert place in _docx_text(tmp_path / "m.docx")


def test_renumbering_is_summarised_not_listed_as_change() -> None:
    text = render_diff_text(RESULT, markup=False)
    assert "# penomoran bergeser: Pasal 2 → Pasal 3" in text
    assert "Pasal 2 → Pasal 3" in render_diff_html(RESULT)
    assert "penomoran" not in render_matrix_html(RESULT)


def test_text_marks_words_wdiff_style() -> None:
    assert "{+Teks baru untuk huruf b.+}" in render_diff_text(RESULT, markup=False) or \
        "{+Teks baru" in render_diff_text(RESULT, markup=False)


def test_matrix_headings_follow_the_language(tmp_path: Path) -> None:
    english = diff(*all_kinds(), lang="en")
    assert "Original Wording" in render_matrix_html(english)
    assert "Rumusan Semula" in render_matrix_html(RESULT)
    write_matrix(english, tmp_path / "m.html")
    assert "Outcome of Discussion" in (tmp_path / "m.html").read_text(encoding="utf-8")


def test_html_is_standalone_with_both_views_and_print_css() -> None:
    html = render_diff_html(RESULT)
    assert "<script" not in html and "http" not in html.replace('name="viewport"', "")
    assert 'class="inline"' in html and 'class="side"' in html and "@media print" in html
    assert 'href="#c1"' in html and 'id="c1"' in html
