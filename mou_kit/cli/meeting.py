"""The ``mou meeting`` commands: record a negotiation meeting with the draft it settled, list and show them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ..workspace import Workspace
from ._common import TYPER_SETTINGS, Folder, JsonFlag, console, folder_or_cwd, status
from ._json import emit
from ._streams import existing, input_path

app = typer.Typer(name="meeting", help="Negotiation meetings: add, list, show.", no_args_is_help=True,
                  **TYPER_SETTINGS)


@app.command("add")
def add(
    meeting_id: Annotated[str | None, typer.Option("--id", help="The meeting id, e.g. rapat-2023-07-18.")] = None,
    date: Annotated[str | None, typer.Option(help="The date, YYYY-MM-DD.")] = None,
    place: Annotated[str | None, typer.Option(help="Where it was held.")] = None,
    title: Annotated[str | None, typer.Option(help="A title for the record.")] = None,
    chair: Annotated[str | None, typer.Option(help='The chair as "Name|Institution|Role".')] = None,
    attendee: Annotated[list[str] | None, typer.Option(
        metavar="ATTENDEE", help='An attendee as "Name|Institution|Role"; repeat.')] = None,
    agenda: Annotated[list[str] | None, typer.Option(metavar="TEXT", help="An agenda item; repeat.")] = None,
    decision: Annotated[list[str] | None, typer.Option(metavar="TEXT", help="A decision; repeat.")] = None,
    outcome: Annotated[str | None, typer.Option(help="The outcome in one sentence.")] = None,
    source: Annotated[Path | None, typer.Option("--from", help="A meeting YAML file instead of the options (- for "
                                                "stdin).", dir_okay=False, allow_dash=True, callback=existing)] = None,
    directory: Folder = Path("."),
    as_json: JsonFlag = False,
) -> None:
    """Record a meeting: its file and the draft in the folder in one revision, tagged meeting/<id>."""
    from ..workspace.meetings import meeting_from_options, record_meeting

    if source is None:
        if not (meeting_id and date and place):
            raise typer.BadParameter("give --id, --date and --place (or --from FILE.yaml)", param_hint="--id")
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise typer.BadParameter(f"{date!r} is not a date like 2023-07-18", param_hint="--date") from None
        meeting = meeting_from_options(meeting_id, day, place, title=title, chair=chair, attendees=attendee or [],
                                       agenda=agenda or [], decisions=decision or [], outcome=outcome)
    else:
        meeting = None
    from .revisions import revision_row

    with Workspace.open(folder_or_cwd(directory)) as ws:
        if source is None:
            revision = record_meeting(ws, meeting)
        else:
            with input_path(source, ".yaml") as path:
                revision = record_meeting(ws, meeting, source=path)
    if as_json:
        emit("meeting add", {"meeting": revision.meeting, "tag": f"meeting/{revision.meeting}",
                             "revision": revision_row(revision)})
    status("recorded", f"meeting {revision.meeting} in {revision.short_id}, tagged meeting/{revision.meeting}")


@app.command("list")
def list_(as_json: JsonFlag = False, directory: Folder = Path(".")) -> None:
    """List the meetings recorded, with the revision each settled."""
    with Workspace.open(folder_or_cwd(directory)) as ws:
        meetings = ws.meetings()
        tags = ws.meeting_tags()
    if as_json:
        emit("meeting list", {"meetings": [{"meeting": m.model_dump(mode="json", exclude_unset=True),
                                            "revision": tags.get(m.id)} for m in meetings]})
        return
    from rich.markup import escape

    out = console()
    for m in meetings:
        sha = tags.get(m.id)
        out.print(f"[magenta]{escape(m.id)}[/magenta] {m.date.isoformat()} {escape(m.place)} "
                  f"({len(m.attendees)} attendees) [yellow]{sha[:10] if sha else 'untagged'}[/yellow]")


@app.command("show")
def show(meeting_id: Annotated[str, typer.Argument(help="The meeting id.")], as_json: JsonFlag = False,
         directory: Folder = Path(".")) -> None:
    """Show one meeting: date, place, chair, attendees, agenda, decisions."""
    with Workspace.open(folder_or_cwd(directory)) as ws:
        meeting, revision = ws.meeting(meeting_id)
    if as_json:
        emit("meeting show", {"meeting": meeting.model_dump(mode="json", exclude_unset=True),
                              "revision": revision.id})
        return
    from rich.markup import escape

    out = console()
    out.print(f"[bold]{escape(meeting.title or meeting.id)}[/bold]  revision {revision.short_id}")
    out.print(f"{meeting.date.isoformat()}, {escape(meeting.place)}")
    if meeting.chair:
        out.print(f"Chair: {escape(meeting.chair.name)} ({escape(meeting.chair.role or meeting.chair.institution)})")
    for a in meeting.attendees:
        out.print(f"  - {escape(a.name)}, {escape(a.role or '')} {escape(a.institution)}".rstrip())
    for i, item in enumerate(meeting.agenda, 1):
        out.print(f"Agenda {i}. {escape(item)}")
    for d in meeting.decisions:
        node = f" [{escape(d.node)}]" if d.node else ""
        out.print(f"Decision{node}: {escape(d.text)}")
    if meeting.outcome:
        out.print(f"Outcome: {escape(meeting.outcome)}")
