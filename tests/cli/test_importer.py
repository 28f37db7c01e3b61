"""``mou import`` through the command line, and the demo's import step."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from typer.testing import CliRunner

import mou_kit
from mou_kit.cli import app
from mou_kit.demo.counterpart import counterpart_edits
from mou_kit.demo.importing import demo_import

runner = CliRunner()


def mou(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _repo_and_file(examples: Path, tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "nk"
    assert mou("new", str(folder), "--from", str(examples / "tppo-kalbar"))[0] == 0
    path = tmp_path / "dari-bp3mi.docx"
    mou_kit.render_docx(mou_kit.load(folder), path, lang="id", folder=folder)
    document = docx.Document(str(path))
    counterpart_edits(document, "BP3MI Kalbar")
    document.save(str(path))
    return folder, path


def test_import_accepting_tracked_changes(examples: Path, tmp_path: Path) -> None:
    folder, path = _repo_and_file(examples, tmp_path)
    code, out = mou("import", str(path), "--proposed-by", "bp3mi-kalbar", "-C", str(folder))
    assert code == 0, out
    assert "5 perubahan" in out and "committed" in out
    code, out = mou("log", "--json", "-C", str(folder))
    rows = json.loads(out)["revisions"]
    assert [(r["proposed_by"], r["message"].splitlines()[0]) for r in rows[:1]] == [
        ("bp3mi-kalbar", "Import dari-bp3mi.docx")]
    assert "tracked insertion by BP3MI Kalbar" in rows[0]["message"]


def test_import_as_proposals_commits_one_revision_per_author(examples: Path, tmp_path: Path) -> None:
    folder, path = _repo_and_file(examples, tmp_path)
    code, out = mou("import", str(path), "--as-proposals", "--proposed-by", "polda-kalbar", "-C", str(folder))
    assert code == 0, out
    rows = json.loads(mou("log", "--json", "-C", str(folder))[1])["revisions"]
    assert [(r["proposed_by"], r["message"].splitlines()[0]) for r in rows[:2]] == [
        ("bp3mi-kalbar", "Import dari-bp3mi.docx: tracked changes by BP3MI Kalbar"),
        ("polda-kalbar", "Import dari-bp3mi.docx: untracked edits")]


def test_dry_run_commits_nothing(examples: Path, tmp_path: Path) -> None:
    folder, path = _repo_and_file(examples, tmp_path)
    code, out = mou("import", str(path), "--dry-run", "-C", str(folder))
    assert code == 0 and "dry run: nothing committed" in out and "Setiap" in out
    assert len(json.loads(mou("log", "--json", "-C", str(folder))[1])["revisions"]) == 1


def test_a_file_that_is_not_a_docx_is_one_line_and_exit_1(examples: Path, tmp_path: Path) -> None:
    folder, _ = _repo_and_file(examples, tmp_path)
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"%PDF-1.7")
    result = runner.invoke(app, ["import", str(bad), "-C", str(folder)])
    assert result.exit_code == 1
    assert "notes.docx: is a PDF, not a Word .docx file" in result.output
    assert "[source-not-docx]" in result.output


def test_demo_import(examples: Path, tmp_path: Path) -> None:
    lines = demo_import(examples / "tppo-kalbar", tmp_path)
    assert (tmp_path / "tppo-kalbar.counterpart.docx").is_file()
    text = "\n".join(lines)
    assert "untracked edits:" in text
    assert "tracked changes by BP3MI Kalbar (Proposed-by: bp3mi-kalbar):" in text
    assert "{+ yang berlaku+}" in text and "[-secara bersama-sama -]" in text
