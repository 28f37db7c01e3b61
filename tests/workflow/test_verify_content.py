"""Issue #20, item 1: a signed PDF is verified by its text and its signers, never by its label alone."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from mou_kit import make_test_certificates, render_pdf, sign_pdf, verify_document
from mou_kit.demo.signing import SignedDemo
from mou_kit.errors import SigningError
from mou_kit.signing._certs import DEMO_PASSPHRASE
from mou_kit.workspace import Workspace

PARTIES = ("polda-kalbar", "bp3mi-kalbar", "kanwil-kemenkumham-kalbar")


def _sign_all(pdf: bytes, certs: Path, *, cert_for: dict[str, str] | None = None) -> bytes:
    for party in PARTIES:
        key = (cert_for or {}).get(party, party)
        pdf = sign_pdf(pdf, party, certs / f"{key}.p12", passphrase=DEMO_PASSPHRASE)
    return pdf


def _relabel(pdf: bytes, like: bytes) -> bytes:
    """Copy the mou entries of ``like``'s metadata onto ``pdf`` (a forger's first move)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    source = PdfReader(io.BytesIO(like)).metadata or {}
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({NameObject(k): TextStringObject(str(source[k]))
                         for k in ("/MouRevision", "/MouFingerprint", "/MouRender", "/Keywords") if k in source})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_altered_under_a_copied_label_fails(signed_demo: SignedDemo, demo_repo: Path) -> None:
    with Workspace.open(demo_repo) as ws:
        agreed = ws.read(signed_demo.agreed_revision)
    forged = agreed.model_copy(deep=True)
    article = next(a for a in forged.articles if a.id == "pembiayaan")
    article.clauses[0].text = {lang: text.replace("dibebankan pada anggaran masing-masing PIHAK",
                                                  "dibebankan seluruhnya kepada PIHAK KEDUA")
                               for lang, text in article.clauses[0].text.items()}  # type: ignore[union-attr]
    agreed_pdf = signed_demo.pdf.read_bytes()
    fake = _relabel(render_pdf(forged, revision=signed_demo.agreed_revision[:10]), agreed_pdf)
    signed = _sign_all(fake, signed_demo.certificates)
    found = verify_document(signed, name="forged.pdf", trust=[signed_demo.certificates / "root.pem"],
                            repository=demo_repo)
    assert not found.ok
    assert any("its text is not the text of revision" in p and "seluruhnya kepada" in p
               for p in found.problems), found.problems


def test_the_real_signed_copy_verifies(signed_demo: SignedDemo, demo_repo: Path) -> None:
    found = verify_document(signed_demo.signed_pdf, trust=[signed_demo.certificates / "root.pem"],
                            repository=demo_repo)
    assert found.ok, found.problems


def test_unsigned_copy_is_not_verified_unless_asked(signed_demo: SignedDemo, demo_repo: Path) -> None:
    root = [signed_demo.certificates / "root.pem"]
    found = verify_document(signed_demo.pdf, trust=root, repository=demo_repo)
    assert not found.ok and any("carries no signature" in p for p in found.problems)
    assert verify_document(signed_demo.pdf, trust=root, repository=demo_repo, allow_unsigned=True).ok


def test_partly_signed_copy_names_the_missing_fields(signed_demo: SignedDemo, demo_repo: Path) -> None:
    one = sign_pdf(signed_demo.pdf, "polda-kalbar", signed_demo.certificates / "polda-kalbar.p12",
                   passphrase=DEMO_PASSPHRASE)
    found = verify_document(one, trust=[signed_demo.certificates / "root.pem"], repository=demo_repo)
    assert any("not signed in signature-bp3mi-kalbar, signature-kanwil-kemenkumham-kalbar" in p
               for p in found.problems), found.problems


def test_without_a_trusted_root_it_is_not_verified_unless_asked(signed_demo: SignedDemo, demo_repo: Path) -> None:
    found = verify_document(signed_demo.signed_pdf, repository=demo_repo)
    assert not found.ok and any("no trusted root was given" in p for p in found.problems)
    assert verify_document(signed_demo.signed_pdf, repository=demo_repo, allow_untrusted=True).ok


def test_another_partys_certificate_in_a_field_fails(signed_demo: SignedDemo, demo_repo: Path) -> None:
    swapped = _sign_all(signed_demo.pdf.read_bytes(), signed_demo.certificates,
                        cert_for={"polda-kalbar": "bp3mi-kalbar", "bp3mi-kalbar": "polda-kalbar"})
    found = verify_document(swapped, trust=[signed_demo.certificates / "root.pem"], repository=demo_repo)
    assert not found.ok
    assert any(p.startswith("signature signature-polda-kalbar: signed by") and "not by the signatory of "
               "polda-kalbar" in p for p in found.problems), found.problems


def test_expired_certificate_is_refused_and_named(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo_repo) as ws:
        parties = [(p.id, p.signatory.name if p.signatory else p.id) for p in ws.read().parties]
    old = make_test_certificates(tmp_path / "old", parties, now=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(SigningError) as refused:
        sign_pdf(signed_demo.pdf, "polda-kalbar", old.pkcs12["polda-kalbar"], passphrase=old.passphrase)
    assert refused.value.code == "certificate-invalid" and "expired on 2009-12-" in str(refused.value)
    pdf = signed_demo.pdf.read_bytes()
    for party, _ in parties:
        pdf = sign_pdf(pdf, party, old.pkcs12[party], passphrase=old.passphrase, force=True)
    found = verify_document(pdf, trust=[old.root], repository=demo_repo)
    assert any("the certificate expired on 2009-12-" in p for p in found.problems), found.problems
    assert not any("does not chain" in p for p in found.problems)


def test_a_revoked_certificate_is_named_from_the_revocation_list(signed_demo: SignedDemo, demo_repo: Path,
                                                                 tmp_path: Path) -> None:
    from mou_kit.signing._certs import make_test_crl

    with Workspace.open(demo_repo) as ws:
        parties = [(p.id, p.signatory.name if p.signatory else p.id) for p in ws.read().parties]
    certs = make_test_certificates(tmp_path / "certs", parties)
    pdf = signed_demo.pdf.read_bytes()
    for party, _ in parties:
        pdf = sign_pdf(pdf, party, certs.pkcs12[party], passphrase=certs.passphrase)
    assert verify_document(pdf, trust=[certs.root], repository=demo_repo).ok
    crl = make_test_crl(certs, ["bp3mi-kalbar"])
    found = verify_document(pdf, trust=[certs.root], repository=demo_repo, crls=[crl])
    assert [c.party for c in found.signatures if c.certificate_problem] == ["bp3mi-kalbar"]
    assert any("bp3mi-kalbar" in p and "the certificate was revoked on" in p for p in found.problems), found.problems
