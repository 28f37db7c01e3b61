"""Carry an agreement repository from negotiation to signed, sign its PDF for each party and verify it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import mou_kit


def main(repository: Path, out: Path) -> mou_kit.Verification:
    with mou_kit.Workspace.open(repository) as ws:
        agreed, _ = mou_kit.advance_revision(ws, "agreed", date=dt.date(2023, 7, 25))
        agreement = ws.read(agreed.id)
    pdf = out / "agreed.pdf"
    mou_kit.render_pdf(agreement, pdf, revision=agreed.short_id)
    signers = [(p.id, p.signatory.name if p.signatory else p.id) for p in agreement.parties]
    certs = mou_kit.make_test_certificates(out / "certs", signers)
    data = pdf.read_bytes()
    for party in agreement.parties:
        data = mou_kit.sign_pdf(data, party.id, certs.pkcs12[party.id], passphrase=certs.passphrase)
    (out / "signed.pdf").write_bytes(data)
    return mou_kit.verify_document(out / "signed.pdf", trust=[certs.root], repository=repository,
                                   parties=[p.id for p in agreement.parties])


if __name__ == "__main__":
    found = main(Path(sys.argv[1]), Path(sys.argv[2]))
    print("ok" if found.ok else "\n".join(found.problems))
