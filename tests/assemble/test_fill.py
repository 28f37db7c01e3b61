"""Filling templates in: list punctuation, conditions, values as data, and the sandbox's refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

from mou_kit import ValidationFailed
from mou_kit.assemble import ClauseTemplate, load_library
from mou_kit.assemble._library import check_template
from mou_kit.assemble.assembly import render_example
from mou_kit.errors import TemplateError


def template(clauses: list[dict[str, Any]], variables: list[dict[str, Any]] | None = None,
             languages: tuple[str, ...] = ("id", "en")) -> ClauseTemplate:
    return ClauseTemplate.model_validate({
        "id": "t", "version": "1.0.0", "title": {lang: "T" for lang in languages}, "category": "c",
        "languages": list(languages),
        "variables": variables or [],
        "article": {"id": "t", "heading": {lang: "Judul" for lang in languages}, "clauses": clauses}})


def bi(text: str) -> dict[str, str]:
    return {"id": text, "en": text}


@pytest.mark.parametrize(("style", "id_texts", "en_texts"), [
    ("and", ["a;", "b; dan", "c."], ["a;", "b; and", "c."]),
    ("or", ["a;", "b; atau", "c."], ["a;", "b; or", "c."]),
    ("and-or", ["a;", "b; dan/atau", "c."], ["a;", "b; and/or", "c."]),
])
def test_list_points_are_punctuated_in_each_language(style: str, id_texts: list[str], en_texts: list[str]) -> None:
    points = [{"id": f"p-{x}", "text": bi(x + ";")} for x in "abc"]
    article = render_example(template([{"id": "c", "text": bi("Meliputi:"), "list": style, "points": points}]))
    assert [p.text["id"] for p in article.clauses[0].points] == id_texts  # type: ignore[index]
    assert [p.text["en"] for p in article.clauses[0].points] == en_texts  # type: ignore[index]


@pytest.mark.parametrize(("flag", "clause_ids"), [(True, ["a", "b"]), (False, ["a"])])
def test_a_clause_with_a_false_condition_is_left_out(flag: bool, clause_ids: list[str]) -> None:
    t = template([{"id": "a", "text": bi("A.")}, {"id": "b", "when": "flag", "text": bi("B.")}],
                 [{"name": "flag", "type": "boolean", "description": "x", "example": flag}])
    assert [c.id for c in render_example(t).clauses] == clause_ids


@pytest.mark.parametrize("value", ["<< lipsum.__globals__ >> {{ x }}", "{{ 9**(9**9) }}",
                                   "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
                                   "{# c #} {{ '{{' }} }}"])
def test_values_are_data_and_never_run_as_templates(value: str) -> None:
    """A value is stored so that the agreement prints it as given: never run at assembly or at rendering."""
    from mou_kit.model.sandbox import build_environment, compile_text, evaluate

    t = template([{"id": "a", "text": bi("Nilai: << v >>.")}],
                 [{"name": "v", "type": "text", "description": "x", "example": value}])
    stored = render_example(t).clauses[0].text
    assert isinstance(stored, dict)
    printed = evaluate(compile_text(build_environment("id"), stored["id"]), {})
    assert printed == f"Nilai: {value}."


def test_agreement_markup_passes_through_untouched() -> None:
    t = template([{"id": "a", "text": {"id": "Selama {{ term.duration_years | angka }} tahun << doc >>.",
                                       "en": "For {{ term.duration_years | with_words }} years."}}])
    text = render_example(t, kind="pks").clauses[0].text
    assert text == {"id": "Selama {{ term.duration_years | angka }} tahun Perjanjian Kerja Sama.",
                    "en": "For {{ term.duration_years | with_words }} years."}


@pytest.mark.parametrize(("markup", "reason"), [
    ("{{ ''.__class__.__mro__ }}", "attribute '__class__' reaches for Python internals"),
    ("<< ''.__class__.__mro__[1].__subclasses__() >>", "attribute '__class__' reaches for Python internals"),
    ("<< lipsum.__globals__ >>", "attribute '__globals__' reaches for Python internals"),
    ("<< doc['__class__'] >>", "item '__class__' reaches for Python internals"),
    ("<% include '/etc/passwd' %>", "'include' of another file is not allowed"),
    ("<% import 'other.yaml' as other %>", "'import' of another file is not allowed"),
    ("<% from 'x' import y %>", "'from-import' of another file is not allowed"),
    ("<% extends 'base' %>", "'extends' of another file is not allowed"),
    ("{% include 'secrets.txt' %}", "'include' of another file is not allowed"),
])
def test_unsafe_templates_are_refused_when_the_library_is_read(markup: str, reason: str) -> None:
    problems = check_template(template([{"id": "a", "text": bi(markup)}]))
    assert problems and all(p.code == "template-unsafe" for p in problems)
    assert any(reason in p.message for p in problems)


@pytest.mark.parametrize("markup", [
    "<< doc | attr('__class__') >>",
    "<< (doc | attr('__class__')).__name__ >>",
])
def test_attribute_walking_the_static_check_cannot_see_is_refused_by_the_sandbox(markup: str) -> None:
    with pytest.raises(TemplateError) as e:
        render_example(template([{"id": "a", "text": bi(markup)}]))
    assert e.value.code in ("template-unsafe", "template-undefined")
    assert "__class__" in e.value.message


def test_an_unsafe_template_in_a_user_library_stops_the_library_loading(tmp_path: Path) -> None:
    (tmp_path / "evil.yaml").write_text(
        "id: evil\nversion: 1.0.0\ntitle: Evil\ncategory: x\nlanguages: [id]\n"
        "article:\n  id: evil\n  heading: Evil\n  clauses:\n"
        "    - id: evil-1\n      text: \"<< ''.__class__.__mro__ >>\"\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        load_library([tmp_path], bundled=False)
    assert f"{tmp_path / 'evil.yaml'}:11:13: article.clauses[0].text: attribute '__class__' reaches for Python " \
        "internals (remove it; see docs/templates.md) [template-unsafe]" in [str(p) for p in e.value.problems]


def test_a_syntax_error_names_the_place() -> None:
    problems = check_template(template([{"id": "a", "text": bi("<< doc ")}]))
    assert problems[0].code == "template-invalid"
    assert problems[0].path == "alternatives.0.article.clauses.0.text.id"


@given(st.lists(st.sampled_from(["a", "b;", "c.", "d; dan", "e ,"]), min_size=1, max_size=8))
def test_a_punctuated_list_always_ends_right(texts: list[str]) -> None:
    points = [{"id": f"p-{i}", "text": bi(text)} for i, text in enumerate(texts)]
    article = render_example(template([{"id": "c", "text": bi("Meliputi:"), "list": "and", "points": points}]))
    rendered = [p.text["id"] for p in article.clauses[0].points]  # type: ignore[index]
    assert rendered[-1].endswith(".") and not rendered[-1].endswith("..")
    if len(rendered) > 1:
        assert rendered[-2].endswith("; dan")
    assert all(r.endswith(";") and not r.endswith(";;") for r in rendered[:-2])
