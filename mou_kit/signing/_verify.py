"""What a signed PDF proves: each signature (signer, time, intact, trusted) and the content it carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .._io import Input, read_input
from ..errors import SigningError
from ._hanko import require_pyhanko, run_sync
from .sign import PDF_LIMIT, pdf_reader

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
    organisation: str | None = None
    certificate_problem: str | None = None
    """Why the certificate could not sign then: expired or not yet valid at the signing time."""

    @property
    def party(self) -> str:
        """The party id the field belongs to (the field name without ``signature-``)."""
        return self.field.removeprefix(FIELD_PREFIX)

    @property
    def ok(self) -> bool:
        """Whether the signed bytes are unchanged, the signature valid, trusted (when a root was
        given) and nothing but signatures was added after it."""
        return (self.intact and self.valid and self.trusted is not False and self.later_changes in _ALLOWED_LATER
                and self.certificate_problem is None)


@dataclass(frozen=True, slots=True)
class DocumentMark:
    """The revision and fingerprint a rendered PDF carries in its metadata (``None``: absent)."""

    revision: str | None
    fingerprint: str | None
    render: str | None = None
    """How it was rendered (``/MouRender``: language, layout, engine), to render it again and compare."""


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
    render = str(info["/MouRender"]) if "/MouRender" in info else None
    return DocumentMark(revision, mark.removeprefix("sha256:") if mark else None, render)


def document_mark(pdf: Input, *, as_signed: bool = False, name: str | None = None) -> DocumentMark:
    """Return the revision and fingerprint (hex, without ``sha256:``) in ``pdf``'s metadata.

    With ``as_signed``, the metadata is read as it was when the first signature was made (what
    the signers signed); a PDF without signatures gives its current metadata. Metadata updates
    after a signature do not break it, so only this reading is evidence.

    :raises SigningError: pyHanko is missing, or the file is not a readable PDF (``pdf-damaged``).
    """
    require_pyhanko()
    data, shown = read_input(pdf, name=name, error=SigningError, limit=PDF_LIMIT, what="PDF")
    reader = pdf_reader(data, shown)
    try:
        signatures = reader.embedded_signatures
        if as_signed and signatures:
            return _mark_of(reader.get_historical_resolver(signatures[0].signed_revision))
        return _mark_of(reader)
    except Exception as e:  # untrusted bytes: a damaged trailer or object raises anything
        raise SigningError(f"{shown}: the PDF is damaged and its metadata cannot be read ({e.__class__.__name__})",
                           code="pdf-damaged", file=shown) from e


def _common_name(cert: object) -> str:
    subject = cert.subject  # type: ignore[attr-defined]
    return str(subject.native.get("common_name") or subject.human_friendly)


def _organisation(cert: object) -> str | None:
    found = cert.subject.native.get("organization_name")  # type: ignore[attr-defined]
    return str(found) if found else None


def _validity(cert: object, at: dt.datetime | None) -> str | None:
    from .sign import validity_problem

    when = at or dt.datetime.now(dt.UTC)
    return validity_problem(cert.not_valid_before, cert.not_valid_after, when)  # type: ignore[attr-defined]


def trust_roots(trust: Sequence[Input]) -> list[Any]:
    """Return the root certificates in ``trust`` (each a path, bytes or binary file, PEM or DER).

    :raises SigningError: a file is missing or holds no certificate (``signing-failed``).
    """
    from pyhanko.keys import load_certs_from_pemder_data

    roots: list[Any] = []
    for root in trust:
        data, shown = read_input(root, error=SigningError, limit=1_000_000, what="certificate")
        try:
            found = list(load_certs_from_pemder_data(data))
        except Exception as e:
            raise SigningError(f"{shown}: not a PEM or DER certificate", code="signing-failed", file=shown) from e
        if not found:
            raise SigningError(f"{shown}: holds no certificate", code="signing-failed", file=shown)
        roots.extend(found)
    return roots


async def check_signatures_async(pdf: Input, *, trust: Sequence[Input] = (), name: str | None = None,
                                 crls: Sequence[Input] = ()) -> list[SignatureCheck]:
    """Return a check of every signature in ``pdf``, like :func:`check_signatures`, with pyHanko's async API."""
    require_pyhanko()
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    data, shown = read_input(pdf, name=name, error=SigningError, limit=PDF_LIMIT, what="PDF")
    roots = trust_roots(trust)
    revocation_lists = [read_input(c, error=SigningError, limit=50_000_000, what="revocation list")[0] for c in crls]
    reader = pdf_reader(data, shown)
    try:
        embedded_all = list(reader.embedded_signatures)
    except Exception as e:
        raise SigningError(f"{shown}: the PDF is damaged and its signatures cannot be read "
                           f"({e.__class__.__name__})", code="pdf-damaged", file=shown) from e
    out: list[SignatureCheck] = []
    for embedded in embedded_all:
        field = str(embedded.field_name)
        # empty roots: trust is not checked (never the OS list); revocation only from the lists given, never
        # fetched, and with lists given every certificate must be covered by one ("require")
        context = ValidationContext(trust_roots=roots, crls=revocation_lists, allow_fetching=False,
                                    revocation_mode="require" if revocation_lists else "soft-fail")
        try:
            status = await async_validate_pdf_signature(embedded, context)
            level = status.modification_level
            cert = status.signing_cert
            problem = _validity(cert, status.signer_reported_dt)
            revoked = status.revocation_details
            if revoked is not None:
                problem = f"the certificate was revoked on {revoked.revocation_date:%Y-%m-%d}"
            out.append(SignatureCheck(
                field=field, signer=_common_name(cert),
                time=status.signer_reported_dt, intact=bool(status.intact), valid=bool(status.valid),
                # an expired certificate fails the chain too; it is named by its own problem instead
                trusted=(bool(status.trusted) or problem is not None) if roots else None,
                later_changes=level.name if level is not None else "UNKNOWN",
                organisation=_organisation(cert), certificate_problem=problem))
        except Exception as e:  # a damaged signature is a failed check, not a crash
            out.append(SignatureCheck(field, f"unreadable signature ({e.__class__.__name__})", None, False, False,
                                      False if roots else None, "UNKNOWN"))
    return out


def check_signatures(pdf: Input, *, trust: Sequence[Input] = (), name: str | None = None,
                     crls: Sequence[Input] = ()) -> list[SignatureCheck]:
    """Return a check of every signature in ``pdf``, in signing order.

    ``pdf`` and each of ``trust`` are a path, ``bytes`` or a binary file object; ``name`` is what
    messages call the PDF. With ``trust`` (PEM or DER root certificates), each signer's chain is
    validated against them; without, ``trusted`` is ``None``. A changed byte makes ``intact``
    false; content added after a signature other than further signatures shows in
    ``later_changes``. ``crls`` (revocation lists, DER) name a revoked certificate as such;
    none is ever fetched. Works inside a running event loop too (see :func:`check_signatures_async`).

    :raises SigningError: pyHanko is missing (``signing-unavailable``), the file cannot be read
        (``file-missing``, ``pdf-damaged``), or a trust root is not a certificate (``signing-failed``).
    """
    return run_sync(lambda: check_signatures_async(pdf, trust=trust, name=name, crls=crls))
