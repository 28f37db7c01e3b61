"""When things fall due under an agreement: effective date, evaluations, notice deadline and end."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import Agreement, LifecycleState

DeadlineKind = Literal["effective", "evaluation", "notice", "expiry"]
_OVER = frozenset({LifecycleState.TERMINATED})


@dataclass(frozen=True, slots=True)
class Deadline:
    """One dated event of an agreement's term: what falls due, on which day."""

    kind: DeadlineKind
    date: dt.date
    summary: str


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved by ``months`` calendar months, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def effective_date(agreement: Agreement) -> dt.date | None:
    """Return the day the agreement takes effect: the term's date, else the date of signing, else ``None``."""
    term = agreement.term
    if term is not None and term.effective_date is not None:
        return term.effective_date
    return agreement.date


def end_date(agreement: Agreement) -> dt.date | None:
    """Return the last day the agreement is in force (``None``: open-ended, or not yet effective).

    An explicit ``term.end_date`` wins; otherwise the end is the effective date plus the
    duration, less one day (five years from 1 August 2023 end on 31 July 2028).
    """
    term = agreement.term
    if term is None:
        return None
    if term.end_date is not None:
        return term.end_date
    start = effective_date(agreement)
    months = (term.duration_years or 0) * 12 + (term.duration_months or 0)
    if start is None or months == 0:
        return None
    return add_months(start, months) - dt.timedelta(days=1)


def notice_deadline(agreement: Agreement) -> dt.date | None:
    """Return the last day to give notice before the end (``None``: no end or no notice period)."""
    end = end_date(agreement)
    term = agreement.term
    if end is None or term is None or term.notice_days is None:
        return None
    return end - dt.timedelta(days=term.notice_days)


def schedule(agreement: Agreement) -> list[Deadline]:
    """Return every dated event of the agreement's term, in date order (empty before it has dates)."""
    start = effective_date(agreement)
    if start is None:
        return []
    end = end_date(agreement)
    term = agreement.term
    out = [Deadline("effective", start, "takes effect")]
    if term is not None and term.evaluation_months:
        step, k = term.evaluation_months, 1
        while (day := add_months(start, step * k)) <= (end or add_months(start, 120)) and k <= 100:
            out.append(Deadline("evaluation", day, f"evaluation {k}"))
            k += 1
    notice = notice_deadline(agreement)
    if notice is not None and term is not None:
        what = {"automatic": "last day to give notice against automatic renewal",
                "by-agreement": "last day to propose renewal or give notice",
                "none": "last day to give notice"}[term.renewal]
        out.append(Deadline("notice", notice, f"{what} ({term.notice_days} days before the end)"))
    if end is not None:
        out.append(Deadline("expiry", end, "last day in force" + (
            "; renews automatically" if term is not None and term.renewal == "automatic" else "")))
    return sorted(out, key=lambda d: d.date)


def next_deadline(agreement: Agreement, today: dt.date) -> Deadline | None:
    """Return the first event on or after ``today`` (``None``: none left, or the agreement is terminated)."""
    return upcoming(schedule(agreement), agreement.state, today)


def upcoming(deadlines: Sequence[Deadline], state: LifecycleState, today: dt.date) -> Deadline | None:
    """Return the first of ``deadlines`` (a :func:`schedule`) on or after ``today`` for an agreement in ``state``."""
    if state in _OVER:
        return None
    return next((d for d in deadlines if d.date >= today), None)
