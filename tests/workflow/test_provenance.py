"""Verifying which revision a signed PDF is: the agreed one passes; another revision, a changed byte, fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_kit.demo.signing import SignedDemo
from mou_kit.render import fingerprint, render_pdf
from mou_kit.signing import sign_pdf
from mou_kit.workflow import verify_document
from mou_kit.workspace import Workspace
from tests.builders import build
from tests.demo_fixtures import changed_copy


def _sign_polda(pdf: bytes, demo: SignedDemo) -> bytes:
    return sign_pdf(pdf, "polda-kalbar", demo.certificates / "polda-kalbar.p12", passphrase=b"mou-demo")


def test_pdf_of_another_revision_fails(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo_repo) as ws:
        first = ws.log()[-1]
        draft = ws.read(first.id)
    path = tmp_path / "draft.pdf"
    path.write_bytes(_sign_polda(render_pdf(draft, revision=first.short_id), signed_demo))
    found = verify_document(path, trust=[signed_demo.certificates / "root.pem"], repository=demo_repo,
                            allow_unsigned=True)
    assert found.signatures[0].ok  # the signature itself is fine ...
    assert found.revision is not None and found.revision.id == first.id
    assert found.problems == [f"draft.pdf is revision {first.short_id} (draft), not the agreed text of "
                              "tppo-kalbar; render the PDF from the agreed revision"]  # ... but not on the agreed text


def test_expected_revision_is_checked(signed_demo: SignedDemo, demo_repo: Path) -> None:
    with Workspace.open(demo_repo) as ws:
        first = ws.log()[-1].short_id
    found = verify_document(signed_demo.signed_pdf, repository=demo_repo, expect=first, allow_untrusted=True)
    assert found.problems == [f"tppo-kalbar-signed.pdf is revision {signed_demo.agreed_revision} (agreed), not the "
                              f"expected revision {first}; render the PDF from {first}"]


def test_changed_byte_fails(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    path = changed_copy(signed_demo.signed_pdf, tmp_path / "changed.pdf", at=0.25)
    found = verify_document(path, trust=[signed_demo.certificates / "root.pem"], repository=demo_repo)
    assert not found.ok
    assert any("the signed bytes were changed after signing" in p for p in found.problems)


def test_content_of_no_revision_fails(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    path = tmp_path / "other.pdf"
    render_pdf(build(), path, revision="0123456789")
    found = verify_document(path, repository=demo_repo, allow_unsigned=True)
    assert found.revision is None
    assert found.problems == [f"other.pdf: its content (sha256:{found.mark.fingerprint[:16]}, revision 0123456789) "
                              f"is no revision of {demo_repo}; it was rendered from other content or altered"]


@pytest.mark.parametrize("party", ["bp3mi-kalbar"])
def test_missing_party_signature_fails(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path, party: str) -> None:
    path = tmp_path / "one.pdf"
    path.write_bytes(_sign_polda(signed_demo.pdf.read_bytes(), signed_demo))
    found = verify_document(path, repository=demo_repo, parties=["polda-kalbar", party], allow_unsigned=True,
                            allow_untrusted=True)
    assert found.problems == [f"no valid signature in the field of {party}"]


def test_metadata_relabelled_after_signing_fails(signed_demo: SignedDemo, demo_repo: Path, tmp_path: Path) -> None:
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with Workspace.open(demo_repo) as ws:
        first = ws.log()[-1]
        other = fingerprint(ws.read(first.id))
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_demo.signed_pdf.read_bytes()))
    info = writer.trailer["/Info"]
    info[generic.NameObject("/MouFingerprint")] = generic.TextStringObject(f"sha256:{other}")
    writer.mark_update(writer.trailer.raw_get("/Info"))
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "relabelled.pdf"
    path.write_bytes(out.getvalue())
    found = verify_document(path, repository=demo_repo, allow_untrusted=True)
    assert all(c.intact for c in found.signatures)  # pyHanko lets metadata change after signing ...
    # ... so the revision is read from the metadata as signed
    assert found.revision is not None and found.revision.short_id == signed_demo.agreed_revision
    assert found.problems == ["relabelled.pdf: the revision or fingerprint in its metadata was changed after signing; "
                              "only the signed metadata counts"]
