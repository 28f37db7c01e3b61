"""Test certificates for signing demos and tests: a root CA and one signer per party, as PKCS#12.

These keys are for trying the workflow out; a real signing uses the certificate a party's
certification authority issued (for Indonesian government bodies, BSrE).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEMO_PASSPHRASE = b"mou-demo"
"""The passphrase of every PKCS#12 file :func:`make_test_certificates` writes."""


@dataclass(frozen=True, slots=True)
class TestCertificates:
    """What :func:`make_test_certificates` wrote: the root certificate and one PKCS#12 per party."""

    __test__ = False  # not a pytest test class

    root: Path
    pkcs12: dict[str, Path] = field(default_factory=dict)
    passphrase: bytes = DEMO_PASSPHRASE
    root_key: Path | None = None
    """The test root's private key (PEM, unencrypted), to issue a revocation list in tests."""


def make_test_certificates(folder: str | os.PathLike[str], parties: Sequence[tuple[str, str]], *,
                           organisation: str = "mou_kit demo CA", now: dt.datetime | None = None,
                           passphrase: bytes = DEMO_PASSPHRASE) -> TestCertificates:
    """Return the paths of a new test root CA (``root.pem``) and one ``<party>.p12`` per party.

    ``parties`` are ``(party id, signer's name)`` pairs; each signer certificate is issued by
    the root, valid for ten years from ``now``, with the key usages a PDF signature needs.
    Keys are ECDSA P-256 (fast to make, accepted by pyHanko and Acrobat).
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    start = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=1)
    end = start + dt.timedelta(days=3650)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])

    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = name(f"{organisation} root")
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    (out / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    (out / "root-key.pem").write_bytes(root_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    made = TestCertificates(root=out / "root.pem", passphrase=passphrase, root_key=out / "root-key.pem")
    for party, signer in parties:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (x509.CertificateBuilder().subject_name(name(signer)).issuer_name(root_name)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(start).not_valid_after(end)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                             data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                             crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()),
                               critical=False)
                .sign(root_key, hashes.SHA256()))
        blob = pkcs12.serialize_key_and_certificates(
            party.encode(), key, cert, [root], serialization.BestAvailableEncryption(passphrase))
        path = out / f"{party}.p12"
        path.write_bytes(blob)
        made.pkcs12[party] = path
    return made


def make_test_crl(certs: TestCertificates, revoked: Sequence[str], *, when: dt.datetime | None = None) -> bytes:
    """Return a revocation list (DER) from the test root, revoking the certificates of the ``revoked`` parties."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    if certs.root_key is None:
        raise ValueError("these test certificates were made without their root key")
    key = serialization.load_pem_private_key(certs.root_key.read_bytes(), None)
    root = x509.load_pem_x509_certificate(certs.root.read_bytes())
    moment = when or dt.datetime.now(dt.UTC)
    builder = (x509.CertificateRevocationListBuilder().issuer_name(root.subject)
               .last_update(moment - dt.timedelta(hours=1)).next_update(moment + dt.timedelta(days=30)))
    for party in revoked:
        _, cert, _ = pkcs12.load_key_and_certificates(certs.pkcs12[party].read_bytes(), certs.passphrase)
        assert cert is not None
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(cert.serial_number)
            .revocation_date(moment - dt.timedelta(minutes=30)).build())
    crl = builder.sign(key, hashes.SHA256())  # type: ignore[arg-type]
    return crl.public_bytes(serialization.Encoding.DER)
