"""The project's own corpus of Word files: every one imports, every word is placed or noted, and
``mou new --from`` then rendering gives the text back."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mou_kit
from mou_kit.cli import app
from mou_kit.importers import import_docx
from mou_kit.importers._words import words

from .corpus import STRUCTURES, Spec, build, specs
from .roundtrip import paragraph_texts, recall, tokens

CORPUS = specs()


def test_the_corpus_covers_every_structure_in_both_languages() -> None:
    assert len(CORPUS) >= 40
    assert {(s.structure, s.lang) for s in CORPUS} == {(k, lang) for k in STRUCTURES for lang in ("id", "en")}
    assert all(any(getattr(s, extra) for s in CORPUS) for extra in ("cover", "cover_page", "signatures",
                                                                     "body_table", "loose", "deep"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus")


def _file(folder: Path, spec: Spec) -> Path:
    path = folder / f"{spec.name}.docx"
    if not path.exists():
        build(spec, path)
    return path


@pytest.mark.parametrize("spec", CORPUS, ids=[s.name for s in CORPUS])
def test_every_word_is_placed_or_noted(folder: Path, spec: Spec) -> None:
    path = _file(folder, spec)
    result = import_docx(path)
    source = sum(words(text) for text in paragraph_texts(path))
    assert result.words.source == source
    assert result.words.placed + result.words.noted == source
    assert result.words.noted == sum(words(u.text) for u in result.unplaced if u.node is None)
    assert result.lang == spec.lang
    body_articles = spec.articles + (1 if spec.body_table else 0)
    assert len(result.agreement.articles) == body_articles
    if spec.signatures:
        assert all(p.signatory is not None for p in result.agreement.parties)
    assert [str(p.name).casefold() for p in result.agreement.parties] == (
        ["acme trading limited", "beta research institute"] if spec.lang == "en" else
        ["dinas pendidikan", "universitas beta"])


@pytest.mark.parametrize("spec", CORPUS, ids=[s.name for s in CORPUS])
def test_new_from_the_file_then_render_gives_the_words_back(folder: Path, tmp_path: Path, spec: Spec) -> None:
    path = _file(folder, spec)
    runner = CliRunner()
    made = runner.invoke(app, ["new", str(tmp_path / "mou"), "--from", str(path)])
    assert made.exit_code == 0, made.output
    out = tmp_path / "back.docx"
    rendered = runner.invoke(app, ["render", "-f", "docx", "-C", str(tmp_path / "mou"), "-o", str(out)])
    assert rendered.exit_code == 0, rendered.output
    back = tokens(paragraph_texts(out))
    similarity = recall(tokens(paragraph_texts(path)), back)
    # every word of the file, title to signature table, found in order; a cover term table is an annex
    assert similarity >= (0.95 if spec.cover else 0.98), f"{similarity:.1%}"


def test_a_deeper_level_than_the_model_is_kept_in_the_nearest_point_with_a_note(folder: Path) -> None:
    spec = next(s for s in CORPUS if s.deep and s.structure == "word-numbers")
    result = import_docx(_file(folder, spec))
    deeper = [u for u in result.unplaced if "deeper than the model" in u.reason]
    assert deeper and all(u.node is not None for u in deeper)
    clause = next(c for a in result.agreement.articles for c in a.clauses if c.id == deeper[0].node or any(
        p.id == deeper[0].node or any(q.id == deeper[0].node for q in p.points) for p in c.points))
    assert deeper[0].text in str(mou_kit.Agreement.model_dump(result.agreement)) and clause is not None


def test_new_from_an_unsafe_or_foreign_file_is_refused_with_one_line_and_creates_nothing(tmp_path: Path) -> None:
    big = tmp_path / "bomb.docx"
    build(CORPUS[0], big)
    with zipfile.ZipFile(big, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/padding.xml", "<a>" + " " * 3_000_000 + "</a>")
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    for source, code in ((big, "compressed"), (pdf, "is a PDF")):
        result = CliRunner().invoke(app, ["new", str(tmp_path / "mou"), "--from", str(source)])
        assert result.exit_code != 0
        [line] = [x for x in result.output.splitlines() if x.strip()]
        assert source.name in line and code in line and "Traceback" not in result.output
        assert not (tmp_path / "mou").exists()


def test_the_api_starts_an_agreement_from_a_word_file(folder: Path, tmp_path: Path) -> None:
    spec = next(s for s in CORPUS if s.structure == "section-sentence" and s.lang == "en" and s.signatures)
    outcome = mou_kit.new_from_file(tmp_path / "mou", _file(folder, spec), lang="en")
    agreement = mou_kit.load(tmp_path / "mou")
    assert agreement == outcome.result.agreement and len(outcome.revisions) == 1
    first = agreement.articles[0]
    assert isinstance(first.heading, str) and len(first.heading.split()) <= 8, "the heading, not the sentence"
    assert not str(first.clauses[0].text).startswith(first.heading), "the sentence after the heading is a clause"
    assert [p.short_name for p in agreement.parties] == ["Acme", "Beta"]
    assert [p.signatory.name for p in agreement.parties if p.signatory] == ["John Smith", "Sari Dewi"]
    assert agreement.closing.text == "IN WITNESS WHEREOF the parties have signed this Agreement."
    assert agreement.closing.signature_lines == ["{PARTY}", "By: ________", "Name: {name}", "Title: {position}",
                                                 "Date:"]


def _shape(agreement: mou_kit.Agreement) -> list[object]:
    def points(items: list[mou_kit.Point]) -> list[object]:
        return [(p.text, points(p.points)) for p in items]

    return [agreement.title, [p.name for p in agreement.parties], [r.text for r in agreement.recitals],
            [(a.heading, [(c.text, points(c.points)) for c in a.clauses]) for a in agreement.articles]]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_corpus_saved_again_by_libreoffice_reads_the_same(folder: Path, tmp_path: Path) -> None:
    """Slow (one LibreOffice run, ~15 s): LibreOffice writes lists, styles and tables its own way."""
    sources = [_file(folder, spec) for spec in CORPUS]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), *map(str, sources)],
                   check=True, capture_output=True, timeout=600)
    for path in sources:
        ours, theirs = import_docx(path), import_docx(tmp_path / "lo" / path.name)
        assert _shape(theirs.agreement) == _shape(ours.agreement), path.name
        assert theirs.words == ours.words, path.name


def test_new_from_a_word_file_in_json(folder: Path, tmp_path: Path) -> None:
    import json

    spec = next(s for s in CORPUS if s.structure == "typed-numbers" and s.lang == "id")
    result = CliRunner().invoke(app, ["new", str(tmp_path / "mou"), "--from", str(_file(folder, spec)), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert (document["schema"], document["version"], document["lang"]) == ("mou-kit/new", 2, "id")
    assert document["words"]["placed"] + document["words"]["noted"] == document["words"]["source"]
    assert document["notes"] and document["attention"] and document["revision"]["id"]
