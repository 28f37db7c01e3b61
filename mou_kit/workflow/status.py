"""Where one agreement stands: state, last meeting, next deadline and what is still open."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..lifecycle import Deadline, Event, missing_signatories, next_deadline, parent_of, schedule, upcoming
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
    link: tuple[str, str] | None = None
    """``("implements" | "amends", parent id)`` for a PKS or an addendum (see :func:`~mou_kit.lifecycle.parent_of`)."""
    agreement: Agreement | None = field(default=None, repr=False, compare=False)
    """The agreement read (``None`` when the status came from a repository's status cache)."""

    def days_left(self, today: dt.date) -> int | None:
        """Days from ``today`` to the next deadline (``None``: no deadline ahead)."""
        return (self.next_deadline.date - today).days if self.next_deadline else None

    def to_dict(self) -> dict[str, Any]:
        """Return the status as JSON-ready data with a fixed key order."""
        meeting, link = self.last_meeting, self.link
        return {"id": self.id, "title": self.title, "parties": self.parties, "state": self.state.value,
                "link": None if link is None else {"kind": link[0], "id": link[1]},
                "since": None if self.since is None else {"date": self.since.date.isoformat(),
                                                          "revision": self.since.revision,
                                                          "reason": self.since.reason},
                "path": str(self.path), "revision": self.revision,
                "last_meeting": None if meeting is None else {"id": meeting.id, "date": meeting.date.isoformat()},
                "next_deadline": None if self.next_deadline is None else _deadline_data(self.next_deadline),
                "deadlines": [_deadline_data(d) for d in self.deadlines], "open": self.open}

    def to_record(self) -> dict[str, Any]:
        """Return the status apart from the day as JSON-ready data, for :meth:`from_record`.

        Left out: ``path`` and ``agreement``, and ``next_deadline``, which :meth:`from_record` finds
        again in ``deadlines`` for its day, so a record stays good from one day to the next.
        """
        since = None if self.since is None else {**dataclasses.asdict(self.since), "date": self.since.date.isoformat(),
                                                 "state": self.since.state.value,
                                                 "previous": self.since.previous.value}
        return {"id": self.id, "title": self.title, "parties": self.parties, "state": self.state.value,
                "revision": self.revision, "link": None if self.link is None else list(self.link),
                "last_meeting": None if self.last_meeting is None else self.last_meeting.model_dump(mode="json"),
                "deadlines": [_deadline_data(d) for d in self.deadlines], "open": self.open, "since": since}

    @classmethod
    def from_record(cls, data: dict[str, Any], *, path: Path, today: dt.date) -> Status:
        """Return the status :meth:`to_record` gave, found at ``path``, on ``today``.

        :raises KeyError, TypeError, ValueError: ``data`` is not such a record (a cache reader recomputes).
        """
        def deadline(d: dict[str, str]) -> Deadline:
            if d["kind"] not in ("effective", "evaluation", "notice", "expiry"):
                raise ValueError(f"not a deadline kind: {d['kind']!r}")
            return Deadline(kind=d["kind"], date=dt.date.fromisoformat(d["date"]), summary=str(d["summary"]))  # type: ignore[arg-type]

        since, link, state = data["since"], data["link"], LifecycleState(data["state"])
        deadlines = [deadline(d) for d in data["deadlines"]]
        return cls(
            id=str(data["id"]), title=str(data["title"]), parties=[str(p) for p in data["parties"]],
            state=state, path=path, revision=_text(data["revision"]),
            last_meeting=None if data["last_meeting"] is None else Meeting.model_validate(data["last_meeting"]),
            next_deadline=upcoming(deadlines, state, today), deadlines=deadlines,
            open=[str(o) for o in data["open"]], link=None if link is None else (str(link[0]), str(link[1])),
            since=None if since is None else Event(
                state=LifecycleState(since["state"]), previous=LifecycleState(since["previous"]),
                date=dt.date.fromisoformat(since["date"]), actor=_text(since["actor"]), reason=_text(since["reason"]),
                revision=_text(since["revision"])))


def _deadline_data(d: Deadline) -> dict[str, str]:
    return {"kind": d.kind, "date": d.date.isoformat(), "summary": d.summary}


def _text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"not a text: {value!r}")


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
        open=_open(agreement, conflicts or [], errors), since=since, link=parent_of(agreement),
        agreement=agreement)


def status_files(path: str | os.PathLike[str]) -> list[Path] | None:
    """Return the files whose change can change the status of the repository at ``path`` (HEAD, packed-refs,
    the merge in progress, branches, tags; some may be absent), ``None`` for a plain folder."""
    from ._status_cache import depends_on, git_dir

    gitdir = git_dir(Path(path))
    return None if gitdir is None else [gitdir / name for name in depends_on(gitdir)]


def agreement_status(path: str | os.PathLike[str], *, today: dt.date | None = None, cache: bool = True) -> Status:
    """Return the status of the agreement at ``path``: a repository (HEAD of its branch) or a plain folder.

    A repository's status is remembered in its git directory (``mou/status.json``, ADR 0082)
    and read back while its HEAD, refs and merge state are the same (the next deadline is found
    again for ``today``); ``cache=False``
    reads everything again and leaves the cache alone. A status from the cache has no ``agreement``.

    :raises ValidationFailed: the agreement is not valid.
    :raises WorkspaceError: the repository cannot be read.
    """
    day = today or dt.date.today()
    root = Path(path)
    if (root / ".git").exists() or (root / "HEAD").is_file():
        from ._status_cache import cache_key, git_dir, load as load_cached, store

        gitdir = git_dir(root) if cache else None
        if gitdir is None:
            return _repository_status(root, day)
        key = cache_key(gitdir)
        record = load_cached(gitdir, key)
        if record is not None:
            try:
                return Status.from_record(record, path=root, today=day)
            except (KeyError, TypeError, ValueError, IndexError, AttributeError):
                pass  # written by something else: read the repository and write it again
        found = _repository_status(root, day)
        if cache_key(gitdir) == key:  # nothing moved while it was read
            store(gitdir, key, found.to_record())
        return found
    from ..files import load, load_meetings

    return status_of(load(root), path=root, today=day, meetings=load_meetings(root))


def _repository_status(root: Path, day: dt.date) -> Status:
    from ..workspace import Workspace
    from ..workspace.proposals import pending
    from .stages import event_of, frozen_text_drift

    with Workspace.open(root) as ws:
        agreement = ws.read()
        merge = pending(ws)
        conflicts = sorted({c.node for c in merge[1]}) if merge is not None else []
        revisions = ws.log()  # one walk of the log: the revision and the lifecycle moves
        moves = [e for e in (event_of(r) for r in reversed(revisions)) if e is not None]
        events = [e for e in moves if e.state == agreement.state]
        drift = frozen_text_drift(ws, agreement, events=moves)
        found = status_of(agreement, path=root, today=day, revision=revisions[0].short_id if revisions else None,
                          meetings=ws.meetings(), conflicts=conflicts, since=events[-1] if events else None)
        return found if drift is None else dataclasses.replace(found, open=[drift, *found.open])


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
