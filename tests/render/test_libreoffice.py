"""The LibreOffice engine, logos from assets/, and the drafts a secretariat hands out."""

from __future__ import annotations

import io
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from mou_kit import RenderError, load, render_docx, render_drafts, render_pdf
from mou_kit.render.finishing import libreoffice
from tests.builders import build
from tests.render.test_pdf import KALBAR, qpdf_ok


def png(width: int = 8, height: int = 8) -> bytes:
    """Return a tiny valid red PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + b"\xcc\x20\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_logos_appear_in_pdf_and_docx(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.png").write_bytes(png())
    agreement = build("a1[c1]")
    agreement.parties[0].logo = "assets/logo.png"
    assert re.search(rb"/Subtype\s*/Image", render_pdf(agreement, folder=tmp_path))
    import docx

    document = docx.Document(io.BytesIO(render_docx(agreement, folder=tmp_path)))
    assert len(document.inline_shapes) == 1


def test_logo_outside_the_folder_is_refused(tmp_path: Path) -> None:
    agreement = build("a1[c1]")
    agreement.parties[1].logo = "../secret.png"
    with pytest.raises(RenderError, match="lies outside the agreement folder"):
        render_pdf(agreement, folder=tmp_path)


def test_libreoffice_engine_without_soffice_gives_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    with pytest.raises(RenderError) as caught:
        render_pdf(build("a1[c1]"), engine="libreoffice")
    assert caught.value.code == "engine-missing"
    assert str(caught.value) == "LibreOffice (soffice) is not installed; install it or use --engine typst"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_engine_makes_a_finished_pdf(tmp_path: Path) -> None:
    """Slow (about 3 s): one LibreOffice conversion."""
    from pypdf import PdfReader

    data = render_pdf(load(KALBAR), tmp_path / "lo.pdf", folder=KALBAR, engine="libreoffice", pdfa=True)
    assert qpdf_ok(tmp_path / "lo.pdf")
    assert b"<pdfaid:part>2</pdfaid:part>" in data
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata["/MouRevision"] == "working-folder"
    assert sorted(reader.get_fields() or {}) == ["signature-bp3mi-kalbar", "signature-kanwil-kemenkumham-kalbar",
                                                 "signature-polda-kalbar"]


def test_render_drafts_writes_docx_pdfa_and_bilingual(tmp_path: Path) -> None:
    written = render_drafts(load(KALBAR), tmp_path, folder=KALBAR)
    assert [p.name for p in written] == ["tppo-kalbar.docx", "tppo-kalbar.pdf", "tppo-kalbar.id+en.pdf"]
    assert b"<pdfaid:part>2</pdfaid:part>" in written[1].read_bytes()
