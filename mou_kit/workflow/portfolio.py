"""A secretariat's portfolio: every agreement in a folder, with its state and next deadline, most urgent first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import MouKitError
from ..lifecycle import problems_of_link
from .status import Status, agreement_status

Progress = Callable[[int, int, Path], None]
"""Called as ``progress(done, total, folder)`` after each folder is read."""


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A folder of the portfolio that could not be read, and why."""

    path: Path
    error: str


def agreement_folders(root: str | os.PathLike[str]) -> list[Path]:
    """Return the agreement folders under ``root`` (itself, or its sub-folders holding ``agreement.yaml``).

    A bare repository (``name.git``) counts too.
    """
    base = Path(root)
    if (base / "agreement.yaml").is_file():
        return [base]
    if not base.is_dir():
        raise MouKitError(f"{base}: no such folder", code="file-missing", file=str(base))
    return sorted(p for p in base.iterdir() if is_agreement_folder(p))


def is_agreement_folder(path: Path) -> bool:
    """Whether ``path`` is an agreement of a portfolio: a visible folder with ``agreement.yaml``, or a bare repo."""
    return (path.is_dir() and not path.name.startswith(".")
            and ((path / "agreement.yaml").is_file() or ((path / "HEAD").is_file() and (path / "objects").is_dir())))


def urgency(status: Status, today: dt.date) -> tuple[int, int, str]:
    """Return the sort key of ``status``: days to its next deadline (none last), then open items, then id."""
    days = status.days_left(today)
    return (days if days is not None else 10**6, -len(status.open), status.id)


def portfolio(root: str | os.PathLike[str], *, today: dt.date | None = None,
              progress: Progress | None = None,
              reader: Callable[[Path, dt.date], Status] | None = None) -> tuple[list[Status], list[Unreadable]]:
    """Return the status of every agreement under ``root``, most urgent first, and the folders that failed.

    One broken folder does not stop the scan: it is listed with its error. A PKS or addendum
    whose MoU or agreement is missing from the folder, has ended, or is not yet signed gets
    that as an open item. ``reader(folder, today)`` reads one status (default
    :func:`agreement_status`; a server passes one that remembers unchanged repositories).
    """
    day = today or dt.date.today()
    folders = agreement_folders(root)
    found: list[Status] = []
    failed: list[Unreadable] = []
    for done, folder in enumerate(folders, start=1):
        try:
            found.append(reader(folder, day) if reader is not None else agreement_status(folder, today=day))
        except MouKitError as e:
            failed.append(Unreadable(folder, e.message.splitlines()[0]))
        if progress is not None:
            progress(done, len(folders), folder)
    states = {s.id: s.state for s in found}
    linked = [dataclasses.replace(s, open=[*s.open, *problems_of_link(s.link, s.state, states)]) if s.link else s
              for s in found]
    return sorted(linked, key=lambda s: urgency(s, day)), failed


def portfolio_html(rows: list[Status], *, today: dt.date) -> str:
    """Return the portfolio as one self-contained HTML page (a table, most urgent first)."""
    def cell(text: str) -> str:
        return f"<td>{html.escape(text)}</td>"

    lines = []
    for s in rows:
        days = s.days_left(today)
        due = "" if s.next_deadline is None else f"{s.next_deadline.date} {s.next_deadline.summary} ({days} days)"
        meeting = "" if s.last_meeting is None else f"{s.last_meeting.date} {s.last_meeting.id}"
        cls = ' class="soon"' if days is not None and days <= 90 else ""
        lines.append(f"<tr{cls}>" + "".join(cell(x) for x in (
            s.id, s.title, ", ".join(s.parties), s.state.value, meeting, due, "; ".join(s.open))) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in
                   ("Agreement", "Title", "Parties", "State", "Last meeting", "Next deadline", "Open"))
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Portfolio</title><style>"
            "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            "padding:4px;vertical-align:top}tr.soon{background:#fff3cd}</style></head><body>"
            f"<h1>Portfolio on {today.isoformat()}</h1><table><tr>{head}</tr>\n" + "\n".join(lines)
            + "\n</table></body></html>\n")
