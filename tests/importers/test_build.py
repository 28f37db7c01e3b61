"""The importer names bookmarks exactly as the DOCX writer does, so ids come back from our own files."""

from __future__ import annotations

import pytest

from mou_kit.importers._build import bookmark_name, hints
from mou_kit.render.docx import _Writer
from tests.builders import build


@pytest.mark.parametrize(("lang", "node"), [("id", "ruang-lingkup"), ("en", "a1"), ("id", "p1")])
def test_bookmark_names_match_the_writer(lang: str, node: str) -> None:
    assert bookmark_name(lang, node) == _Writer.bookmark_name(None, lang, node)  # type: ignore[arg-type]


def test_hints_name_every_node_with_its_kind() -> None:
    agreement = build("a1[c1,c2(p1,p2)] a2[c3]")
    kinds = {node: kind for node, kind in hints(agreement, "id").values()}
    assert {k: v for k, v in kinds.items() if v != "party"} == {
        "a1": "article", "c1": "clause", "c2": "clause", "p1": "point", "p2": "point", "a2": "article",
        "c3": "clause"}
