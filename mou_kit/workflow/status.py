"""Where one agreement stands: state, last meeting, next deadline and what is still open."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..lifecycle import Deadline, Event, missing_signatories, next_deadline, parent_of, schedule
from ..model import Agreement, LifecycleState, Meeting, TextRenderer

_UNSIGNED = frozenset({LifecycleState.DRAFT, LifecycleState.NEGOTIATION, LifecycleState.AGREED})


@dataclass(frozen=True, slots=True)
class Status:
    """One agreement's standing, as ``mou status`` and the portfolio show it."""

    id: str
    title: str
    parties: list[str]
    state: LifecycleState
    path: Path
    revision: str | None = None
    last_meeting: Meeting | None = None
    next_deadline: Deadline | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    open: list[str] = field(default_factory=list)
    since: Event | None = None
    """The lifecycle move that brought the agreement to its state (``None``: none recorded)."""
    agreement: Agreement | None = field(default=None, repr=False, compare=False)
    """The agreement read (for links between agreements in a portfolio)."""

    def days_left(self, today: dt.date) -> int | None:
        """Days from ``today`` to the next deadline (``None``: no deadline ahead)."""
        return (self.next_deadline.date - today).days if self.next_deadline else None

    def to_dict(self) -> dict[str, Any]:
        """Return the status as JSON-ready data with a fixed key order."""
        def deadline(d: Deadline | None) -> dict[str, str] | None:
            return None if d is None else {"kind": d.kind, "date": d.date.isoformat(), "summary": d.summary}

        meeting = self.last_meeting
        link = parent_of(self.agreement) if self.agreement is not None else None
        return {"id": self.id, "title": self.title, "parties": self.parties, "state": self.state.value,
                "link": None if link is None else {"kind": link[0], "id": link[1]},
                "since": None if self.since is None else {"date": self.since.date.isoformat(),
                                                          "revision": self.since.revision,
                                                          "reason": self.since.reason},
                "path": str(self.path), "revision": self.revision,
                "last_meeting": None if meeting is None else {"id": meeting.id, "date": meeting.date.isoformat()},
                "next_deadline": deadline(self.next_deadline),
                "deadlines": [deadline(d) for d in self.deadlines], "open": self.open}


def _open(agreement: Agreement, conflicts: list[str], lint_errors: list[str]) -> list[str]:
    items = [f"merge conflict on {node}" for node in conflicts]
    items += [f"lint error {e}" for e in lint_errors]
    items += [f"no signatory for {p}" for p in missing_signatories(agreement)]
    if agreement.state in _UNSIGNED:
        items.append("not signed")
    return items


def status_of(agreement: Agreement, *, path: Path, today: dt.date, revision: str | None = None,
              meetings: list[Meeting] | None = None, conflicts: list[str] | None = None,
              since: Event | None = None) -> Status:
    """Return the status of ``agreement`` on ``today`` (lint errors are found here; conflicts are given)."""
    from ..lint import lint

    errors = [f"{f.rule} {f.node or f.path or ''}".strip() for f in lint(agreement) if f.severity == "error"]
    tr = TextRenderer(agreement, agreement.main_language)
    return Status(
        id=agreement.id, title=tr.pick(agreement.title) or agreement.id,
        parties=[tr.pick(p.short_name) or p.id for p in agreement.parties],
        state=agreement.state, path=path, revision=revision,
        last_meeting=max(meetings, key=lambda m: m.date) if meetings else None,
        next_deadline=next_deadline(agreement, today), deadlines=schedule(agreement),
        open=_open(agreement, conflicts or [], errors), since=since, agreement=agreement)


def agreement_status(path: str | os.PathLike[str], *, today: dt.date | None = None) -> Status:
    """Return the status of the agreement at ``path``: a repository (HEAD of its branch) or a plain folder.

    :raises ValidationFailed: the agreement is not valid.
    :raises WorkspaceError: the repository cannot be read.
    """
    day = today or dt.date.today()
    root = Path(path)
    if (root / ".git").exists() or (root / "HEAD").is_file():
        from ..workspace import Workspace
        from ..workspace.proposals import pending
        from .stages import frozen_text_drift, lifecycle_events

        with Workspace.open(root) as ws:
            agreement = ws.read()
            merge = pending(ws)
            conflicts = sorted({c.node for c in merge[1]}) if merge is not None else []
            moves = lifecycle_events(ws)  # one walk of the log for both
            events = [e for e in moves if e.state == agreement.state]
            drift = frozen_text_drift(ws, agreement, events=moves)
            found = status_of(agreement, path=root, today=day, revision=ws.resolve("HEAD").short_id,
                              meetings=ws.meetings(), conflicts=conflicts, since=events[-1] if events else None)
            return found if drift is None else dataclasses.replace(found, open=[drift, *found.open])
    from ..files import load, load_meetings

    return status_of(load(root), path=root, today=day, meetings=load_meetings(root))


def current_agreement(path: str | os.PathLike[str]) -> Agreement:
    """Return the agreement at ``path``: the HEAD revision of a repository, or a plain folder's files.

    :raises ValidationFailed: the agreement is not valid.
    :raises WorkspaceError: the repository cannot be read.
    """
    root = Path(path)
    if (root / ".git").exists() or (root / "HEAD").is_file():
        from ..workspace import Workspace

        with Workspace.open(root) as ws:
            return ws.read()
    from ..files import load

    return load(root)
