"""The signing copy: DOCX pages break where the PDF's do, the closing stays with every signature
block, bilingual paraf and page labels, and no revision footer once the text is agreed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from mou_kit import load, render_docx, render_pdf
from mou_kit.model import LifecycleState
from mou_kit.render.pagination import page_starts

EXAMPLE = Path(__file__).resolve().parents[2] / "examples/tppo-kalbar"
HEADING = re.compile(r"(?m)^\s*(Pasal|Article) (\d+)\s*$")


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def _pasal_pages(pdf: bytes) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, text in enumerate(_pages(pdf), 1):
        for m in HEADING.finditer(text):
            found.setdefault(f"{m.group(1)} {m.group(2)}", number)
    return found


def test_the_docx_breaks_before_the_paragraph_that_starts_each_pdf_page() -> None:
    agreement = load(EXAMPLE)
    starts = page_starts(render_pdf(agreement, folder=EXAMPLE))
    assert len(starts) >= 3 and "Pasal3" in starts
    document = Document(io.BytesIO(render_docx(agreement, folder=EXAMPLE)))
    broken = [p.text for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert "Pasal 3" in broken and len(broken) == len([s for s in starts if s])
    plain = Document(io.BytesIO(render_docx(agreement, folder=EXAMPLE, pages_like_pdf=False)))
    assert not any(p.paragraph_format.page_break_before for p in plain.paragraphs)


def test_the_closing_keeps_with_every_signature_block() -> None:
    document = Document(io.BytesIO(render_docx(load(EXAMPLE), folder=EXAMPLE)))
    body = document.element.body
    children = list(body.iterchildren())
    closing = next(i for i, el in enumerate(children) if el.tag.endswith("}p") and
                   "".join(el.itertext()).startswith("Demikian"))
    tables = [i for i, el in enumerate(children) if el.tag.endswith("}tbl") and i > closing]
    assert len(tables) >= 2  # three parties: two blocks, then one
    for between in range(closing, tables[-1]):
        el = children[between]
        if el.tag.endswith("}p"):
            assert el.find(".//{*}keepNext") is not None, "".join(el.itertext())
    for table in tables:
        rows = children[table].findall("{*}tr")
        assert all(r.find("{*}trPr/{*}cantSplit") is not None for r in rows)


def test_bilingual_paraf_and_page_labels() -> None:
    text = _pages(render_pdf(load(EXAMPLE), lang="id+en", folder=EXAMPLE))
    assert all("Paraf / Initials" in t for t in text)
    assert f"Halaman 1 dari {len(text)} / Page 1 of {len(text)}" in text[0]
    footer = Document(io.BytesIO(render_docx(load(EXAMPLE), lang="id+en", folder=EXAMPLE))).sections[0].footer
    assert footer.paragraphs[0].text == "Paraf / Initials"
    xml = footer._element.xml
    assert xml.count(" PAGE ") == 2 and xml.count(" NUMPAGES ") == 2 and "{page" not in xml


def test_the_revision_footer_is_off_on_the_signing_copy_but_the_fingerprint_stays() -> None:
    draft = load(EXAMPLE)
    agreed = draft.model_copy(update={"state": LifecycleState.AGREED})
    assert "sha256:" in _pages(render_pdf(draft, folder=EXAMPLE, revision="abc1234567"))[0]
    signing = render_pdf(agreed, folder=EXAMPLE, revision="abc1234567")
    assert not any("sha256:" in t or "abc1234567" in t for t in _pages(signing))
    assert "fingerprint=sha256:" in str(PdfReader(io.BytesIO(signing)).metadata.get("/Keywords"))
    assert "sha256:" in _pages(render_pdf(agreed, folder=EXAMPLE, revision="abc1234567", revision_footer=True))[0]
    footer = Document(io.BytesIO(render_docx(agreed, folder=EXAMPLE))).sections[0].footer
    assert not any("sha256:" in p.text for p in footer.paragraphs)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("lang", ["id", "en", "id+en"])
def test_docx_through_libreoffice_starts_every_pasal_on_the_pdf_page(lang: str, tmp_path: Path) -> None:
    agreement = load(EXAMPLE)
    pdf = render_pdf(agreement, lang=lang, folder=EXAMPLE)
    source = tmp_path / "copy.docx"
    render_docx(agreement, source, lang=lang, folder=EXAMPLE)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    converted = (tmp_path / "copy.pdf").read_bytes()
    expected = _pasal_pages(pdf)
    assert len(expected) == len(agreement.articles) * len(lang.split("+"))
    assert _pasal_pages(converted) == expected
    pages = _pages(converted)
    assert len(pages) == len(_pages(pdf))
    last = pages[-1]
    for label in ("FIRST", "SECOND", "THIRD") if lang == "en" else ("KESATU", "KEDUA", "KETIGA"):
        assert label in last  # the closing and every signature block on one page
