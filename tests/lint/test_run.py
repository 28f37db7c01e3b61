"""Drafting checks: each rule, as (agreement, expected finding) rows, and the examples' findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mou_kit import load
from mou_kit.lint import RULES, lint
from tests.builders import build

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BI = ("id", "en")


def _rules(**kwargs: Any) -> list[tuple[str, str | None]]:
    spec = kwargs.pop("spec", "a1[c1]")
    return [(f.rule, f.node) for f in lint(build(spec, **kwargs))]


@pytest.mark.parametrize(("kwargs", "expected"), [
    # defined terms
    ({"texts": {"c1": "Pekerja Migran wajib dilindungi."},
      "defined_terms": [{"id": "pm", "term": "Pekerja Migran"}]}, []),
    ({"defined_terms": [{"id": "pm", "term": "Pekerja Migran"}]}, [("MOU102", "pm")]),
    ({"texts": {"c1": "Pekerja Migran dan Pekerja Migran."},
      "defined_terms": [{"id": "pm", "term": "Pekerja Migran"}, {"id": "pm2", "term": "pekerja migran"}]},
     [("MOU103", "pm2")]),
    ({"texts": {"c1": "Pekerja Migran dan pekerja migran."},
      "defined_terms": [{"id": "pm", "term": "Pekerja Migran"}]}, [("MOU104", "pm")]),
    ({"texts": {"c1": "Pekerja Migran."}, "defined_terms": [{"id": "pm", "term": "Pekerja Migran",
                                                             "defined_in": "nowhere"}]}, [("MOU105", "pm")]),
    ({"texts": {"c1": "Badan Usaha Milik Negara setuju. Hal ini untuk Badan Usaha Milik Negara."}},
     [("MOU101", "c1")]),
    # references and variables
    ({"texts": {"c1": "Lihat [[tidak-ada]]."}}, [("MOU110", "c1")]),
    ({"texts": {"c1": "Selama {{ lama }} hari."}}, [("MOU120", "c1")]),
    ({"variables": {"lama": {"type": "integer", "value": 3}}}, [("MOU121", None)]),
    # languages and parties
    ({"parties": 2, "texts": {"c1": "Teks."}}, []),
    # form
    ({"title": "Kerja Sama Uji."}, [("MOU201", None)]),
    ({"texts": {"c1": "Dalam waktu 30 hari."}}, [("MOU202", "c1")]),
    ({"texts": {"c1": "Dalam waktu 30 (tiga puluh) hari."}}, []),
    ({"texts": {"c1": "Dalam waktu 30 (dua puluh) hari."}}, [("MOU203", "c1")]),
    ({"texts": {"c1": "Undang-Undang Nomor 27 Tahun 2022 dan Pasal 3 berlaku."}}, []),
    ({"texts": {"c1": "PIHAK PERTAMA menyediakan tempat."}}, [("MOU205", "c1")]),
    ({"texts": {"a1": "Ketentuan Umum."}}, [("MOU207", "a1")]),
    ({"recitals": [{"id": "r1", "text": "PIHAK KESATU adalah instansi."}]}, [("MOU206", "r1")]),
    ({"recitals": [{"id": "r1", "text": "bahwa PIHAK KESATU adalah instansi;"}]}, []),
    ({"spec": "a1[c1(p1,p2)]", "texts": {"a1": "Ruang Lingkup", "p1": "pendidikan;", "p2": "penelitian."}},
     [("MOU204", "p2")]),
    ({"spec": "a1[c1(p1,p2)]", "texts": {"a1": "Ruang Lingkup", "p1": "pendidikan; dan",
                                         "p2": "kegiatan lain yang disepakati."}}, []),
])
def test_each_rule_reports_its_case(kwargs: dict[str, Any], expected: list[tuple[str, str | None]]) -> None:
    assert _rules(**kwargs) == expected


def test_a_text_missing_a_language_of_a_bilingual_agreement_is_reported() -> None:
    found = [(f.rule, f.path) for f in lint(build(languages=BI, texts={"c1": {"id": "Teks."}}))]
    assert ("MOU130", "articles[0].clauses[0].text") in found
    assert ("MOU130", "title") in found


def test_a_party_without_signatory_is_reported() -> None:
    agreement = build()
    agreement.parties[1].signatory = None
    assert [(f.rule, f.node, f.severity) for f in lint(agreement)] == [("MOU140", "party-2", "warning")]


def test_findings_come_errors_first_and_serialise_with_fixed_keys() -> None:
    found = lint(build(texts={"c1": "Lihat [[x]] dalam 30 hari."}, title="Uji."))
    assert [f.severity for f in found] == ["error", "error", "warning"]
    assert list(found[0].to_dict()) == ["rule", "name", "severity", "message", "node", "path", "hint", "details"]
    assert str(found[1]) == "title: error MOU201 the title (id) ends with '.' (a title is written without final " \
        "punctuation (Perkap 12/2014))"


def test_rule_ids_are_unique() -> None:
    assert len({r.id for r in RULES}) == len(RULES)


@pytest.mark.parametrize(("example", "rules"), [
    ("tppo-kalbar", ["MOU104"]),
    ("research-mou-en", []),
])
def test_the_examples_lint_without_errors(example: str, rules: list[str]) -> None:
    assert [f.rule for f in lint(load(EXAMPLES / example))] == rules
