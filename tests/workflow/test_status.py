"""Status of one agreement: state, last meeting, next deadline and what is open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mou_kit.workflow import agreement_status
from tests.conftest import EXAMPLES


def test_signed_demo_status(demo_repo: Path) -> None:
    found = agreement_status(demo_repo, today=dt.date(2024, 1, 1))
    assert (found.state.value, found.last_meeting.id if found.last_meeting else None) == ("signed", "rapat-2023-07-25")
    assert found.next_deadline is not None and (found.next_deadline.kind, str(found.next_deadline.date)) == (
        "evaluation", "2024-08-01")
    assert found.open == []
    data = found.to_dict()
    assert found.since is not None and str(found.since.date) == "2023-08-01"
    assert list(data) == ["id", "title", "parties", "state", "link", "since", "path", "revision", "last_meeting",
                          "next_deadline", "deadlines", "open"]


def test_plain_folder_in_draft_is_open() -> None:
    found = agreement_status(EXAMPLES / "tppo-kalbar", today=dt.date(2024, 1, 1))
    assert (found.state.value, found.revision, found.next_deadline) == ("draft", None, None)
    assert found.open == ["not signed"]
