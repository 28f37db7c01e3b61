"""Paths into an agreement are written and read back the same way everywhere."""

from __future__ import annotations

import pytest

from mou_kit.model.walk import format_path, parse_path


@pytest.mark.parametrize(("path", "text"), [
    (("articles", 2, "clauses", 0, "text"), "articles[2].clauses[0].text"),
    (("title", "en"), "title.en"),
    (("parties", 1), "parties[1]"),
])
def test_paths_round_trip(path: tuple[str | int, ...], text: str) -> None:
    assert format_path(path) == text
    assert parse_path(text) == path
