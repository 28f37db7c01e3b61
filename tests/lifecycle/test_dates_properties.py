"""Properties of the term dates over many terms: order holds, evaluations fall inside the term."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from mou_kit.lifecycle import effective_date, end_date, notice_deadline, schedule
from tests.builders import build

terms = st.fixed_dictionaries({
    "duration_years": st.integers(1, 10), "notice_days": st.integers(0, 365),
    "evaluation_months": st.integers(1, 24), "renewal": st.sampled_from(["none", "by-agreement", "automatic"])})


@given(signed=st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)), term=terms)
def test_term_dates_are_ordered(signed: dt.date, term: dict[str, object]) -> None:
    agreement = build(date=signed, term=term)
    start, end, notice = effective_date(agreement), end_date(agreement), notice_deadline(agreement)
    assert start == signed and end is not None and notice is not None
    assert start < end and notice <= end
    found = schedule(agreement)
    assert [d.date for d in found] == sorted(d.date for d in found)
    assert all(start < d.date <= end for d in found if d.kind == "evaluation")
