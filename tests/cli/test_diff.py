"""``mou diff`` on two agreement folders, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mou_kit.cli import app
from mou_kit.files import save
from tests.diff.pairs import all_kinds

runner = CliRunner()


@pytest.fixture
def folders(tmp_path: Path) -> tuple[str, str]:
    old, new = all_kinds()
    save(old, tmp_path / "old")
    save(new, tmp_path / "new")
    return str(tmp_path / "old"), str(tmp_path / "new")


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_stdout_formats(fmt: str, folders: tuple[str, str]) -> None:
    result = runner.invoke(app, ["diff", *folders, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Pasal" in result.output
    if fmt == "json":
        assert json.loads(result.output)["version"] == 3


@pytest.mark.parametrize(("fmt", "name"), [("matrix", "m.docx"), ("matrix", "m.html"), ("redline", "r.docx")])
def test_file_formats(fmt: str, name: str, folders: tuple[str, str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["diff", *folders, "--format", fmt, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).stat().st_size > 1000


def test_redline_needs_a_docx_name(folders: tuple[str, str]) -> None:
    result = runner.invoke(app, ["diff", *folders, "--format", "redline"])
    assert result.exit_code == 2


def test_revision_names_without_workspace_is_a_clear_error(folders: tuple[str, str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["diff", "rapat-1", folders[1], "-C", str(tmp_path)])
    assert result.exit_code == 1
    assert "'rapat-1' is not an agreement folder (no agreement.yaml) nor a revision" in result.output


def test_revision_names_go_through_the_revision_source(tmp_path: Path) -> None:
    from mou_kit.cli.diff import compare
    from tests.diff.test_revisions import FakeSource

    old, new, result = compare("rapat-1", "rapat-2", tmp_path, lang=None, source=FakeSource())
    assert result.new_revision is not None and result.new_revision.meeting == "rapat-2"
    assert old.id == new.id == "test-agreement"


def test_a_misspelt_folder_names_the_closest_ones(folders: tuple[str, str]) -> None:
    result = runner.invoke(app, ["diff", folders[0] + "x", folders[1]])
    assert result.exit_code == 1
    assert "did you mean" in result.output and "old" in result.output
