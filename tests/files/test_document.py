"""Single YAML files outside an agreement folder (answers, templates): safe reading, located problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from mou_kit import ValidationFailed
from mou_kit.files import read_yaml_file


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    count: int


@pytest.mark.parametrize(("text", "message"), [
    ("a: [1, 2\n", "invalid YAML"),
    ("a: &x 1\nb: *x\n", "YAML anchors and aliases"),
])
def test_bad_yaml_is_refused_with_its_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        read_yaml_file(path)
    assert message in str(e.value) and str(path) in str(e.value)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as e:
        read_yaml_file(tmp_path / "none.yaml")
    assert e.value.problems[0].code == "file-missing"


def test_validate_reports_every_problem_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("name: x\ncount: many\ncolour: red\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        read_yaml_file(path).validate(_Shape)
    lines = [str(p) for p in e.value.problems]
    assert any(x.startswith(f"{path}:2:8: count:") for x in lines), lines
    assert any(x.startswith(f"{path}:3:1: colour: unknown key 'colour'") for x in lines), lines
