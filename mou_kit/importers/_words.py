"""Where every word of the file went: placed in a node of the agreement, read as structure, or noted.

The import report promises that nothing is dropped silently; this module keeps that promise by
counting the words of every line of the accepted view and naming, with its paragraph, any line
that no part of the importer took.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ._lines import Line
from ._result import Unplaced, WordCount
from ._structure import Layout, Parsed

_WORD = re.compile(r"[^\W_]")


def words(text: str) -> int:
    """Return how many words ``text`` holds: whitespace-separated tokens with a letter or digit."""
    return sum(1 for token in text.split() if _WORD.search(token))


def _parsed_lines(nodes: Iterable[Parsed]) -> Iterator[Line]:
    for node in nodes:
        yield node.line
        if node.heading_line is not None:
            yield node.heading_line
        yield from node.appended
        yield from _parsed_lines(node.children)


def account(all_lines: list[Line], found: Layout, noted: list[Unplaced],
            placed_elsewhere: Iterable[Line]) -> tuple[WordCount, list[Unplaced]]:
    """Return the word count of ``all_lines`` and notes for the lines nothing took.

    ``noted`` are the notes already made (those kept on no node count as noted words);
    ``placed_elsewhere`` are lines the head of the agreement took (title, parties, signatures).
    """
    taken: set[int] = {line.index for line in [*found.title, *found.cover, *found.tail, *found.prose,
                                               *found.parties, *placed_elsewhere]}
    taken |= {line.index for line in _parsed_lines([*found.recitals, *found.articles])}
    noted_at = {u.paragraph for u in noted if u.node is None}
    kept_at = {u.paragraph for u in noted if u.node is not None}
    count = WordCount()
    extra: list[Unplaced] = []
    for line in all_lines:
        n = words(line.text)
        count.source += n
        if line.index in noted_at:
            count.noted += n
        elif line.index in taken or line.index in kept_at:
            count.placed += n
        else:
            extra.append(Unplaced(line.index, line.text, None, "a paragraph the importer could not place"))
            count.noted += n
    return count, extra
