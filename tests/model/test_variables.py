"""Which variables a text needs: simple outputs read without Jinja2, the rest parsed by it."""

from __future__ import annotations

import pytest

from mou_kit import TemplateError
from mou_kit.model.references import variables_used


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("tanpa variabel", set()),
        ("{{ jangka }} tahun", {"jangka"}),
        ("{{ term.duration_years | angka }} dan {{ nama|upper }}", {"term", "nama"}),
        ("{{ true }} {{ x }}", {"x"}),
        ("{% if a %}{{ b }}{% endif %}", {"a", "b"}),
        ("{{ a ~ b }}", {"a", "b"}),
        ("{{ f(2) }}", {"f"}),
        ("{# catatan #}{{ c }}", {"c"}),
    ],
)
def test_variables_used(text: str, names: set[str]) -> None:
    assert variables_used(text) == names


@pytest.mark.parametrize("text", ["{{ a ", "{% if %}", "{{ a }} }}x{{"])
def test_broken_markup_is_a_template_error(text: str) -> None:
    with pytest.raises(TemplateError) as caught:
        variables_used(text)
    assert caught.value.code == "template-syntax"
