"""The ``mou import`` command: a counterpart's Word file as a revision."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import Folder, console, folder_or_cwd


def import_cmd(
    file: Annotated[Path, typer.Argument(help="The Word file (.docx) from the other side.", dir_okay=False,
                                         exists=True)],
    proposed_by: Annotated[str | None, typer.Option("--proposed-by",
                                                    help="The party (id) the file comes from.")] = None,
    accept: Annotated[bool, typer.Option(
        "--accept/--as-proposals",
        help="Accept every tracked change (default), or commit each author's tracked changes as a proposal.",
    )] = True,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only print what changed; commit nothing.")] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", "-l", help="Language of the file, or which column of a side-by-side file to read (id, en).",
    )] = None,
    directory: Folder = Path("."),
) -> None:
    """Read a Word file against the current revision and commit it as the next revision."""
    from rich.markup import escape

    from ..importing import import_revision

    outcome = import_revision(folder_or_cwd(directory), file, proposed_by=proposed_by, as_proposals=not accept,
                              dry_run=dry_run, lang=lang)
    out = console()
    for line in outcome.result.report():
        console(stderr=True).print(f"[yellow]note:[/yellow] {escape(line)}")
    for line in outcome.summary or ["no changes"]:
        out.print(escape(line))
    for revision in outcome.revisions:
        who = f" {revision.proposed_by}" if revision.proposed_by else ""
        out.print(f"[green]committed[/green] {revision.short_id}{escape(who)}  {escape(revision.summary)}")
    if dry_run:
        out.print("dry run: nothing committed")


def report_new(path: Path, source: Path, *, lang: str | None, proposed_by: str | None) -> None:
    """Run ``mou new PATH --from FILE.docx``: start the agreement from the file and say what needs a human."""
    from rich.markup import escape

    from ..importing import new_from_file

    outcome = new_from_file(path, source, lang=lang, proposed_by=proposed_by)
    result = outcome.result
    words = result.words
    console().print(f"[green]created[/green] {escape(str(path))} from {escape(source.name)} ({result.lang}): "
                    f"first revision {outcome.revisions[0].short_id} on branch main; "
                    f"{words.placed} of {words.source} words placed, {words.noted} noted")
    err = console(stderr=True)
    for line in result.report():
        err.print(f"[yellow]note:[/yellow] {escape(line)}")
