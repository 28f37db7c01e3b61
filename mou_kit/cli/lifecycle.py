"""Commands on where an agreement stands: advance, status, calendar, portfolio."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from ._common import Folder, JsonFlag, console, folder_or_cwd, status as status_line, wrote
from ._json import document, dumps, emit
from ._streams import is_dash, write

PROGRESS_FROM = 10
"""Show a progress bar when a portfolio has at least this many folders."""


def parse_date(value: str | None, option: str) -> dt.date | None:
    """Return the date ``value`` (YYYY-MM-DD) given to ``option``, or ``None``.

    :raises typer.BadParameter: it is not a date.
    """
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2023-08-01", param_hint=option) from None


DateOption = Annotated[str | None, typer.Option("--date", help="The date of the move (YYYY-MM-DD); "
                                                "for 'signed', the date of signing (default: the one "
                                                "recorded with 'agreed').")]
Today = Annotated[str | None, typer.Option("--today", help="Count deadlines from this date (default: today).")]


def advance(
    state: Annotated[str, typer.Argument(help="The new state: negotiation, agreed, signed, in-force, expired, "
                                              "terminated, renewed (or back to draft/negotiation).")],
    reason: Annotated[str | None, typer.Option("--reason", help="Why; required to go back or to terminate.")] = None,
    date: DateOption = None,
    actor: Annotated[str | None, typer.Option("--party", "--by", metavar="PARTY",
                                              help="The party (id) making the move.")] = None,
    signing_date: Annotated[str | None, typer.Option(
        "--signing-date", help="With 'agreed': the date set for signing (YYYY-MM-DD); the signing copy's "
                               "opening and its signatures show it.")] = None,
    directory: Folder = Path("."),
    as_json: JsonFlag = False,
) -> None:
    """Move the agreement to another lifecycle state, recorded as a revision with a Stage: trailer."""
    from ..model import LifecycleState
    from ..workflow import advance_revision
    from ..workspace import Workspace

    values = [s.value for s in LifecycleState]
    if state not in values:
        raise typer.BadParameter(f"{state!r} is not a state; choose one of {', '.join(values)}", param_hint="STATE")
    from .revisions import revision_row

    with Workspace.open(folder_or_cwd(directory)) as ws:
        revision, event = advance_revision(ws, state, reason=reason, date=parse_date(date, "--date"), actor=actor,
                                           signing_date=parse_date(signing_date, "--signing-date"))
    if as_json:
        emit("advance", {"previous": event.previous.value, "state": event.state.value,
                         "date": event.date.isoformat(), "party": event.actor, "reason": event.reason,
                         "revision": revision_row(revision)})
    status_line(f"{event.previous.value} -> {event.state.value}", f"on {event.date}: revision {revision.short_id}")


def status(as_json: JsonFlag = False, today: Today = None, directory: Folder = Path(".")) -> None:
    """Show the agreement's state, its next deadline and what is still open."""
    from rich.markup import escape

    from ..workflow import agreement_status

    day = parse_date(today, "--today") or dt.date.today()
    found = agreement_status(folder_or_cwd(directory), today=day)
    if as_json:
        emit("status", found.to_dict())
        return
    out = console()
    out.print(f"[bold]{escape(found.id)}[/bold]: {escape(found.title)}")
    since = found.since
    out.print(f"state: [cyan]{found.state.value}[/cyan]"
              + (f" since {since.date} (revision {since.revision})" if since else "")
              + (f", now at revision {found.revision}" if found.revision else ""))
    if found.last_meeting is not None:
        out.print(f"last meeting: {found.last_meeting.date} {escape(found.last_meeting.id)}")
    deadline = found.next_deadline
    out.print("next deadline: " + (f"{deadline.date} {escape(deadline.summary)} (in {found.days_left(day)} days)"
                                   if deadline else "none (dates count from the date of signing)"))
    for item in found.open:
        out.print(f"[yellow]open:[/yellow] {escape(item)}")


def calendar(
    output: Annotated[Path, typer.Option("-o", "--output", help="The .ics file to write (- for stdout).",
                                         dir_okay=False, allow_dash=True)],
    directory: Folder = Path("."),
    as_json: JsonFlag = False,
) -> None:
    """Write the agreement's expiry, notice deadline and evaluation dates as an iCalendar file."""
    from ..lifecycle import calendar_ics, schedule
    from ..workflow.status import current_agreement

    agreement = current_agreement(folder_or_cwd(directory))
    if as_json and is_dash(output):
        raise typer.BadParameter("--json prints the report on stdout: give -o FILE.ics, not -o -", param_hint="-o")
    write(output, calendar_ics(agreement))
    events = [d for d in schedule(agreement) if d.kind != "effective"]
    if as_json:
        rows = [{"kind": d.kind, "date": d.date.isoformat(), "summary": d.summary} for d in events]
        emit("calendar", {"path": str(output), "events": rows})
    count = len(events)
    note = "" if count else " (no dates yet: they count from the date of signing or term.effective_date)"
    wrote("<stdout>" if is_dash(output) else output, f": {count} events{note}")


def _progress() -> tuple[Any, Any]:
    from rich.progress import Progress

    bar = Progress(console=console(stderr=True), transient=True)
    task: list[Any] = []

    def report(done: int, total: int, folder: Path) -> None:
        if total < PROGRESS_FROM:
            return
        if not task:
            bar.start()
            task.append(bar.add_task("reading agreements", total=total))
        bar.update(task[0], completed=done, description=f"reading {folder.name}")

    return bar, report


def portfolio(
    root: Annotated[Path, typer.Argument(help="A folder of agreement folders or repositories.", file_okay=False,
                                         exists=True)],
    as_json: JsonFlag = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print an HTML page, not a table (--json wins).")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file, not stdout (- for stdout).",
                                                allow_dash=True)] = None,
    today: Today = None,
) -> None:
    """List every agreement under ROOT: state, last meeting, next deadline, most urgent first."""
    from rich.markup import escape
    from rich.table import Table

    from ..workflow import portfolio as scan, portfolio_html

    day = parse_date(today, "--today") or dt.date.today()
    bar, report = _progress()
    try:
        rows, failed = scan(root, today=day, progress=report)
    finally:
        bar.stop()
    if as_json or as_html:
        data = {"agreements": [r.to_dict() for r in rows],
                "unreadable": [{"path": str(f.path), "error": f.error} for f in failed]}
        text = portfolio_html(rows, today=day) if as_html and not as_json else dumps(document("portfolio", data))
        if output is not None and not is_dash(output):
            write(output, text)
            wrote(output)
        else:
            typer.echo(text, nl=False)
        return
    table = Table("agreement", "state", "last meeting", "next deadline", "open")
    for r in rows:
        due = f"{r.next_deadline.date} {r.next_deadline.summary} ({r.days_left(day)} d)" if r.next_deadline else ""
        meeting = f"{r.last_meeting.date}" if r.last_meeting else ""
        table.add_row(escape(f"{r.id}\n{r.title}"), r.state.value, meeting, escape(due), escape("\n".join(r.open)))
    console().print(table)
    for f in failed:
        console(stderr=True).print(f"[red]unreadable:[/red] {escape(str(f.path))}: {escape(f.error)}")
