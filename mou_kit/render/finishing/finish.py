"""How a typeset PDF is made ready to sign: metadata, one empty signature field per signatory, annexes.

This runs before anyone signs, so rewriting the file is safe; after the first signature only
append-only (incremental) writes are allowed, which is the signing code's business.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ...errors import RenderError
from .._document import DocumentInfo
from ._incremental import Update, appendable
from .laid import SignatureSpot as SignatureSpot

if TYPE_CHECKING:
    from pypdf.generic import IndirectObject


def field_name(party: str) -> str:
    """Return the name of the signature field of ``party``: "signature-<party id>"."""
    return f"signature-{party}"


def _add_field(update: Update, spot: SignatureSpot, fields: list[IndirectObject]) -> None:
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        IndirectObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    page = update.reader.pages[spot.page - 1]
    page_ref = page.indirect_reference
    assert page_ref is not None
    height = float(page.mediabox.height)
    rect = [spot.x, height - spot.y - spot.height, spot.x + spot.width, height - spot.y]
    appearance = DecodedStreamObject()
    appearance.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(spot.width),
                                          FloatObject(spot.height)]),
    })
    appearance.set_data(b"")
    ref = update.add(DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Sig"), NameObject("/T"): TextStringObject(field_name(spot.party)),
        NameObject("/F"): NumberObject(4), NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
        NameObject("/P"): IndirectObject(page_ref.idnum, 0, update.reader),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): update.add(appearance)}),
    }))
    fields.append(ref)
    current = cast(DictionaryObject, update.objects.get(page_ref.idnum, page))
    raw = current.raw_get("/Annots") if "/Annots" in current else None
    if isinstance(raw, IndirectObject):
        array = update.objects.get(raw.idnum, raw.get_object())
        update.replace(raw, ArrayObject([*cast(ArrayObject, array), ref]))
    else:
        changed = DictionaryObject({NameObject(k): current.raw_get(k) for k in current})
        changed[NameObject("/Annots")] = ArrayObject([*(cast(ArrayObject, raw) if raw is not None else []), ref])
        update.replace(page_ref, changed)


def _with_annexes(pdf: bytes, annexes: Sequence[Path]) -> bytes:
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
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _marks(info: DocumentInfo, options: str) -> dict[str, str]:
    """The entries every mou PDF carries: which revision, its fingerprint, how it was rendered and the
    date of signing its opening states (which a signature's appearance then shows)."""
    marks = {"MouRevision": info.revision.id, "MouFingerprint": f"sha256:{info.fingerprint}"}
    if options:
        marks["MouRender"] = options
    if info.signing_date is not None:
        marks["MouSigningDate"] = info.signing_date.isoformat()
    return marks


def _finish_plain(pdf: bytes, info: DocumentInfo, spots: Sequence[SignatureSpot], options: str) -> bytes | None:
    from ._pdfbytes import finish_plain

    defaults = {"Title": info.title, "Author": "; ".join(info.parties), "Subject": info.subject,
                "Keywords": info.keywords}
    return finish_plain(pdf, spots, [field_name(s.party) for s in spots], _marks(info, options), defaults=defaults)


def finish(pdf: bytes, info: DocumentInfo, spots: Sequence[SignatureSpot], *, annexes: Sequence[Path] = (),
           options: str = "") -> bytes:
    """Return ``pdf`` with metadata, empty signature fields at ``spots`` and ``annexes`` appended.

    The metadata holds the title, the parties (as author), the subject and the keywords
    (revision and fingerprint) where the PDF lacks them, and always ``/MouRevision``,
    ``/MouFingerprint``, (given ``options``) ``/MouRender``, how to render it again, and the
    ``/MouSigningDate`` the opening states. Fields
    and metadata are appended as one incremental update, so the typeset bytes (and a PDF/A
    declaration) stay as they are.

    :raises RenderError: an annex file is missing or is not a readable PDF (code ``asset-missing``).
    """
    if not annexes:
        done = _finish_plain(pdf, info, spots, options)
        if done is not None:
            return done
    from pypdf import PdfReader
    from pypdf.generic import (
        ArrayObject,
        BooleanObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    if annexes or not appendable(pdf):
        pdf = _with_annexes(pdf, annexes)
    reader = PdfReader(io.BytesIO(pdf))
    update = Update(pdf, reader)
    fields: list[IndirectObject] = []
    for spot in spots:
        _add_field(update, spot, fields)
    root_ref = cast("IndirectObject", reader.trailer.raw_get("/Root"))
    root = cast(DictionaryObject, root_ref.get_object())
    new_root = DictionaryObject({NameObject(k): root.raw_get(k) for k in root})
    mark = new_root.get("/MarkInfo")
    if isinstance(mark, DictionaryObject) and mark.get("/Suspects") == BooleanObject(False):
        # false is the default; poppler reports an explicit false as an error once a form exists
        new_root[NameObject("/MarkInfo")] = DictionaryObject({NameObject(k): mark.raw_get(k) for k in mark
                                                              if k != "/Suspects"})
    if fields:
        new_root[NameObject("/AcroForm")] = DictionaryObject({
            NameObject("/Fields"): ArrayObject(fields), NameObject("/SigFlags"): NumberObject(1)})
        update.replace(root_ref, new_root)
    wanted = {"/Title": info.title, "/Author": "; ".join(info.parties), "/Subject": info.subject,
              "/Keywords": info.keywords}
    raw_info = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    old = cast(DictionaryObject, raw_info.get_object()) if raw_info is not None else DictionaryObject()
    meta = DictionaryObject({NameObject(k): old.raw_get(k) for k in old})
    for key, value in wanted.items():
        if key not in meta:
            meta[NameObject(key)] = TextStringObject(value)
    for key, value in _marks(info, options).items():
        meta[NameObject(f"/{key}")] = TextStringObject(value)
    if raw_info is not None:
        update.replace(cast("IndirectObject", raw_info), meta)
        update.info_ref = cast("IndirectObject", raw_info).idnum
    else:
        update.info_ref = update.add(meta).idnum
    return update.write()
