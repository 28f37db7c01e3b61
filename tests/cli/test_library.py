"""`mou assemble`, `mou library list|show|search|update`: output, JSON and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mou_kit.cli import app

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "examples/tppo-kalbar.answers.yaml"
runner = CliRunner()


def test_library_list_json_names_every_template() -> None:
    result = runner.invoke(app, ["library", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["templates"]
    assert len([r for r in rows if r["kind"] == "article"]) >= 30
    assert {"id": "kerahasiaan", "version": "1.0.0", "alternatives": ["standard", "strict"]}.items() <= next(
        r for r in rows if r["id"] == "kerahasiaan").items()


def test_library_search_in_english_finds_an_indonesian_template() -> None:
    result = runner.invoke(app, ["library", "search", "force", "majeure", "--json"])
    assert json.loads(result.output)["templates"][0]["id"] == "keadaan-kahar"


def test_library_search_without_match() -> None:
    result = runner.invoke(app, ["library", "search", "zzzz"])
    assert result.exit_code == 0 and "no template matches" in result.output


def test_library_show_previews_an_alternative_in_one_language() -> None:
    result = runner.invoke(app, ["library", "show", "kerahasiaan", "--alternative", "strict", "--lang", "id"])
    assert result.exit_code == 0, result.output
    assert "alternative strict, falls back to standard" in result.output
    assert "paling lambat 3 (tiga) hari" in result.output


def test_library_show_unknown_template_exits_1_with_a_suggestion() -> None:
    result = runner.invoke(app, ["library", "show", "kerahasian"])
    assert result.exit_code == 1
    assert "did you mean 'kerahasiaan'?" in result.output


def test_assemble_prints_the_draft_without_output_folder() -> None:
    result = runner.invoke(app, ["assemble", str(ANSWERS), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "MEMORANDUM OF UNDERSTANDING" in result.output


def test_assemble_writes_a_folder_that_validates_and_lints(tmp_path: Path) -> None:
    out = tmp_path / "draft"
    result = runner.invoke(app, ["assemble", str(ANSWERS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "assembled tppo-kalbar: 11 articles" in result.output
    assert (out / ".mou/answers.yaml").read_bytes() == ANSWERS.read_bytes()
    assert runner.invoke(app, ["validate", "-C", str(out)]).exit_code == 0
    lint = runner.invoke(app, ["lint", "-C", str(out), "--json"])
    assert lint.exit_code == 0, lint.output
    assert json.loads(lint.output)["counts"] == {"error": 0, "warning": 1, "info": 0}


def test_assemble_with_bad_answers_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "answers.yaml"
    bad.write_text(ANSWERS.read_text(encoding="utf-8").replace("  purpose:\n", "  purpos:\n", 1)
                   .replace("template: nk-tripartit", "template: nk-tripartite"), encoding="utf-8")
    result = runner.invoke(app, ["assemble", str(bad)])
    assert result.exit_code == 1
    assert "did you mean 'nk-tripartit'?" in result.output


def test_lint_exits_1_on_errors(tmp_path: Path) -> None:
    out = tmp_path / "draft"
    runner.invoke(app, ["assemble", str(ANSWERS), "-o", str(out)])
    text = (out / "agreement.yaml").read_text(encoding="utf-8")
    (out / "agreement.yaml").write_text(text.replace("Pekerja Migran Indonesia\n", "Pekerja Migran Indonesia.\n", 1),
                                        encoding="utf-8")
    result = runner.invoke(app, ["lint", "-C", str(out)])
    assert result.exit_code == 1, result.output
    assert "error MOU201 the title (id) ends with '.'" in result.output


def test_library_update_reports_an_up_to_date_article(tmp_path: Path) -> None:
    out = tmp_path / "draft"
    runner.invoke(app, ["assemble", str(ANSWERS), "-o", str(out)])
    result = runner.invoke(app, ["library", "update", "kerahasiaan", "-C", str(out)])
    assert result.exit_code == 0, result.output
    assert "already up to date" in result.output
