"""An agreement in another form keeps its own closing words and signature block, in every format."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pydantic import ValidationError

from mou_kit import import_docx, load, render_docx, render_html, render_markdown, render_pdf, render_text
from mou_kit.model import Closing
from tests.builders import build

LINES = ["{PARTY}", "By: ________", "Name: {name}", "Title: {position}", "Date:"]
CLOSING = "IN WITNESS WHEREOF the parties have signed this Agreement."


def _own() -> object:
    return build("a1[c1]", languages=("en",), closing={"text": CLOSING, "signature_lines": LINES})


def test_every_format_prints_the_agreements_own_closing_and_block() -> None:
    agreement = _own()
    text = render_text(agreement)  # type: ignore[arg-type]
    assert CLOSING in text and "In witness whereof, this" not in text
    assert "INSTANSI 1\nBy: ________\n\n\nName: Pejabat 1\nTitle: Kepala Instansi 1\nDate:" in text
    assert "FIRST PARTY," not in text
    assert "Name: Pejabat 2" in render_markdown(agreement)  # type: ignore[arg-type]
    assert "Title: Kepala Instansi 2" in render_html(agreement)  # type: ignore[arg-type]


def test_the_docx_reads_row_by_row_like_a_contracts_signature_table() -> None:
    document = docx.Document(io.BytesIO(render_docx(_own())))  # type: ignore[arg-type]
    [table] = [t for t in document.tables if "By: ________" in t.rows[1].cells[0].text]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [["INSTANSI 1", "INSTANSI 2"], ["By: ________", "By: ________"], ["", ""],
                    ["Name: Pejabat 1", "Name: Pejabat 2"], ["Title: Kepala Instansi 1", "Title: Kepala Instansi 2"],
                    ["Date:", "Date:"]]


def test_the_pdf_keeps_a_signature_field_per_party_in_the_signing_space() -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render_pdf(_own())))  # type: ignore[arg-type]
    fields = reader.get_fields() or {}
    assert sorted(fields) == ["signature-party-1", "signature-party-2"]
    words = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "By: ________" in words and "Name: Pejabat 1" in words and CLOSING in words


def test_a_field_the_block_does_not_know_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"\{nip\} is not a field of a signature line; the fields are "
                                              r"\{party\}, \{PARTY\}, \{label\}, \{name\}, \{position\}"):
        Closing(signature_lines=["NIP {nip}"])


def test_our_own_docx_read_without_a_base_keeps_the_forms_closing(tmp_path: Path) -> None:
    """An Indonesian MoU mou made prints its closing and blocks from the form: importing it takes no copy."""
    example = Path(__file__).resolve().parents[2] / "examples" / "tppo-kalbar"
    path = tmp_path / "own.docx"
    render_docx(load(example), path, folder=example)
    closing = import_docx(path).agreement.closing
    assert (closing.text, closing.signature_lines) == (None, [])
