"""How a party signs a finished PDF: an incremental signature in that party's own field."""

from __future__ import annotations

import io
import os
from pathlib import Path

from ..errors import RenderError
from ..render.finish import field_name
from ._hanko import require_pyhanko


def signature_fields(pdf: bytes) -> dict[str, bool]:
    """Return ``{field name: signed?}`` for every signature field of ``pdf``.

    :raises RenderError: pyHanko is missing (``signing-unavailable``) or the file is not a PDF
        (``signature-invalid``).
    """
    require_pyhanko()
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        return {name: value is not None for name, value, _ in enumerate_sig_fields(reader)}
    except (PdfReadError, ValueError, KeyError) as e:
        raise RenderError(f"not a readable PDF: {e}", code="signature-invalid") from e


def sign_pdf(pdf: str | os.PathLike[str] | bytes, field: str, pkcs12: str | os.PathLike[str], *,
             passphrase: bytes | None = None, output: str | os.PathLike[str] | None = None) -> bytes:
    """Return ``pdf`` with a signature appended in ``field`` (also written to ``output`` when given).

    ``field`` is a party id (``polda-kalbar``) or a field name (``signature-polda-kalbar``).
    The signature is an incremental update: the bytes before it, and every earlier
    signature, stay exactly as they were.

    :raises RenderError: pyHanko is missing (``signing-unavailable``); the PDF has no such empty
        field, the key file cannot be opened, or the PDF cannot be read (``signature-invalid``).
    """
    require_pyhanko()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign import signers

    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    fields = signature_fields(data)
    name = field if field in fields else field_name(field)
    if name not in fields:
        listed = ", ".join(sorted(fields)) or "none"
        raise RenderError(f"the PDF has no signature field for {field!r}; its fields: {listed}",
                          code="signature-invalid")
    if fields[name]:
        raise RenderError(f"field {name!r} is already signed; each party signs its own empty field once",
                          code="signature-invalid")
    signer = signers.SimpleSigner.load_pkcs12(str(pkcs12), passphrase=passphrase)  # type: ignore[no-untyped-call]
    if signer is None:
        raise RenderError(f"{pkcs12}: cannot open the PKCS#12 key file; check the file and --passphrase",
                          code="signature-invalid")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        out = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name=name), signer=signer)
    except (PdfReadError, ValueError) as e:
        raise RenderError(f"cannot sign field {name!r}: {e}", code="signature-invalid") from e
    signed: bytes = out.getvalue()
    if output is not None:
        Path(output).write_bytes(signed)
    return signed
