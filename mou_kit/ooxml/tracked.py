"""Raw WordprocessingML for tracked changes: revision marks, move ranges, list numbering.

python-docx has no API for revisions, so every revision element the package writes (the redline,
the stand-in counterpart of the demo and tests) is built here and nowhere else. Ids come from one
counter per document, so no two revision or range elements share an id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any, Literal

from docx.oxml import OxmlElement

from .names import XML_SPACE, qn as qn

RevisionKind = Literal["ins", "del", "moveFrom", "moveTo"]
Element = Any


@dataclass(slots=True)
class Revisions:
    """Author, date (``None``: left out, as the schema allows) and the id counter of one document."""

    author: str
    date: str | None
    next_id: int = 1
    counts: dict[str, int] = field(default_factory=dict)

    def take_id(self) -> str:
        """Return a fresh id, unique in the document."""
        value = self.next_id
        self.next_id += 1
        return str(value)

    def element(self, tag: str) -> Element:
        """Return a new ``w:<tag>`` carrying a fresh id, the author and the date."""
        el = OxmlElement(f"w:{tag}")
        el.set(qn("w:id"), self.take_id())
        el.set(qn("w:author"), self.author)
        if self.date is not None:
            el.set(qn("w:date"), self.date)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        return el


@dataclass(frozen=True, slots=True)
class ParaFormat:
    """How a paragraph is laid out: list membership (numId, level), alignment, bold, indent."""

    num: tuple[int, int] | None = None
    center: bool = False
    bold: bool = False
    indent: int = 0
    space_after: int = 120


def _child(parent: Element, tag: str, **attrs: str) -> Element:
    el = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    parent.append(el)
    return el


def paragraph_properties(fmt: ParaFormat) -> Element:
    """Return a ``w:pPr`` for ``fmt`` (its children in schema order)."""
    ppr = OxmlElement("w:pPr")
    if fmt.num is not None:
        num_pr = _child(ppr, "numPr")
        _child(num_pr, "ilvl", val=str(fmt.num[1]))
        _child(num_pr, "numId", val=str(fmt.num[0]))
    _child(ppr, "spacing", after=str(fmt.space_after), line="276", lineRule="auto")
    if fmt.indent:
        _child(ppr, "ind", left=str(fmt.indent))
    _child(ppr, "jc", val="center" if fmt.center else "both")
    return ppr


def new_paragraph(fmt: ParaFormat, cache: dict[ParaFormat, Element] | None = None) -> Element:
    """Return an empty ``w:p`` laid out as ``fmt`` (its ``w:pPr`` copied from ``cache`` when given)."""
    p = OxmlElement("w:p")
    if cache is None:
        p.append(paragraph_properties(fmt))
        return p
    template = cache.get(fmt)
    if template is None:
        template = cache[fmt] = paragraph_properties(fmt)
    p.append(deepcopy(template))
    return p


def text_run(text: str, *, deleted: bool = False, bold: bool = False) -> Element:
    """Return a ``w:r`` holding ``text`` (as ``w:delText`` when ``deleted``)."""
    r = OxmlElement("w:r")
    if bold:
        rpr = _child(r, "rPr")
        _child(rpr, "b")
    t = _child(r, "delText" if deleted else "t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return r


def wrap(runs: Sequence[Element], kind: RevisionKind, revisions: Revisions) -> Element:
    """Return ``runs`` inside one ``w:ins``/``w:del``/``w:moveFrom``/``w:moveTo``."""
    el = revisions.element(kind)
    for r in runs:
        el.append(r)
    return el


def mark_paragraph(p: Element, kind: Literal["ins", "del"], revisions: Revisions) -> None:
    """Mark the paragraph mark of ``p`` as inserted or deleted (``w:pPr/w:rPr/w:ins|w:del``)."""
    ppr = p.find(qn("w:pPr"))
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        change = ppr.find(qn("w:pPrChange"))
        if change is not None:
            change.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, revisions.element(kind))


def change_properties(p: Element, old: ParaFormat, revisions: Revisions) -> None:
    """Record that the paragraph's properties were ``old`` before (``w:pPrChange``)."""
    ppr = p.find(qn("w:pPr"))
    change = revisions.element("pPrChange")
    change.append(paragraph_properties(old))
    ppr.append(change)


def range_start(kind: Literal["moveFrom", "moveTo"], name: str, revisions: Revisions) -> tuple[Element, str]:
    """Return a ``w:moveFromRangeStart``/``w:moveToRangeStart`` named ``name``, and its id."""
    el = revisions.element(f"{kind}RangeStart")
    el.set(qn("w:name"), name)
    return el, str(el.get(qn("w:id")))


def range_end(kind: Literal["moveFrom", "moveTo"], range_id: str) -> Element:
    """Return the end of the move range ``range_id``."""
    el = OxmlElement(f"w:{kind}RangeEnd")
    el.set(qn("w:id"), range_id)
    return el


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list: counter format ("decimal", "lowerLetter"), text ("(%2)"), indents, alignment."""

    fmt: str
    text: str
    left: int
    hanging: int
    center: bool = False


def add_list(numbering: Element, levels: Iterable[Level]) -> int:
    """Add a multi-level list to ``numbering`` (the ``w:numbering`` root) and return its numId."""
    abstract_ids = [int(e.get(qn("w:abstractNumId"))) for e in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(e.get(qn("w:numId"))) for e in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    _child(abstract, "multiLevelType", val="multilevel")
    for ilvl, level in enumerate(levels):
        lvl = _child(abstract, "lvl", ilvl=str(ilvl))
        _child(lvl, "start", val="1")
        _child(lvl, "numFmt", val=level.fmt)
        _child(lvl, "suff", val="nothing" if level.center else "tab")
        _child(lvl, "lvlText", val=level.text)
        _child(lvl, "lvlJc", val="center" if level.center else "left")
        ppr = _child(lvl, "pPr")
        if not level.center:
            _child(ppr, "ind", left=str(level.left), hanging=str(level.hanging))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = _child(numbering, "num", numId=str(num_id))
    _child(num, "abstractNumId", val=str(abstract_id))
    return num_id


def repeat_header(tr: Element) -> None:
    """Make the table row ``tr`` repeat at the top of every page (``w:trPr/w:tblHeader``)."""
    trpr = tr.get_or_add_trPr()
    _child(trpr, "tblHeader")
