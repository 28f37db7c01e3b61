"""Which nodes and texts an agreement holds, each with its path (``articles[2].clauses[0]``).

:func:`iter_body` is the one walk over the body (recitals, articles, clauses, points at any
depth); numbering, the diff, the importer, the redline and the checks all walk through it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ._agreement import Agreement
from ._article import Point

PathPart = str | int
Path = tuple[PathPart, ...]


def format_path(path: Path) -> str:
    """Return ``("articles", 2, "text")`` written as ``"articles[2].text"``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def parse_path(text: str) -> Path:
    """Return ``"articles[2].text"`` read back as ``("articles", 2, "text")``; the inverse of :func:`format_path`."""
    parts: list[PathPart] = []
    for chunk in text.replace("]", "").split("."):
        name, *indices = chunk.split("[")
        if name:
            parts.append(name)
        parts.extend(int(i) for i in indices)
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class NodeText:
    """One text of the agreement: where it is, which node it belongs to, and its value."""

    path: Path
    node: str | None
    value: str | dict[str, str]


BodyKind = Literal["recital", "article", "clause", "point"]


class BodyNode(NamedTuple):
    """One recital, article, clause or point met by :func:`iter_body`.

    ``parent`` is the id of the article, clause or point it hangs below (``None`` for recitals and
    articles); ``place`` its 0-based place among its siblings; ``positions`` the 0-based places
    from the top (a recital's own; article, clause, each level of points); ``text`` an article's
    heading or the node's text. A tuple, as numbering and the diff walk every node.
    """

    kind: BodyKind
    id: str
    parent: str | None
    place: int
    positions: tuple[int, ...]
    text: str | dict[str, str]

    @property
    def path(self) -> Path:
        """Where the node is in the data: ``("articles", 2, "clauses", 0, "points", 1)``."""
        if self.kind == "recital":
            return ("recitals", self.positions[0])
        out: list[PathPart] = ["articles", self.positions[0]]
        for depth, position in enumerate(self.positions[1:]):
            out += ["clauses" if depth == 0 else "points", position]
        return tuple(out)

    @property
    def text_path(self) -> Path:
        """The path of the node's text: ``...heading`` for an article, ``...text`` otherwise."""
        return (*self.path, "heading" if self.kind == "article" else "text")


def iter_body(agreement: Agreement) -> Iterator[BodyNode]:
    """Yield the recitals, then every article, clause and point (depth first), in document order."""
    make = _make  # the tuple built directly: numbering and the diff walk every node, several times a diff
    for i, recital in enumerate(agreement.recitals):
        yield make(BodyNode, ("recital", recital.id, None, i, (i,), recital.text))
    for a, article in enumerate(agreement.articles):
        article_id = article.id
        yield make(BodyNode, ("article", article_id, None, a, (a,), article.heading))
        for c, clause in enumerate(article.clauses):
            yield make(BodyNode, ("clause", clause.id, article_id, c, (a, c), clause.text))
            if clause.points:
                yield from _points(clause.points, clause.id, (a, c))


def _points(points: list[Point], parent: str, at: tuple[int, ...]) -> Iterator[BodyNode]:
    make = _make
    for p, point in enumerate(points):
        here = (*at, p)
        yield make(BodyNode, ("point", point.id, parent, p, here, point.text))
        if point.points:
            yield from _points(point.points, point.id, here)


_make = tuple.__new__
"""``BodyNode``'s fields as a tuple of its class, without the Python-level ``__new__`` of a NamedTuple."""


def iter_ids(agreement: Agreement) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, id)`` for every node that has an id, in document order."""
    for i, party in enumerate(agreement.parties):
        yield ("parties", i, "id"), party.id
    for i, recital in enumerate(agreement.recitals):
        yield ("recitals", i, "id"), recital.id
    for i, term in enumerate(agreement.defined_terms):
        yield ("defined_terms", i, "id"), term.id
    for i, annex in enumerate(agreement.annexes):
        yield ("annexes", i, "id"), annex.id
    for node in iter_body(agreement):
        if node.kind != "recital":
            yield (*node.path, "id"), node.id


def iter_texts(agreement: Agreement) -> Iterator[NodeText]:
    """Yield every text that may hold ``{{ variables }}`` or ``[[references]]``."""
    yield NodeText(("title",), None, agreement.title)
    for i, recital in enumerate(agreement.recitals):
        yield NodeText(("recitals", i, "text"), recital.id, recital.text)
    for i, term in enumerate(agreement.defined_terms):
        if term.definition is not None:
            yield NodeText(("defined_terms", i, "definition"), term.id, term.definition)
    for i, annex in enumerate(agreement.annexes):
        if annex.text is not None:
            yield NodeText(("annexes", i, "text"), annex.id, annex.text)
    for node in iter_body(agreement):
        if node.kind != "recital":
            yield NodeText(node.text_path, node.id, node.text)


def point_depth(points: list[Point]) -> int:
    """Return how many levels of points hang below a clause (0 for none)."""
    return max((1 + point_depth(p.points) for p in points), default=0)
