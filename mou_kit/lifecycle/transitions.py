"""Which lifecycle moves are allowed: the one transition table, and the record of a move."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import LifecycleError
from ..model import LifecycleState

S = LifecycleState

TRANSITIONS: dict[LifecycleState, tuple[LifecycleState, ...]] = {
    S.DRAFT: (S.NEGOTIATION,),
    S.NEGOTIATION: (S.AGREED, S.DRAFT),
    S.AGREED: (S.SIGNED, S.NEGOTIATION),
    S.SIGNED: (S.IN_FORCE, S.NEGOTIATION, S.TERMINATED),
    S.IN_FORCE: (S.EXPIRED, S.TERMINATED, S.RENEWED),
    S.EXPIRED: (S.RENEWED,),
    S.TERMINATED: (),
    S.RENEWED: (S.IN_FORCE, S.EXPIRED, S.TERMINATED),
}
"""The allowed moves: from each state, the states it may go to (the only table of them)."""

FROZEN: frozenset[LifecycleState] = frozenset({S.AGREED, S.SIGNED, S.IN_FORCE})
"""States in which the text may not change (go back to negotiation, with a reason, first)."""

NEEDS_REASON: frozenset[tuple[LifecycleState, LifecycleState]] = frozenset(
    {(S.AGREED, S.NEGOTIATION), (S.SIGNED, S.NEGOTIATION), (S.NEGOTIATION, S.DRAFT),
     (S.SIGNED, S.TERMINATED), (S.IN_FORCE, S.TERMINATED), (S.RENEWED, S.TERMINATED)})
"""Moves that must say why: going back, and termination."""


@dataclass(frozen=True, slots=True)
class Event:
    """One lifecycle move as it happened: from and to which state, when, by whom, why, at which revision."""

    state: LifecycleState
    previous: LifecycleState
    date: dt.date
    actor: str | None = None
    reason: str | None = None
    revision: str | None = None


def allowed(state: LifecycleState) -> tuple[LifecycleState, ...]:
    """Return the states an agreement in ``state`` may move to (empty for a final state)."""
    return TRANSITIONS[state]


def check_move(current: LifecycleState, target: LifecycleState, *, reason: str | None = None) -> None:
    """Return nothing when the move ``current`` -> ``target`` is allowed.

    :raises LifecycleError: the move is not in the table (code ``lifecycle-illegal``), or it is
        a move back or a termination without a reason (code ``lifecycle-guard``).
    """
    options = allowed(current)
    if target not in options:
        listed = ", ".join(s.value for s in options) or "none: it is a final state"
        raise LifecycleError(f"cannot move from '{current.value}' to '{target.value}'; allowed from "
                             f"'{current.value}': {listed}", code="lifecycle-illegal")
    if (current, target) in NEEDS_REASON and not (reason and reason.strip()):
        raise LifecycleError(f"moving from '{current.value}' to '{target.value}' needs a reason: "
                             "pass --reason 'why'", code="lifecycle-guard")
