"""Which nodes of an agreement a diff compares: recitals, articles, clauses and points, flattened.

Each node keeps its parent, its place among its siblings and its address, so matching and
move detection work on plain lists instead of the nested model.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Agreement
from ..model.numbering import Numbering
from ..model.walk import iter_body
from .change import NodeType

ROOT = ""
"""The parent of every article."""

RECITALS = "#recitals"
"""The parent of every recital (not a valid node id, so it never clashes)."""


@dataclass(frozen=True, slots=True)
class Node:
    """One comparable node: its id, type, parent, position among its siblings, address and raw text."""

    id: str
    type: NodeType
    parent: str
    index: int
    address: str
    text: str | dict[str, str]

    def plain(self) -> str:
        """Return the raw text in every language, joined, for similarity scoring."""
        if isinstance(self.text, str):
            return self.text
        return "\n".join(self.text[k] for k in sorted(self.text))


_TYPES = {"article": NodeType.ARTICLE, "clause": NodeType.CLAUSE, "point": NodeType.POINT}


def flatten(agreement: Agreement, numbering: Numbering) -> list[Node]:
    """Return the recitals, articles, clauses and points of ``agreement`` in document order."""
    out = []
    address = numbering.address
    for kind, node_id, parent, place, _at, text in iter_body(agreement):
        if kind == "recital":
            out.append(Node(node_id, NodeType.RECITAL, RECITALS, place, f"r{place + 1}", text))
        else:
            out.append(Node(node_id, _TYPES[kind], parent or ROOT, place, str(address(node_id)), text))
    return out


def similarity_text(node: Node, nodes: list[Node]) -> str:
    """Return the text that identifies ``node`` when ids are not shared.

    An article's heading is short, so its clauses' texts are added to it.
    """
    if node.type != NodeType.ARTICLE:
        return node.plain()
    return " ".join([node.plain(), *(n.plain() for n in nodes if n.parent == node.id)])
