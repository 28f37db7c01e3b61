"""Page breaks in the DOCX where the PDF has them, so both copies carry paraf on the same pages.

Word and LibreOffice lay a page out a little differently from typst, so left alone the two
copies of one agreement drift apart by a few lines and a Pasal starts on another page. The PDF
is the reference: the first line of body text on each of its pages names the paragraph that
starts the page, and that paragraph gets "page break before" in the DOCX. A page that starts in
the middle of a paragraph has no such paragraph and is left to the word processor.
"""

from __future__ import annotations

import io
import re
from typing import Any

_LABEL = re.compile(r"^(\(\d+\)|\d+\.|[a-z]\.|[a-z]\)|\([a-z]+\))")
_SPACE = re.compile(r"\s+")

BODY_TOP_CM = 2.5
"""The PDF's top margin: body text starts below it."""

BODY_BOTTOM_CM = 3.6
"""The PDF's bottom margin: paraf boxes, revision and page number live below it."""


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def page_starts(pdf: bytes) -> list[str]:
    """Return, for each page after the first, the first line of body text (furniture and the
    rotated watermark left out), without spaces; "" for a page without body text."""
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages[1:]:
        height = float(page.mediabox.height)
        top, bottom = height - BODY_TOP_CM / 2.54 * 72 + 2, BODY_BOTTOM_CM / 2.54 * 72
        found: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any,
                  found: list[tuple[float, float, str]] = found, top: float = top, bottom: float = bottom) -> None:
            if not text.strip() or abs(tm[1]) > 1e-6 or abs(tm[2]) > 1e-6:
                return  # empty, or rotated (the watermark)
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if bottom < y < top:
                found.append((y, x, text))

        page.extract_text(visitor_text=visit)
        if not found:
            out.append("")
            continue
        first = max(y for y, _, _ in found)
        line = "".join(t for _, _, t in sorted(f for f in found if abs(f[0] - first) < 2.0))
        out.append(_squeeze(line))
    return out


def _body_paragraphs(document: Any) -> list[Any]:
    """Return the paragraphs directly in the body (not in tables), as python-docx objects."""
    return list(document.paragraphs)


def _matches(paragraph: str, line: str) -> bool:
    text = _squeeze(paragraph)
    line = _LABEL.sub("", line) if not text.startswith(line[:3]) else line
    if not line:
        return False
    return text == line or (len(line) >= 12 and text.startswith(line))


def break_like(document: Any, starts: list[str]) -> int:
    """Give "page break before" to the body paragraph that starts each PDF page; return how many.

    Paragraphs are matched in order, each after the previous match, so a repeated line (two
    "Pasal 1" in a sequential bilingual copy) finds its own occurrence.
    """
    paragraphs = _body_paragraphs(document)
    done, at = 0, 0
    for line in starts:
        if not line:
            continue
        for index in range(at, len(paragraphs)):
            if _matches(paragraphs[index].text, line):
                if index > 0:
                    paragraphs[index].paragraph_format.page_break_before = True
                    done += 1
                at = index + 1
                break
    return done
