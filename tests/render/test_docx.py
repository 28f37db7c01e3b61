"""The DOCX: Word lists, REF fields with cached numbers, house style, properties, same words as the PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mou_kit import LifecycleState, RenderError, fingerprint, load, render_docx, render_pdf
from tests.builders import build
from tests.conftest import EXAMPLES
from tests.render.extract import docx_lines, pdf_pages, words
from tests.render.test_pdf import GOLDEN, INJECTION, KALBAR, signed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def kalbar_docx() -> bytes:
    return render_docx(load(KALBAR), lang="id", folder=KALBAR, revision="abc1234")


def _document(data: bytes):  # type: ignore[no-untyped-def]
    import docx

    return docx.Document(io.BytesIO(data))


def test_lists_are_word_numbering(kalbar_docx: bytes) -> None:
    lines = docx_lines(kalbar_docx)
    assert "(1) Nota Kesepahaman ini dimaksudkan" in "\n".join(lines)
    assert any(x.startswith("a. pertukaran data dan informasi") for x in lines)
    assert any(x.startswith("1. [NAMA KAPOLDA KALBAR]") for x in lines)
    texts = {a.get(f"{W}val") for a in _document(kalbar_docx).part.numbering_part.element.iter(f"{W}lvlText")}
    assert {"(%1)", "%1."} <= texts


def test_cross_references_are_ref_fields_with_cached_numbers(kalbar_docx: bytes) -> None:
    body = _document(kalbar_docx).element.body
    instructions = [t.text.strip() for t in body.iter(f"{W}instrText")]
    assert instructions and all(re.fullmatch(r"REF _Ref[0-9a-f]{12} \\(r \\)?h", x) for x in instructions)
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert {x.split()[1] for x in instructions} <= bookmarks
    lines = "\n".join(docx_lines(kalbar_docx))
    assert "sebagaimana dimaksud dalam ayat (1) diberitahukan" in lines
    assert "sebagaimana dimaksud dalam Pasal 2 huruf c," in lines


def test_core_properties_carry_revision_and_fingerprint(kalbar_docx: bytes) -> None:
    props = _document(kalbar_docx).core_properties
    assert props.title.startswith("NOTA KESEPAHAMAN Pencegahan")
    assert props.version == "abc1234"
    assert props.identifier == "sha256:" + fingerprint(load(KALBAR))
    assert "fingerprint=sha256:" in props.keywords


def test_footer_has_paraf_boxes_and_page_fields(kalbar_docx: bytes) -> None:
    footer = _document(kalbar_docx).sections[0].footer
    assert [c.text for c in footer.tables[0].rows[0].cells] == ["PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"]
    instructions = [t.text.strip() for t in footer._element.iter(f"{W}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_draft_has_watermark_in_header(kalbar_docx: bytes) -> None:
    header = _document(kalbar_docx).sections[0].header._element
    assert b"RANCANGAN" in __import__("lxml.etree").etree.tostring(header)


@pytest.mark.parametrize(("example", "lang"), [("tppo-kalbar", "id"), ("tppo-kalbar", "en"),
                                              ("tppo-kalbar", "id+en"), ("research-mou-en", "en")])
def test_docx_and_pdf_carry_the_same_words_and_numbers(example: str, lang: str) -> None:
    folder = EXAMPLES / example
    agreement = signed(folder)
    docx_words = words("\n".join(docx_lines(render_docx(agreement, lang=lang, folder=folder))))
    pdf_words = words("\n".join(pdf_pages(render_pdf(agreement, lang=lang, folder=folder))))
    assert docx_words == pdf_words


def test_clause_text_cannot_inject_markup() -> None:
    lines = docx_lines(render_docx(build("a1[c1,c2]", texts={"c1": INJECTION})))
    assert f"(1) {INJECTION}" in lines


def test_reference_docx_sets_house_style(tmp_path: Path) -> None:
    import docx
    from docx.shared import Cm, Pt

    style = docx.Document()
    style.sections[0].left_margin = Cm(4)
    style.styles["Normal"].font.name = "Bookman Old Style"
    style.styles["Normal"].font.size = Pt(11)
    style.add_paragraph("letterhead text that must not survive")
    (tmp_path / "assets").mkdir()
    style.save(str(tmp_path / "assets" / "reference.docx"))
    out = _document(render_docx(build("a1[c1]"), folder=tmp_path))
    assert round(out.sections[0].left_margin.cm, 2) == 4.0
    assert out.styles["Normal"].font.name == "Bookman Old Style"
    assert "letterhead" not in "\n".join(p.text for p in out.paragraphs)


def test_reference_that_is_not_a_docx_gives_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "house.docx"
    bad.write_text("not a zip")
    with pytest.raises(RenderError) as caught:
        render_docx(build("a1[c1]"), reference=bad)
    assert caught.value.code == "reference-docx-invalid"
    assert str(caught.value) == (f"reference DOCX {bad} is not a Word .docx file; save it from Word as "
                                 "'Word Document (.docx)' or remove it")


@pytest.mark.parametrize("lang", ["id", "id+en"])
def test_golden_text(lang: str) -> None:
    text = "\n".join(docx_lines(render_docx(signed(KALBAR), lang=lang, folder=KALBAR))) + "\n"
    path = GOLDEN / f"tppo-kalbar.{lang}.docx.txt"
    if not path.exists():  # first run writes the golden file; review it and commit
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_and_converts_with_the_right_numbers(tmp_path: Path) -> None:
    """Slow (about 3 s): LibreOffice recomputes every REF field on load, so this checks them all."""
    source = tmp_path / "kalbar.docx"
    render_docx(load(KALBAR), source, lang="id", folder=KALBAR)
    done = subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0 and "Error" not in done.stderr, done.stderr
    text = re.sub(r"\s+", " ", " ".join(pdf_pages((tmp_path / "kalbar.pdf").read_bytes())))
    assert "sebagaimana dimaksud dalam Pasal 2 dituangkan" in text
    assert "sebagaimana dimaksud dalam Pasal 2 huruf c," in text
    assert text.count("sebagaimana dimaksud dalam ayat (1)") == 3


def test_state_in_force_has_no_watermark() -> None:
    agreement = load(KALBAR).model_copy(update={"state": LifecycleState.IN_FORCE})
    header = _document(render_docx(agreement, folder=KALBAR)).sections[0].header._element
    assert not list(header.iter("{urn:schemas-microsoft-com:vml}shape"))


def test_research_mou_renders_in_english() -> None:
    folder = EXAMPLES / "research-mou-en"
    lines = docx_lines(render_docx(load(folder), folder=folder))
    assert any(x.startswith("2.2 In selecting joint research projects under clause 2.1(a)") for x in lines)


def test_meterai_boxes_in_docx_and_pdf() -> None:
    agreement = signed(KALBAR)
    agreement.closing.meterai = True
    docx_text = "\n".join(docx_lines(render_docx(agreement, folder=KALBAR)))
    pdf_text = "\n".join(pdf_pages(render_pdf(agreement, folder=KALBAR)))
    assert docx_text.count("Meterai Rp10.000") == pdf_text.count("Meterai Rp10.000") == 3
    assert "bermeterai cukup" in docx_text
