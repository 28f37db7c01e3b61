"""Which words changed inside one text: tokens, a bounded sequence match, and readable operations.

A text is split into words, single punctuation marks and runs of whitespace, so "informasi;"
against "informasi" is one deleted ";". Tokens are compared with difflib's SequenceMatcher
(autojunk off); texts too long for a token-by-token match are first matched sentence by
sentence, so a huge or repetitive clause costs at most a bounded amount of work.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\s+|[^\w\s]", re.UNICODE)
_SENTENCE_END = frozenset({".", ";", ":", "!", "?"})

MAX_PAIRS = 250_000
"""Largest product of token counts matched token by token; above it texts are matched by sentence."""

MAX_CHUNK_PAIRS = 1_000_000
"""Largest product of sentence counts matched at all; above it the text is replaced whole."""


class OpKind(StrEnum):
    """What happened to a stretch of text."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class WordOp:
    """A stretch of text that is kept, deleted or inserted."""

    op: OpKind
    text: str


def tokens(text: str) -> list[str]:
    """Return ``text`` split into words, punctuation marks and whitespace runs (joining gives ``text``)."""
    return _TOKEN.findall(text)


def _is_tiny(items: Sequence[Hashable]) -> bool:
    """Whether an unchanged island is too small to show between two changes (whitespace or one short word)."""
    words = [t for t in items if isinstance(t, str) and t.strip()]
    return not words or (len(words) == 1 and len(words[0]) <= 3)


def _raw_opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """Return difflib-style opcodes between ``a`` and ``b``, bounded in cost."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    out: list[tuple[str, int, int, int, int]] = []
    if start:
        out.append(("equal", 0, start, 0, start))
    out += _middle(a, b, start, end_a, start, end_b)
    if end_a < len(a):
        out.append(("equal", end_a, len(a), end_b, len(b)))
    return out


def _middle(a: Sequence[Hashable], b: Sequence[Hashable],
            a0: int, a1: int, b0: int, b1: int) -> list[tuple[str, int, int, int, int]]:
    if a0 == a1 and b0 == b1:
        return []
    if a0 == a1:
        return [("insert", a0, a1, b0, b1)]
    if b0 == b1:
        return [("delete", a0, a1, b0, b1)]
    if (a1 - a0) * (b1 - b0) <= MAX_PAIRS:
        matcher = SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
        return [(tag, i1 + a0, i2 + a0, j1 + b0, j2 + b0) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    return _by_sentence(a, b, a0, a1, b0, b1)


def _sentences(items: Sequence[Hashable], lo: int, hi: int) -> list[tuple[int, int]]:
    spans, start = [], lo
    for i in range(lo, hi):
        if items[i] in _SENTENCE_END or (isinstance(items[i], str) and "\n" in str(items[i])):
            spans.append((start, i + 1))
            start = i + 1
    if start < hi:
        spans.append((start, hi))
    return spans


def _by_sentence(a: Sequence[Hashable], b: Sequence[Hashable],
                 a0: int, a1: int, b0: int, b1: int) -> list[tuple[str, int, int, int, int]]:
    sa, sb = _sentences(a, a0, a1), _sentences(b, b0, b1)
    if len(sa) * len(sb) > MAX_CHUNK_PAIRS or (len(sa) == 1 and len(sb) == 1):
        return [("replace", a0, a1, b0, b1)]
    ka = [tuple(a[i:j]) for i, j in sa]
    kb = [tuple(b[i:j]) for i, j in sb]
    out: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        x0 = sa[i1][0] if i1 < len(sa) else a1
        x1 = sa[i2 - 1][1] if i2 > i1 else x0
        y0 = sb[j1][0] if j1 < len(sb) else b1
        y1 = sb[j2 - 1][1] if j2 > j1 else y0
        if tag == "equal":
            out.append(("equal", x0, x1, y0, y1))
        elif tag == "replace" and (x1 - x0) * (y1 - y0) <= MAX_PAIRS:
            out += _middle(a, b, x0, x1, y0, y1)
        else:
            out.append((tag, x0, x1, y0, y1))
    return out


Opcode = tuple[str, int, int, int, int]


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """Return readable opcodes (``equal``/``delete``/``insert``/``replace``) turning ``a`` into ``b``.

    An unchanged island of whitespace or one short word between two changes is folded into
    them, so the result reads as whole phrases replaced rather than letters shuffled.
    """
    raw = [op for op in _raw_opcodes(a, b) if op[1] != op[2] or op[3] != op[4]]
    merged: list[Opcode] = []
    for i, op in enumerate(raw):
        tag, i1, i2, j1, j2 = op
        tiny_island = (
            tag == "equal" and 0 < i < len(raw) - 1 and merged and merged[-1][0] != "equal"
            and _is_tiny(a[i1:i2])
        )
        if tiny_island or (tag != "equal" and merged and merged[-1][0] != "equal"):
            _, p1, _, q1, _ = merged.pop()
            merged.append(("replace", p1, i2, q1, j2))
        else:
            merged.append(op)
    out: list[Opcode] = []
    for tag, i1, i2, j1, j2 in merged:
        if tag == "replace" and i1 == i2:
            tag = "insert"
        elif tag == "replace" and j1 == j2:
            tag = "delete"
        out.append((tag, i1, i2, j1, j2))
    return out


def word_ops(old: str, new: str) -> list[WordOp]:
    """Return the operations that turn ``old`` into ``new``, word by word (a deletion before its insertion)."""
    a, b = tokens(old), tokens(new)
    out: list[WordOp] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "equal":
            out.append(WordOp(OpKind.EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(WordOp(OpKind.DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            out.append(WordOp(OpKind.INSERT, "".join(b[j1:j2])))
    return out


def apply_ops(ops: Sequence[WordOp], *, accept: bool) -> str:
    """Return the new text (``accept``) or the old text (not ``accept``) the operations describe."""
    drop = OpKind.DELETE if accept else OpKind.INSERT
    return "".join(op.text for op in ops if op.op != drop)
