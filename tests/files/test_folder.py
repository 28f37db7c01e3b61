"""Loading and saving the agreement folder: canonical bytes, comments kept, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from mou_kit import Agreement, Clause, ValidationFailed, load, save
from mou_kit.files import dump_agreement, parse_agreement, read_folder
from tests.builders import build
from tests.strategies import agreements

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", ["tppo-kalbar", "research-mou-en"])
def test_load_save_of_each_example_is_byte_identical(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    shutil.copytree(EXAMPLES / name, folder)
    before = _tree(folder)
    assert save(load(folder), folder) == []
    assert _tree(folder) == before


def test_a_comment_written_by_a_person_survives_an_edit(tmp_path: Path) -> None:
    folder = tmp_path / "tppo"
    shutil.copytree(EXAMPLES / "tppo-kalbar", folder)
    article = folder / "articles/pembiayaan.yaml"
    article.write_text(article.read_text().replace(
        "clauses:\n", "clauses:\n  # Usulan BP3MI: tambahkan sumber lain yang sah.\n"))
    agreement = load(folder)
    agreement.articles[5].clauses[0].text = {"id": "Biaya ditanggung bersama.", "en": "Costs are shared."}
    save(agreement, folder)
    text = article.read_text()
    assert "# Usulan BP3MI: tambahkan sumber lain yang sah." in text
    assert "Biaya ditanggung bersama." in text
    assert load(folder).articles[5].clauses[0].text == {"id": "Biaya ditanggung bersama.", "en": "Costs are shared."}


def test_saved_files_point_editors_at_their_schema(tmp_path: Path) -> None:
    folder = tmp_path / "tppo"
    shutil.copytree(EXAMPLES / "tppo-kalbar", folder)
    first = (folder / "agreement.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=.mou/schema/agreement.json"
    assert (folder / "articles/pembiayaan.yaml").read_text().startswith(
        "# yaml-language-server: $schema=../.mou/schema/article.json\n")
    assert (folder / ".mou/schema/agreement.json").is_file()


def test_save_refuses_an_invalid_agreement_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "tppo"
    shutil.copytree(EXAMPLES / "tppo-kalbar", folder)
    before = _tree(folder)
    agreement = load(folder)
    agreement.articles[0].clauses.append(Clause(id="maksud", text="duplikat"))
    with pytest.raises(ValidationFailed, match="duplicate-id"):
        save(agreement, folder)
    assert _tree(folder) == before


def test_removed_article_is_backed_up_before_its_file_goes(tmp_path: Path) -> None:
    folder = tmp_path / "tppo"
    shutil.copytree(EXAMPLES / "tppo-kalbar", folder)
    old = (folder / "articles/perubahan.yaml").read_bytes()
    agreement = load(folder)
    agreement.articles = [a for a in agreement.articles if a.id != "perubahan"]
    changed = save(agreement, folder)
    assert "articles/perubahan.yaml" in changed
    assert not (folder / "articles/perubahan.yaml").exists()
    assert (folder / ".mou/backup/articles/perubahan.yaml").read_bytes() == old
    assert load(folder).articles[-1].id == "bahasa"


def test_save_into_an_empty_folder_then_load(tmp_path: Path) -> None:
    agreement = load(EXAMPLES / "research-mou-en")
    save(agreement, tmp_path / "copy")
    assert load(tmp_path / "copy") == agreement


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreements)
def test_random_agreements_survive_dump_and_parse(agreement: Agreement) -> None:
    files = dump_agreement(agreement)
    again = parse_agreement(files)
    assert again == agreement
    assert dump_agreement(again, previous=files) == files


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(agreements)
def test_random_agreements_survive_save_and_load(tmp_path: Path, agreement: Agreement) -> None:
    folder = tmp_path / "random"
    shutil.rmtree(folder, ignore_errors=True)
    save(agreement, folder)
    assert load(folder) == agreement
    assert save(load(folder), folder) == []
    assert parse_agreement(read_folder(folder)) == agreement


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreements)
def test_articles_named_unchanged_give_the_same_files(agreement: Agreement) -> None:
    ids = [a.id for a in agreement.articles]
    assert dump_agreement(agreement, unchanged=ids) == dump_agreement(agreement)


@pytest.mark.parametrize(("edit", "message"), [
    # a field of an article that is not named unchanged: validated field by field
    (lambda a: setattr(a.articles[1].clauses[0], "id", "Not A Slug"), "clauses"),
    # a rule across nodes involving an unchanged article: check() still sees the whole agreement
    (lambda a: setattr(a.articles[1].clauses[0], "id", "c1"), "c1"),
    (lambda a: setattr(a.articles[1].clauses[0], "text", "See [[nowhere]]."), "nowhere"),
    # the head is always validated
    (lambda a: setattr(a, "languages", []), "languages"),
])
def test_articles_named_unchanged_still_meet_every_rule(edit: Any, message: str) -> None:
    agreement = build("a1[c1,c2] a2[c3]")
    edit(agreement)
    with pytest.raises(ValidationFailed, match=message):
        dump_agreement(agreement, unchanged=["a1"])
