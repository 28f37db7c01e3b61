"""Whether a redline is right: accept or reject every change in document.xml, and count revisions.

The projection is our own reading of WordprocessingML tracked changes: accepting keeps
inserted and moved-to text and drops deleted and moved-from text (and the reverse for
rejecting); a paragraph whose mark is deleted (accepting) or inserted (rejecting) merges into
the next one. A field is written ``[[FIELD]]``, as its result is computed, not tracked.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Agreement, number
from ._redline_blocks import Ref, blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIELD = "[[FIELD]]"
_REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo", "pPrChange")
_IDS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "moveFromRangeStart", "moveToRangeStart",
        "bookmarkStart")


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph as a reader sees it after accepting or rejecting: list level (or None) and text."""

    level: int | None
    text: str


def _document_xml(source: str | os.PathLike[str] | bytes) -> Any:
    from lxml import etree

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _paragraphs(root: Any) -> Iterator[Any]:
    body = root.find(f"{W}body")
    return (p for p in body if p.tag == f"{W}p")


def _level(ppr: Any) -> int | None:
    if ppr is None:
        return None
    ilvl = ppr.find(f"{W}numPr/{W}ilvl")
    return int(ilvl.get(f"{W}val")) if ilvl is not None else None


def _text(p: Any, accept: bool) -> str:
    drop = (f"{W}del", f"{W}moveFrom") if accept else (f"{W}ins", f"{W}moveTo")
    out, field_depth, in_result = [], 0, False
    for r in p.iter(f"{W}r"):
        if r.getparent().tag in drop or r.getparent().getparent().tag == f"{W}rPr":
            continue
        for child in r:
            tag = child.tag
            if tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    field_depth += 1
                    in_result = False
                elif kind == "separate":
                    in_result = True
                elif kind == "end":
                    field_depth -= 1
                    in_result = False
                    out.append(FIELD)
            elif tag in (f"{W}t", f"{W}delText") and not (field_depth and in_result):
                out.append(child.text or "")
            elif tag == f"{W}tab":
                out.append("\t")
    return "".join(out)


def project(source: str | os.PathLike[str] | bytes, *, accept: bool) -> list[Para]:
    """Return the paragraphs of a DOCX with every change accepted (``accept``) or rejected."""
    out: list[Para] = []
    pending = ""
    merge_mark = f"{W}del" if accept else f"{W}ins"
    for p in _paragraphs(_document_xml(source)):
        ppr = p.find(f"{W}pPr")
        text = pending + _text(p, accept)
        mark = ppr.find(f"{W}rPr/{merge_mark}") if ppr is not None else None
        if mark is not None:
            pending = text
            continue
        pending = ""
        props = ppr
        if not accept and ppr is not None and ppr.find(f"{W}pPrChange") is not None:
            props = ppr.find(f"{W}pPrChange/{W}pPr")
        out.append(Para(_level(props), text))
    return out


def expected(agreement: Agreement, lang: str, *, cite: Agreement | None = None) -> list[Para]:
    """Return the paragraphs the redline must show for ``agreement`` (levels and texts).

    For the old draft pass ``cite=new``: its cross-references cite their targets as the new draft
    numbers them, since a renumbered target is not a change of the citing text.
    """
    return [Para(level, text) for level, _, text in _expected(agreement, lang, cite)]


def expected_labels(agreement: Agreement, lang: str, *, cite: Agreement | None = None) -> list[tuple[str, str]]:
    """Return (list label, text) of each paragraph, as LibreOffice shows them after accept or reject."""
    return [(label, text) for _, label, text in _expected(agreement, lang, cite)]


def _expected(agreement: Agreement, lang: str, cite: Agreement | None) -> list[tuple[int | None, str, str]]:
    numbering = number(cite) if cite is not None else None
    out = []
    for block in blocks(agreement, lang, cite=numbering):
        text = "".join(t.text if isinstance(t, Ref) else t for t in block.tokens)
        out.append((block.level if block.list else None, block.label if block.list else "", text))
    out.append((None, "", ""))
    return out


@dataclass(frozen=True, slots=True)
class RevisionStats:
    """What a redline holds: revision elements by tag, whether ids are unique, and revision groups."""

    counts: dict[str, int]
    ids_unique: bool
    moves_paired: bool
    groups: int
    authors: frozenset[str]
    dates: frozenset[str]

    @property
    def total(self) -> int:
        """The number of revision elements (ins, del, moveFrom, moveTo, pPrChange)."""
        return sum(self.counts.values())


def revision_stats(source: str | os.PathLike[str] | bytes) -> RevisionStats:
    """Return the revision counts, id uniqueness, move pairing and revision groups of a DOCX.

    A group is a run of consecutive paragraphs with revisions; a move's two ends are one group.
    """
    root = _document_xml(source)
    counts = {tag: len(root.findall(f".//{W}{tag}")) for tag in _REVISION_TAGS}
    ids = [el.get(f"{W}id") for tag in _IDS for el in root.iter(f"{W}{tag}")]
    starts = {kind: [el.get(f"{W}name") for el in root.iter(f"{W}{kind}RangeStart")]
              for kind in ("moveFrom", "moveTo")}
    ends_ok = all(
        sorted(el.get(f"{W}id") for el in root.iter(f"{W}{kind}RangeStart"))
        == sorted(el.get(f"{W}id") for el in root.iter(f"{W}{kind}RangeEnd"))
        for kind in ("moveFrom", "moveTo"))
    authors = {el.get(f"{W}author") for tag in _REVISION_TAGS for el in root.iter(f"{W}{tag}")}
    dates = {el.get(f"{W}date") for tag in _REVISION_TAGS for el in root.iter(f"{W}{tag}")}
    return RevisionStats(
        counts=counts, ids_unique=len(ids) == len(set(ids)),
        moves_paired=ends_ok and sorted(starts["moveFrom"]) == sorted(starts["moveTo"]),
        groups=_groups(root), authors=frozenset(a for a in authors if a), dates=frozenset(d for d in dates if d))


def _groups(root: Any) -> int:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    groups: list[set[str]] = []
    in_group = False
    for p in _paragraphs(root):
        revised = any(p.find(f".//{W}{tag}") is not None for tag in _REVISION_TAGS)
        if not revised:
            in_group = False
            continue
        if not in_group:
            groups.append(set())
            in_group = True
        for kind in ("moveFrom", "moveTo"):
            groups[-1].update(el.get(f"{W}name") for el in p.iter(f"{W}{kind}RangeStart"))
    owner: dict[str, int] = {}
    for index, names in enumerate(groups):
        find(index)
        for name in names:
            if name in owner:
                parent[find(index)] = find(owner[name])
            else:
                owner[name] = index
    return len({find(i) for i in range(len(groups))})
