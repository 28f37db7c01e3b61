"""The end of the example's story: agreed, rendered, signed by its three parties, verified, in the calendar."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LifecycleError
from ..lifecycle import calendar_ics
from ..model import LifecycleState
from ..render import render_pdf
from ..signing import make_test_certificates, sign_pdf
from ..workflow.provenance import Verification, verify_document
from ..workflow.stages import advance_revision
from ..workspace import Workspace

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
AGREED_ON = dt.date(2023, 7, 25)
SIGNED_ON = dt.date(2023, 8, 1)


@dataclass(slots=True)
class SignedDemo:
    """What :func:`sign_example` wrote and found."""

    agreed_revision: str
    signed_revision: str
    pdf: Path
    signed_pdf: Path
    calendar: Path
    certificates: Path
    verification: Verification
    lines: list[str] = field(default_factory=list)


def sign_example(repository: str | os.PathLike[str], out: str | os.PathLike[str]) -> SignedDemo:
    """Return what carrying the example repository from its agreed meeting to signed wrote into ``out``.

    ``repository`` is the history :func:`mou_kit.demo.history.build_example_history` built. The
    agreement moves to negotiation and agreed (25 July 2023); the agreed revision is rendered to
    ``out/<id>-agreed.pdf``; a demo CA and one certificate per party go to ``out/certificates``;
    each party signs its field in turn (``out/<id>-signed.pdf``); the three signatures are
    verified against the demo root and the agreed revision; the agreement moves to signed
    (1 August 2023) and its deadlines go to ``out/<id>.ics``.

    :raises LifecycleError: a move or guard failed, or the signed PDF did not verify.
    """
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    at = dt.datetime.combine(AGREED_ON, dt.time(16, 0), WIB)
    with Workspace.open(repository) as ws:
        advance_revision(ws, LifecycleState.NEGOTIATION, date=AGREED_ON, when=at)
        agreed, _ = advance_revision(ws, LifecycleState.AGREED, date=AGREED_ON, signing_date=SIGNED_ON,
                                     when=at + dt.timedelta(minutes=5))
        agreement = ws.read(agreed.id)
    pdf = target / f"{agreement.id}-agreed.pdf"
    render_pdf(agreement, pdf, revision=agreed.short_id, folder=repository)
    certs = make_test_certificates(target / "certificates", [
        (p.id, p.signatory.name if p.signatory else p.id) for p in agreement.parties])
    signed = target / f"{agreement.id}-signed.pdf"
    data = pdf.read_bytes()
    for party in agreement.parties:
        data = sign_pdf(data, party.id, certs.pkcs12[party.id], passphrase=certs.passphrase)
    signed.write_bytes(data)
    parties = [p.id for p in agreement.parties]
    check = verify_document(signed, trust=[certs.root], repository=repository, expect=agreed.id, parties=parties)
    if not check.ok:
        raise LifecycleError("the signed demo PDF did not verify: " + "; ".join(check.problems),
                             code="signature-invalid")
    with Workspace.open(repository) as ws:
        done, _ = advance_revision(ws, LifecycleState.SIGNED, signed_by=[c.party for c in
                                   check.signatures if c.ok],
                                   when=dt.datetime.combine(SIGNED_ON, dt.time(10, 0), WIB))
        final = ws.read()
    calendar = target / f"{agreement.id}.ics"
    calendar.write_bytes(calendar_ics(final, stamp=dt.datetime(2023, 8, 1, 3, 0, tzinfo=dt.UTC)))
    lines = [f"agreed: revision {agreed.short_id} on {AGREED_ON}", f"rendered {pdf}",
             *(f"signed by {c.party}: {c.signer} (intact, trusted)" for c in check.signatures),
             f"verified: {signed} is revision {check.revision.short_id if check.revision else '?'} (agreed)",
             f"signed: revision {done.short_id} on {SIGNED_ON}", f"calendar: {calendar}"]
    return SignedDemo(agreed.short_id, done.short_id, pdf, signed, calendar, target / "certificates", check, lines)
