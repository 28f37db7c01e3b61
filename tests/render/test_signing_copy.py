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
from docx.oxml.ns import qn
from pypdf import PdfReader

from mou_kit import load, render_docx, render_pdf
from mou_kit.model import LifecycleState
from mou_kit.render._document import prepare
from mou_kit.render.pagination import page_places

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


def _first_lines(pdf: bytes) -> list[str]:
    """The first line of body text on each page after the first, without spaces, read back with
    pypdf (furniture and the rotated watermark left out): what the marks must agree with."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages[1:]:
        height = float(page.mediabox.height)
        top, bottom = height - 2.5 / 2.54 * 72 + 2, 3.6 / 2.54 * 72
        found: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object,
                  found: list[tuple[float, float, str]] = found, top: float = top, bottom: float = bottom) -> None:
            if text.strip() and abs(tm[1]) < 1e-6 and abs(tm[2]) < 1e-6:
                x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                if bottom < y < top:
                    found.append((y, x, text))

        page.extract_text(visitor_text=visit)
        first = max((y for y, _, _ in found), default=0.0)
        out.append(re.sub(r"\s+", "", "".join(t for _, _, t in sorted(f for f in found if abs(f[0] - first) < 2))))
    return out


def _squeezed(element: object) -> str:
    return re.sub(r"\s+", "", "".join(t.text or "" for t in element.iter(qn("w:t"))))  # type: ignore[attr-defined]


@pytest.mark.parametrize(("lang", "layout"), [("id", None), ("id+en", "side-by-side"), ("id+en", "sequential")])
def test_the_docx_breaks_before_the_block_that_starts_each_pdf_page(lang: str, layout: str | None) -> None:
    agreement = load(EXAMPLE)
    docs, info, chosen = prepare(agreement, lang, revision=None, folder=EXAMPLE, layout=layout, revision_footer=None)
    places = page_places(docs, info, chosen)
    lines = _first_lines(render_pdf(agreement, lang=lang, layout=layout, folder=EXAMPLE))
    assert len(places) == len(lines) and sum(p is not None for p in places) >= 3
    document = Document(io.BytesIO(render_docx(agreement, lang=lang, layout=layout, folder=EXAMPLE)))
    body = document.element.body
    broken = [el for el in body.iter(qn("w:p")) if el.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None]
    split = [tbl for tbl in body.iterchildren(qn("w:tbl")) if tbl.getprevious() is not None
             and tbl.getprevious() in broken and not _squeezed(tbl.getprevious())]
    starts = [_squeezed(el) for el in broken if _squeezed(el)] + [
        "".join(_squeezed(tc.find(qn("w:p"))) for tc in t.find(qn("w:tr")).iterchildren(qn("w:tc"))) for t in split]
    expected = [line for line, place in zip(lines, places, strict=True) if place is not None]
    assert len(starts) == len(expected)
    for line in expected:  # each page the marks break on starts with that block's first line
        assert any(line.startswith(text[:12]) or text.startswith(line[:12]) or
                   re.sub(r"^(\([0-9a-z]+\)|\d+(\.\d+)*\.?|[a-z]\.)", "", line)[:12] in text for text in starts), line
    def after_break(p: object) -> bool:
        before = p.getprevious()  # type: ignore[attr-defined]
        return before is not None and any(b.get(qn("w:type")) == "page" for b in before.iter(qn("w:br")))

    for line, place in zip(lines, places, strict=True):  # a page the marks skip starts inside a paragraph
        if place is None:  # ... or after a page break both copies have (the second language, an annex)
            assert not any(_squeezed(p) and _squeezed(p).startswith(line) and not after_break(p)
                           for p in body.iter(qn("w:p"))), line
    plain = Document(io.BytesIO(render_docx(agreement, lang=lang, layout=layout, folder=EXAMPLE, pages_like_pdf=False)))
    assert not any(p.paragraph_format.page_break_before for p in plain.paragraphs)


@pytest.mark.parametrize(("lang", "layout", "size"), [("id", None, 0), ("id+en", "side-by-side", 0),
                                                     ("id+en", "sequential", 0), ("id", None, 300)])
def test_typsts_positions_and_the_marked_pdf_name_the_same_page_starts(
        lang: str, layout: str | None, size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """typst is asked where it laid each mark (ADR 0087); a typst that cannot be asked (typst-py
    < 0.15) has its marked PDF read instead (ADR 0085): both must break the DOCX on the same blocks."""
    from benchmarks.generate import synthetic
    from mou_kit.render import _typeset

    agreement = synthetic(30, size // 30) if size else load(EXAMPLE)
    docs, info, chosen = prepare(agreement, lang, revision=None, folder=None if size else EXAMPLE, layout=layout)
    asked = page_places(docs, info, chosen)
    assert sum(p is not None for p in asked) >= (20 if size else 3)
    monkeypatch.setattr(_typeset, "laid_places", lambda *args: None)
    assert page_places(docs, info, chosen) == asked


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
