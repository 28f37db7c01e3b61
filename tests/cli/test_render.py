"""``mou render``: writes each format, refuses a revision for now, one clear line per user error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mou_kit.cli import app
from tests.conftest import EXAMPLES

KALBAR = str(EXAMPLES / "tppo-kalbar")


@pytest.mark.parametrize(("args", "magic"), [
    (["--format", "pdf"], b"%PDF"), (["--format", "pdf", "--lang", "id+en", "--pdfa"], b"%PDF"),
    (["--format", "docx"], b"PK"), (["--format", "html"], b"<!DOCTYPE"), (["--format", "md"], b"<!--"),
])
def test_render_writes_the_file(tmp_path: Path, args: list[str], magic: bytes) -> None:
    target = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", "-C", KALBAR, *args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(magic)
    assert f"wrote {target}" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--lang", "fr"], "error: language 'fr' has no form defined; use one of en, id [unknown-language]"),
    (["HEAD~1"], f"error: {KALBAR}: not a mou repository (no .git); create one with 'mou new {KALBAR}' "
                 "[not-a-repository]"),
])
def test_user_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["render", "-C", KALBAR, *args, "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
    assert " ".join(result.output.split()) == message


def test_unknown_format_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["render", "-C", KALBAR, "--format", "odt"])
    assert result.exit_code == 2


def test_render_a_meeting_revision_of_a_repository(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from mou_kit.demo.history import build_example_history

    history = build_example_history(KALBAR, tmp_path / "repo")
    target = tmp_path / "rapat.pdf"
    result = CliRunner().invoke(app, ["render", "rapat-2023-07-18", "-C", str(history.path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    meeting = history.revisions["meeting-1"]
    assert (PdfReader(target).metadata or {})["/MouRevision"] == meeting.short_id
