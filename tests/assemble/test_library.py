"""The bundled clause library: every template renders in both languages; loading, lookup and search."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_kit import ValidationFailed
from mou_kit.assemble import ClauseTemplate, Library, load_library
from mou_kit.assemble.assembly import render_example
from mou_kit.errors import TemplateError

LIBRARY = load_library()
ALTERNATIVES = [(t.id, a.id) for t in LIBRARY.templates(kind="article") for a in t.alternatives]


def test_library_holds_at_least_thirty_bilingual_article_templates() -> None:
    templates = LIBRARY.templates(kind="article")
    assert len(templates) >= 30
    assert all({"id", "en"} <= set(t.languages) for t in templates)
    assert {t.id for t in LIBRARY.templates(kind="agreement")} == {"nk-tripartit", "mou-bilateral", "pks", "adendum"}


@pytest.mark.parametrize(("template_id", "alternative"), ALTERNATIVES)
def test_every_template_renders_in_both_languages_with_its_examples(template_id: str, alternative: str) -> None:
    template = LIBRARY.article(template_id)
    article = render_example(template, alternative=alternative)
    texts = [article.heading] + [c.text for c in article.clauses] + [p.text for c in article.clauses for p in c.points]
    for text in texts:
        assert isinstance(text, dict) and set(text) == {"id", "en"}
        for value in text.values():
            assert value.strip() and "<<" not in value and "<%" not in value
    assert all(c.source and c.source.startswith(f"{template.ref}") for c in article.clauses)


@pytest.mark.parametrize(("ref", "found"), [
    ("kerahasiaan", "kerahasiaan@1.0.1"),
    ("kerahasiaan@1.0.1", "kerahasiaan@1.0.1"),
    ("nk-tripartit", "nk-tripartit@1.1.0"),
])
def test_get_finds_a_template_by_id_or_version(ref: str, found: str) -> None:
    assert LIBRARY.get(ref).ref == found


@pytest.mark.parametrize(("ref", "message"), [
    ("kerahasian", "no template 'kerahasian' in the library: did you mean 'kerahasiaan'?"),
    ("kerahasiaan@9.0.0", "template 'kerahasiaan' has no version '9.0.0' (versions: 1.0.1)"),
])
def test_get_names_what_is_missing_and_a_close_match(ref: str, message: str) -> None:
    with pytest.raises(TemplateError) as e:
        LIBRARY.get(ref)
    assert e.value.message == message and e.value.code == "template-unknown"


@pytest.mark.parametrize(("query", "first"), [
    ("kerahasiaan", "kerahasiaan"),
    ("confidentiality", "kerahasiaan"),
    ("force majeure", "keadaan-kahar"),
    ("keadaan kahar", "keadaan-kahar"),
    ("governing law", "hukum-yang-berlaku"),
    ("prevailing", "bahasa"),
])
def test_search_finds_words_in_either_language(query: str, first: str) -> None:
    assert LIBRARY.search(query)[0].id == first


def test_search_without_match_is_empty() -> None:
    assert LIBRARY.search("zzzz-nothing") == []


GOOD = """\
id: my-clause
version: 2.0.0
title: {id: Klausul Saya, en: My Clause}
category: custom
languages: [id, en]
article:
  id: my-clause
  heading: {id: Klausul, en: Clause}
  clauses:
    - id: my-clause-text
      text: {id: "Teks << doc >>.", en: "Text of the << doc >>."}
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_user_library_is_added_beside_the_bundled_one(tmp_path: Path) -> None:
    user = _write(tmp_path / "mine", "my-clause.yaml", GOOD)
    library = load_library(environ={"MOU_LIBRARY_PATH": str(user)})
    assert "my-clause" in library and "kerahasiaan" in library
    assert library.get("my-clause").ref == "my-clause@2.0.0"


def test_a_newer_version_in_a_user_library_becomes_the_latest(tmp_path: Path) -> None:
    text = (LIBRARY.files["kerahasiaan@1.0.1"])
    newer = Path(text).read_text(encoding="utf-8").replace("version: 1.0.1", "version: 1.1.0", 1)
    user = _write(tmp_path / "mine", "kerahasiaan.yaml", newer)
    library = load_library([user])
    assert [t.version for t in library.versions("kerahasiaan")] == ["1.0.1", "1.1.0"]
    assert library.get("kerahasiaan").version == "1.1.0"


def test_the_same_version_twice_is_refused(tmp_path: Path) -> None:
    user = _write(tmp_path / "a", "x.yaml", GOOD)
    _write(tmp_path / "a", "y.yaml", GOOD)
    with pytest.raises(ValidationFailed) as e:
        load_library([user], bundled=False)
    assert "template 'my-clause@2.0.0' is also in" in str(e.value)


def test_every_broken_template_is_reported_at_once(tmp_path: Path) -> None:
    folder = _write(tmp_path / "bad", "one.yaml", GOOD.replace("version: 2.0.0", "version: two"))
    _write(folder, "two.yaml", GOOD.replace("<< doc >>", "<< unknown_name >>").replace("my-clause", "other"))
    _write(folder, "three.yaml", GOOD.replace("{id: Klausul, en: Clause}", "{id: Klausul}").replace("my-clause", "x"))
    with pytest.raises(ValidationFailed) as e:
        load_library([folder], bundled=False)
    lines = str(e.value).splitlines()
    assert len(lines) == 4, lines
    assert any("one.yaml:2:10: version: Value error, version 'two' is not a semantic version" in x or
               ("one.yaml:2" in x and "not a semantic version" in x) for x in lines)
    assert any("two.yaml" in x and "<< unknown_name >> is used but not declared under 'variables'" in x for x in lines)
    assert any("three.yaml" in x and "text has no en version" in x for x in lines)


def test_a_missing_library_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as e:
        load_library([tmp_path / "nowhere"], bundled=False)
    assert "library folder does not exist" in str(e.value)


def test_library_can_be_built_from_templates_in_code() -> None:
    template = ClauseTemplate.model_validate({
        "id": "t", "version": "1.0.0", "title": "T", "category": "c", "languages": ["id"],
        "article": {"id": "t", "heading": "T", "clauses": [{"id": "t-1", "text": "Teks."}]}})
    library = Library([template])
    assert len(library) == 1 and library.article("t") is template
