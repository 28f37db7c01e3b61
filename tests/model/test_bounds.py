"""Bounded templates: every reproduction of issue 20 is one TemplateError naming its node, never a hang."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from mou_kit import Agreement
from mou_kit.errors import TemplateError
from mou_kit.model import TextRenderer
from mou_kit.model.references import fill_problems
from mou_kit.model.sandbox import as_data, build_environment, compile_text, evaluate
from tests.builders import data as agreement_data


def _run(source: str, values: dict[str, Any] | None = None) -> str:
    return evaluate(compile_text(build_environment("id"), source), values or {})


@pytest.mark.parametrize(("source", "code", "words"), [
    ("{{ 9**(9**9) }}", "template-limit", "digits"),
    ("{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}", "template-limit", "steps"),
    ("{{ 'a'*300000000 }}", "template-limit", "100,000"),
    ("{{ [1]*300000000 }}", "template-limit", "100,000"),
    ("{{ 1/0 }}", "template-syntax", "division by zero"),
    ("{{ range(10**9)|list }}", "template-limit", "range"),
    ("{{ 'x'|angka }}", "template-syntax", "whole number"),
    ("{{ 5|tanggal }}", "template-syntax", "date"),
    ("{{ (10**30)|terbilang }}", "template-syntax", "10^27"),
    ("{{ '{:>999999999}'.format('a') }}", "template-limit", "width"),
    ("{{ '{:{}}'.format('a', 9) }}", "template-limit", "computed"),
    ("{{ '%999999999d' % 1 }}", "template-limit", "width"),
    ("{{ '%*d' % (999999999, 1) }}", "template-limit", "width"),
    ("{{ 'a'.center(999999999) }}", "template-limit", "10,000"),
    ("{{ 'a'|center(999999999) }}", "template-limit", "10,000"),
    ("{{ ('a'*90000)|replace('a', 'a'*50) }}", "template-limit", "replace"),
    ("{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}", "template-limit", "deeply"),
    ("{% set a = 'x'*60000 %}{{ a ~ a }}", "template-limit", "'~'"),
    ("{% set s = 'a'*99999 %}{% for i in range(99) %}{{ s }}{% endfor %}", "template-limit", "1,000,000"),
    ("{{ 'a' - 1 }}", "template-syntax", "TypeError"),
    ("{{ ''.__class__ }}", "template-unsafe", "__class__"),
    ("{{ lipsum(10) }}", "template-undefined", "lipsum"),
    ("{{ " + "9" * 5000 + " }}", "template-syntax", "ValueError"),
])
def test_each_costly_or_failing_text_is_one_template_error(source: str, code: str, words: str) -> None:
    with pytest.raises(TemplateError) as info:
        _run(source)
    assert info.value.code == code
    assert words in info.value.message
    assert "\n" not in info.value.message


@pytest.mark.parametrize(("source", "expected"), [
    ("{{ 3|angka }} {{ '2024-01-31'|tanggal }}", "3 (tiga) 31 Januari 2024"),
    ("{% for p in ps %}{{ loop.index }}{{ p }}{% if loop.last %}.{% endif %}{% endfor %}", "1a2b."),
    ("{{ 'a' ~ 1 ~ 'b' }} {{ n * 2 }} {{ '%s-%d' % ('a', 3) }} {{ '{:,}'.format(1000000000) }}",
     "a1b 14 a-3 1,000,000,000"),
    ("{{ 2**200 > 0 }} {{ 10//3 }} {{ [1, 2] + [3] }} {{ 'x'|center(5) }}", "True 3 [1, 2, 3]   x  "),
    ("{% for a in range(300) %}{% for b in range(300) %}{% endfor %}{% endfor %}ok", "ok"),
])
def test_ordinary_texts_still_render(source: str, expected: str) -> None:
    assert _run(source, {"ps": ["a", "b"], "n": 7}) == expected


def test_the_failure_names_the_node() -> None:
    data = agreement_data()
    data["articles"][0]["clauses"][0]["text"] = "{{ 9**(9**9) }}"
    agreement = Agreement.model_validate(data)
    clause = agreement.articles[0].clauses[0]
    with pytest.raises(TemplateError, match=f"in node '{clause.id}'"):
        TextRenderer(agreement, agreement.main_language).fill(clause.text, context=clause.id)  # type: ignore[arg-type]
    [problem] = fill_problems(agreement)
    assert problem.code == "template-limit"
    assert problem.file == f"articles/{agreement.articles[0].id}.yaml" and problem.path == "clauses[0].text"


_ATOMS = st.sampled_from(["9", "99999", "'a'", "'ab'*99", "[1, 2]", "range(99999)", "x", "s", "n", "(2**8)", "''",
                          "1.5", "none", "true", "{'k': 1}"])
_BINOPS = st.sampled_from(["+", "-", "*", "/", "//", "%", "**", "~", "and", "in", "=="])
_FILTERS = st.sampled_from(["", "|angka", "|tanggal", "|list", "|join", "|center(99999)", "|indent(9999)",
                            "|replace('a', s)", "|batch(9999)|list", "|length", "|int", "|string", "|sum",
                            "|reverse|list", "|unique|list", "|wordwrap(5)", "|truncate(9999)"])


@st.composite
def expressions(draw: st.DrawFn, depth: int = 3) -> str:
    """A random expression over the operators and filters a clause text may use."""
    if depth == 0 or draw(st.booleans()):
        return draw(_ATOMS) + draw(_FILTERS)
    left, right = draw(expressions(depth - 1)), draw(expressions(depth - 1))
    return f"({left} {draw(_BINOPS)} {right}){draw(_FILTERS)}"


@st.composite
def texts(draw: st.DrawFn) -> str:
    body = "{{ " + draw(expressions()) + " }}"
    for _ in range(draw(st.integers(0, 2))):
        body = f"{{% for i in {draw(expressions(1))} %}}{body}{{% endfor %}}"
    return body


@settings(max_examples=300, deadline=None)
@given(texts())
def test_any_text_renders_or_fails_with_one_template_error(source: str) -> None:
    """Whatever the text does, the result is a string within the limits or one TemplateError."""
    try:
        out = _run(source, {"x": "2024-01-31", "s": "a" * 5000, "n": 12})
    except TemplateError as e:
        assert e.code in ("template-limit", "template-syntax", "template-unsafe", "template-undefined")
        assert "\n" not in e.message
    else:
        assert len(out) <= 1_000_000


@given(st.text(st.sampled_from(list("{}%#ab <>~")), max_size=40))
def test_as_data_prints_any_value_literally(value: str) -> None:
    """A value from the answers, stored by :func:`as_data`, prints exactly as given."""
    assert _run(as_data(value)) == value
