"""The language rules: a prevailing-language Pasal for a bilingual text, a legal-basis recital, and one
rule per recurring wording mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_kit import load
from mou_kit.lint import lint
from mou_kit.model import Agreement

EXAMPLE = Path(__file__).resolve().parents[2] / "examples/tppo-kalbar"


@pytest.fixture
def example() -> Agreement:
    return load(EXAMPLE)


def _rules(agreement: Agreement) -> list[str]:
    return [f.rule for f in lint(agreement)]


def _set(agreement: Agreement, node: str, lang: str, text: str) -> Agreement:
    for article in agreement.articles:
        for clause in article.clauses:
            for item in [clause, *clause.points]:
                if item.id == node:
                    assert isinstance(item.text, dict)
                    item.text = {**item.text, lang: text}
    return agreement


def test_a_bilingual_agreement_without_a_prevailing_language_pasal_is_an_error(example: Agreement) -> None:
    assert "MOU208" not in _rules(example)
    example.articles = [a for a in example.articles if a.id != "bahasa"]
    found = [f for f in lint(example) if f.rule == "MOU208"]
    assert [f.severity for f in found] == ["error"] and "UU 24/2009 Pasal 31" in (found[0].hint or "")


def test_a_dispute_clause_about_interpretation_is_not_a_language_pasal(example: Agreement) -> None:
    example.articles = [a for a in example.articles if a.id != "bahasa"]
    assert any(a.id == "penyelesaian-perselisihan" for a in example.articles)
    assert "MOU208" in _rules(example)


def test_a_government_mou_without_a_legal_basis_recital_gets_a_suggestion(example: Agreement) -> None:
    assert "MOU209" not in _rules(example)
    example.recitals = [r for r in example.recitals if r.id != "bahwa-dasar-hukum"]
    found = [f for f in lint(example) if f.rule == "MOU209"]
    assert [f.severity for f in found] == ["info"]


@pytest.mark.parametrize(("node", "lang", "text", "rule"), [
    ("kerahasiaan-umum", "id", "PARA PIHAK tidak memberikan data kepada pihak ketiga.", "MOU210"),
    ("kerahasiaan-umum", "id", "Masing-masing PIHAK menjaga kerahasiaan data.", "MOU211"),
    ("monev-berkala", "id", "PARA PIHAK melakukan monitoring bersama.", "MOU212"),
    ("kerahasiaan-umum", "id", "Tanda tangan basah diperlukan.", "MOU213"),
    ("monev-berkala", "en", "Carried out through Implementing Arrangements.", "MOU214"),
    ("monev-berkala", "en", "Reported to the heads of each PARTY.", "MOU216"),
    ("monev-berkala", "id", "pencegahan penempatan ilegal.", "MOU217"),
])
def test_each_recurring_mistake_has_its_rule(example: Agreement, node: str, lang: str, text: str,
                                             rule: str) -> None:
    assert rule not in _rules(example)
    assert rule in _rules(_set(example, node, lang, text))


def test_the_police_rank_in_english(example: Agreement) -> None:
    signatory = example.parties[0].signatory
    assert signatory is not None and isinstance(signatory.rank, dict)
    assert signatory.rank["en"] == "Inspector General of Police"
    signatory.rank = {**signatory.rank, "en": "Police Inspector General"}
    assert "MOU215" in _rules(example)


def test_pihak_ketiga_is_fine_with_two_parties() -> None:
    from tests.builders import build

    two = build("a1[c1]", texts={"c1": "Data tidak diberikan kepada pihak ketiga."})
    assert "MOU210" not in _rules(two)
