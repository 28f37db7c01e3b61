"""How a printed cross-reference splits into words and numbers, so each number can be a field.

"Pasal 3 ayat (2) huruf b" cites three nodes: the article ("Pasal 3"), the clause ("(2)") and
the point ("b"). A DOCX writes each number as a REF field on that node's bookmark and the words
between them as text, so Word and LibreOffice recompute each number from the list it belongs to.
"""

from __future__ import annotations

import re

from .outline import ArticleBlock, Outline, PointBlock

Chain = list[tuple[str, str]]
"""The nodes from an article down to a target, each as (node id, label printed at it)."""


def chains(doc: Outline) -> dict[str, Chain]:
    """Return, for every article, clause and point of ``doc``, the chain of nodes from its article."""
    out: dict[str, Chain] = {}

    def points(ps: list[PointBlock], above: Chain) -> None:
        for p in ps:
            out[p.node] = [*above, (p.node, p.label)]
            points(p.points, out[p.node])

    def article(a: ArticleBlock) -> None:
        out[a.node] = [(a.node, a.label)]
        for c in a.clauses:
            out[c.node] = [*out[a.node], (c.node, c.label)] if c.label else list(out[a.node])
            points(c.points, out[c.node])

    for a in doc.articles:
        article(a)
    return out


def split_citation(text: str, chain: Chain) -> list[tuple[str, str | None]]:
    """Return ``text`` as pieces ``(text, node id or None for words)``, deepest number last.

    A node's number is found as its label, or its label without a final full stop ("b." is
    cited "huruf b"), as a whole word; nodes the citation leaves out ("ayat (2)" inside the same
    article) are skipped, and whatever cannot be matched stays words.
    """
    pieces: list[tuple[str, str | None]] = []
    rest = text
    for node, label in reversed(chain):
        forms = [label, label[:-1]] if label.endswith(".") else [label]
        found = None
        for form in forms:
            if not form:
                continue
            before = r"(?<!\w)" if form[0].isalnum() else ""
            after = r"(?!\w)" if form[-1].isalnum() else ""
            matches = list(re.finditer(before + re.escape(form) + after, rest))
            if matches:
                found = matches[-1]
                break
        if found is None:
            continue
        tail = rest[found.end():]
        if tail:
            pieces.insert(0, (tail, None))
        pieces.insert(0, (found.group(0), node))
        rest = rest[:found.start()]
    if rest:
        pieces.insert(0, (rest, None))
    return pieces
