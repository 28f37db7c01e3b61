"""A calendar day an agreement can hold: a real date between 1900 and 2999.

Dates far from that range are typing mistakes (``9999-12-31``), and computing an end date or a
notice deadline from them would leave the calendar Python can represent.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator

FIRST_YEAR = 1900
LAST_YEAR = 2999


def _plausible(day: dt.date) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{day.isoformat()} is not between {FIRST_YEAR} and {LAST_YEAR}; check the year")
    return day


Day = Annotated[dt.date, AfterValidator(_plausible)]
"""A date of an agreement or meeting (signing, effect, end, meeting day)."""
