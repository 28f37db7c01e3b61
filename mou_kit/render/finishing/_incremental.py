"""How changed and new objects are appended to a PDF as one incremental update, leaving the original bytes as they are.

pypdf's own writers parse every object of the file first; a finished agreement only needs a
few objects changed (pages, catalogue, info) and a few added (signature fields), so this
writes just those, with a classic cross-reference section pointing back to the previous one.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject, PdfObject

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def appendable(pdf: bytes) -> bool:
    """Whether ``pdf`` ends in a classic cross-reference table this module can append to."""
    match = _STARTXREF.search(pdf[-64:])
    return match is not None and pdf[int(match.group(1)):int(match.group(1)) + 4] == b"xref"


class Update:
    """One incremental update of a PDF read by ``reader``: build it, add objects, then :meth:`write`."""

    def __init__(self, pdf: bytes, reader: PdfReader) -> None:
        self.pdf = pdf
        self.reader = reader
        self.objects: dict[int, PdfObject] = {}
        self._next = int(reader.trailer["/Size"])  # type: ignore[call-overload]
        self.info_ref: int | None = None

    def add(self, obj: PdfObject) -> IndirectObject:
        """Return a reference to ``obj``, written as a new object."""
        from pypdf.generic import IndirectObject

        number = self._next
        self._next += 1
        self.objects[number] = obj
        return IndirectObject(number, 0, self.reader)

    def replace(self, ref: IndirectObject, obj: PdfObject) -> None:
        """Write ``obj`` as the new version of the object ``ref`` points at."""
        self.objects[ref.idnum] = obj

    def write(self) -> bytes:
        """Return the original bytes followed by the update."""
        from ._pdfbytes import append_section

        match = _STARTXREF.search(self.pdf[-64:])
        assert match is not None
        objects = {}
        for number, obj in self.objects.items():
            buffer = io.BytesIO()
            obj.write_to_stream(buffer)
            objects[number] = buffer.getvalue()
        trailer = b"/Size %d/Root %d 0 R/Prev %s" % (
            self._next, self.reader.trailer.raw_get("/Root").idnum, match.group(1))
        if self.info_ref is not None:
            trailer += b"/Info %d 0 R" % self.info_ref
        if "/ID" in self.reader.trailer:
            buffer = io.BytesIO()
            self.reader.trailer.raw_get("/ID").write_to_stream(buffer)
            trailer += b"/ID" + buffer.getvalue()
        return append_section(self.pdf, objects, trailer)
