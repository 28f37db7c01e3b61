"""The numbered plain text of the examples, against golden files read by a person."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mou_kit import load
from mou_kit.render import outline, render_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests/golden/text"


@pytest.mark.parametrize(
    ("name", "lang"),
    [("tppo-kalbar", "id"), ("tppo-kalbar", "en"), ("research-mou-en", "en")],
)
def test_example_text_matches_golden(name: str, lang: str) -> None:
    text = render_text(load(ROOT / "examples" / name), lang)
    golden = GOLDEN / f"{name}.{lang}.txt"
    if os.environ.get("MOU_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_tripartite_form_in_indonesian() -> None:
    doc = outline(load(ROOT / "examples/tppo-kalbar"), "id")
    assert doc.title.lines[:3] == ["NOTA KESEPAHAMAN", "ANTARA", "KEPOLISIAN DAERAH KALIMANTAN BARAT"]
    assert doc.title.lines[3] == "DENGAN" and doc.title.lines[5] == "DAN"
    assert len(doc.title.numbers) == 3 and all(n.startswith("NOMOR: ") for n in doc.title.numbers)
    assert doc.title.about == "TENTANG"
    assert [r.text for r in doc.parties[0].runs if r.bold] == ["[NAMA KAPOLDA KALBAR]", "PIHAK KESATU"]
    assert "".join(r.text for r in doc.parties[1].runs).endswith("PIHAK KEDUA; dan")
    assert "".join(r.text for r in doc.parties[2].runs).endswith("PIHAK KETIGA.")
    assert [r.label for r in doc.recitals] == ["a.", "b.", "c.", "d.", "e."]
    assert all("".join(x.text for x in r.runs).startswith("bahwa ") for r in doc.recitals)
    assert [a.label for a in doc.articles][:2] == ["Pasal 1", "Pasal 2"]
    scope = doc.articles[1]
    assert scope.heading == "RUANG LINGKUP" and scope.clauses[0].label == ""
    assert [p.label for p in scope.clauses[0].points] == ["a.", "b.", "c.", "d.", "e.", "f."]
    assert "rangkap 3 (tiga) asli" in "".join(r.text for r in doc.closing.runs)
    assert [s.label for s in doc.signatures] == ["PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"]


def test_cross_reference_runs_carry_their_target() -> None:
    doc = outline(load(ROOT / "examples/tppo-kalbar"), "id")
    runs = doc.articles[2].clauses[1].runs
    assert [(r.text, r.ref) for r in runs if r.ref] == [("Pasal 2 huruf c", "lingkup-penegakan-hukum")]


def test_missing_translation_falls_back_to_the_main_language() -> None:
    agreement = load(ROOT / "examples/tppo-kalbar")
    agreement.articles[0].clauses[0].text = "Hanya dalam bahasa Indonesia."
    doc = outline(agreement, "en")
    assert "".join(r.text for r in doc.articles[0].clauses[0].runs) == "Hanya dalam bahasa Indonesia."
