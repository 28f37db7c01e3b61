"""A finished PDF of a two-party agreement and test certificates for its parties, made once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_kit.render import render_pdf
from mou_kit.signing import TestCertificates, make_test_certificates
from tests.builders import build


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> TestCertificates:
    """A demo root and one PKCS#12 per party of the builder's agreement."""
    return make_test_certificates(tmp_path_factory.mktemp("certs"), [("party-1", "Pejabat 1"),
                                                                     ("party-2", "Pejabat 2")])


@pytest.fixture(scope="module")
def unsigned() -> bytes:
    """The finished PDF of a two-party agreement: two empty signature fields."""
    return render_pdf(build("a1[c1,c2]", state="agreed"), revision="abc1234567")


def signed_by(pdf: bytes, certs: TestCertificates, *parties: str) -> bytes:
    """Return ``pdf`` signed in turn by ``parties``."""
    from mou_kit.signing import sign_pdf

    for party in parties:
        pdf = sign_pdf(pdf, party, certs.pkcs12[party], passphrase=certs.passphrase)
    return pdf


@pytest.fixture(scope="module")
def both(unsigned: bytes, certs: TestCertificates) -> bytes:
    """The PDF signed by both parties."""
    return signed_by(unsigned, certs, "party-1", "party-2")


__all__ = ["Path", "signed_by"]
