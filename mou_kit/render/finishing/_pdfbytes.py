"""How a PDF in the plain form typst writes gets its signature fields and metadata as bytes, without a PDF library.

A typeset agreement has one classic cross-reference table, a flat page tree and plain
dictionaries for its catalogue, pages and info. Finishing needs only those few objects, so
reading them with a few patterns and appending one incremental section is enough, and saves
loading pypdf in a fresh ``mou render``. Anything outside that form returns ``None`` and the
caller takes the general pypdf path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .laid import SignatureSpot

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
REF = re.compile(rb"(\d+)\s+0\s+R")
ANNOTS = re.compile(rb"/Annots\s*\[([\d\sR]*)\]")
MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def text_string(text: str) -> bytes:
    """Return ``text`` as a PDF text string: literal when printable ASCII, else UTF-16BE hex."""
    if all(32 <= ord(c) < 127 for c in text):
        return b"(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode() + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def number(value: float) -> bytes:
    """Return ``value`` as a short PDF number: up to four decimals, no trailing zeros."""
    return f"{value:.4f}".rstrip("0").rstrip(".").encode()


def append_section(pdf: bytes, objects: Mapping[int, bytes], trailer: bytes) -> bytes:
    """Return ``pdf`` followed by one incremental section holding ``objects`` (number -> dictionary bytes).

    ``trailer`` is the inside of the new trailer dictionary, ``/Prev`` included.
    """
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    numbers = sorted(offsets)
    start = 0
    while start < len(numbers):
        end = start
        while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] + 1:
            end += 1
        out += b"%d %d\n" % (numbers[start], end - start + 1)
        for number in numbers[start:end + 1]:
            out += b"%010d 00000 n\r\n" % offsets[number]
        start = end + 1
    out += b"trailer\n<<" + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


class _Plain:
    """The objects of a plain PDF, found through its one cross-reference table."""

    def __init__(self, pdf: bytes, xref: int) -> None:
        self.pdf = pdf
        tail = pdf.index(b"trailer", xref)
        tokens = pdf[xref + 4:tail].split()
        self.offsets: dict[int, int] = {}
        i = 0
        while i < len(tokens):
            first, count = int(tokens[i]), int(tokens[i + 1])
            for k in range(count):
                offset, _, kind = tokens[i + 2 + 3 * k:i + 5 + 3 * k]
                if kind == b"n":
                    self.offsets[first + k] = int(offset)
            i += 2 + 3 * count
        self.trailer = pdf[tail + 7:pdf.index(b"startxref", tail)]
        self.xref = xref

    def dictionary(self, number: int) -> bytes | None:
        """Return the dictionary that is object ``number``, or ``None`` if it is not a plain dictionary."""
        offset = self.offsets.get(number)
        if offset is None:
            return None
        head = re.compile(rb"%d\s+0\s+obj\s*" % number).match(self.pdf, offset)
        if head is None:
            return None
        end = self.pdf.find(b"endobj", head.end())
        body = self.pdf[head.end():end].strip()
        if not (body.startswith(b"<<") and body.endswith(b">>")) or b"stream" in body \
                or body.count(b"(") != body.count(b")"):
            return None
        return body

    def ref(self, body: bytes, key: bytes) -> int | None:
        """Return the object number ``key`` points at in ``body``, or ``None``."""
        match = re.search(re.escape(key) + rb"\s*(\d+)\s+0\s+R", body)
        return int(match.group(1)) if match else None

    def pages(self) -> list[int] | None:
        """Return the object numbers of the pages, in order, from a flat page tree; ``None`` otherwise."""
        root_number = self.ref(self.trailer, b"/Root")
        root = self.dictionary(root_number) if root_number is not None else None
        pages_number = self.ref(root, b"/Pages") if root else None
        pages = self.dictionary(pages_number) if pages_number is not None else None
        kids = re.search(rb"/Kids\s*\[([\d\sR]*)\]", pages) if pages else None
        return [int(n) for n in REF.findall(kids.group(1))] if kids else None


def open_plain(pdf: bytes) -> _Plain | None:
    """Return the objects of ``pdf`` if it has the plain form (one classic xref, no update); else ``None``."""
    match = _STARTXREF.search(pdf[-64:])
    if match is None or pdf[int(match.group(1)):int(match.group(1)) + 4] != b"xref":
        return None
    plain = _Plain(pdf, int(match.group(1)))
    return None if b"/Prev" in plain.trailer or b"/Encrypt" in plain.trailer else plain


def finish_plain(pdf: bytes, spots: Sequence[SignatureSpot], names: Sequence[str], info: Mapping[str, str], *,
                 defaults: Mapping[str, str] | None = None) -> bytes | None:
    """Return ``pdf`` with an empty signature field named ``names[i]`` at each of ``spots`` and
    the ``info`` entries (e.g. ``{"MouRevision": ...}``) added to its document information,
    ``defaults`` only where that information lacks the key; or ``None`` when the file is not in
    the plain form this module handles.
    """
    plain = open_plain(pdf)
    if plain is None:
        return None
    size = re.search(rb"/Size\s+(\d+)", plain.trailer)
    root_number, info_number = plain.ref(plain.trailer, b"/Root"), plain.ref(plain.trailer, b"/Info")
    root = plain.dictionary(root_number) if root_number is not None else None
    page_numbers = plain.pages()
    if size is None or root is None or root_number is None or b"/AcroForm" in root or page_numbers is None:
        return None
    next_number = int(size.group(1))
    objects: dict[int, bytes] = {}
    fields: list[int] = []
    for spot, name in zip(spots, names, strict=True):
        if not 1 <= spot.page <= len(page_numbers):
            return None
        page_object = page_numbers[spot.page - 1]
        page = objects.get(page_object) or plain.dictionary(page_object)
        box = MEDIABOX.search(page or b"")
        if page is None or box is None or re.search(rb"/Type\s*/Page\b", page) is None \
                or re.search(rb"/Annots\s*\d", page):
            return None
        top = float(box.group(4))
        rect = b" ".join(number(v) for v in (spot.x, top - spot.y - spot.height, spot.x + spot.width, top - spot.y))
        appearance, widget = next_number, next_number + 1
        next_number += 2
        objects[appearance] = (b"<</Type/XObject/Subtype/Form/BBox[0 0 %s %s]/Length 0>>\nstream\n\nendstream"
                               % (number(spot.width), number(spot.height)))
        objects[widget] = (b"<</Type/Annot/Subtype/Widget/FT/Sig/T" + text_string(name) + b"/F 4/Rect[" + rect
                           + b"]/P %d 0 R/AP<</N %d 0 R>>>>" % (page_object, appearance))
        fields.append(widget)
        annots = ANNOTS.search(page)
        if annots is not None:
            page = page[:annots.end(1)] + b" %d 0 R" % widget + page[annots.end(1):]
        else:
            page = page[:-2] + b"/Annots[%d 0 R]>>" % widget
        objects[page_object] = page
    if fields:
        refs = b" ".join(b"%d 0 R" % n for n in fields)
        # false is the default; poppler reports an explicit /Suspects false as an error once a form exists
        objects[root_number] = root.replace(b"/Suspects false", b"")[:-2] + \
            b"/AcroForm<</Fields[" + refs + b"]/SigFlags 1>>>>"
    old = plain.dictionary(info_number) if info_number is not None else b"<<>>"
    if old is None:
        return None
    missing = {k: v for k, v in (defaults or {}).items() if re.search(rb"/%s\s*[(<]" % k.encode(), old) is None}
    entries = b"".join(b"/" + key.encode() + text_string(value) for key, value in {**missing, **info}.items())
    if info_number is not None:
        objects[info_number] = old[:-2] + entries + b">>"
    else:
        info_number = next_number
        next_number += 1
        objects[info_number] = b"<<" + entries + b">>"
    ident = re.search(rb"/ID\s*\[[^\]]*\]", plain.trailer)
    trailer = (b"/Size %d/Root %d 0 R/Info %d 0 R/Prev %d" % (next_number, root_number, info_number, plain.xref)
               + (ident.group(0) if ident else b""))
    return append_section(pdf, objects, trailer)
