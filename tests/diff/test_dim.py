"""The secretariat's DIM: both competing texts with their parties, the rejected proposal, the compromise,
the decisions, and DIM numbers that stay fixed from draft to draft."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from typer.testing import CliRunner

from mou_kit.cli import app
from mou_kit.diff.dim import Dim, DimRow, build_dim, core, dim_numbers
from mou_kit.files import load
from mou_kit.render.diffs.dim import build_dim_docx, render_dim_html
from mou_kit.workspace import Workspace
from mou_kit.workspace.dim import dim
from tests import secretariat
from tests.secretariat import (
    BP3MI_B,
    COMPROMISE_B,
    DECISION_B,
    DECISION_D,
    DECISION_F,
    KANWIL_B,
    KANWIL_D,
    MEETING,
    Scenario,
)

runner = CliRunner()


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return secretariat.build(tmp_path_factory.mktemp("secretariat") / "repo")


@pytest.fixture(scope="module")
def table(scenario: Scenario) -> Iterator[Dim]:
    with Workspace.open(scenario.path) as ws:
        yield dim(ws, scenario.first, MEETING)


def _row(table: Dim, node: str) -> DimRow:
    return next(r for r in table.rows if r.node == node)


def _cell(row: DimRow, party: str) -> str | None:
    return next(c.text for c in row.proposals if c.party == party)


def test_both_competing_texts_for_huruf_b_sit_in_their_parties_columns(table: Dim) -> None:
    row = _row(table, "lingkup-pencegahan")
    assert row.place == "Pasal 2 huruf b"
    assert _cell(row, "bp3mi-kalbar") == BP3MI_B["id"]
    assert _cell(row, "kanwil-kemenkumham-kalbar") == KANWIL_B["id"]
    assert _cell(row, "polda-kalbar") is None  # "tetap": the host proposed nothing here
    assert row.agreed == COMPROMISE_B["id"]
    assert [c.outcome for c in row.proposals if c.proposed] == ["merged", "merged"]


def test_the_compromise_is_credited_to_both_proposers_not_to_who_committed_the_merge(table: Dim,
                                                                                       scenario: Scenario) -> None:
    assert _row(table, "lingkup-pencegahan").credits == ("bp3mi-kalbar", "kanwil-kemenkumham-kalbar")
    with Workspace.open(scenario.path) as ws:
        assert ws.proposers(scenario.first, MEETING, ["lingkup-pencegahan"]) == {
            "lingkup-pencegahan": ("bp3mi-kalbar", "kanwil-kemenkumham-kalbar")}
        assert ws.resolve("HEAD~1").proposed_by == "polda-kalbar"  # the merge was committed by the host


def test_kanwils_rejected_huruf_d_stays_in_its_column(table: Dim) -> None:
    row = _row(table, "lingkup-sarana-prasarana")
    assert _cell(row, "kanwil-kemenkumham-kalbar") == KANWIL_D["id"]
    assert [c.outcome for c in row.proposals if c.proposed] == ["not-taken"]
    assert not row.changed and row.result == "not-agreed" and row.decision == DECISION_D
    assert row.credits == ()


def test_decisions_fill_keterangan_and_the_title_names_the_meeting(table: Dim) -> None:
    b = _row(table, "lingkup-pencegahan")
    assert (b.result, b.aspect, b.decision) == ("reformulated", "substance", DECISION_B)
    assert b.response.startswith("Polda Kalbar menerima")
    f = _row(table, "lingkup-lainnya")
    assert (f.result, f.decision, f.changed) == ("pending", DECISION_F, False)
    assert table.meeting is not None and table.meeting.date.isoformat() == "2023-07-18"
    html = render_dim_html(table)
    for text in (DECISION_B, "Dirumuskan kembali", "Tidak disepakati", "Pending", "Selasa, 18 Juli 2023",
                 "Ruang Rapat Biro Operasi Polda Kalbar, Pontianak", "TENTANG", "Rumusan yang Disepakati",
                 "Usulan BP3MI Kalbar", "Usulan Kanwil Kemenkumham Kalbar", "tidak diakomodasi"):
        assert text.replace('"', "&quot;") in html, text


def test_attendees_are_matched_to_parties_by_institution(table: Dim) -> None:
    assert table.meeting is not None
    parties = {a.name: a.party for a in table.meeting.attendees}
    assert parties == {"Harniati": "kanwil-kemenkumham-kalbar", "Muhammad Nur Mansyur": "kanwil-kemenkumham-kalbar",
                       "Intan Hernia": "bp3mi-kalbar", "Ahmad Siddiq": "polda-kalbar", "Adi Heriadi": None}
    assert table.meeting.chair is not None and table.meeting.chair.party == "polda-kalbar"


def test_the_docx_repeats_its_header_keeps_rows_whole_and_uses_the_documents_font(table: Dim,
                                                                                   tmp_path: Path) -> None:
    target = tmp_path / "dim.docx"
    build_dim_docx(table).save(str(target))
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as z:
        xml = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert xml.count("<w:tblHeader/>") == 1 and xml.count("<w:cantSplit/>") == len(table.rows) + 1
    assert 'w:type="fixed"' in xml and 'w:orient="landscape"' in xml
    assert 'w:ascii="Times New Roman"' in styles
    assert "PAGE" in footer and "NUMPAGES" in footer
    for text in (DECISION_B.split(":")[0], "fasilitasi", "DAFTAR INVENTARISASI MASALAH"):
        assert text in xml


def test_cli_writes_the_dim_as_docx_and_html(scenario: Scenario, tmp_path: Path) -> None:
    for name in ("dim.docx", "dim.html"):
        result = runner.invoke(app, ["diff", scenario.first, MEETING, "--format", "dim", "-o",
                                     str(tmp_path / name), "-C", str(scenario.path)])
        assert result.exit_code == 0, result.output
    assert DECISION_F in (tmp_path / "dim.html").read_text(encoding="utf-8")
    missing = runner.invoke(app, ["diff", scenario.first, MEETING, "--format", "dim", "-C", str(scenario.path)])
    assert missing.exit_code == 2 and "-o" in missing.output


def test_unchanged_pasal_appear_as_tetap_on_request(scenario: Scenario) -> None:
    with Workspace.open(scenario.path) as ws:
        full = dim(ws, scenario.first, MEETING, unchanged=True)
    articles = [r for r in full.rows if r.node_type.value == "article"]
    assert len(articles) == len(load(secretariat.EXAMPLE).articles)
    assert all(r.context for r in articles if r.node != "ruang-lingkup")


def test_dim_numbers_stay_fixed_from_draft_to_draft(scenario: Scenario) -> None:
    with Workspace.open(scenario.path) as ws:
        early = dim(ws, scenario.first, "HEAD~1")
        late = dim(ws, scenario.first, MEETING)
    numbers = {r.node: r.number for r in late.rows}
    assert all(numbers[r.node] == r.number for r in early.rows if r.node in numbers)
    assert numbers["lingkup-pencegahan"] == "12"  # 5 recitals, Pasal 1 (3 nodes), Pasal 2, its ayat, huruf a


def test_a_change_that_only_moves_the_connector_is_folded_out_of_the_table() -> None:
    old = load(secretariat.EXAMPLE)
    new = old.model_copy(deep=True)
    point = new.articles[1].clauses[0].points[4]
    assert isinstance(point.text, dict)
    point.text = {**point.text, "id": point.text["id"].removesuffix("; dan") + ";"}
    table = build_dim(old, new)
    assert [r.node for r in table.rows] == [] and table.wording_only == ("Pasal 2 huruf e",)
    assert core("pemanfaatan sarana; dan") == core("pemanfaatan sarana.") == "pemanfaatan sarana"


@given(st.lists(st.integers(0, 30), unique=True, max_size=12), st.lists(st.integers(31, 60), unique=True,
                                                                         max_size=6), st.randoms())
def test_anchored_nodes_keep_their_number_and_numbers_are_unique(anchor: list[int], added: list[int],
                                                                  rnd: random.Random) -> None:
    ids = [f"n{i}" for i in anchor]
    order = ids + [f"n{i}" for i in added]
    rnd.shuffle(order)
    numbers = dim_numbers(ids, order)
    assert all(numbers[n] == str(i) for i, n in enumerate(ids, 1))
    shown = [numbers[n] for n in order]
    assert len(set(shown)) == len(shown)


def test_no_column_is_narrower_than_its_longest_word(table: Dim) -> None:
    from mou_kit.render.diffs._dim_cells import headings, row_cells
    from mou_kit.render.diffs.dim import PAGE_CM, SIZE_PT, _word_cm, column_widths

    rows = [row_cells(r, table) for r in table.rows]
    widths = column_widths(table, rows)
    assert abs(sum(widths) - PAGE_CM) < 0.01
    for i, width in enumerate(widths):
        cells = [r[i] for r in rows] + [[(headings(table)[i], "b")]]
        widest = max(_word_cm(w, SIZE_PT, bold=m == "b") for c in cells for t, m in c for w in t.split())
        assert widest < width, (headings(table)[i], widest, width)
