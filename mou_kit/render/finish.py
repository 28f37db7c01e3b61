"""How a typeset PDF is made ready to sign: metadata, one empty signature field per signatory, annexes.

This runs before anyone signs, so rewriting the file is safe; after the first signature only
append-only (incremental) writes are allowed, which is the signing code's business.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..errors import RenderError
from .document import DocumentInfo

if TYPE_CHECKING:
    from pypdf import PdfWriter


@dataclass(frozen=True, slots=True)
class SignatureSpot:
    """Where one signatory signs: page (1-based) and box in points from the page's top left."""

    party: str
    page: int
    x: float
    y: float
    width: float
    height: float


def field_name(party: str) -> str:
    """Return the name of the signature field of ``party``: "signature-<party id>"."""
    return f"signature-{party}"


def _add_field(writer: PdfWriter, spot: SignatureSpot) -> None:
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    page = writer.pages[spot.page - 1]
    height = float(page.mediabox.height)
    rect = [spot.x, height - spot.y - spot.height, spot.x + spot.width, height - spot.y]
    appearance = DecodedStreamObject()
    appearance.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(spot.width),
                                          FloatObject(spot.height)]),
    })
    appearance.set_data(b"")
    field = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Sig"), NameObject("/T"): TextStringObject(field_name(spot.party)),
        NameObject("/F"): NumberObject(4), NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
        NameObject("/P"): page.indirect_reference,
        NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(appearance)}),
    })
    ref = writer._add_object(field)
    if "/Annots" not in page:
        page[NameObject("/Annots")] = ArrayObject()
    cast(ArrayObject, page["/Annots"].get_object()).append(ref)
    root = writer._root_object
    if "/AcroForm" not in root:
        root[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject()})
    form = cast(DictionaryObject, root["/AcroForm"].get_object())
    if "/Fields" not in form:
        form[NameObject("/Fields")] = ArrayObject()
    cast(ArrayObject, form["/Fields"].get_object()).append(ref)


def finish(pdf: bytes, info: DocumentInfo, spots: Sequence[SignatureSpot], *, annexes: Sequence[Path] = ()) -> bytes:
    """Return ``pdf`` with metadata, empty signature fields at ``spots`` and ``annexes`` appended.

    The metadata holds the title, the parties (as author), the revision and the fingerprint
    (in keywords, and as ``/MouRevision`` and ``/MouFingerprint``).

    :raises RenderError: an annex file is missing or is not a readable PDF (code ``asset-missing``).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for annex in annexes:
        if not annex.is_file():
            raise RenderError(f"annex file {annex} not found; add it or remove 'file' from the annex",
                              code="asset-missing")
        try:
            writer.append(PdfReader(annex))
        except (PdfReadError, ValueError, OSError) as e:
            raise RenderError(f"annex file {annex} is not a readable PDF: {e}", code="asset-missing") from e
    for spot in spots:
        _add_field(writer, spot)
    writer.add_metadata({
        "/Title": info.title,
        "/Author": "; ".join(info.parties),
        "/Subject": info.subject,
        "/Keywords": info.keywords,
        "/MouRevision": info.revision,
        "/MouFingerprint": f"sha256:{info.fingerprint}",
    })
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
