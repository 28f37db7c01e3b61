"""What a signed PDF proves: each signature (signer, time, intact, trusted) and the content it carries."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError
from ._hanko import require_pyhanko

FIELD_PREFIX = "signature-"
_ALLOWED_LATER = ("NONE", "LTA_UPDATES", "FORM_FILLING")


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """One signature of a PDF as checked: its field, party, signer, time and what holds."""

    field: str
    signer: str
    time: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool | None
    later_changes: str

    @property
    def party(self) -> str:
        """The party id the field belongs to (the field name without ``signature-``)."""
        return self.field.removeprefix(FIELD_PREFIX)

    @property
    def ok(self) -> bool:
        """Whether the signed bytes are unchanged, the signature valid, trusted (when a root was
        given) and nothing but signatures was added after it."""
        return self.intact and self.valid and self.trusted is not False and self.later_changes in _ALLOWED_LATER


@dataclass(frozen=True, slots=True)
class DocumentMark:
    """The revision and fingerprint a rendered PDF carries in its metadata (``None``: absent)."""

    revision: str | None
    fingerprint: str | None


def _reader(pdf: bytes) -> object:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except (PdfReadError, ValueError, KeyError) as e:
        raise RenderError(f"not a readable PDF: {e}", code="signature-invalid") from e


def _mark_of(resolver: object) -> DocumentMark:
    """Return the mark in the ``/Info`` of ``resolver`` (a reader, or the reader as of one revision)."""
    trailer = resolver.trailer_view  # type: ignore[attr-defined]
    if "/Info" not in trailer:
        return DocumentMark(None, None)
    ref = trailer.raw_get("/Info")
    # dereference through the resolver itself: the trailer view would show the latest object
    info = resolver.get_object(getattr(ref, "reference", ref))  # type: ignore[attr-defined]
    revision = str(info["/MouRevision"]) if "/MouRevision" in info else None
    mark = str(info["/MouFingerprint"]) if "/MouFingerprint" in info else None
    return DocumentMark(revision, mark.removeprefix("sha256:") if mark else None)


def document_mark(pdf: bytes, *, as_signed: bool = False) -> DocumentMark:
    """Return the revision and fingerprint (hex, without ``sha256:``) in ``pdf``'s metadata.

    With ``as_signed``, the metadata is read as it was when the first signature was made (what
    the signers signed); a PDF without signatures gives its current metadata. Metadata updates
    after a signature do not break it, so only this reading is evidence.

    :raises RenderError: pyHanko is missing, or the file is not a readable PDF.
    """
    require_pyhanko()
    reader = _reader(pdf)
    signatures = reader.embedded_signatures  # type: ignore[attr-defined]
    if as_signed and signatures:
        return _mark_of(reader.get_historical_resolver(signatures[0].signed_revision))  # type: ignore[attr-defined]
    return _mark_of(reader)


def _common_name(cert: object) -> str:
    subject = cert.subject  # type: ignore[attr-defined]
    return str(subject.native.get("common_name") or subject.human_friendly)


def check_signatures(pdf: str | os.PathLike[str] | bytes, *,
                     trust: Sequence[str | os.PathLike[str]] = ()) -> list[SignatureCheck]:
    """Return a check of every signature in ``pdf``, in signing order.

    With ``trust`` (PEM or DER root certificates), each signer's chain is validated against
    them; without, ``trusted`` is ``None``. A changed byte makes ``intact`` false; content
    added after a signature other than further signatures shows in ``later_changes``.

    :raises RenderError: pyHanko is missing (``signing-unavailable``) or the file cannot be read
        (``signature-invalid``).
    """
    require_pyhanko()
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    roots = [load_cert_from_pemder(str(root)) for root in trust]  # type: ignore[no-untyped-call]
    context = ValidationContext(trust_roots=roots)  # empty: trust is not checked (never the OS list)
    reader = _reader(data)
    out: list[SignatureCheck] = []
    for embedded in reader.embedded_signatures:  # type: ignore[attr-defined]
        field = str(embedded.field_name)
        try:
            status = validate_pdf_signature(embedded, context)
        except (ValueError, KeyError, PdfReadError) as e:  # a changed byte can break the file's structure
            out.append(SignatureCheck(field, f"unreadable signature ({e})", None, False, False,
                                      False if roots else None, "UNKNOWN"))
            continue
        level = status.modification_level
        out.append(SignatureCheck(
            field=field, signer=_common_name(status.signing_cert),
            time=status.signer_reported_dt, intact=bool(status.intact), valid=bool(status.valid),
            trusted=bool(status.trusted) if roots else None,
            later_changes=level.name if level is not None else "UNKNOWN"))
    return out
