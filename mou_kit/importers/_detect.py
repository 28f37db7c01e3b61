"""Which format an outside file is in, from its bytes, never from a guess.

A file is a DOCX when it is a zip package holding ``[Content_Types].xml`` and
``word/document.xml``. Anything else is named for what it is and refused.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from ..errors import SourceError

SourceFormat = Literal["docx"]
"""The formats an importer exists for."""

_KNOWN = (
    (b"%PDF", "a PDF"),
    (b"\xd0\xcf\x11\xe0", "an old Word .doc (or other OLE) file"),
    (b"{\\rtf", "an RTF file"),
)


def detect(data: bytes, *, source: str = "<bytes>") -> SourceFormat:
    """Return the format of ``data``.

    :raises SourceError: the bytes are not a format any importer reads (``source-not-docx``).
    """
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError) as e:
            raise SourceError(f"{source}: is a damaged zip file, not a readable .docx",
                              code="source-not-docx") from e
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return "docx"
        what = "an OpenDocument file" if "content.xml" in names else "a zip file"
        raise SourceError(f"{source}: is {what}, not a Word .docx file; save it from Word or LibreOffice "
                          "as 'Word Document (.docx)'", code="source-not-docx")
    what = next((name for magic, name in _KNOWN if data.startswith(magic)), "not a Word .docx file")
    if not what.startswith("not"):
        what = f"{what}, not a Word .docx file"
    raise SourceError(f"{source}: is {what}; save it as 'Word Document (.docx)' and import that",
                      code="source-not-docx")
