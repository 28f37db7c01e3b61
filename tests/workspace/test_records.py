"""Data built in memory is checked by the one translation of pydantic's errors, naming the file it becomes."""

from __future__ import annotations

import datetime as dt

import pytest

from mou_kit.errors import ValidationFailed
from mou_kit.model import Meeting
from mou_kit.workspace.meetings import meeting_from_options
from mou_kit.workspace.workspace import validated


def test_a_bad_meeting_names_its_file_the_key_and_the_fix() -> None:
    with pytest.raises(ValidationFailed) as caught:
        meeting_from_options("Rapat 1", dt.date(2023, 7, 18), "Pontianak", title=None, chair=None,
                             attendees=[], agenda=[], decisions=[], outcome=None)
    problem = caught.value.problems[0]
    assert (problem.file, problem.path, problem.code) == ("meetings/Rapat 1.yaml", "id", "bad-id")
    assert "rapat-1" in (problem.hint or "")


def test_an_unknown_key_is_named_with_the_keys_allowed_there() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validated(Meeting, {"id": "rapat-1", "date": "2023-07-18", "place": "Pontianak", "chiar": "x"},
                  file="meetings/rapat-1.yaml")
    problem = caught.value.problems[0]
    assert problem.code == "unknown-key" and "chair" in (problem.hint or "")
