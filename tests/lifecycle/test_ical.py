"""The calendar file: one all-day event per deadline, stable ids, read back with icalendar."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from mou_kit.lifecycle import calendar_ics
from tests.builders import build


def test_calendar_holds_expiry_notice_and_evaluations() -> None:
    agreement = build(date=dt.date(2023, 8, 1), term={"duration_years": 2, "notice_days": 90,
                                                      "evaluation_months": 12})
    stamp = dt.datetime(2023, 8, 1, tzinfo=dt.UTC)
    data = calendar_ics(agreement, stamp=stamp)
    events = Calendar.from_ical(data).walk("VEVENT")
    assert [(str(e["uid"]), e.decoded("dtstart")) for e in events] == [
        ("test-agreement-evaluation-2024-08-01@mou-kit", dt.date(2024, 8, 1)),
        ("test-agreement-notice-2025-05-02@mou-kit", dt.date(2025, 5, 2)),
        ("test-agreement-expiry-2025-07-31@mou-kit", dt.date(2025, 7, 31)),
    ]
    assert all(e.walk("VALARM") for e in events)
    assert calendar_ics(agreement, stamp=stamp) == data


def test_calendar_of_an_unsigned_agreement_is_empty() -> None:
    assert Calendar.from_ical(calendar_ics(build(term={"duration_years": 5}))).walk("VEVENT") == []
