"""Appending signature fields and metadata to typst's plain PDFs as bytes, and refusing anything else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mou_kit.render._document import prepare
from mou_kit.render.finishing._pdfbytes import finish_plain, text_string
from mou_kit.render.finishing.finish import SignatureSpot
from mou_kit.render.pdf import typeset
from tests.builders import build
from tests.render.test_pdf import qpdf_ok


@pytest.mark.parametrize(("text", "expected"), [
    ("abc", b"(abc)"), ("a(b)c\\", b"(a\\(b\\)c\\\\)"), ("é", b"<FEFF00E9>"), ("", b"()"),
])
def test_text_string(text: str, expected: bytes) -> None:
    assert text_string(text) == expected


@pytest.mark.parametrize("pdf", [
    b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n",     # startxref not at a table
    b"%PDF-1.7\nno cross-reference at all\n",
])
def test_anything_but_a_plain_pdf_is_left_to_pypdf(pdf: bytes) -> None:
    assert finish_plain(pdf, [], [], {"MouRevision": "r"}) is None


def test_fields_and_metadata_on_a_typeset_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    docs, info, layout = prepare(build("a1[c1]"), None, revision="r9", folder=None)
    laid = typeset(docs, info, layout)
    spots = [SignatureSpot("party-1", 1, 100, 500, 200, 70)]
    out = finish_plain(laid.pdf, spots, ["sig-x"], {"MouRevision": "r9"}, defaults={"Title": "ignored"})
    assert out is not None and out.startswith(laid.pdf)
    (tmp_path / "f.pdf").write_bytes(out)
    assert qpdf_ok(tmp_path / "f.pdf")
    reader = PdfReader(io.BytesIO(out))
    assert list(reader.get_fields() or {}) == ["sig-x"]
    assert reader.metadata is not None and reader.metadata["/MouRevision"] == "r9"
    assert reader.metadata["/Title"] == info.title
    rect = [float(v) for v in reader.pages[0]["/Annots"][-1].get_object()["/Rect"]]
    assert rect == pytest.approx([100, 841.8898 - 570, 300, 841.8898 - 500], abs=0.01)
