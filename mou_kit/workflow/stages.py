"""Lifecycle moves as revisions: gather what is open, check the move, commit it with a ``Stage:`` trailer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection

from ..lifecycle import Event, OpenItems, advance
from ..lint import lint
from ..model import Agreement, LifecycleState
from ..workspace import Revision, Workspace
from ..workspace.proposals import pending


def open_items(ws: Workspace, agreement: Agreement, *, signed_by: Collection[str] | None = None) -> OpenItems:
    """Return what is open on the workspace's agreement: pending merge conflicts and lint errors."""
    merge = pending(ws)
    conflicts = tuple(sorted({c.node for c in merge[1]})) if merge is not None else ()
    errors = tuple(f"{f.rule} {f.node or f.path or ''}".strip() for f in lint(agreement) if f.severity == "error")
    return OpenItems(conflicts=conflicts, lint_errors=errors,
                     signed_by=frozenset(signed_by) if signed_by is not None else None)


_SUBJECT = re.compile(r"^Lifecycle: ([a-z-]+) -> ([a-z-]+) on (\d{4}-\d{2}-\d{2})$")


def event_of(revision: Revision) -> Event | None:
    """Return the lifecycle event a revision made by :func:`advance_revision` records, or ``None``."""
    match = _SUBJECT.match(revision.summary)
    if match is None:
        return None
    try:
        previous, state = LifecycleState(match[1]), LifecycleState(match[2])
        day = dt.date.fromisoformat(match[3])
    except ValueError:
        return None
    body = revision.message.split("\n\n", 1)[1] if "\n\n" in revision.message else ""
    reason = "\n".join(line for line in body.splitlines()
                       if line.strip() and not re.match(r"^[A-Z][A-Za-z-]*: ", line)).strip() or None
    return Event(state=state, previous=previous, date=day, actor=revision.proposed_by, reason=reason,
                 revision=revision.short_id)


def lifecycle_events(ws: Workspace, *, ref: str = "HEAD") -> list[Event]:
    """Return the lifecycle moves recorded in the history of ``ref``, oldest first.

    :raises WorkspaceError: ``ref`` names nothing.
    """
    return [e for e in (event_of(r) for r in reversed(ws.log(ref=ref))) if e is not None]


def frozen_text_drift(ws: Workspace, agreement: Agreement | None = None, *,
                      events: list[Event] | None = None) -> str | None:
    """Return what changed in the text since the branch was agreed, when it is agreed or later, else ``None``.

    mou refuses such a change, but a plain ``git commit`` (or a copy of the files) does not ask:
    this reads the history for the last move to "agreed" and compares its text with ``agreement``
    (default: the branch's revision). ``events`` are the branch's lifecycle moves when the caller
    has read them already.
    """
    from ..lifecycle.guards import text_changes
    from ..lifecycle.transitions import FROZEN

    current = agreement if agreement is not None else ws.read()
    if current.state not in FROZEN:
        return None
    moves = events if events is not None else lifecycle_events(ws)
    agreed = [e for e in moves if e.state is LifecycleState.AGREED and e.revision]
    if not agreed or agreed[-1].revision is None:
        return None
    changed = text_changes(ws.read(agreed[-1].revision), current)
    if not changed:
        return None
    return (f"the text changed after it was agreed at revision {agreed[-1].revision} ({', '.join(changed)}), "
            "outside the lifecycle: move it back to negotiation with a reason, or restore the agreed text")


def advance_revision(ws: Workspace, target: LifecycleState | str, *, reason: str | None = None,
                     date: dt.date | None = None, actor: str | None = None,
                     signed_by: Collection[str] | None = None, when: dt.datetime | None = None,
                     signing_date: dt.date | None = None) -> tuple[Revision, Event]:
    """Return the revision recording the move of the current branch's agreement to ``target``, and its event.

    The agreement's ``state`` (and, for "signed", its ``date``) changes and is committed with a
    ``Stage: <state>`` trailer; the message says from which state, on which date and why.
    ``signed_by`` (party ids with a verified signature) makes "signed" check each party signed.
    ``signing_date`` records, with the move to "agreed", the date set for signing (the signing
    copy's opening and its signatures show it; "signed" then defaults to it).

    :raises LifecycleError: the move is not allowed, or a guard fails; nothing is committed.
    :raises WorkspaceError: git failed.
    """
    from ..lifecycle.advance import lifecycle_state

    state = lifecycle_state(target)
    agreement = ws.read()
    moved, event = advance(agreement, state, date=date, reason=reason, actor=actor, signing_date=signing_date,
                           open_items=open_items(ws, agreement, signed_by=signed_by))
    subject = f"Lifecycle: {event.previous.value} -> {state.value} on {event.date.isoformat()}"
    message = subject + (f"\n\n{event.reason}" if event.reason else "")
    revision = ws.commit(moved, message, proposed_by=actor, stage=state.value, when=when)
    return revision, dataclasses.replace(event, revision=revision.short_id)
