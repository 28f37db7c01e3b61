"""What an agreement looks like after a lifecycle move: the move checked, the state and date set."""

from __future__ import annotations

import datetime as dt

from ..errors import LifecycleError
from ..model import Agreement, LifecycleState
from .guards import OpenItems, check_entry
from .transitions import Event, check_move


def lifecycle_state(value: LifecycleState | str) -> LifecycleState:
    """Return the state ``value`` names (``"negotiation"``, ``"in-force"`` ...).

    :raises LifecycleError: no state has that name (code ``lifecycle-illegal``).
    """
    try:
        return LifecycleState(value)
    except ValueError:
        names = ", ".join(s.value for s in LifecycleState)
        raise LifecycleError(f"{value!r} is not a lifecycle state; the states are {names}",
                             code="lifecycle-illegal") from None


def advance(agreement: Agreement, target: LifecycleState | str, *, date: dt.date | None = None,
            reason: str | None = None, actor: str | None = None,
            open_items: OpenItems | None = None, signing_date: dt.date | None = None) -> tuple[Agreement, Event]:
    """Return ``agreement`` moved to ``target`` and the event recording the move.

    The copy has ``state`` set to ``target``; a move to "signed" also sets ``date`` (the date
    of signing) to ``date``, by default the date of signing already recorded. A move to "agreed"
    may record the date set for signing (``signing_date``): the signing copy's opening then
    states it, and the signatures show it. ``open_items`` holds the conflicts, lint errors and
    signatures the guards look at (gathered by the caller). ``date`` defaults to today except
    for signing.

    :raises LifecycleError: the move is not allowed (code ``lifecycle-illegal``), or a guard
        fails (code ``lifecycle-guard``); the message names the states or what is open.
    """
    if not isinstance(agreement, Agreement):
        raise LifecycleError(f"expected an Agreement, not {type(agreement).__name__}", code="invalid-value")
    target = lifecycle_state(target)
    current = agreement.state
    check_move(current, target, reason=reason)
    if signing_date is not None and target != LifecycleState.AGREED:
        raise LifecycleError(f"the date set for signing is recorded when the text is agreed, not on a move to "
                             f"{target.value!r}; give the date of a signing with the move to 'signed'",
                             code="lifecycle-guard")
    if target == LifecycleState.SIGNED and date is None:
        date = agreement.date
    check_entry(agreement, target, open_items or OpenItems(), date=date)
    update: dict[str, object] = {"state": target}
    if target == LifecycleState.SIGNED:
        update["date"] = date
    elif signing_date is not None:
        update["date"] = signing_date
    moved = agreement.model_copy(update=update, deep=True)
    # model_copy bypasses "fields set"; mark them so a dump with exclude_unset keeps them
    moved.__pydantic_fields_set__.update(update)
    event = Event(state=target, previous=current, date=date or dt.date.today(), actor=actor,
                  reason=reason.strip() if reason else None)
    return moved, event
