"""Dates from the term: effective date, end, notice deadline, evaluations, next deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from mou_kit.lifecycle import effective_date, end_date, next_deadline, notice_deadline, schedule
from mou_kit.lifecycle.dates import add_months
from tests.builders import build

D = dt.date


@pytest.mark.parametrize(("day", "months", "expected"), [
    (D(2023, 8, 1), 60, D(2028, 8, 1)), (D(2024, 1, 31), 1, D(2024, 2, 29)), (D(2023, 12, 15), 1, D(2024, 1, 15)),
    (D(2023, 3, 31), -1, D(2023, 2, 28)),
])
def test_add_months(day: D, months: int, expected: D) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("fields", "effective", "end", "notice"), [
    ({"date": D(2023, 8, 1), "term": {"duration_years": 5, "notice_days": 90}}, D(2023, 8, 1), D(2028, 7, 31),
     D(2028, 5, 2)),
    ({"date": D(2023, 8, 1), "term": {"effective_date": D(2023, 9, 1), "duration_months": 18}}, D(2023, 9, 1),
     D(2025, 2, 28), None),
    ({"term": {"effective_date": D(2024, 1, 1), "end_date": D(2024, 12, 31), "notice_days": 30}}, D(2024, 1, 1),
     D(2024, 12, 31), D(2024, 12, 1)),
    ({"term": {"duration_years": 5}}, None, None, None),
    ({"date": D(2023, 8, 1)}, D(2023, 8, 1), None, None),
])
def test_term_dates(fields: dict[str, object], effective: D | None, end: D | None, notice: D | None) -> None:
    agreement = build(**fields)
    assert (effective_date(agreement), end_date(agreement), notice_deadline(agreement)) == (effective, end, notice)


def test_schedule_lists_evaluations_notice_and_expiry_in_order() -> None:
    agreement = build(date=D(2023, 8, 1), term={"duration_years": 2, "notice_days": 90, "evaluation_months": 12,
                                                "renewal": "automatic"})
    assert [(d.kind, d.date) for d in schedule(agreement)] == [
        ("effective", D(2023, 8, 1)), ("evaluation", D(2024, 8, 1)), ("notice", D(2025, 5, 2)),
        ("expiry", D(2025, 7, 31))]
    assert "against automatic renewal" in schedule(agreement)[2].summary


@pytest.mark.parametrize(("today", "kind"), [
    (D(2023, 1, 1), "effective"), (D(2024, 8, 1), "evaluation"), (D(2024, 8, 2), "notice"), (D(2025, 8, 1), None)])
def test_next_deadline(today: D, kind: str | None) -> None:
    agreement = build(date=D(2023, 8, 1), term={"duration_years": 2, "notice_days": 90, "evaluation_months": 12})
    found = next_deadline(agreement, today)
    assert (found.kind if found else None) == kind


def test_terminated_agreement_has_no_next_deadline() -> None:
    agreement = build(state="terminated", date=D(2023, 8, 1), term={"duration_years": 2})
    assert next_deadline(agreement, D(2023, 9, 1)) is None
