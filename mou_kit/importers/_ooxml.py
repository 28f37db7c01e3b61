"""The raw WordprocessingML an importer needs and python-docx does not expose: the text of each
paragraph with its tracked changes, list numbering, bookmarks, REF fields and comment anchors.

python-docx's ``Paragraph.text`` drops ``w:ins``/``w:del`` content without a word, so the text is
read here from the XML, piece by piece, each piece knowing which tracked change (if any) it is in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..ooxml.names import W as W
from ..ooxml.views import (
    CHANGE_KINDS as _CHANGE_KINDS,
    Fields,
    TrackedMark as TrackedMark,
    View as View,
    accepted as accepted,
    change_of,
    mark_of,
    present as present,
    rejected as rejected,
)

_REF = re.compile(r"^\s*REF\s+(\S+)")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of paragraph text: its tracked change, if any, and the bookmark a REF field points at."""

    text: str
    change: TrackedMark | None = None
    ref: str | None = None


@dataclass(slots=True)
class RawParagraph:
    """One ``w:p`` of the body, as read: pieces, paragraph-mark change, list, bookmarks, comments."""

    index: int
    pieces: list[Piece]
    mark: TrackedMark | None = None
    numbering: tuple[str, int] | None = None
    """The list signature ("(1)", "a.", "1.1") and level when Word numbers the paragraph."""
    bookmarks: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    centred: bool = False
    in_table: bool = False
    column: int | None = None
    """Which cell of its row of a top-level table the paragraph is in (``None``: not in a table)."""
    number: int | None = None
    """The value Word's list counter gives the paragraph at its level (restarts and overrides applied)."""
    outline: int | None = None
    """The outline level (0 for Heading 1) its style or its own ``w:outlineLvl`` gives, else ``None``."""


_FORMATS = {"decimal": "1", "decimalZero": "1", "lowerLetter": "a", "upperLetter": "A",
            "lowerRoman": "i", "upperRoman": "I", "bullet": "*"}


def _signature(levels: dict[int, tuple[str, str]], ilvl: int) -> str | None:
    fmt, text = levels.get(ilvl, ("", ""))
    if fmt in ("none", "") and not text:
        return None

    def sub(m: re.Match[str]) -> str:
        lvl = int(m.group(1)) - 1
        return _FORMATS.get(levels.get(lvl, ("decimal", ""))[0], "1")

    out = re.sub(r"%(\d)", sub, text) if fmt != "bullet" else "*"
    return out.strip() or None


class Numbering:
    """The list definitions of one document: which signature each (numId, level) prints."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._levels: dict[str, dict[int, tuple[str, str]]] = {}
        self._counter_of: dict[str, str] = {}
        self._starts: dict[tuple[str, int], int] = {}
        self._counts: dict[str, dict[int, int]] = {}
        if numbering is not None:
            abstract: dict[str, dict[int, tuple[str, str]]] = {}
            for el in numbering.iter(f"{W}abstractNum"):
                levels = {}
                aid = el.get(f"{W}abstractNumId", "")
                for lvl in el.iter(f"{W}lvl"):
                    fmt = lvl.find(f"{W}numFmt")
                    text = lvl.find(f"{W}lvlText")
                    ilvl = int(lvl.get(f"{W}ilvl", "0"))
                    levels[ilvl] = (fmt.get(f"{W}val", "") if fmt is not None else "",
                                    text.get(f"{W}val", "") if text is not None else "")
                    self._starts[(aid, ilvl)] = _int(lvl.find(f"{W}start"), 1)
                abstract[aid] = levels
            for num in numbering.iter(f"{W}num"):
                ref = num.find(f"{W}abstractNumId")
                if ref is not None:
                    nid, aid = num.get(f"{W}numId", ""), ref.get(f"{W}val", "")
                    self._levels[nid] = abstract.get(aid, {})
                    self._counter_of[nid] = aid
                    for override in num.iter(f"{W}lvlOverride"):
                        start = override.find(f"{W}startOverride")
                        if start is not None:
                            # a list restarted by an override counts on its own
                            self._counter_of[nid] = f"num:{nid}"
                            ilvl = int(override.get(f"{W}ilvl", "0"))
                            self._starts[(f"num:{nid}", ilvl)] = _int(start, 1)
        self._style_num: dict[str, tuple[str, int]] = {}
        self._outline: dict[str, int] = {}
        if styles is not None:
            based: dict[str, str] = {}
            for style in styles.iter(f"{W}style"):
                sid = style.get(f"{W}styleId", "")
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    self._style_num[sid] = _num_pr(num_pr)
                level = _outline_of(style)
                if level is not None:
                    self._outline[sid] = level
                parent = style.find(f"{W}basedOn")
                if parent is not None:
                    based[sid] = parent.get(f"{W}val", "")
            for sid in based:
                seen, at = {sid}, based.get(sid)
                while sid not in self._outline and at and at not in seen:
                    if at in self._outline:
                        self._outline[sid] = self._outline[at]
                    seen.add(at)
                    at = based.get(at)

    def outline(self, p: Any) -> int | None:
        """Return the outline level of paragraph ``p`` (0: Heading 1), from itself or its style."""
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return None
        own = ppr.find(f"{W}outlineLvl")
        if own is not None:
            level = int(own.get(f"{W}val", "9") or 9)
            return level if level < 9 else None
        style = ppr.find(f"{W}pStyle")
        return self._outline.get(style.get(f"{W}val", "")) if style is not None else None

    def count(self, p: Any) -> int | None:
        """Return the counter value of the numbered paragraph ``p`` and move the list's counters on."""
        found = self._num(p)
        if found is None or found[0] in ("", "0") or found[0] not in self._counter_of:
            return None
        key, ilvl = self._counter_of[found[0]], found[1]
        counts = self._counts.setdefault(key, {})
        value = counts.get(ilvl, self._starts.get((key, ilvl), 1) - 1) + 1
        counts[ilvl] = value
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        return value

    def _num(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return None
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is not None:
            return _num_pr(num_pr)
        style = ppr.find(f"{W}pStyle")
        return self._style_num.get(style.get(f"{W}val", "")) if style is not None else None

    def of(self, p: Any) -> tuple[str, int] | None:
        """Return the list signature and level of paragraph ``p``, or ``None`` when it is not numbered."""
        ppr = p.find(f"{W}pPr")
        found: tuple[str, int] | None = None
        style_id = ""
        if ppr is not None:
            num_pr = ppr.find(f"{W}numPr")
            if num_pr is not None:
                found = _num_pr(num_pr)
            else:
                style = ppr.find(f"{W}pStyle")
                if style is not None:
                    style_id = style.get(f"{W}val", "")
                    found = self._style_num.get(style_id)
        if found is None or found[0] in ("", "0"):
            return None
        signature = _signature(self._levels.get(found[0], {}), found[1])
        if not signature:
            return None
        # list styles ("List Number", "List Number 2") are levels of their own even when they print alike
        return (f"{signature} {style_id}" if style_id else signature, found[1])


_HEADING = re.compile(r"^heading ([1-9])$", re.I)


def _outline_of(style: Any) -> int | None:
    own = style.find(f"{W}pPr/{W}outlineLvl")
    if own is not None:
        level = int(own.get(f"{W}val", "9") or 9)
        return level if level < 9 else None
    name = style.find(f"{W}name")
    m = _HEADING.match(name.get(f"{W}val", "") if name is not None else "")
    return int(m.group(1)) - 1 if m else None


def _int(el: Any, default: int) -> int:
    try:
        return int(el.get(f"{W}val")) if el is not None else default
    except (TypeError, ValueError):
        return default


def _num_pr(num_pr: Any) -> tuple[str, int]:
    ilvl = num_pr.find(f"{W}ilvl")
    num_id = num_pr.find(f"{W}numId")
    return (num_id.get(f"{W}val", "") if num_id is not None else "",
            int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0)


def _own(el: Any, p: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not p:
        if node.tag == f"{W}p" or node.tag == f"{W}pPr":
            return False
        node = node.getparent()
    return True


def paragraph(p: Any, index: int, numbering: Numbering) -> RawParagraph:
    """Return paragraph ``p`` read piece by piece, with its numbering, bookmarks and comments."""
    pieces: list[Piece] = []
    out = RawParagraph(index, pieces, numbering=numbering.of(p), outline=numbering.outline(p))
    if out.numbering is not None:
        out.number = numbering.count(p)
    ppr = p.find(f"{W}pPr")
    if ppr is not None:
        jc = ppr.find(f"{W}jc")
        out.centred = jc is not None and jc.get(f"{W}val") == "center"
        for tag in _CHANGE_KINDS:
            mark = ppr.find(f"{W}rPr/{tag}")
            if mark is not None:
                out.mark = mark_of(mark)
    node = p.getparent()
    while node is not None:
        if node.tag == f"{W}tc":
            out.in_table = True
            row = node.getparent()
            out.column = [c for c in row if c.tag == f"{W}tc"].index(node) if row is not None else None
        node = node.getparent()
    fields = Fields()
    for el in p.iter():
        tag = el.tag
        if not isinstance(tag, str) or el is p or not _own(el, p):
            continue
        if tag == f"{W}bookmarkStart":
            out.bookmarks.append(el.get(f"{W}name", ""))
        elif tag in (f"{W}commentRangeStart", f"{W}commentReference"):
            cid = el.get(f"{W}id", "")
            if cid not in out.comments:
                out.comments.append(cid)
        elif fields.feed(el) is not None:
            continue
        elif tag in (f"{W}t", f"{W}delText", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
            if fields.in_instruction:
                continue
            text = el.text or "" if tag in (f"{W}t", f"{W}delText") else \
                {f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}.get(tag, "\n")
            instruction = fields.instruction if fields.depth else _simple_field(el, p)
            ref = _REF.match(instruction)
            pieces.append(Piece(text, change_of(el, p), ref.group(1) if ref else None))
    return out


def _simple_field(el: Any, p: Any) -> str:
    node = el.getparent()
    while node is not None and node is not p:
        if node.tag == f"{W}fldSimple":
            return str(node.get(f"{W}instr", ""))
        node = node.getparent()
    return ""


def body_paragraphs(body: Any, numbering: Numbering) -> list[RawParagraph]:
    """Return every paragraph of ``body`` (tables included) in reading order, numbered from 1."""
    return [paragraph(p, i, numbering) for i, p in enumerate(body.iter(f"{W}p"), 1)]


def comments(part: Any | None) -> dict[str, tuple[str, str]]:
    """Return the comments of a ``word/comments.xml`` root: id -> (author, text)."""
    out: dict[str, tuple[str, str]] = {}
    if part is None:
        return out
    for c in part.iter(f"{W}comment"):
        texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p")]
        out[c.get(f"{W}id", "")] = (c.get(f"{W}author") or "unknown", "\n".join(t for t in texts if t))
    return out
