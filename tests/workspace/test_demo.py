"""The example's negotiation history: proposals, merge, meetings, and the agreed text at the end."""

from __future__ import annotations

from pathlib import Path

from mou_kit import load
from mou_kit.demo.history import build_example_history
from mou_kit.workspace import Workspace


def test_history_of_the_tppo_kalbar_example(examples: Path, tmp_path: Path) -> None:
    history = build_example_history(examples / "tppo-kalbar", tmp_path / "demo")
    assert list(history.revisions) == ["first-draft", "bp3mi", "kanwil", "merged", "meeting-1", "agreed"]
    with Workspace.open(history.path) as ws:
        assert ws.read() == load(examples / "tppo-kalbar")
        log = ws.log()
        assert [r.proposed_by for r in log if r.proposed_by] == ["kanwil-kemenkumham-kalbar", "bp3mi-kalbar",
                                                                 "polda-kalbar"]
        assert [r.meeting for r in log if r.meeting] == ["rapat-2023-07-25", "rapat-2023-07-18"]
        meeting, revision = ws.meeting("rapat-2023-07-18")
        assert revision.id == history.revisions["meeting-1"].id
        assert meeting.chair is not None and meeting.chair.name == "Kompol Abdul Rachman"
        assert [a.name for a in meeting.attendees] == ["Harniati", "Muhammad Nur Mansyur", "Ary Widya Anitasari",
                                                       "Intan Hernia", "Ahmad Siddiq", "Adi Heriadi"]
        assert "ilustratif" in (ws.meeting("rapat-2023-07-25")[0].outcome or "")
        blame = {e.node: e.revision.proposed_by for e in ws.blame()}
        assert (blame["data-pelindungan"], blame["data-mekanisme"], blame["maksud"]) == (
            "bp3mi-kalbar", "kanwil-kemenkumham-kalbar", "polda-kalbar")
        first = ws.read("2023-07-12")
        points = [p.id for p in first.articles[1].clauses[0].points]
        assert "lingkup-sdm" not in points
        assert "lingkup-sdm" in [p.id for p in ws.read("rapat-2023-07-18").articles[1].clauses[0].points]


def test_diff_between_the_two_meetings_reads_the_workspace(examples: Path, tmp_path: Path) -> None:
    from mou_kit.cli.diff import compare

    history = build_example_history(examples / "tppo-kalbar", tmp_path / "demo")
    _, _, result = compare("rapat-2023-07-18", "rapat-2023-07-25", history.path, lang=None)
    assert [c.node for c in result.changes] == ["lingkup-lainnya"]
    assert result.new_revision is not None and result.new_revision.meeting == "rapat-2023-07-25"
    assert result.old_revision is not None and result.old_revision.date is not None
    assert result.old_revision.date.isoformat() == "2023-07-18"
