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
