"""`mou validate`, `mou show` and `mou schema`: human output, JSON, one-line errors and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from mou_kit.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_validate_ok() -> None:
    result = runner.invoke(app, ["validate", "-C", str(ROOT / "examples/tppo-kalbar")])
    assert result.exit_code == 0, result.output
    assert "ok tppo-kalbar: 12 articles" in result.output


def test_validate_json() -> None:
    result = runner.invoke(app, ["validate", "--json", "-C", str(ROOT / "examples/research-mou-en")])
    assert json.loads(result.output) == {"schema": "mou-kit/validate", "version": 1, "valid": True,
                                         "id": "research-mou-en", "articles": 7, "clauses": 12, "parties": 2,
                                         "problems": []}


def test_validate_broken_folder_prints_one_line_per_problem_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "tppo"
    shutil.copytree(ROOT / "examples/tppo-kalbar", folder)
    (folder / "articles/pembiayaan.yaml").unlink()
    agreement = folder / "agreement.yaml"
    agreement.write_text(agreement.read_text().replace("place: Pontianak", "place: Pontianak\nplase: x"))
    result = runner.invoke(app, ["validate", "-C", str(folder)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1] == "2 problems found."
    assert lines[0].startswith("error: agreement.yaml:15:1: plase: unknown key 'plase' (did you mean 'place'?")
    assert "article 'pembiayaan' is listed but articles/pembiayaan.yaml does not exist" in lines[1]
    assert "Traceback" not in result.output


def test_validate_outside_an_agreement(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "-C", str(tmp_path)])
    assert result.exit_code == 1
    assert "no agreement.yaml in" in result.output and "mou new" in result.output


def test_show_prints_numbered_text_in_each_language() -> None:
    folder = str(ROOT / "examples/tppo-kalbar")
    indonesian = runner.invoke(app, ["show", "-C", folder]).output
    english = runner.invoke(app, ["show", "-C", folder, "--lang", "en"]).output
    assert "Pasal 2" in indonesian and "huruf c" in indonesian
    assert "Article 2" in english and "PIHAK" not in english


def test_show_unknown_language_is_a_user_error() -> None:
    result = runner.invoke(app, ["show", "-C", str(ROOT / "examples/tppo-kalbar"), "--lang", "fr"])
    assert result.exit_code == 1
    assert "language 'fr' has no form defined; use one of en, id [unknown-language]" in result.output


def test_schema_prints_json_schema_of_each_file_kind() -> None:
    for kind, key in [("agreement", "parties"), ("article", "clauses"), ("meeting", "attendees")]:
        result = runner.invoke(app, ["schema", kind])
        assert result.exit_code == 0
        assert key in json.loads(result.output)["properties"]


def test_schema_unknown_kind_is_a_usage_error() -> None:
    assert runner.invoke(app, ["schema", "contract"]).exit_code == 2


def test_demo_validates_and_prints_the_examples(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--examples", str(ROOT / "examples"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output and "NOTA KESEPAHAMAN" in result.output
    assert "MEMORANDUM OF UNDERSTANDING" in result.output
    assert "documents of the agreed draft" in result.output


def test_show_a_revision_of_a_repository(tmp_path: Path) -> None:
    from mou_kit.demo.history import build_example_history

    history = build_example_history(ROOT / "examples/tppo-kalbar", tmp_path / "repo")
    first = runner.invoke(app, ["show", history.revisions["first-draft"].short_id, "-C", str(history.path)])
    now = runner.invoke(app, ["show", "-C", str(history.path)])
    assert first.exit_code == 0 and now.exit_code == 0
    assert "melindungi data pribadi" not in first.output  # BP3MI's proposal came later
    assert "melindungi data pribadi" in now.output
    assert first.output != now.output
    assert "Pasal 1" in first.output
