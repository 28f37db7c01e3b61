"""Signing: each party's field in turn, earlier signatures intact; wrong fields and keys refused."""

from __future__ import annotations

import sys

import pytest

from mou_kit.errors import SigningError
from mou_kit.signing import TestCertificates, sign_pdf, signature_fields
from tests.signing.conftest import signed_by


def test_fields_one_per_party(unsigned: bytes) -> None:
    assert signature_fields(unsigned) == {"signature-party-1": False, "signature-party-2": False}


def test_signing_appends_and_keeps_the_earlier_bytes(unsigned: bytes, certs: TestCertificates) -> None:
    first = signed_by(unsigned, certs, "party-1")
    second = signed_by(first, certs, "party-2")
    assert first.startswith(unsigned) and second.startswith(first)
    assert signature_fields(second) == {"signature-party-1": True, "signature-party-2": True}


@pytest.mark.parametrize(("field", "message"), [
    ("party-9", "<bytes>: the PDF has no signature field for 'party-9'; its fields: signature-party-1, "
                "signature-party-2"),
])
def test_unknown_field_is_refused(unsigned: bytes, certs: TestCertificates, field: str, message: str) -> None:
    with pytest.raises(SigningError) as caught:
        sign_pdf(unsigned, field, certs.pkcs12["party-1"], passphrase=certs.passphrase)
    assert caught.value.message == message
    assert caught.value.code == "signature-invalid"


def test_a_field_is_signed_once(both: bytes, certs: TestCertificates) -> None:
    with pytest.raises(SigningError, match="field 'signature-party-1' is already signed"):
        sign_pdf(both, "signature-party-1", certs.pkcs12["party-1"], passphrase=certs.passphrase)


def test_wrong_passphrase_is_a_clear_error(unsigned: bytes, certs: TestCertificates) -> None:
    with pytest.raises(SigningError, match=r"party-1\.p12: cannot open the PKCS#12 key file: wrong") as caught:
        sign_pdf(unsigned, "party-1", certs.pkcs12["party-1"], passphrase=b"wrong")
    assert (caught.value.code, caught.value.file) == ("signing-failed", str(certs.pkcs12["party-1"]))


def test_a_missing_passphrase_says_so_without_a_traceback(unsigned: bytes, certs: TestCertificates,
                                                          capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SigningError, match="cannot open the PKCS#12 key file: no passphrase was given"):
        sign_pdf(unsigned, "party-1", certs.pkcs12["party-1"].read_bytes(), pkcs12_name="key.p12")
    assert capfd.readouterr().err == ""


def test_missing_pyhanko_is_a_clear_error(unsigned: bytes, certs: TestCertificates,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyhanko", None)
    with pytest.raises(SigningError) as caught:
        sign_pdf(unsigned, "party-1", certs.pkcs12["party-1"])
    assert caught.value.code == "signing-unavailable"
    assert "install the 'sign' extra" in caught.value.message
