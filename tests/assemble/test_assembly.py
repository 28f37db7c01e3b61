"""Assembling a draft: the tppo-kalbar example from the library, sources, and every gap at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mou_kit import Agreement, ValidationFailed, load
from mou_kit.assemble import Answers, assemble, assemble_file, load_library, read_answers
from mou_kit.assemble.template import AgreementTemplate, ClauseTemplate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ANSWERS = EXAMPLES / "tppo-kalbar.answers.yaml"
LIBRARY = load_library()


def _plain(agreement: Agreement) -> dict[str, Any]:
    data = agreement.model_dump()
    for article in data["articles"]:
        article.pop("source")
        for clause in article["clauses"]:
            clause.pop("source")
    return data


def test_the_example_is_assembled_from_the_library_with_the_same_articles_and_texts() -> None:
    assembled = assemble_file(ANSWERS)
    example = load(EXAMPLES / "tppo-kalbar")
    assert [a.id for a in assembled.articles] == [a.id for a in example.articles]
    assert _plain(assembled) == _plain(example)


def test_every_article_and_clause_records_its_template() -> None:
    assembled = assemble_file(ANSWERS)
    assert assembled.articles[0].source == "maksud-dan-tujuan@1.0.0"
    assert {c.source for a in assembled.articles for c in a.clauses} == {a.source for a in assembled.articles}


def test_a_chosen_alternative_is_recorded_in_the_source() -> None:
    data = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    data.pop("template")
    data["values"] = {}
    data["articles"] = [{"template": "kerahasiaan", "alternative": "strict"}]
    agreement = assemble(Answers.model_validate(data), LIBRARY)
    assert agreement.articles[0].source == "kerahasiaan@1.0.1#strict"
    assert [c.id for c in agreement.articles[0].clauses][-1] == "kerahasiaan-keberlakuan"


def _problems(answers_text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "answers.yaml"
    path.write_text(answers_text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as e:
        assemble(read_answers(path), LIBRARY)
    return [str(p) for p in e.value.problems]


def test_every_missing_or_invalid_answer_is_listed_at_once(tmp_path: Path) -> None:
    text = ANSWERS.read_text(encoding="utf-8")
    text = text.replace("  purpose:\n", "  purpos:\n", 1)
    text = text.replace("  integrated_team: true\n", "  integrated_team: maybe\n", 1)
    text = text.replace("    duration_years: 5\n", "", 1)
    lines = _problems(text, tmp_path)
    file = tmp_path / "answers.yaml"
    assert any(line.startswith(f"{file}:") and "article 'maksud-dan-tujuan' (maksud-dan-tujuan@1.0.0) needs "
               "'purpose' (text)" in line and "(add 'purpose: " in line for line in lines), lines
    assert any("value 'purpos' is used by no article (did you mean 'purpose'?)" in line for line in lines), lines
    assert any("'integrated_team' Input should be a valid boolean" in line and ": values.integrated_team:" in line
               for line in lines), lines
    assert any("uses {{ term.duration_years }}, which the term does not set" in line for line in lines), lines
    assert len(lines) == 4, lines


def test_an_unknown_template_and_alternative_are_reported_with_the_fix(tmp_path: Path) -> None:
    data = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    data.pop("template")
    data["values"] = {}
    data["articles"] = [{"template": "kerahasian"}, {"template": "pembiayaan", "alternative": "gratis"}]
    lines = _problems(yaml.safe_dump(data, allow_unicode=True), tmp_path)
    assert any("articles[0].template: no template 'kerahasian' in the library: did you mean 'kerahasiaan'?" in x
               for x in lines), lines
    assert any("articles[1].alternative: article 'pembiayaan' (pembiayaan@1.0.0) has no alternative 'gratis' "
               "(choose one of: standard, own-budget)" in x for x in lines), lines


def test_a_false_condition_leaves_the_article_out() -> None:
    data: dict[str, Any] = {"articles": [{"template": "perubahan"}, {"template": "bahasa"}]}
    data["agreement"] = {"id": "x", "languages": ["id"], "title": "Uji", "parties": [
        {"id": "a", "name": "A", "short_name": "A"}, {"id": "b", "name": "B", "short_name": "B"}]}
    agreement = assemble(Answers.model_validate(data), LIBRARY)
    assert [a.id for a in agreement.articles] == ["perubahan"]
    assert isinstance(agreement.articles[0].clauses[0].text, str)


def _example_answers(frame: AgreementTemplate) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for entry in frame.articles:
        template = LIBRARY.article(entry.template)
        assert isinstance(template, ClauseTemplate)
        values.update({v.name: v.example for v in template.variables})
    parties = frame.parties or 2
    head: dict[str, Any] = {
        "id": frame.id, "languages": ["id", "en"], "title": {"id": "Uji", "en": "Test"},
        "parties": [{"id": f"party-{i}", "name": {"id": f"Instansi {i}", "en": f"Body {i}"},
                     "short_name": f"I{i}", "signatory": {"name": f"P {i}", "position": {"id": "Kepala", "en": "Head"}}}
                    for i in range(1, parties + 1)],
        "term": {"duration_years": 5, "notice_days": 30, "evaluation_months": 6},
        "annexes": [{"id": "rencana-aksi", "title": {"id": "Rencana Aksi", "en": "Action Plan"}}],
    }
    if frame.agreement_kind == "pks":
        head["implements"] = "nk-induk"
    if frame.agreement_kind == "addendum":
        head["amends"] = "nk-induk"
    return {"template": frame.id, "agreement": head, "values": values}


@pytest.mark.parametrize("frame_id", ["nk-tripartit", "mou-bilateral", "pks", "adendum"])
def test_every_whole_agreement_template_assembles_with_example_values(frame_id: str) -> None:
    frame = LIBRARY.get(frame_id)
    assert isinstance(frame, AgreementTemplate)
    agreement = assemble(Answers.model_validate(_example_answers(frame)), LIBRARY)
    assert agreement.kind == frame.agreement_kind
    assert len(agreement.articles) >= 3


def test_a_whole_agreement_template_for_three_parties_refuses_two() -> None:
    frame = LIBRARY.get("nk-tripartit")
    assert isinstance(frame, AgreementTemplate)
    data = _example_answers(frame)
    data["agreement"]["parties"] = data["agreement"]["parties"][:2]
    with pytest.raises(ValidationFailed) as e:
        assemble(Answers.model_validate(data), LIBRARY)
    assert "<answers>: agreement.parties: template 'nk-tripartit@1.1.0' is made for 3 parties; the answers name 2" \
        in str(e.value)
