"""Text of rendered documents as a reader sees it: DOCX with Word's list numbers, PDF without page furniture."""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from mou_kit.model.numbering import counter

_STYLES = {"decimal": "arabic", "lowerLetter": "alpha", "upperLetter": "upper-alpha", "lowerRoman": "roman"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _levels(document: Any) -> dict[str, tuple[str, str]]:
    numbering = document.part.numbering_part.element
    abstract = {a.get(f"{W}abstractNumId"): a for a in numbering.iter(f"{W}abstractNum")}
    out = {}
    for num in numbering.iter(f"{W}num"):
        a = abstract[num.find(f"{W}abstractNumId").get(f"{W}val")]
        lvl = a.find(f"{W}lvl")
        out[num.get(f"{W}numId")] = (lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val"))
    return out


def docx_lines(data: bytes) -> list[str]:
    """Return the body paragraphs of a DOCX in order, each with the list number Word would print."""
    import docx

    document = docx.Document(io.BytesIO(data))
    levels = _levels(document)
    seen: Counter[str] = Counter()
    lines = []
    for p in document.element.body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        if num is not None:
            num_id = num.get(f"{W}val")
            seen[num_id] += 1
            fmt, lvl_text = levels[num_id]
            text = lvl_text.replace("%1", counter(seen[num_id], _STYLES[fmt])) + " " + text
        if text.strip():
            lines.append(text)
    return lines


def pdf_pages(data: bytes) -> list[str]:
    """Return the text of each PDF page without the watermark and the footer (paraf boxes, page count)."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines = page.extract_text().splitlines()
        labels = ("Paraf", "Initials", "Paraf / Initials", "Initials / Paraf")
        if any(x.strip() in labels for x in lines):
            cut = max(i for i, x in enumerate(lines) if x.strip() in labels)
            lines = lines[:cut]
        pages.append("\n".join(x.rstrip() for x in lines))
    return pages


def words(text: str) -> Counter[str]:
    """Return the words and numbers of ``text`` with their counts."""
    return Counter(re.findall(r"\S+", re.sub(r"-[ \t]*\n", "-", text)))
