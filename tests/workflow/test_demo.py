"""Given the example's negotiation history, when the demo signs it, then three signatures prove the agreed text."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar

from mou_kit.demo.signing import SignedDemo
from mou_kit.model import LifecycleState
from mou_kit.workspace import Workspace


def test_three_valid_signatures_on_the_agreed_revision(signed_demo: SignedDemo) -> None:
    check = signed_demo.verification
    assert check.ok, check.problems
    assert [c.party for c in check.signatures] == ["polda-kalbar", "bp3mi-kalbar", "kanwil-kemenkumham-kalbar"]
    assert all(c.ok and c.trusted for c in check.signatures)
    assert check.revision is not None and check.revision.short_id == signed_demo.agreed_revision
    assert check.state == LifecycleState.AGREED


def test_history_records_each_move_with_a_stage_trailer(signed_demo: SignedDemo, demo_repo: Path) -> None:
    with Workspace.open(demo_repo) as ws:
        head = ws.read()
        stages = [(r.stage, r.summary) for r in ws.log(limit=3)]
    assert head.state == LifecycleState.SIGNED and str(head.date) == "2023-08-01"
    assert stages == [("signed", "Lifecycle: agreed -> signed on 2023-08-01"),
                      ("agreed", "Lifecycle: negotiation -> agreed on 2023-07-25"),
                      ("negotiation", "Lifecycle: draft -> negotiation on 2023-07-25")]


def test_calendar_has_expiry_notice_and_evaluations(signed_demo: SignedDemo) -> None:
    events = Calendar.from_ical(signed_demo.calendar.read_bytes()).walk("VEVENT")
    kinds = [str(e["categories"].cats[0]) for e in events]
    assert kinds == ["evaluation"] * 4 + ["notice", "expiry"]
    assert str(events[-1].decoded("dtstart")) == "2028-07-31"


def test_lines_to_print(signed_demo: SignedDemo) -> None:
    assert signed_demo.lines[0] == f"agreed: revision {signed_demo.agreed_revision} on 2023-07-25"
    assert len([line for line in signed_demo.lines if line.startswith("signed by")]) == 3


def test_opening_and_every_signature_show_the_lifecycles_date_of_signing(signed_demo: SignedDemo) -> None:
    from pypdf import PdfReader

    from tests.signing.test_appearance import appearance_lines

    pdf = signed_demo.signed_pdf.read_bytes()
    opening = " ".join((PdfReader(signed_demo.signed_pdf).pages[0].extract_text() or "").split())
    assert "Pada hari ini Selasa, tanggal satu, bulan Agustus, tahun dua ribu dua puluh tiga, bertempat di " \
           "Pontianak" in opening
    for check in signed_demo.verification.signatures:
        lines = appearance_lines(pdf, check.party)
        assert lines[2:4] == ["Tanggal penandatanganan:", "1 Agustus 2023"]
        assert check.time is not None and lines[5] == f"{check.time:%Y-%m-%d %H:%M:%S %Z}"  # the real time, shown


def test_verify_names_a_signing_date_the_lifecycle_does_not_record(signed_demo: SignedDemo, demo_repo: Path,
                                                                    tmp_path: Path) -> None:
    import datetime as dt
    import shutil

    from mou_kit.workflow import verify_document

    copy = tmp_path / "repo"
    shutil.copytree(demo_repo, copy)
    with Workspace.open(copy) as ws:
        head = ws.read()
        ws.commit(head.model_copy(update={"date": dt.date(2023, 8, 2)}), "The ceremony moved a day")
    found = verify_document(signed_demo.signed_pdf, trust=[signed_demo.certificates / "root.pem"], repository=copy)
    assert found.problems == ["tppo-kalbar-signed.pdf states the date of signing 2023-08-01, but the lifecycle of "
                              "tppo-kalbar records 2023-08-02; record the date of signing with 'agreed' and render "
                              "the PDF again"]
