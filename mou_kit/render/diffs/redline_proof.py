"""Whether a redline is right: accept or reject every change in document.xml, and count revisions.

The projection is our own reading of WordprocessingML tracked changes: accepting keeps
inserted and moved-to text and drops deleted and moved-from text (and the reverse for
rejecting); a paragraph whose mark is deleted (accepting) or inserted (rejecting) merges into
the next one. A field is written ``[[FIELD]]``, as its result is computed, not tracked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ...model import Agreement, number
from ...ooxml.names import W
from ...ooxml.views import FIELD as FIELD, Para as Para, body_paragraphs, document_xml, project as project
from ._redline_blocks import Ref, blocks

_REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo", "pPrChange")
_IDS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "moveFromRangeStart", "moveToRangeStart",
        "bookmarkStart")


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
    root = document_xml(source)
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
    for p in body_paragraphs(root):
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
