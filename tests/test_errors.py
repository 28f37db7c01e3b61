"""Every error code has a section in docs/errors.md, and errors survive pickling."""

from __future__ import annotations

import pickle
import re
import typing
from pathlib import Path

from mou_kit.errors import ErrorCode, Problem, TemplateError, ValidationFailed

DOCS = Path(__file__).resolve().parents[1] / "docs/errors.md"


def test_every_code_is_documented() -> None:
    sections = set(re.findall(r"^## ([a-z-]+)$", DOCS.read_text(encoding="utf-8"), re.M))
    assert set(typing.get_args(ErrorCode)) == sections


def test_problem_is_one_line_with_place_and_fix() -> None:
    problem = Problem("bad-id", "id 'a/b' is not a slug", file="articles/x.yaml", path="clauses[0].id",
                      line=7, column=9, hint="rename it")
    assert str(problem) == "articles/x.yaml:7:9: clauses[0].id: id 'a/b' is not a slug (rename it) [bad-id]"


def test_errors_pickle_with_their_details() -> None:
    error = ValidationFailed([Problem("bad-id", "x", file="f")])
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems and again.code == "bad-id"
    template = pickle.loads(pickle.dumps(TemplateError("boom", code="template-unsafe")))
    assert (template.message, template.code) == ("boom", "template-unsafe")
