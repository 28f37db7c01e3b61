"""The template model: versions, variables checked by a generated model, alternatives and fallbacks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from mou_kit.assemble import ClauseTemplate
from mou_kit.assemble.template import TemplateVariable, values_model, version_key


def _var(name: str, type_: str, **extra: Any) -> TemplateVariable:
    return TemplateVariable.model_validate({"name": name, "type": type_, "description": "d", "example": None,
                                            **extra})


@pytest.mark.parametrize(("type_", "value", "expected"), [
    ("string", "Pontianak", "Pontianak"),
    ("integer", 3, 3),
    ("number", 2.5, 2.5),
    ("boolean", True, True),
    ("date", "2024-01-31", dt.date(2024, 1, 31)),
    ("text", {"id": "teks", "en": "text"}, {"id": "teks", "en": "text"}),
    ("ref", "ruang-lingkup", "ruang-lingkup"),
])
def test_values_are_checked_by_a_model_made_from_the_variables(type_: str, value: Any, expected: Any) -> None:
    model = values_model("t", [_var("v", type_)])
    assert model.model_validate({"v": value}).v == expected  # type: ignore[attr-defined]


@pytest.mark.parametrize(("type_", "value"), [
    ("integer", "tiga"),
    ("boolean", "maybe"),
    ("ref", "Ruang Lingkup"),
    ("points", [{"id": "p1"}]),
    ("text", {"Indonesian": "teks"}),
])
def test_a_value_of_the_wrong_type_is_refused(type_: str, value: Any) -> None:
    with pytest.raises(ValidationError):
        values_model("t", [_var("v", type_)]).model_validate({"v": value})


def test_a_variable_without_default_is_required_and_unknown_names_are_refused() -> None:
    model = values_model("t", [_var("needed", "string"), _var("optional", "integer", default=2)])
    with pytest.raises(ValidationError) as e:
        model.model_validate({"other": 1})
    assert {err["type"] for err in e.value.errors()} == {"missing", "extra_forbidden"}
    assert model.model_validate({"needed": "x"}).optional == 2  # type: ignore[attr-defined]


@pytest.mark.parametrize(("versions", "ordered"), [
    (["1.10.0", "1.2.0", "1.9.3"], ["1.2.0", "1.9.3", "1.10.0"]),
    (["2.0.0", "0.9.9"], ["0.9.9", "2.0.0"]),
])
def test_versions_sort_by_number(versions: list[str], ordered: list[str]) -> None:
    assert sorted(versions, key=version_key) == ordered


BASE: dict[str, Any] = {"id": "t", "version": "1.0.0", "title": "T", "category": "c", "languages": ["id"]}
ARTICLE: dict[str, Any] = {"id": "t", "heading": "T", "clauses": [{"id": "c", "text": "Teks."}]}


@pytest.mark.parametrize(("fields", "message"), [
    ({"version": "1.0"}, "version '1.0' is not a semantic version such as '1.0.0'"),
    ({"alternatives": [{"id": "a", "title": "A", "fallback": "b", "article": ARTICLE}]},
     "alternative 'a' falls back to 'b', which is not one of ['a']"),
    ({"variables": [{"name": "doc", "description": "d", "example": 1}]}, "variable name 'doc' is built in"),
    ({"article": ARTICLE, "alternatives": []}, "give either 'article' or 'alternatives', not both"),
])
def test_template_rules_say_what_is_wrong(fields: dict[str, Any], message: str) -> None:
    data = {**BASE, **({"article": ARTICLE} if "alternatives" not in fields else {}), **fields}
    with pytest.raises(ValidationError) as e:
        ClauseTemplate.model_validate(data)
    assert message in str(e.value)


def test_the_article_shorthand_is_one_standard_alternative() -> None:
    template = ClauseTemplate.model_validate({**BASE, "article": ARTICLE})
    assert [a.id for a in template.alternatives] == ["standard"]
    assert template.alternative(None) is template.alternatives[0] and template.alternative("x") is None
    assert template.ref == "t@1.0.0"
