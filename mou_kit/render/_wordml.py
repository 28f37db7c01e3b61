"""The paragraphs of a Word body written as WordprocessingML text and parsed once, not built node by node.

python-docx builds every paragraph, run and property through proxy objects, and each insertion
searches its parent for the place the schema gives it; an agreement of 10,000 clauses spent
four seconds there. The writer makes one string per paragraph instead, and :class:`Blocks`
parses all the blocks of a container at once and puts them before the body's ``w:sectPr`` (or
into a table cell) in one go (ADR 0087). The XML is what python-docx's proxies wrote, byte for
byte (``tests/render/test_docx_xml.py``): properties in schema order, an empty ``w:rPr`` on a run
that is not bold, ``xml:space="preserve"`` where spaces at either end count.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from ..ooxml.names import W_NS

_BREAKS = re.compile(r"([\t\r\n])")
_BOLD = "<w:rPr><w:b/></w:rPr>"


def _t(text: str) -> str:
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{escape(text, quote=False)}</w:t>"


def _content(text: str) -> str:
    """A run's content as python-docx writes a text: ``w:t``, with ``w:tab`` and ``w:br`` for tabs and line ends."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text) if text else ""
    pieces = (("<w:tab/>" if s == "\t" else "<w:br/>") if s in "\t\r\n" else _t(s)
              for s in _BREAKS.split(text) if s)
    return "".join(pieces)


def run(text: str, *, bold: bool = False) -> str:
    """Return a run of ``text``, bold or with an empty ``w:rPr`` (what setting ``bold = None`` leaves)."""
    return f"<w:r>{_BOLD if bold else '<w:rPr/>'}{_content(text) or '<w:t></w:t>'}</w:r>"


def plain_run(text: str, *, bold: bool) -> str:
    """Return a run as python-docx's ``add_run(text)`` writes it (no ``w:t`` for no text), bold set."""
    return f"<w:r>{_BOLD if bold else '<w:rPr/>'}{_content(text)}</w:r>"


def field(instruction: str, cached: str, *, bold: bool = False) -> str:
    """Return the runs of a complex field (``w:fldChar`` begin/separate/end) showing ``cached``."""
    rpr = _BOLD if bold else ""
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> {escape(instruction, quote=False)} </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr}<w:t xml:space="preserve">{escape(cached, quote=False)}</w:t></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


def properties(*, style: str | None = None, keep: bool = False, num: int | None = None,
               after: int | None = None, before: int | None = None, centre: bool = False) -> str:
    """Return a ``w:pPr`` with its children in the schema's order (``""`` when there are none).

    ``after`` and ``before`` are spacings in twentieths of a point; ``num`` makes the paragraph
    an item of that list at level 0.
    """
    out = f'<w:pStyle w:val="{escape(style)}"/>' if style else ""
    if keep:
        out += "<w:keepNext/>"
    if num is not None:
        out += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
    if after is not None or before is not None:
        out += "<w:spacing" + (f' w:after="{after}"' if after is not None else "") + \
               (f' w:before="{before}"' if before is not None else "") + "/>"
    if centre:
        out += '<w:jc w:val="center"/>'
    return f"<w:pPr>{out}</w:pPr>" if out else ""


def paragraph(ppr: str, content: str, bookmark: tuple[int, str] | None = None) -> str:
    """Return a ``w:p`` of ``ppr`` and ``content``, the content wrapped in ``bookmark`` (id, name) when given."""
    if bookmark is None:
        return f"<w:p>{ppr}{content}</w:p>"
    number, name = bookmark
    return (f'<w:p>{ppr}<w:bookmarkStart w:id="{number}" w:name="{escape(name)}"/>{content}'
            f'<w:bookmarkEnd w:id="{number}"/></w:p>')


def parse(fragments: list[str]) -> list[Any]:
    """Return the elements of ``fragments`` (each one element), parsed at once with python-docx's classes."""
    from docx.oxml.parser import parse_xml

    wrapper = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(fragments)}</w:body>')
    elements = list(wrapper)
    if len(elements) != len(fragments):
        raise AssertionError(f"{len(fragments)} blocks written, {len(elements)} parsed")
    return elements


class Blocks:
    """The paragraphs written into one container: the body, before its ``w:sectPr``, or a table cell.

    :meth:`add` keeps a paragraph's text; :meth:`flush` parses what was added and puts it in
    place, and records each named paragraph's element in ``places``. In a cell, the empty
    paragraph a new cell holds gives way to the written ones, and every paragraph takes ``style``.
    """

    def __init__(self, parent: Any, places: dict[str, Any], *, before: Any = None, style: str | None = None,
                 cell: bool = False) -> None:
        self.parent, self.places, self.before, self.style, self.cell = parent, places, before, style, cell
        self._parts: list[str] = []
        self._names: list[tuple[int, str]] = []

    def add(self, xml: str, *names: str) -> None:
        """Add the paragraph ``xml``, known in ``places`` by each of ``names``."""
        self._names.extend((len(self._parts), name) for name in names)
        self._parts.append(xml)

    def flush(self) -> None:
        """Parse the paragraphs added since the last flush and put them into the container."""
        if self.cell:
            for old in self.parent.findall(f"{{{W_NS}}}p"):
                self.parent.remove(old)
            if not self._parts:
                self._parts.append(paragraph(properties(style=self.style), ""))
        if not self._parts:
            return
        elements = parse(self._parts)
        for index, name in self._names:
            self.places[name] = elements[index]
        if self.before is not None:
            for element in elements:
                self.before.addprevious(element)
        else:
            self.parent.extend(elements)
        self._parts, self._names = [], []
