"""A DOCX rendered by mou_kit, or written elsewhere, reads back into the model, ids matched to the base."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import mou_kit
from mou_kit import Agreement
from mou_kit.demo.counterpart import counterpart_edits, find, insert_after
from mou_kit.diff import ChangeKind, diff
from mou_kit.importers import import_docx
from mou_kit.importers._ooxml import W

EXAMPLE = Path(__file__).parents[2] / "examples" / "tppo-kalbar"
EXAMPLES = int(os.environ.get("MOU_EXAMPLES", "12"))

_WORDS = st.text(st.sampled_from(list("abcdefghklmnoprstuwy")), min_size=1, max_size=8)
_PLAIN = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join)
"""Texts a Word paragraph carries unchanged: words and single spaces (no markup, no line breaks)."""


@st.composite
def _agreements(draw: st.DrawFn, bilingual: bool) -> Agreement:
    counter = iter(range(10_000))

    def text() -> Any:
        return {"id": draw(_PLAIN), "en": draw(_PLAIN)} if bilingual and draw(st.booleans()) else draw(_PLAIN)

    def points(depth: int) -> list[dict[str, Any]]:
        if depth > 2:
            return []
        return [{"id": f"n{next(counter)}", "text": text(), "points": points(depth + 1)}
                for _ in range(draw(st.integers(0, 2)))]

    articles = [{"id": f"n{next(counter)}", "heading": text(),
                 "clauses": [{"id": f"n{next(counter)}", "text": text(), "points": points(1)}
                             for _ in range(draw(st.integers(1, 3)))]}
                for _ in range(draw(st.integers(1, 4)))]
    return Agreement.model_validate({
        "id": "random", "languages": ["id", "en"] if bilingual else ["id"], "title": text(),
        "parties": [{"id": f"p{i}", "name": text(), "short_name": draw(_PLAIN),
                     "signatory": {"name": draw(_PLAIN), "position": text()}} for i in range(draw(st.integers(2, 3)))],
        "recitals": [{"id": f"n{next(counter)}", "text": text()} for _ in range(draw(st.integers(0, 2)))],
        "articles": articles,
    })


_SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@_SETTINGS
@given(_agreements(bilingual=True))
def test_round_trip_with_base_gives_the_same_agreement(tmp_path: Path, agreement: Agreement) -> None:
    path = tmp_path / "a.docx"
    mou_kit.render_docx(agreement, path, lang="id")
    result = import_docx(path, base=agreement)
    assert result.agreement == agreement
    assert result.unplaced == [] and result.new_nodes == 0


def _shape(agreement: Agreement) -> list[Any]:
    def points(ps: list[mou_kit.Point]) -> list[Any]:
        return [(p.text, points(p.points)) for p in ps]

    return [r.text for r in agreement.recitals] + [
        (a.heading.upper() if isinstance(a.heading, str) else a.heading,
         [(c.text, points(c.points)) for c in a.clauses]) for a in agreement.articles]


@_SETTINGS
@given(_agreements(bilingual=False))
def test_round_trip_without_base_gives_the_same_structure_and_texts(tmp_path: Path, agreement: Agreement) -> None:
    path = tmp_path / "a.docx"
    mou_kit.render_docx(agreement, path, lang="id")
    read = import_docx(path).agreement
    assert _shape(read) == _shape(agreement)
    assert len(read.parties) == len(agreement.parties)


@pytest.fixture(scope="module")
def example() -> Agreement:
    return mou_kit.load(EXAMPLE)


def _edited(example: Agreement, tmp_path: Path) -> Path:
    path = tmp_path / "kalbar.docx"
    mou_kit.render_docx(example, path, lang="id", folder=EXAMPLE)
    document = docx.Document(str(path))
    counterpart_edits(document, "BP3MI Kalbar")
    document.save(str(path))
    return path


EXPECTED = {
    (ChangeKind.ADDED, "pelatihan-bersama-aparat-penegak-hukum"),
    (ChangeKind.REMOVED, "data-pelindungan"),
    (ChangeKind.REWORDED, "kerahasiaan-umum"),
    (ChangeKind.REWORDED, "pembiayaan-anggaran"),
    (ChangeKind.REWORDED, "monev-berkala"),
}


def _edits(old: Agreement, new: Agreement) -> set[tuple[ChangeKind, str]]:
    return {(c.kind, c.node) for c in diff(old, new).changes if c.kind != ChangeKind.RENUMBERED}


def test_edited_example_lists_exactly_the_edits(example: Agreement, tmp_path: Path) -> None:
    result = import_docx(_edited(example, tmp_path), base=example)
    assert _edits(example, result.agreement) == EXPECTED
    assert result.matched_by_id == 48 and result.new_nodes == 1
    monev = next(c for a in result.agreement.articles for c in a.clauses if c.id == "monev-berkala")
    assert "{{" in str(monev.text), "variables of an edited clause are kept as variables"
    assert [(c.kind, c.author, c.node, c.text) for c in result.changes] == [
        ("ins", "BP3MI Kalbar", "pembiayaan-anggaran", " yang berlaku"),
        ("del", "BP3MI Kalbar", "monev-berkala", " secara bersama-sama")]


def test_tracked_changes_become_one_proposal_per_author(example: Agreement, tmp_path: Path) -> None:
    result = import_docx(_edited(example, tmp_path), base=example)
    assert result.original is not None
    assert _edits(example, result.original) == EXPECTED - {
        (ChangeKind.REWORDED, "pembiayaan-anggaran"), (ChangeKind.REWORDED, "monev-berkala")}
    [proposal] = result.proposals
    assert (proposal.author, proposal.party) == ("BP3MI Kalbar", "bp3mi-kalbar")
    assert _edits(result.original, proposal.agreement) == {
        (ChangeKind.REWORDED, "pembiayaan-anggaran"), (ChangeKind.REWORDED, "monev-berkala")}
    assert proposal.agreement == result.agreement


def test_a_tracked_inserted_paragraph_is_a_new_point_only_when_accepted(example: Agreement, tmp_path: Path) -> None:
    path = tmp_path / "kalbar.docx"
    mou_kit.render_docx(example, path, lang="id", folder=EXAMPLE)
    document = docx.Document(str(path))
    new = insert_after(find(document, "pemanfaatan sarana dan prasarana;"), "patroli bersama;")
    for run in list(new.iter(f"{W}r")):
        ins = run.makeelement(f"{W}ins", {f"{W}id": "7001", f"{W}author": "Polda", f"{W}date": "2026-11-28T10:00:00Z"})
        run.addprevious(ins)
        ins.append(run)
    rpr = new.find(f"{W}pPr").makeelement(f"{W}rPr", {})
    rpr.append(rpr.makeelement(f"{W}ins", {f"{W}id": "7002", f"{W}author": "Polda"}))
    new.find(f"{W}pPr").append(rpr)
    document.save(str(path))
    result = import_docx(path, base=example)
    assert _edits(example, result.agreement) == {(ChangeKind.ADDED, "patroli-bersama")}
    assert result.original == example


def test_comments_become_notes_and_stray_text_is_kept_and_reported(example: Agreement, tmp_path: Path) -> None:
    path = tmp_path / "kalbar.docx"
    mou_kit.render_docx(example, path, lang="id", folder=EXAMPLE)
    document = docx.Document(str(path))
    target = next(p for p in document.paragraphs if p.text.startswith("Segala biaya"))
    document.add_comment(target.runs, text="Mohon dicek dengan DIPA 2027.", author="BP3MI Kalbar")
    stray = insert_after(find(document, "Segala biaya yang timbul"), "Catatan tanpa nomor.")
    for ppr in stray.findall(f"{W}pPr"):
        stray.remove(ppr)
    document.save(str(path))
    result = import_docx(path, base=example)
    [note] = result.notes
    assert (note.node, note.author) == ("pembiayaan-anggaran", "BP3MI Kalbar")
    assert note.text == "Mohon dicek dengan DIPA 2027."
    [unplaced] = result.unplaced
    assert (unplaced.node, unplaced.text) == ("pembiayaan-anggaran", "Catatan tanpa nomor.")
    assert f"¶{unplaced.paragraph}: a paragraph without a number inside an article" in result.report()[0]
    text = result.agreement.articles[5].clauses[0].text
    assert isinstance(text, dict) and text["id"].endswith("undangan. Catatan tanpa nomor.")


@pytest.mark.parametrize(("lines", "expected"), [
    (["Pasal 1", "Maksud", "(1) Satu.", "(2) Dua meliputi:", "a. alfa;", "b. beta:", "1. satu;", "2. dua.",
      "c. gama.", "Pasal 2", "Penutup", "Hanya satu ayat."],
     [("Maksud", [("Satu.", []), ("Dua meliputi:", [("alfa;", []), ("beta:", [("satu;", []), ("dua.", [])]),
                                                      ("gama.", [])])]),
      ("Penutup", [("Hanya satu ayat.", [])])]),
    (["Article 1", "Definitions", "1.1 One:", "(a) alpha;", "(i) first;", "(ii) second;", "(b) beta.",
      "1.2 Two.", "Article 2: Term", "2.1 Three.", "2.2 Four:", "(h) eight;", "(i) nine."],
     [("Definitions", [("One:", [("alpha;", [("first;", []), ("second;", [])]), ("beta.", [])]), ("Two.", [])]),
      ("Term", [("Three.", []), ("Four:", [("eight;", []), ("nine.", [])])])]),
])
def test_typed_numbers_in_a_file_written_elsewhere(tmp_path: Path, lines: list[str], expected: list[Any]) -> None:
    document = docx.Document()
    english = lines[0].startswith("Article")
    title = ["MEMORANDUM OF UNDERSTANDING", "BETWEEN", "ALPHA", "AND", "BETA", "ON", "SOMETHING"] if english else \
        ["NOTA KESEPAHAMAN", "ANTARA", "ALPHA", "DENGAN", "BETA", "NOMOR: 1/2026", "TENTANG", "SOMETHING"]
    for text in title:
        document.add_paragraph(text).alignment = 1
    for text in lines:
        document.add_paragraph(text)
    document.add_paragraph("IN WITNESS WHEREOF the parties sign." if english else "Demikian Nota Kesepahaman ini.")
    path = tmp_path / "other.docx"
    document.save(str(path))
    read = import_docx(path).agreement

    def shape(points: list[Any]) -> list[Any]:
        return [(p.text, shape(p.points)) for p in points]

    assert [(a.heading, [(c.text, shape(c.points)) for c in a.clauses]) for a in read.articles] == expected
    assert [p.name for p in read.parties] == ["ALPHA", "BETA"] and read.title == "SOMETHING"
    assert read.languages == ["en" if english else "id"]


@pytest.mark.parametrize(("render", "lang"), [("en", None), ("id+en", None), ("id+en", "en")])
def test_the_example_in_english_and_side_by_side_reads_back(example: Agreement, tmp_path: Path, render: str,
                                                            lang: str | None) -> None:
    path = tmp_path / "kalbar.docx"
    mou_kit.render_docx(example, path, lang=render, folder=EXAMPLE)
    result = import_docx(path, base=example, lang=lang)
    assert result.lang == (lang or render[:2])
    assert result.agreement == example and result.matched_by_id == 49


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_edited_through_libreoffice(example: Agreement, tmp_path: Path) -> None:
    """Slow (LibreOffice, ~5 s): a python-docx edit, then DOCX -> ODT -> DOCX through LibreOffice."""
    edited = _edited(example, tmp_path)
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"
    for target, source in (("odt", edited), ("docx", tmp_path / "odt" / "kalbar.odt")):
        out = tmp_path / target
        subprocess.run(["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(out), str(source)],
                       check=True, capture_output=True, timeout=120)
    result = import_docx(tmp_path / "docx" / "kalbar.docx", base=example)
    assert _edits(example, result.agreement) == EXPECTED
    assert result.matched_by_id == 48, "LibreOffice keeps our bookmarks"
    assert {(c.kind, c.author) for c in result.changes} == {("ins", "BP3MI Kalbar"), ("del", "BP3MI Kalbar")}


def test_a_sequential_bilingual_file_reports_the_second_language(example: Agreement, tmp_path: Path) -> None:
    path = tmp_path / "kalbar.docx"
    sequential = example.model_copy(update={"style": example.style.model_copy(
        update={"bilingual_layout": "sequential"})})
    mou_kit.render_docx(sequential, path, lang="id+en", folder=EXAMPLE)
    result = import_docx(path, base=sequential)
    assert result.agreement == sequential
    [unplaced] = result.unplaced
    assert unplaced.node is None and "12 article headings after the closing" in unplaced.reason


def test_word_list_styles_and_a_typed_preamble_in_a_file_written_elsewhere(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ["NOTA KESEPAHAMAN", "ANTARA", "DINAS A", "DENGAN", "UNIVERSITAS B", "TENTANG", "KERJA SAMA"]:
        document.add_paragraph(text).alignment = 1
    for text in ["Pada hari ini Senin, yang bertanda tangan di bawah ini:", "1. Budi, selanjutnya PIHAK KESATU; dan",
                 "2. Sari, selanjutnya PIHAK KEDUA.", "PARA PIHAK menerangkan:", "a. bahwa satu;", "b. bahwa dua.",
                 "Berdasarkan hal tersebut, PARA PIHAK sepakat:", "PASAL 1", "RUANG LINGKUP"]:
        document.add_paragraph(text)
    document.add_paragraph("Ruang lingkup meliputi:", style="List Number")
    document.add_paragraph("penelitian;", style="List Number 2")
    document.add_paragraph("pengabdian.", style="List Number 2")
    document.add_paragraph("Para pihak bekerja sama.", style="List Number")
    path = tmp_path / "other.docx"
    document.save(str(path))
    read = import_docx(path).agreement
    assert [p.id for p in read.parties] == ["dinas-a", "universitas-b"]
    assert [r.text for r in read.recitals] == ["bahwa satu;", "bahwa dua."]
    [article] = read.articles
    assert (article.id, article.heading) == ("ruang-lingkup", "Ruang Lingkup")
    assert [(c.text, [p.text for p in c.points]) for c in article.clauses] == [
        ("Ruang lingkup meliputi:", ["penelitian;", "pengabdian."]), ("Para pihak bekerja sama.", [])]


def test_a_file_without_articles_is_refused(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Dear colleagues, please find the draft attached.")
    path = tmp_path / "letter.docx"
    document.save(str(path))
    with pytest.raises(mou_kit.SourceError,
                       match=r"^letter.docx: no article heading \('Pasal 1', 'Article 1', a Heading style") as info:
        import_docx(path)
    assert info.value.code == "source-no-articles"
