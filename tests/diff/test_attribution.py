"""Who proposed each change: taken from the history of each node, not only from the newest revision."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mou_kit.demo.history import build_example_history
from mou_kit.diff import diff_revisions
from mou_kit.render.diffs.matrix import render_matrix_html
from mou_kit.render.diffs.redline import write_redline
from mou_kit.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "examples/tppo-kalbar"


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, str]]:
    history = build_example_history(EXAMPLE, tmp_path_factory.mktemp("attribution") / "repo")
    with Workspace.open(history.path) as ws:
        yield ws, history.revisions["first-draft"].id


def test_each_change_names_the_party_whose_proposal_made_it(repository: tuple[Workspace, str]) -> None:
    ws, first = repository
    result = diff_revisions(ws, first, "rapat-2023-07-18")
    by_node = {c.node: result.proposer_of(c) for c in result.real}
    assert by_node["lingkup-pencegahan"] == "bp3mi-kalbar"
    assert by_node["data-pelindungan"] == "bp3mi-kalbar"
    assert by_node["lingkup-sdm"] == "kanwil-kemenkumham-kalbar"
    assert by_node["data-rapat"] == "kanwil-kemenkumham-kalbar"
    assert result.new_revision is not None and result.new_revision.proposed_by is None


def test_the_matrix_fills_pengusul_per_row(repository: tuple[Workspace, str]) -> None:
    ws, first = repository
    html = render_matrix_html(diff_revisions(ws, first, "rapat-2023-07-18"))
    assert html.count("BP3MI Kalbar") >= 2 and html.count("Kanwil Kemenkumham Kalbar") >= 3


def test_the_redline_credits_each_party_as_author(repository: tuple[Workspace, str], tmp_path: Path) -> None:
    ws, first = repository
    result = diff_revisions(ws, first, "rapat-2023-07-18")
    target = tmp_path / "redline.docx"
    write_redline(ws.read(first), ws.read("rapat-2023-07-18"), target, diff=result)
    xml = zipfile.ZipFile(io.BytesIO(target.read_bytes())).read("word/document.xml").decode()
    assert 'w:author="BP3MI Kalbar"' in xml and 'w:author="Kanwil Kemenkumham Kalbar"' in xml


def test_a_node_changed_before_the_old_side_is_not_credited_again(repository: tuple[Workspace, str]) -> None:
    ws, _first = repository
    assert ws.proposers("rapat-2023-07-18", "rapat-2023-07-25", ["lingkup-pencegahan"]) == {}
