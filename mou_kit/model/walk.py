"""Which nodes and texts an agreement holds, each with its path (``articles[2].clauses[0]``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .agreement import Agreement
from .article import Point

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
    for a, article in enumerate(agreement.articles):
        yield ("articles", a, "id"), article.id
        for c, clause in enumerate(article.clauses):
            yield ("articles", a, "clauses", c, "id"), clause.id
            yield from _point_ids(clause.points, ("articles", a, "clauses", c))


def _point_ids(points: list[Point], parent: Path) -> Iterator[tuple[Path, str]]:
    for p, point in enumerate(points):
        yield (*parent, "points", p, "id"), point.id
        yield from _point_ids(point.points, (*parent, "points", p))


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
    for a, article in enumerate(agreement.articles):
        yield NodeText(("articles", a, "heading"), article.id, article.heading)
        for c, clause in enumerate(article.clauses):
            yield NodeText(("articles", a, "clauses", c, "text"), clause.id, clause.text)
            yield from _point_texts(clause.points, ("articles", a, "clauses", c))


def _point_texts(points: list[Point], parent: Path) -> Iterator[NodeText]:
    for p, point in enumerate(points):
        path = (*parent, "points", p)
        yield NodeText((*path, "text"), point.id, point.text)
        yield from _point_texts(point.points, path)


def point_depth(points: list[Point]) -> int:
    """Return how many levels of points hang below a clause (0 for none)."""
    return max((1 + point_depth(p.points) for p in points), default=0)
