"""How the paragraphs of a Word file read in one view of its tracked changes: one line of text each.

A paragraph whose mark is deleted in the view joins the next one, as Word shows it; a line
knows its paragraph number, list signature, bookmarks, cross-references and comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ooxml.views import TrackedMark, View, present
from ._ooxml import RawParagraph

_LABEL = re.compile(
    r"^(?P<open>\()?(?P<token>\d+(?:\.\d+)*|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)(?P<close>[.)]|\.(?=\d))?"
    r"(?P<space>[ \t\u00a0]+)(?P<rest>\S.*)$", re.S)


@dataclass(slots=True)
class Line:
    """The text of one paragraph (or of several joined by deleted marks) in one view."""

    index: int
    text: str
    numbering: tuple[str, int] | None
    refs: list[tuple[int, int, str]] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    changes: list[tuple[TrackedMark, str]] = field(default_factory=list)
    centred: bool = False
    in_table: bool = False
    column: int | None = None
    outline: int | None = None
    number: int | None = None


def lines(paragraphs: list[RawParagraph], view: View) -> list[Line]:
    """Return the non-empty lines of ``paragraphs`` as they read in ``view``."""
    out: list[Line] = []
    carry: Line | None = None
    shaped: RawParagraph | None = None
    for p in paragraphs:
        line = carry or Line(p.index, "", None)
        if not line.text.strip():
            line.index = p.index
        shown = False
        for piece in p.pieces:
            if piece.change is not None:
                line.changes.append((piece.change, piece.text))
            if not present(piece.change, view):
                continue
            shown = shown or bool(piece.text.strip())
            start = len(line.text)
            line.text += piece.text
            if piece.ref:
                if line.refs and line.refs[-1][1] == start and line.refs[-1][2] == piece.ref:
                    line.refs[-1] = (line.refs[-1][0], len(line.text), piece.ref)
                else:
                    line.refs.append((start, len(line.text), piece.ref))
        gone = p.mark is not None and not present(p.mark, view)
        if shown or not (gone or (carry is not None and carry.text.strip())):
            # a paragraph gone whole in this view names no node: its bookmarks go with it
            line.bookmarks += p.bookmarks
        line.comments += p.comments
        if shown or shaped is None:
            shaped = p
        if gone:
            carry = line
            continue
        carry = None
        line.numbering, line.centred, line.in_table = shaped.numbering, shaped.centred, shaped.in_table
        line.column, line.outline, line.number = shaped.column, shaped.outline, shaped.number
        shaped = None
        stripped = line.text.strip()
        if not stripped:
            if out and (line.comments or line.changes):
                out[-1].comments += line.comments
                out[-1].changes += line.changes
            continue
        lead = len(line.text) - len(line.text.lstrip())
        line.refs = [(a - lead, b - lead, name) for a, b, name in line.refs]
        line.text = stripped
        out.append(line)
    return out


def typed_label(text: str) -> tuple[str, str, str] | None:
    """Return (signature, token, rest) of a typed number such as "(1) ..." or "a. ...", else ``None``.

    The signature replaces the number by its kind: "(1)", "a.", "1.1", "(i)"; an ambiguous
    letter such as "i" is reported as a letter and resolved by the caller.
    """
    m = _LABEL.match(text)
    if m is None:
        return None
    token, opened, close = m.group("token"), m.group("open") or "", m.group("close") or ""
    if opened and close != ")":
        return None
    if not opened and not close and "." not in token:
        return None
    if len(token) > 1 and not token[0].isdigit() and not re.fullmatch(r"[ivxlcdm]+|[IVXLCDM]+", token):
        return None
    return f"{opened}{kind(token)}{close}", token, m.group("rest")


def kind(token: str) -> str:
    """Return the counter kind of a label token: "1", "1.1", "a", "A", "i" or "I"."""
    if token[0].isdigit():
        return re.sub(r"\d+", "1", token)
    if len(token) > 1:
        return "i" if token.islower() else "I"
    return "a" if token.islower() else "A"


def normalise(signature: str) -> str:
    """Return a Word list signature in the form :func:`typed_label` gives ("3.1" -> "1.1")."""
    return re.sub(r"\d+", "1", signature)
