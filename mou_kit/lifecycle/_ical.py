"""The agreement's deadlines as an iCalendar file that any calendar program imports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..model import Agreement, TextRenderer
from .dates import Deadline, schedule

CALENDAR_KINDS = ("evaluation", "notice", "expiry")
"""The deadlines exported to a calendar (the effective date is history by the time anyone imports it)."""


def calendar_ics(agreement: Agreement, deadlines: Sequence[Deadline] | None = None, *,
                 stamp: dt.datetime | None = None, alarm_days: int = 14) -> bytes:
    """Return an iCalendar file with one all-day event per deadline, each with a reminder.

    ``deadlines`` defaults to the agreement's expiry, notice deadline and evaluation dates.
    Event ids are stable (agreement id, kind and date), so importing a newer file updates the
    events instead of doubling them. ``stamp`` is the file's DTSTAMP (default: now, UTC).
    """
    from icalendar import Alarm, Calendar, Event

    chosen = [d for d in schedule(agreement) if d.kind in CALENDAR_KINDS] if deadlines is None else deadlines
    title = TextRenderer(agreement, agreement.main_language).pick(agreement.title) or agreement.id
    cal = Calendar()
    cal.add("prodid", "-//mou_kit//lifecycle//EN")
    cal.add("version", "2.0")
    when = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for deadline in chosen:
        event = Event()
        event.add("uid", f"{agreement.id}-{deadline.kind}-{deadline.date.isoformat()}@mou-kit")
        event.add("dtstamp", when)
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + dt.timedelta(days=1))
        event.add("summary", f"{agreement.id}: {deadline.summary}")
        event.add("description", title)
        event.add("categories", [deadline.kind])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{agreement.id}: {deadline.summary}")
        alarm.add("trigger", dt.timedelta(days=-alarm_days))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
