"""A Word document as a reader sees it with every tracked change accepted, or every one rejected.

One reading of tracked changes and of complex fields serves the importer (which reads a
counterpart's file piece by piece) and the redline's proof (which checks that accepting gives the
new draft and rejecting the old): :class:`TrackedMark` and :func:`present` decide what a view
shows, :class:`Fields` follows ``w:fldChar`` begin … separate … end.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .names import W

CHANGE_KINDS = {f"{W}ins": "ins", f"{W}moveTo": "ins", f"{W}del": "del", f"{W}moveFrom": "del"}
"""The elements that hold tracked content, and whether their content was inserted or deleted."""

FIELD = "[[FIELD]]"
"""What :func:`project` shows for a field (its cached result depends on the reader's numbering)."""


@dataclass(frozen=True, slots=True)
class TrackedMark:
    """A tracked change: inserted (``ins``) or deleted (``del``), by whom and when (``None``: unknown)."""

    kind: str
    author: str
    date: str | None = None


View = Callable[[TrackedMark], bool]
"""Whether a tracked change is applied (accepted) in a view of the document."""


def accepted(_: TrackedMark) -> bool:
    """Return ``True``: the view with every tracked change accepted."""
    return True


def rejected(_: TrackedMark) -> bool:
    """Return ``False``: the view with every tracked change rejected."""
    return False


def present(change: TrackedMark | None, view: View) -> bool:
    """Return whether content under ``change`` is there in ``view``."""
    if change is None:
        return True
    return view(change) == (change.kind == "ins")


def mark_of(el: Any) -> TrackedMark:
    """Return the tracked change an ``w:ins``/``w:del``/``w:moveFrom``/``w:moveTo`` element records."""
    return TrackedMark(CHANGE_KINDS[el.tag], el.get(f"{W}author") or "unknown", el.get(f"{W}date"))


def change_of(el: Any, p: Any) -> TrackedMark | None:
    """Return the tracked change ``el`` sits in inside paragraph ``p``, or ``None`` for untracked content."""
    node = el.getparent()
    while node is not None and node is not p:
        if node.tag in CHANGE_KINDS:
            return mark_of(node)
        node = node.getparent()
    return None


class Fields:
    """The complex fields open at a point of a paragraph, fed its elements in document order."""

    def __init__(self) -> None:
        self._open: list[list[str]] = []  # per open field: [instruction, "instr" | "result"]

    def feed(self, el: Any) -> str | None:
        """Take ``el``: return ``"begin"``, ``"separate"``, ``"end"`` or ``"instr"`` when it is part of a
        field's frame or instruction, ``None`` when it is not."""
        tag = el.tag
        if tag == f"{W}fldChar":
            kind = str(el.get(f"{W}fldCharType"))
            if kind == "begin":
                self._open.append(["", "instr"])
            elif kind == "separate" and self._open:
                self._open[-1][1] = "result"
            elif kind == "end" and self._open:
                self._open.pop()
            return kind
        if tag in (f"{W}instrText", f"{W}delInstrText"):
            if self._open:
                self._open[-1][0] += el.text or ""
            return "instr"
        return None

    @property
    def depth(self) -> int:
        """How many fields are open (0: none)."""
        return len(self._open)

    @property
    def instruction(self) -> str:
        """The instruction of the innermost open field ("REF _Ref12 \\r \\h"), ``""`` outside fields."""
        return self._open[-1][0] if self._open else ""

    @property
    def in_instruction(self) -> bool:
        """Whether the point is inside the innermost field's instruction (its text is not shown)."""
        return bool(self._open) and self._open[-1][1] == "instr"

    @property
    def in_result(self) -> bool:
        """Whether the point is inside the innermost field's cached result."""
        return bool(self._open) and self._open[-1][1] == "result"


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph as a reader sees it after accepting or rejecting: list level (or None) and text."""

    level: int | None
    text: str


def document_xml(source: str | os.PathLike[str] | bytes) -> Any:
    """Return the parsed ``word/document.xml`` of a DOCX given as a path or bytes (a file we wrote)."""
    from lxml import etree

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def body_paragraphs(root: Any) -> Iterator[Any]:
    """Yield the top-level ``w:p`` of the document's body."""
    body = root.find(f"{W}body")
    return (p for p in body if p.tag == f"{W}p")


def _level(ppr: Any) -> int | None:
    if ppr is None:
        return None
    ilvl = ppr.find(f"{W}numPr/{W}ilvl")
    return int(ilvl.get(f"{W}val")) if ilvl is not None else None


def _text(p: Any, view: View) -> str:
    out: list[str] = []
    fields = Fields()
    for r in p.iter(f"{W}r"):
        if not present(change_of(r, p), view) or r.getparent().getparent().tag == f"{W}rPr":
            continue
        for child in r:
            kind = fields.feed(child)
            if kind == "end":
                out.append(FIELD)
            elif kind is not None:
                continue
            elif child.tag in (f"{W}t", f"{W}delText") and not fields.in_result:
                out.append(child.text or "")
            elif child.tag == f"{W}tab":
                out.append("\t")
    return "".join(out)


def project(source: str | os.PathLike[str] | bytes, *, accept: bool) -> list[Para]:
    """Return the paragraphs of a DOCX with every change accepted (``accept``) or rejected."""
    view = accepted if accept else rejected
    out: list[Para] = []
    pending = ""
    merge_mark = f"{W}del" if accept else f"{W}ins"
    for p in body_paragraphs(document_xml(source)):
        ppr = p.find(f"{W}pPr")
        text = pending + _text(p, view)
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
