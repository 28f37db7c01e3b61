"""``mou meeting add|list|show`` through the command line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from mou_kit.cli import app

runner = CliRunner()


def test_meeting_add_list_show(examples: Path, tmp_path: Path) -> None:
    folder = str(tmp_path / "nk")
    runner.invoke(app, ["new", folder, "--from", str(examples / "tppo-kalbar")])
    result = runner.invoke(app, [
        "meeting", "add", "--id", "rapat-2023-07-18", "--date", "2023-07-18",
        "--place", "Ruang Rapat Biro Operasi Polda Kalbar, Pontianak",
        "--chair", "Kompol Abdul Rachman|Biro Operasi Polda Kalbar|Kabag Kerja Sama",
        "--attendee", "Harniati|Kanwil Kemenkumham Kalbar|Plh Kakanwil", "--attendee", "Intan Hernia|BP3MI Kalbar",
        "--agenda", "Pembahasan rancangan", "--decision", "Usulan diterima", "-C", folder])
    assert result.exit_code == 0, result.output
    assert "tagged meeting/rapat-2023-07-18" in result.output
    tag = subprocess.run(["git", "-C", folder, "cat-file", "-t", "meeting/rapat-2023-07-18"], capture_output=True,
                         text=True, check=True).stdout
    assert tag.strip() == "tag"
    listed = json.loads(runner.invoke(app, ["meeting", "list", "--json", "-C", folder]).output)
    assert [(m["meeting"]["id"], len(m["meeting"]["attendees"])) for m in listed["meetings"]] == [
        ("rapat-2023-07-18", 2)]
    shown = runner.invoke(app, ["meeting", "show", "rapat-2023-07-18", "-C", folder]).output
    assert "Chair: Kompol Abdul Rachman (Kabag Kerja Sama)" in shown and "Intan Hernia" in shown
    again = runner.invoke(app, ["meeting", "add", "--id", "rapat-2023-07-18", "--date", "2023-07-19",
                                "--place", "X", "-C", folder])
    assert again.exit_code == 1 and "already recorded" in again.output
    assert subprocess.run(["git", "-C", folder, "status", "--porcelain"], capture_output=True, text=True,
                          check=True).stdout == ""


def test_meeting_from_file(tmp_path: Path) -> None:
    folder = str(tmp_path / "nk")
    runner.invoke(app, ["new", folder])
    source = tmp_path / "notulen.yaml"
    source.write_text("id: rapat-1\ndate: 2023-07-25\nplace: Pontianak\nagenda: [Finalisasi]\n")
    result = runner.invoke(app, ["meeting", "add", "--from", str(source), "-C", folder])
    assert result.exit_code == 0, result.output
    assert "rapat-1" in runner.invoke(app, ["meeting", "list", "-C", folder]).output


def test_bad_attendee_is_a_user_error(tmp_path: Path) -> None:
    folder = str(tmp_path / "nk")
    runner.invoke(app, ["new", folder])
    result = runner.invoke(app, ["meeting", "add", "--id", "r1", "--date", "2023-07-25", "--place", "P",
                                 "--attendee", "Only a name", "-C", folder])
    assert result.exit_code == 1 and "needs a name and an institution" in result.output


def test_meeting_records_the_draft_edited_in_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    runner.invoke(app, ["new", str(folder)])
    target = folder / "articles" / "maksud-dan-tujuan.yaml"
    target.write_text(target.read_text().replace("sebagai ...", "sebagai pedoman.") + "# catatan rapat\n")
    result = runner.invoke(app, ["meeting", "add", "--id", "r1", "--date", "2023-07-25", "--place", "P",
                                 "-C", str(folder)])
    assert result.exit_code == 0, result.output
    shown = subprocess.run(["git", "-C", str(folder), "show", "meeting/r1:articles/maksud-dan-tujuan.yaml"],
                           capture_output=True, text=True, check=True).stdout
    assert "sebagai pedoman." in shown and "# catatan rapat" in shown
    assert subprocess.run(["git", "-C", str(folder), "status", "--porcelain"], capture_output=True, text=True,
                          check=True).stdout == ""
