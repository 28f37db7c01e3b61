"""Where the places the typst template marked ended up: signature spaces and cross-reference links.

The template does not ask typst where things are (``context here()``), which costs a second
layout of every page; it wraps them in links to ``mou:`` addresses instead (ADR 0035):
``mou:sig:<party>`` around a signature space, ``mou:at:<lang>:<id>`` around the label of a node
some reference points at, ``mou:ref:<lang>:<id>`` around the reference. This module reads those
links from the PDF typst wrote and rewrites each in place with a dictionary of the same length,
so no offset moves: a reference becomes a link to its target's page and place, a marker becomes
an inert link, and no ``mou:`` address is left in the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ...errors import RenderError
from ._pdfbytes import ANNOTS, MEDIABOX, REF, number, open_plain, text_string
from .laid import SignatureSpot

_LINK = re.compile(rb"(\d+)\s+0\s+obj\s*(<</Type/Annot/Subtype/Link/Rect\[([-\d.\s]+)\].*?>>)\s*endobj", re.S)
_ADDRESS = re.compile(rb"/URI\(mou:(sig|at|ref):([-\w:.]+)\)")
_PARENT = re.compile(rb"/StructParent\s+\d+")


@dataclass(frozen=True, slots=True)
class Marked:
    """The PDF with its marker links resolved, and the signature spaces in document order."""

    pdf: bytes
    spots: list[SignatureSpot]


@dataclass(frozen=True, slots=True)
class _Link:
    start: int
    end: int
    rect: tuple[float, float, float, float]
    rect_bytes: bytes
    kind: str
    key: str
    page: int
    page_object: int
    top: float


def _links(pdf: bytes) -> list[_Link]:
    plain = open_plain(pdf)
    pages = plain.pages() if plain is not None else None
    if plain is None or pages is None:
        raise RenderError("typst wrote a PDF in a form mou_kit cannot read back; check the typst version "
                          "against pyproject.toml", code="render-failed")
    found = []
    for index, page_object in enumerate(pages, start=1):
        page = plain.dictionary(page_object) or b""
        annots, box = ANNOTS.search(page), MEDIABOX.search(page)
        top = float(box.group(4)) if box else 0.0
        for ref in REF.findall(annots.group(1) if annots else b""):
            obj = int(ref)
            match = _LINK.match(pdf, plain.offsets.get(obj, len(pdf)))
            address = _ADDRESS.search(match.group(2)) if match and int(match.group(1)) == obj else None
            if match is None or address is None:
                continue
            x0, y0, x1, y1 = (float(v) for v in match.group(3).split())
            found.append(_Link(match.start(2), match.end(2), (x0, y0, x1, y1), match.group(3),
                               address.group(1).decode(), address.group(2).decode(), index, page_object, top))
    return found


def resolve(pdf: bytes, page_words: Mapping[str, str]) -> Marked:
    """Return ``pdf`` with its ``mou:`` links resolved, and where each signatory signs (first place only).

    ``page_words`` gives, per language, the link's spoken text, e.g. ``{"id": "halaman {page}"}``.
    A reference whose target was not marked becomes inert rather than pointing nowhere.

    :raises RenderError: the PDF is not in the plain form typst writes (code ``render-failed``).
    """
    links = _links(pdf)
    targets: dict[str, _Link] = {}
    for link in links:
        if link.kind == "at":
            targets.setdefault(link.key, link)
    out = bytearray(pdf)
    for link in links:
        head = b"<</Type/Annot/Subtype/Link/Rect[" + link.rect_bytes
        parent = _PARENT.search(pdf, link.start, link.end)
        tail = b"]/Border[0 0 0]/F 4" + (parent.group(0) if parent else b"")
        target = targets.get(link.key) if link.kind == "ref" else None
        if target is not None:
            lang = link.key.split(":", 1)[0]
            words = page_words.get(lang, "{page}").format(page=target.page)
            tail += (b"/Dest[%d 0 R/XYZ %s %s 0]" % (target.page_object, number(target.rect[0]),
                                                     number(target.rect[3] + 2)) + b"/Contents" + text_string(words))
        new = head + tail + b">>"
        if len(new) > link.end - link.start:
            raise RenderError(f"the link to {link.key!r} does not fit back into the PDF", code="render-failed")
        out[link.start:link.end] = new + b" " * (link.end - link.start - len(new))
    spots = [SignatureSpot(link.key, link.page, link.rect[0], link.top - link.rect[3], link.rect[2] - link.rect[0],
                           link.rect[3] - link.rect[1]) for link in links if link.kind == "sig"]
    spots.sort(key=lambda s: (s.page, round(s.y, 1), s.x))
    # One field per party: a digital signature covers the whole file, so when both languages follow
    # each other with a signature page each, the second page is for signing printed copies by hand.
    first = {spot.party: spot for spot in reversed(spots)}
    return Marked(bytes(out), [spot for spot in spots if first[spot.party] is spot])
