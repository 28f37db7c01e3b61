"""Commands on the revisions of an agreement: new, commit, log, blame."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..workspace import Revision, Workspace
from ._common import Folder, JsonFlag, Party, folder_or_cwd, status
from ._json import emit

ProposedBy = Party


def revision_row(revision: Revision) -> dict[str, Any]:
    """Return a revision as the JSON object the commands print."""
    return revision.model_dump(mode="json", exclude={"parents"}) | {"parents": list(revision.parents)}


def _line(revision: Revision) -> str:
    """Return the one-line form of a revision, coloured as click colours (``typer.echo`` drops the colours
    where the stream is not a terminal); without rich, whose import alone costs a cold commit ~30 ms."""
    party = revision.proposed_by or ("" if revision.meeting else "party unknown")
    who = f" {typer.style(party, fg='cyan')}" if party else ""
    meeting = f" {typer.style(f'meeting {revision.meeting}', fg='magenta')}" if revision.meeting else ""
    when = f"{revision.date:%Y-%m-%d %H:%M}"
    return f"{typer.style(revision.short_id, fg='yellow')} {when}{who}{meeting}  {revision.summary}"


def new(
    path: Annotated[Path, typer.Argument(help="The new agreement folder (must not exist or be empty).")],
    source: Annotated[Path | None, typer.Option(
        "--from", help="An agreement folder, or a Word file (.docx) to read the agreement from.", exists=True,
    )] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", "-l", help="With a Word file: its language (id, en); detected when left out.")] = None,
    proposed_by: ProposedBy = None,
    as_json: JsonFlag = False,
) -> None:
    """Create an agreement folder with its git repository and first revision."""
    if source is not None and source.is_file():
        from .importer import report_new

        report_new(path, source, lang=lang, proposed_by=proposed_by, as_json=as_json)
        return
    if lang is not None:
        raise typer.BadParameter("--lang goes with --from FILE.docx (a folder keeps its own languages)",
                                 param_hint="--lang")
    from ..workspace.create import create

    with create(path, source=source, proposed_by=proposed_by) as ws:
        revision = ws.resolve("HEAD")
        branch = ws.branch
    if as_json:
        emit("new", {"path": str(path), "branch": branch, "revision": revision_row(revision)})
    status("created", f"{path}: first revision {revision.short_id} on branch {branch}")


def commit(
    message: Annotated[str | None, typer.Option("-m", "--message", help="What changed and why.")] = None,
    proposed_by: ProposedBy = None,
    stage: Annotated[str | None, typer.Option(help="The lifecycle stage this revision records.")] = None,
    directory: Folder = Path("."),
    as_json: JsonFlag = False,
) -> None:
    """Record the agreement in the folder as a new revision (validated first)."""
    from ..workspace.proposals import commit_working_tree

    with Workspace.open(folder_or_cwd(directory)) as ws:
        revision = commit_working_tree(ws, message, proposed_by=proposed_by, stage=stage)
    if as_json:
        emit("commit", {"revision": revision_row(revision)})
    typer.echo(_line(revision), err=True)


def log(
    clause: Annotated[str | None, typer.Option("--clause", help="Only revisions changing this node.")] = None,
    ref: Annotated[str, typer.Argument(help="Revision, branch, tag, meeting id or date.")] = "HEAD",
    limit: Annotated[int | None, typer.Option("-n", help="Show at most this many.")] = None,
    as_json: JsonFlag = False,
    directory: Folder = Path("."),
) -> None:
    """Show the revisions, newest first, with the party and meeting of each."""
    with Workspace.open(folder_or_cwd(directory)) as ws:
        revisions = ws.log(clause, ref=ref, limit=limit)
    if as_json:
        emit("log", {"revisions": [revision_row(r) for r in revisions]})
        return
    if revisions:
        typer.echo("\n".join(_line(r) for r in revisions))


def blame(
    ref: Annotated[str, typer.Argument(help="Revision, branch, tag, meeting id or date.")] = "HEAD",
    as_json: JsonFlag = False,
    directory: Folder = Path("."),
) -> None:
    """Show, for each clause, the revision, party and meeting that last changed it."""
    with Workspace.open(folder_or_cwd(directory)) as ws:
        entries = ws.blame(ref)
    if as_json:
        emit("blame", {"entries": [{"node": e.node, "article": e.article, "revision": revision_row(e.revision)}
                                   for e in entries]})
        return
    width = max((len(e.node) for e in entries), default=0)
    if entries:
        typer.echo("\n".join(f"{e.node:<{width}}  {_line(e.revision)}" for e in entries))
