"""The terminal form of a diff, against golden files (set MOU_UPDATE_GOLDEN=1 to rewrite them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mou_kit.diff import diff
from mou_kit.render.diffs.diff_text import render_diff_text
from tests.diff.pairs import all_kinds

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diff"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_all_kinds_golden(lang: str) -> None:
    text = render_diff_text(diff(*all_kinds(), lang=lang), markup=False)
    path = GOLDEN / f"all-kinds.{lang}.txt"
    if os.environ.get("MOU_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_markup_is_escaped_and_coloured() -> None:
    text = render_diff_text(diff(*all_kinds()))
    assert "[red strike]" in text and "[green underline]" in text
    assert "\\[NAMA" not in text or "\\[" in text
