"""The secretariat scenario of issue #15, built as a Biro Hukum secretariat would build it.

Polda Kalbar's first draft; BP3MI Kalbar and Kanwil Kemenkumham Kalbar each propose a text for
Pasal 2 huruf b on their proposal branch, and Kanwil also proposes "fasilitasi" for huruf d; the
merge conflicts on huruf b and the secretariat (committing as Polda Kalbar, the host) settles it
with a compromise and keeps "pemanfaatan" in huruf d; the meeting of 18 July 2023 is recorded with
five attendees and three decisions through ``mou meeting add``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from mou_kit.cli import app
from mou_kit.files import load, save
from mou_kit.model import Agreement
from mou_kit.workspace import Workspace
from mou_kit.workspace.proposals import commit_working_tree, merge_branch, propose, resolve_conflict, switch

EXAMPLE = Path(__file__).resolve().parents[1] / "examples/tppo-kalbar"
MEETING = "rapat-2023-07-18"

FIRST_B = {"id": "pencegahan penempatan ilegal;", "en": "the prevention of illegal placement;"}
BP3MI_B = {"id": "pencegahan penempatan Pekerja Migran Indonesia secara tidak prosedural;",
           "en": "the prevention of non-procedural placement of Indonesian Migrant Workers;"}
KANWIL_B = {"id": "pencegahan penempatan ilegal dan pelindungan Pekerja Migran Indonesia;",
            "en": "the prevention of illegal placement and the protection of Indonesian Migrant Workers;"}
COMPROMISE_B = {"id": "pencegahan penempatan Pekerja Migran Indonesia secara tidak prosedural dan pelindungan "
                      "Pekerja Migran Indonesia;",
                "en": "the prevention of non-procedural placement and the protection of Indonesian Migrant Workers;"}
KANWIL_D = {"id": "fasilitasi sarana dan prasarana;", "en": "the facilitation of facilities and infrastructure;"}
DECISION_B = ("Rumusan kompromi: usulan BP3MI Kalbar (penempatan tidak prosedural) dan usulan Kanwil Kemenkumham "
              "Kalbar (pelindungan PMI) digabung.")
DECISION_D = "Usulan Kanwil Kemenkumham Kalbar \"fasilitasi\" tidak disepakati; rumusan \"pemanfaatan\" tetap."
DECISION_F = "Rumusan kegiatan lain dibahas lagi pada rapat berikutnya."


@dataclass(frozen=True, slots=True)
class Scenario:
    """The repository and the names a test diffs."""

    path: Path
    first: str


def _set_point(agreement: Agreement, point_id: str, text: dict[str, str]) -> Agreement:
    for article in agreement.articles:
        for clause in article.clauses:
            for point in clause.points:
                if point.id == point_id:
                    point.text = dict(text)
    return agreement


def _edit(folder: Path, **texts: dict[str, str]) -> None:
    agreement = load(folder)
    for node, text in texts.items():
        _set_point(agreement, node, text)
    save(agreement, folder)


def build(target: Path) -> Scenario:
    """Return the scenario's repository, built in the new folder ``target``."""
    first = _set_point(load(EXAMPLE), "lingkup-pencegahan", FIRST_B)
    with Workspace.init(target, first, proposed_by="polda-kalbar", message="Rancangan awal (Polda Kalbar)") as ws:
        first_sha = ws.resolve("HEAD").id
        propose(ws, "bp3mi-kalbar")
        _edit(target, **{"lingkup-pencegahan": BP3MI_B})
        commit_working_tree(ws, "Usulan BP3MI Kalbar: penempatan tidak prosedural", proposed_by="bp3mi-kalbar")
        switch(ws, "main")
        propose(ws, "kanwil-kemenkumham-kalbar")
        _edit(target, **{"lingkup-pencegahan": KANWIL_B, "lingkup-sarana-prasarana": KANWIL_D})
        commit_working_tree(ws, "Usulan Kanwil: pelindungan PMI; fasilitasi sarana",
                            proposed_by="kanwil-kemenkumham-kalbar")
        switch(ws, "main")
        assert merge_branch(ws, "proposal/bp3mi-kalbar").fast_forward
        outcome = merge_branch(ws, "proposal/kanwil-kemenkumham-kalbar")
        assert {c.node for c in outcome.conflicts} == {"lingkup-pencegahan"}, outcome.conflicts
        resolve_conflict(ws, "lingkup-pencegahan", "ours")
        original_d = next(p.text for p in load(EXAMPLE).articles[1].clauses[0].points
                          if p.id == "lingkup-sarana-prasarana")
        assert isinstance(original_d, dict)
        _edit(target, **{"lingkup-pencegahan": COMPROMISE_B, "lingkup-sarana-prasarana": original_d})
        commit_working_tree(ws, "Rancangan gabungan untuk rapat 18 Juli 2023", proposed_by="polda-kalbar")
    result = CliRunner().invoke(app, [
        "meeting", "add", "--id", MEETING, "--date", "2023-07-18",
        "--place", "Ruang Rapat Biro Operasi Polda Kalbar, Pontianak",
        "--title", "Rapat pembahasan Nota Kesepahaman",
        "--chair", "Kompol Abdul Rachman|Biro Operasi Polda Kalbar|Kabag Kerja Sama",
        "--attendee", "Harniati|Kanwil Kemenkumham Kalbar|Plh Kepala Kantor Wilayah",
        "--attendee", "Muhammad Nur Mansyur|Kanwil Kemenkumham Kalbar|Kasubid Penindakan Keimigrasian",
        "--attendee", "Intan Hernia|BP3MI Kalbar|Perwakilan BP3MI Kalbar",
        "--attendee", "Ahmad Siddiq|Polda Kalbar|Perwakilan Polda Kalbar",
        "--attendee", "Adi Heriadi|Kantor Imigrasi Kelas I TPI Pontianak|Perwakilan",
        "--decision", f"lingkup-pencegahan=dirumuskan-kembali/substansi:{DECISION_B}",
        "--decision", f"lingkup-sarana-prasarana=tidak-disepakati:{DECISION_D}",
        "--decision", f"lingkup-lainnya=pending:{DECISION_F}",
        "--response", "lingkup-pencegahan=Polda Kalbar menerima kedua usulan untuk digabung.",
        "-C", str(target)])
    assert result.exit_code == 0, result.output
    return Scenario(target, first_sha)
