"""How a party signs a finished PDF: an incremental signature in that party's own field."""

from __future__ import annotations

import datetime as dt
import io
import os
from typing import Any

from .._io import Input, read_input, write_output
from ..errors import SigningError
from ..render.finishing.finish import field_name
from ._hanko import require_pyhanko, run_sync

PDF_LIMIT = 200_000_000
"""The largest PDF read for signing or verifying (200 MB)."""


def pdf_reader(pdf: bytes, name: str) -> Any:
    """Return pyHanko's reader of ``pdf``, with the whole file parsed.

    :raises SigningError: the file is not a PDF or is damaged (``pdf-damaged``).
    """
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not pdf.lstrip()[:5] == b"%PDF-":
        raise SigningError(f"{name}: not a PDF file", code="pdf-damaged", file=name)
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except Exception as e:  # untrusted bytes: pyHanko raises many kinds of error on a damaged file
        raise SigningError(f"{name}: the PDF is damaged and cannot be read ({_short(e)})", code="pdf-damaged",
                           file=name) from e


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]


def signature_fields(pdf: Input, *, name: str | None = None) -> dict[str, bool]:
    """Return ``{field name: signed?}`` for every signature field of ``pdf``.

    :raises SigningError: pyHanko is missing (``signing-unavailable``) or the file is not a
        readable PDF (``pdf-damaged``).
    """
    require_pyhanko()
    data, shown = read_input(pdf, name=name, error=SigningError, limit=PDF_LIMIT, what="PDF")
    return _fields_of(pdf_reader(data, shown), shown)


def _fields_of(reader: Any, shown: str) -> dict[str, bool]:
    from pyhanko.sign.fields import enumerate_sig_fields

    try:
        return {field: value is not None for field, value, _ in enumerate_sig_fields(reader)}
    except Exception as e:
        raise SigningError(f"{shown}: the PDF is damaged and cannot be read ({_short(e)})", code="pdf-damaged",
                           file=shown) from e


def validity_problem(not_before: dt.datetime, not_after: dt.datetime, at: dt.datetime) -> str | None:
    """Return why a certificate valid from ``not_before`` to ``not_after`` cannot sign at ``at``, or ``None``."""
    if at > not_after:
        return f"the certificate expired on {not_after:%Y-%m-%d}"
    if at < not_before:
        return f"the certificate is not valid until {not_before:%Y-%m-%d}"
    return None


def load_signer(pkcs12: Input, passphrase: bytes | None, *, name: str | None = None, force: bool = False) -> Any:
    """Return pyHanko's signer for the PKCS#12 key file ``pkcs12``.

    A certificate that has expired or is not yet valid is refused unless ``force`` (a signature
    made with it would not validate).

    :raises SigningError: the file cannot be read, or opened with ``passphrase`` (``signing-failed``);
        the certificate is expired or not yet valid (``certificate-invalid``).
    """
    from cryptography.hazmat.primitives.serialization import pkcs12 as p12
    from pyhanko.sign import signers

    data, shown = read_input(pkcs12, name=name, error=SigningError, limit=10_000_000, what="PKCS#12 key file")
    if passphrase is not None and not isinstance(passphrase, bytes):
        raise SigningError("the passphrase must be bytes (e.g. 'secret'.encode())", code="signing-failed")
    try:  # checked here first: pyHanko logs a traceback of its own when it fails
        key, cert, _ = p12.load_key_and_certificates(data, passphrase)
    except (ValueError, TypeError) as e:
        reason = "no passphrase was given (it is needed when the file is protected)" if passphrase is None else \
            "wrong passphrase, or not a PKCS#12 file"
        raise SigningError(f"{shown}: cannot open the PKCS#12 key file: {reason}", code="signing-failed",
                           file=shown) from e
    if key is None or cert is None:
        raise SigningError(f"{shown}: the PKCS#12 file holds no key and certificate", code="signing-failed",
                           file=shown)
    problem = validity_problem(cert.not_valid_before_utc, cert.not_valid_after_utc, dt.datetime.now(dt.UTC))
    if problem is not None and not force:
        raise SigningError(f"{shown}: {problem}; sign with a valid certificate (or force it, knowing the "
                           "signature will not validate)", code="certificate-invalid", file=shown)
    return signers.SimpleSigner.load_pkcs12_data(data, (), passphrase=passphrase)


async def sign_pdf_async(pdf: Input, field: str, pkcs12: Input, *, passphrase: bytes | None = None,
                         output: str | os.PathLike[str] | None = None, name: str | None = None,
                         pkcs12_name: str | None = None, force: bool = False, date: dt.date | None = None) -> bytes:
    """Return ``pdf`` signed in ``field``, like :func:`sign_pdf`, with pyHanko's async API (for event loops)."""
    require_pyhanko()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from ._appearance import local_now, signing_date, stamp_style, stated_facts

    data, shown = read_input(pdf, name=name, error=SigningError, limit=PDF_LIMIT, what="PDF")
    reader = pdf_reader(data, shown)
    fields = _fields_of(reader, shown)
    target = field if field in fields else field_name(field)
    if target not in fields:
        listed = ", ".join(sorted(fields)) or "none"
        raise SigningError(f"{shown}: the PDF has no signature field for {field!r}; its fields: {listed}",
                           code="signature-invalid", file=shown, node=field)
    if fields[target]:
        raise SigningError(f"{shown}: field {target!r} is already signed; each party signs its own empty field once",
                           code="signature-invalid", file=shown, node=field)
    stated, langs = stated_facts(reader)
    today = local_now().date()
    day = signing_date(date, stated, today, shown=shown)
    signer = load_signer(pkcs12, passphrase, name=pkcs12_name, force=force)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        out = await signers.PdfSigner(signers.PdfSignatureMetadata(field_name=target), signer=signer,
                                      stamp_style=stamp_style(day, today, langs)).async_sign_pdf(writer)
    except Exception as e:  # untrusted bytes: any failure of pyHanko is a document it cannot sign
        raise SigningError(f"{shown}: cannot sign field {target!r}: {_short(e)}", code="signing-failed",
                           file=shown) from e
    signed: bytes = out.getvalue()
    if output is not None:
        write_output(output, signed, error=SigningError)
    return signed


def sign_pdf(pdf: Input, field: str, pkcs12: Input, *, passphrase: bytes | None = None,
             output: str | os.PathLike[str] | None = None, name: str | None = None,
             pkcs12_name: str | None = None, force: bool = False, date: dt.date | None = None) -> bytes:
    """Return ``pdf`` with a signature appended in ``field`` (also written to ``output`` when given).

    ``pdf`` and ``pkcs12`` are each a path, ``bytes`` or a binary file object; ``name`` and
    ``pkcs12_name`` are what messages call them. ``field`` is a party id (``polda-kalbar``) or a
    field name (``signature-polda-kalbar``). The signature is an incremental update: the bytes
    before it, and every earlier signature, stay exactly as they were. Works inside a running
    event loop too (see :func:`sign_pdf_async`). An expired or not yet valid certificate is refused
    unless ``force``.

    The signature's appearance names the signer and the date of signing: ``date``, by default the
    one the PDF's opening states (the lifecycle's, see ``/MouSigningDate``), else today. The
    signing time in the signature is always the machine's clock; the appearance prints it too
    when it falls on another day than ``date``.

    :raises SigningError: pyHanko is missing (``signing-unavailable``); the certificate is expired or
        not yet valid (``certificate-invalid``); the PDF has no such empty
        field (``signature-invalid``); the key file cannot be opened, or ``date`` differs from the
        date the PDF states or lies after today (``signing-failed``); the PDF
        is damaged (``pdf-damaged``); a file is missing (``file-missing``).
    """
    return run_sync(lambda: sign_pdf_async(pdf, field, pkcs12, passphrase=passphrase, output=output, name=name,
                                           pkcs12_name=pkcs12_name, force=force, date=date))
