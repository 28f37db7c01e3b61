"""Digital signatures on finished PDFs (pyHanko, the ``sign`` extra): sign, check, test certificates.

Importing it is cheap: pyHanko is imported only when a function runs, and a clear error
(code ``signing-unavailable``) says when it is missing.
"""

from ._certs import TestCertificates as TestCertificates, make_test_certificates as make_test_certificates
from ._verify import (
    DocumentMark as DocumentMark,
    SignatureCheck as SignatureCheck,
    check_signatures as check_signatures,
    check_signatures_async as check_signatures_async,
    document_mark as document_mark,
)
from .sign import (
    PDF_LIMIT as PDF_LIMIT,
    sign_pdf as sign_pdf,
    sign_pdf_async as sign_pdf_async,
    signature_fields as signature_fields,
)
