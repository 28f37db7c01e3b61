"""Where an agreement stands and what falls due: states, transitions, guards and dates (pure).

Imports only ``model/``; git, the linter and signing reach it through the caller, as data.
"""

from ._ical import calendar_ics as calendar_ics
from ._links import link_problems as link_problems, parent_of as parent_of, problems_of_link as problems_of_link
from .advance import advance as advance
from .dates import (
    Deadline as Deadline,
    effective_date as effective_date,
    end_date as end_date,
    next_deadline as next_deadline,
    notice_deadline as notice_deadline,
    schedule as schedule,
    upcoming as upcoming,
)
from .guards import OpenItems as OpenItems, check_edit as check_edit, missing_signatories as missing_signatories
from .transitions import TRANSITIONS as TRANSITIONS, Event as Event, allowed as allowed, check_move as check_move
