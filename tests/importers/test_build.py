"""The importer names bookmarks exactly as the DOCX writer does, so ids come back from our own files."""

from __future__ import annotations

import pytest

from mou_kit import render_docx
from mou_kit.importers._build import hints
from mou_kit.model.ids import bookmark_name
from tests.builders import build


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_writer_bookmarks_every_node_under_the_name_the_importer_looks_for(lang: str) -> None:
    import io
    import zipfile

    agreement = build("a1[c1,c2(p1,p2)] a2[c3]", languages=("id", "en"))
    xml = zipfile.ZipFile(io.BytesIO(render_docx(agreement, lang=lang))).read("word/document.xml").decode()
    for node in ("a1", "c1", "c2", "p1", "p2", "a2", "c3"):
        assert f'w:name="{bookmark_name(lang, node)}"' in xml


def test_hints_name_every_node_with_its_kind() -> None:
    agreement = build("a1[c1,c2(p1,p2)] a2[c3]")
    kinds = {node: kind for node, kind in hints(agreement, "id").values()}
    assert {k: v for k, v in kinds.items() if v != "party"} == {
        "a1": "article", "c1": "clause", "c2": "clause", "p1": "point", "p2": "point", "a2": "article",
        "c3": "clause"}
