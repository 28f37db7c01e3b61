"""A template's article is a Record like every model: an unknown key is an error, not silently dropped."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mou_kit.assemble.template import TemplateArticle


def test_a_template_article_refuses_a_key_it_does_not_know() -> None:
    good = {"id": "kerahasiaan", "heading": "Kerahasiaan", "clauses": [{"id": "umum", "text": "Rahasia."}]}
    assert TemplateArticle.model_validate(good).id == "kerahasiaan"
    with pytest.raises(ValidationError, match="headng"):
        TemplateArticle.model_validate({**good, "headng": "typo"})
