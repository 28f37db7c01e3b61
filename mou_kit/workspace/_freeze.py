"""Whether a commit may be made: the agreed text stays frozen and the state moves only through the lifecycle.

The frozen states are the lifecycle's own (:data:`mou_kit.lifecycle.transitions.FROZEN`); a parent's
state is read from its ``agreement.yaml`` text first, because most revisions are drafts and parsing
one costs milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import LifecycleError
from ..files import AGREEMENT_FILE, parse_agreement
from ..model import Agreement
from ._snapshot import Snapshots

_STATE = re.compile(rb"^state:\s*[\"']?([a-z-]+)", re.MULTILINE)


def recorded_state(snapshots: Snapshots, commit: str | None) -> str | None:
    """Return the lifecycle state revision ``commit`` records, read without parsing it (``None``: no agreement)."""
    content = snapshots.content(commit, AGREEMENT_FILE) if commit is not None else None
    if content is None:
        return None
    found = _STATE.search(content)
    return found.group(1).decode() if found else "draft"


def check_commit(snapshots: Snapshots, tip: str | None, target: Agreement, *, stage: str | None,
                 others: Sequence[str] = ()) -> None:
    """Refuse what only the lifecycle may do, on every path that commits (edits, merges, sync, meetings).

    The text of a parent that is agreed, signed or in force stays as it is; the state changes
    only in a move recorded as one (``stage``, as :func:`~mou_kit.workflow.advance_revision` makes
    it) or by taking a merged parent's state.

    :raises LifecycleError: the commit changes a frozen text (``text-frozen``) or moves the state by hand
        (``lifecycle-illegal``).
    """
    from ..lifecycle import check_edit
    from ..lifecycle.transitions import FROZEN

    frozen = {state.value for state in FROZEN}
    parents = [p for p in (tip, *others) if p is not None]
    states = {p: recorded_state(snapshots, p) for p in parents}
    for parent in parents:  # cheap test first: most revisions are drafts, and parsing costs milliseconds
        if states[parent] in frozen:
            check_edit(parse_agreement(snapshots.files(parent, meetings=False)), target)
    _check_move(states, tip, target.state.value, stage)


def check_state(snapshots: Snapshots, tip: str | None, state: str, *, stage: str | None,
                others: Sequence[str] = ()) -> None:
    """Refuse a commit that moves the state by hand, for a commit that knows its new state but not its
    whole text (``mou commit`` of the changed files, which is taken only when no parent is frozen).

    :raises LifecycleError: a parent is frozen after all (``text-frozen``: its text can only be compared
        whole, by :func:`check_commit`), or the state moves by hand (``lifecycle-illegal``).
    """
    from ..lifecycle.transitions import FROZEN

    frozen = {s.value for s in FROZEN}
    parents = [p for p in (tip, *others) if p is not None]
    states = {p: recorded_state(snapshots, p) for p in parents}
    if any(states[p] in frozen for p in parents):
        raise LifecycleError(f"{AGREEMENT_FILE}: a parent revision is frozen; commit the whole agreement",
                             code="text-frozen", file=AGREEMENT_FILE)
    _check_move(states, tip, state, stage)


def _check_move(states: dict[str, str | None], tip: str | None, state: str, stage: str | None) -> None:
    if tip is not None and state != states[tip] and stage != state and state not in states.values():
        raise LifecycleError(f"{AGREEMENT_FILE}: state: {states[tip]} -> {state} is a lifecycle move, not an "
                             "edit; move it with advance (which checks the move, its reason and its guards) "
                             f"and set state back to {states[tip]}", code="lifecycle-illegal",
                             file=AGREEMENT_FILE)
