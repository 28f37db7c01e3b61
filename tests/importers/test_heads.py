"""Article heads found whatever way a file marks them; Word's list counters with restarts."""

from __future__ import annotations

import os
from pathlib import Path

import docx
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings, strategies as st

from mou_kit.importers import import_docx
from mou_kit.importers._heads import split_head

from .corpus import STRUCTURES, Spec, _numbered, _numbering, build
from .roundtrip import paragraph_texts

EXAMPLES = int(os.environ.get("MOU_EXAMPLES", "12"))


def test_a_head_that_carries_its_first_sentence_is_split() -> None:
    assert split_head("Term. This Agreement starts today.") == ("Term", "This Agreement starts today.")
    assert split_head("Confidentiality") == ("Confidentiality", None)
    assert split_head("DEFINITIONS AND INTERPRETATION") == ("DEFINITIONS AND INTERPRETATION", None)
    assert split_head("The Supplier shall deliver the goods within thirty days of the order.") == (
        None, "The Supplier shall deliver the goods within thirty days of the order.")


def test_a_restarted_word_list_inside_an_article_is_not_read_as_articles(tmp_path: Path) -> None:
    document = docx.Document()
    num = _numbering(document)
    numbering = document.part.numbering_part.element
    restarted = numbering.makeelement(qn("w:num"), {qn("w:numId"): "91"})
    restarted.append(restarted.makeelement(qn("w:abstractNumId"), {qn("w:val"): "90"}))
    override = restarted.makeelement(qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
    override.append(override.makeelement(qn("w:startOverride"), {qn("w:val"): "1"}))
    restarted.append(override)
    numbering.append(restarted)
    for heading in ("Definitions", "Services", "Fees"):
        _numbered(document.add_paragraph(heading), num, 0)
        _numbered(document.add_paragraph(f"The {heading.lower()} clause applies to both parties."), num, 1)
    for text in ("first step of the fee schedule;", "second step of the fee schedule."):
        _numbered(document.add_paragraph(text), "91", 0)
    path = tmp_path / "restart.docx"
    document.save(str(path))
    read = import_docx(path).agreement
    assert [a.heading for a in read.articles] == ["Definitions", "Services", "Fees"]
    [clause] = read.articles[2].clauses
    assert clause.text == "The fees clause applies to both parties."
    assert [p.text for p in clause.points] == ["first step of the fee schedule;", "second step of the fee schedule."]


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(structure=st.sampled_from(STRUCTURES), lang=st.sampled_from(["id", "en"]), articles=st.integers(2, 9),
       extras=st.tuples(*[st.booleans()] * 6), seed=st.text("abcdef", min_size=1, max_size=6))
def test_any_generated_file_imports_with_its_articles_and_every_word_accounted(
        tmp_path: Path, structure: str, lang: str, articles: int, extras: tuple[bool, ...], seed: str) -> None:
    cover, cover_page, signatures, body_table, loose, deep = extras
    spec = Spec(f"{structure}-{lang}-{seed}", structure, lang, cover=cover, cover_page=cover_page,
                signatures=signatures, body_table=body_table, loose=loose, deep=deep, articles=articles)
    path = tmp_path / f"{spec.name}.docx"
    build(spec, path)
    result = import_docx(path)
    assert len(result.agreement.articles) == articles + (1 if body_table else 0)
    assert result.lang == lang
    words = result.words
    assert words.placed + words.noted == words.source == sum(len([t for t in text.split() if any(
        ch.isalnum() for ch in t)]) for text in paragraph_texts(path))


def test_section_words_before_clause_numbers_are_structure(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["SERVICES AGREEMENT", "Section 1. Definitions", "Section 1.1 In this Agreement words have meanings.",
                 "Section 1.2 Headings are for convenience.", "Section 2. Fees",
                 "Section 2.1 The Customer pays the fees:", "(a) monthly;", "(b) in advance.",
                 "Section 2.2 Late fees accrue."]:
        document.add_paragraph(text)
    path = tmp_path / "sections.docx"
    document.save(str(path))
    result = import_docx(path)
    assert [(a.heading, [(c.text, [p.text for p in c.points]) for c in a.clauses])
            for a in result.agreement.articles] == [
        ("Definitions", [("In this Agreement words have meanings.", []), ("Headings are for convenience.", [])]),
        ("Fees", [("The Customer pays the fees:", ["monthly;", "in advance."]), ("Late fees accrue.", [])])]
    assert (result.words.source, result.words.noted) == (39, 0)
    assert any("no party names found" in line for line in result.report())


def test_a_line_nothing_took_is_noted_with_its_paragraph() -> None:
    from mou_kit.importers._lines import Line
    from mou_kit.importers._structure import Layout
    from mou_kit.importers._words import account

    taken, lost = Line(1, "Article 1 Scope", None), Line(2, "A stray sentence of five words.", None)
    layout = Layout([taken], [], [], [], [], "article")
    count, extra = account([taken, lost], layout, [], [])
    assert (count.source, count.placed, count.noted) == (9, 3, 6)
    assert [(u.paragraph, u.node, u.reason) for u in extra] == [(2, None, "a paragraph the importer could not place")]


def test_an_article_without_clauses_is_noted_not_counted_as_placed(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["Article 1", "Definitions", "Article 2", "Scope", "The parties cooperate on research."]:
        document.add_paragraph(text)
    path = tmp_path / "empty-article.docx"
    document.save(str(path))
    result = import_docx(path)
    assert [a.heading for a in result.agreement.articles] == ["Scope"]
    assert sorted((u.paragraph, u.node) for u in result.unplaced if "without clauses" in u.reason) == [
        (1, None), (2, None)]
    assert (result.words.source, result.words.placed, result.words.noted) == (11, 8, 3)


def test_the_closing_right_after_a_numbered_head_ends_the_body(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["SERVICES AGREEMENT", "1. Term. This Agreement runs for two years.",
                 "2. Fees. Beta shall pay within thirty days.",
                 "IN WITNESS WHEREOF the parties have signed this Agreement."]:
        document.add_paragraph(text)
    path = tmp_path / "closing.docx"
    document.save(str(path))
    result = import_docx(path)
    assert [(a.heading, [c.text for c in a.clauses]) for a in result.agreement.articles] == [
        ("Term", ["This Agreement runs for two years."]), ("Fees", ["Beta shall pay within thirty days."])]
    assert result.agreement.closing.text == "IN WITNESS WHEREOF the parties have signed this Agreement."
    assert not [u for u in result.unplaced if u.paragraph == 4]  # the closing is the agreement's own, kept
