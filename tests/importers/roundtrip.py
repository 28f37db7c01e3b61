"""How much of a Word file survives import and rendering: words in the file, in order, found again.

Shared by the corpus tests and ``benchmarks/bench_import.py``. Numbering labels ("1.1", "(a)",
"Pasal", "Article") are structure, not words, so both sides drop them before comparing.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from pathlib import Path

import docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LABEL = re.compile(r"^(\(\w{1,4}\)|\w{1,4}\)|\d+(\.\d+)*\.?|[a-zA-Z]\.|[ivxlcdm]+\.|§)$", re.I)
_STRUCTURE = {"pasal", "article", "section", "clause", "§"}


def paragraph_texts(path: Path) -> list[str]:
    """Return the text of every paragraph of the body (tables included), as Word shows it accepted."""
    body = docx.Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in body.iter(f"{_W}p")]


def tokens(texts: list[str]) -> list[str]:
    """Return the words of ``texts``, lower-cased, punctuation and numbering labels dropped."""
    out = []
    for text in texts:
        for raw in text.split():
            if _LABEL.match(raw) or not re.search(r"\w", raw):
                continue
            word = re.sub(r"^\W+|\W+$", "", raw).lower()
            if word and word not in _STRUCTURE:
                out.append(word)
    return out


def recall(source: list[str], rendered: list[str]) -> float:
    """Return the share of ``source``'s words found, in order, in ``rendered`` (1.0 for no words)."""
    if not source:
        return 1.0
    matcher = SequenceMatcher(None, source, rendered, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(source)
