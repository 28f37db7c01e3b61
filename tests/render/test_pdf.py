"""The PDF: valid for qpdf, signature fields and metadata for pypdf, text numbered and in order, no injection."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mou_kit import LifecycleState, MouKitError, RenderError, load, render_pdf
from tests.builders import build
from tests.conftest import EXAMPLES
from tests.render.extract import pdf_pages

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "render"
KALBAR = EXAMPLES / "tppo-kalbar"
INJECTION = r"Teks # $ * _ [ ] \ < > @ { } ` #set text(red) $x$ *tebal* <lbl> @ref selesai."


def signed(folder: Path):  # type: ignore[no-untyped-def]
    return load(folder).model_copy(update={"state": LifecycleState.SIGNED})


def qpdf_ok(path: Path) -> bool:
    """Whether ``qpdf --check`` accepts the PDF at ``path`` (true when qpdf is not installed)."""
    if shutil.which("qpdf") is None:
        return True
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
    return done.returncode == 0


@pytest.fixture(scope="module")
def kalbar_pdf() -> bytes:
    return render_pdf(load(KALBAR), lang="id", folder=KALBAR, revision="abc1234")


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize(("example", "lang", "pdfa"), [
    ("tppo-kalbar", "id", False), ("tppo-kalbar", "en", False), ("tppo-kalbar", "id+en", False),
    ("tppo-kalbar", "id", True), ("research-mou-en", "en", True),
])
def test_qpdf_check_passes(tmp_path: Path, example: str, lang: str, pdfa: bool) -> None:
    folder = EXAMPLES / example
    target = tmp_path / "out.pdf"
    render_pdf(load(folder), target, lang=lang, folder=folder, pdfa=pdfa)
    assert qpdf_ok(target)


def test_one_empty_signature_field_per_signatory(kalbar_pdf: bytes) -> None:
    from pypdf import PdfReader

    fields = PdfReader(io.BytesIO(kalbar_pdf)).get_fields() or {}
    assert {k: v.get("/FT") for k, v in fields.items()} == {
        "signature-polda-kalbar": "/Sig", "signature-bp3mi-kalbar": "/Sig",
        "signature-kanwil-kemenkumham-kalbar": "/Sig"}
    assert all("/V" not in v for v in fields.values())


def test_signature_fields_sit_on_the_last_page_above_the_names(kalbar_pdf: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(kalbar_pdf))
    last = reader.pages[-1]
    rects = [a.get_object()["/Rect"] for a in last["/Annots"] if a.get_object().get("/FT") == "/Sig"]
    assert len(rects) == 3
    assert all(60 < float(r[2]) - float(r[0]) < 250 and 50 < float(r[3]) - float(r[1]) < 100 for r in rects)


def test_metadata_carries_title_parties_revision_fingerprint(kalbar_pdf: bytes) -> None:
    from pypdf import PdfReader

    from mou_kit import fingerprint

    meta = PdfReader(io.BytesIO(kalbar_pdf)).metadata
    assert meta is not None
    assert meta["/Title"].startswith("NOTA KESEPAHAMAN Pencegahan")
    assert "Kepolisian Daerah Kalimantan Barat" in meta["/Author"]
    assert meta["/MouRevision"] == "abc1234"
    assert meta["/MouFingerprint"] == "sha256:" + fingerprint(load(KALBAR))
    assert "revision=abc1234" in meta["/Keywords"]


def test_articles_are_numbered_and_in_order(kalbar_pdf: bytes) -> None:
    text = "\n".join(pdf_pages(kalbar_pdf))
    found = [int(n) for n in re.findall(r"^Pasal (\d+)$", text, re.M)]
    assert found == list(range(1, 13))
    assert "sebagaimana dimaksud dalam ayat (1)" in text.replace("\n", " ")


def test_draft_carries_a_watermark_and_signed_does_not() -> None:
    draft = render_pdf(load(KALBAR), lang="id", folder=KALBAR)
    final = render_pdf(signed(KALBAR), lang="id", folder=KALBAR)
    from pypdf import PdfReader

    assert PdfReader(io.BytesIO(draft)).pages[0].extract_text().startswith("RANCANGAN")
    assert "RANCANGAN" not in PdfReader(io.BytesIO(final)).pages[0].extract_text()


@pytest.mark.parametrize(("state", "watermarked"), [("negotiation", True), ("agreed", False), ("in-force", False)])
def test_the_copy_for_signing_is_clean_from_agreed_on(state: str, watermarked: bool) -> None:
    from pypdf import PdfReader

    agreement = load(KALBAR).model_copy(update={"state": LifecycleState(state)})
    text = PdfReader(io.BytesIO(render_pdf(agreement, lang="id", folder=KALBAR))).pages[0].extract_text()
    assert text.startswith("RANCANGAN") is watermarked


def test_clause_text_cannot_inject_typst() -> None:
    agreement = build("a1[c1,c2]", texts={"c1": INJECTION})
    text = " ".join(pdf_pages(render_pdf(agreement)))
    assert INJECTION in re.sub(r"\s+", " ", text)


def test_pdfa_declares_part_2b() -> None:
    data = render_pdf(build("a1[c1]"), pdfa=True)
    assert b"<pdfaid:part>2</pdfaid:part>" in data and b"<pdfaid:conformance>B</pdfaid:conformance>" in data


@pytest.mark.parametrize(("lang", "golden"), [("id", "tppo-kalbar.id.pdf.txt"), ("id+en", "tppo-kalbar.id+en.pdf.txt")])
def test_golden_text(lang: str, golden: str) -> None:
    text = "\n\f\n".join(pdf_pages(render_pdf(signed(KALBAR), lang=lang, folder=KALBAR))) + "\n"
    path = GOLDEN / golden
    if not path.exists():  # first run writes the golden file; review it and commit
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"lang": "fr"}, "language 'fr' has no form defined; use one of en, id"),
    ({"lang": "id+id"}, "language 'id+id' must be one language such as 'id' or two joined by '+'"),
    ({"engine": "word"}, "engine 'word' is not 'typst' or 'libreoffice'"),
])
def test_bad_options_give_one_clear_line(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(MouKitError) as caught:
        render_pdf(build("a1[c1]"), **kwargs)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_missing_logo_gives_one_clear_line(tmp_path: Path) -> None:
    agreement = build("a1[c1]")
    agreement.parties[0].logo = "assets/missing.png"
    with pytest.raises(RenderError) as caught:
        render_pdf(agreement, folder=tmp_path)
    assert caught.value.code == "asset-missing"
    assert str(caught.value) == (f"party 'party-1': logo file assets/missing.png not found in {tmp_path}; "
                                 "add it or remove 'logo' from agreement.yaml")


def test_annex_pdfs_are_appended(tmp_path: Path) -> None:
    annex_source = render_pdf(build("a1[c1]"))
    (tmp_path / "annexes").mkdir()
    (tmp_path / "annexes" / "rencana.pdf").write_bytes(annex_source)
    plain = render_pdf(build("a1[c1]"))
    agreement = build("a1[c1]", annexes=[{"id": "rencana", "title": "Rencana Aksi", "file": "annexes/rencana.pdf"}])
    from pypdf import PdfReader

    with_annex = render_pdf(agreement, tmp_path / "with-annex.pdf", folder=tmp_path)
    assert len(PdfReader(io.BytesIO(with_annex)).pages) == len(PdfReader(io.BytesIO(plain)).pages) * 2 + 1
    assert qpdf_ok(tmp_path / "with-annex.pdf")


def test_sequential_layout_gives_one_language_after_the_other() -> None:
    text = "\n".join(pdf_pages(render_pdf(signed(KALBAR), lang="id+en", layout="sequential", folder=KALBAR)))
    heads = re.findall(r"^(Pasal|Article) (\d+)$", text, re.M)
    assert heads == [("Pasal", str(n)) for n in range(1, 13)] + [("Article", str(n)) for n in range(1, 13)]


def test_side_by_side_pairs_every_article() -> None:
    text = "\n".join(pdf_pages(render_pdf(signed(KALBAR), lang="id+en", folder=KALBAR)))
    heads = re.findall(r"^(Pasal|Article) (\d+)", text, re.M)
    assert [n for _, n in heads] == [str(n) for n in range(1, 13) for _ in (0, 1)]


@pytest.mark.parametrize("parties", [2, 3, 4, 7, 10])
def test_any_number_of_parties_gets_one_field_each(tmp_path: Path, parties: int) -> None:
    from pypdf import PdfReader

    target = tmp_path / "many.pdf"
    render_pdf(build("a1[c1,c2]", parties=parties), target)
    assert len(PdfReader(target).get_fields() or {}) == parties
    assert qpdf_ok(target)
