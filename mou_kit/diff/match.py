"""Which old node is which new node: by id first, then by similar text, and which ones moved.

Nodes of two drafts of one agreement share ids. Two files from outside do not, so the nodes
left over are paired by text similarity (rapidfuzz), best pairs first, each with its score as
the confidence. A matched node moved when its parent changed or when it left the longest
common order of its siblings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..model import Agreement, number
from ._nodes import Node, flatten, similarity_text
from .alignment import Alignment
from .change import NodeType

SIMILARITY_CUTOFF = 60.0
"""Lowest rapidfuzz ratio (0-100) at which two nodes with different ids count as the same node."""

MAX_SIMILARITY_PAIRS = 4_000_000
"""Most old x new candidates scored for similarity; beyond it unmatched nodes stay unmatched."""


@dataclass(slots=True)
class Matching:
    """Pairs of old and new node ids, with a confidence for each pair made by similarity."""

    new_of: dict[str, str] = field(default_factory=dict)
    old_of: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    by_similarity: int = 0
    skipped: bool = False

    def pair(self, old: str, new: str, confidence: float = 1.0) -> None:
        """Record that old node ``old`` is new node ``new``."""
        self.new_of[old] = new
        self.old_of[new] = old
        if confidence < 1.0:
            self.confidence[new] = confidence


def match(old: list[Node], new: list[Node], *, similarity: bool = True) -> Matching:
    """Return the pairing of ``old`` and ``new`` nodes: same id and type, then similar text."""
    result = Matching()
    new_by_id = {n.id: n for n in new}
    for node in old:
        other = new_by_id.get(node.id)
        if other is not None and other.type == node.type:
            result.pair(node.id, node.id)
    if similarity:
        _by_similarity(old, new, result)
    return result


def _by_similarity(old: list[Node], new: list[Node], result: Matching) -> None:
    left: dict[NodeType, list[Node]] = defaultdict(list)
    right: dict[NodeType, list[Node]] = defaultdict(list)
    for node in old:
        if node.id not in result.new_of:
            left[node.type].append(node)
    for node in new:
        if node.id not in result.old_of:
            right[node.type].append(node)
    if sum(len(left[t]) * len(right[t]) for t in left) > MAX_SIMILARITY_PAIRS:
        result.skipped = True
        return
    from rapidfuzz import fuzz, process

    for node_type in (NodeType.RECITAL, NodeType.CLAUSE, NodeType.POINT, NodeType.ARTICLE):
        olds, news = left[node_type], right[node_type]
        if not olds or not news:
            continue
        choices = [similarity_text(n, new) for n in news]
        candidates: list[tuple[float, int, int]] = []
        for i, node in enumerate(olds):
            query = similarity_text(node, old)
            for _, score, j in process.extract(query, choices, scorer=fuzz.ratio,
                                               score_cutoff=SIMILARITY_CUTOFF, limit=8):
                candidates.append((score, i, j))
        candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
        used_old: set[int] = set()
        used_new: set[int] = set()
        for score, i, j in candidates:
            if i in used_old or j in used_new:
                continue
            used_old.add(i)
            used_new.add(j)
            result.pair(olds[i].id, news[j].id, score / 100.0)
            result.by_similarity += 1


def moved(old: list[Node], new: list[Node], matching: Matching) -> set[str]:
    """Return the new ids of matched nodes that moved: to another parent, or out of their siblings' order."""
    old_by_id = {n.id: n for n in old}
    out: set[str] = set()
    siblings: dict[str, list[str]] = defaultdict(list)
    for node in new:
        old_id = matching.old_of.get(node.id)
        if old_id is None:
            continue
        old_parent = old_by_id[old_id].parent
        if matching.new_of.get(old_parent, old_parent) != node.parent:
            out.add(node.id)
        else:
            siblings[node.parent].append(node.id)
    for children in siblings.values():
        if len(children) < 2:
            continue
        before = sorted(children, key=lambda n: old_by_id[matching.old_of[n]].index)
        if before == children:
            continue
        kept: set[str] = set()
        for block in SequenceMatcher(None, before, children, autojunk=False).get_matching_blocks():
            kept.update(children[block.b:block.b + block.size])
        out.update(c for c in children if c not in kept)
    return out


def align_nodes(old: list[Node], new: list[Node], *, similarity: bool = True) -> Alignment:
    """Return the alignment of two flattened node lists: pairs (see :func:`match`) and moves (see :func:`moved`)."""
    found = match(old, new, similarity=similarity)
    return Alignment(new_of=found.new_of, old_of=found.old_of, moved=frozenset(moved(old, new, found)),
                     confidence=found.confidence, by_similarity=found.by_similarity, skipped=found.skipped)


def align(old: Agreement, new: Agreement, *, similarity: bool = True) -> Alignment:
    """Return how the nodes of ``old`` pair with those of ``new`` and which moved, as ``diff()`` does."""
    return align_nodes(flatten(old, number(old)), flatten(new, number(new)), similarity=similarity)
