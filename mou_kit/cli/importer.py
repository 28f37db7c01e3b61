"""The ``mou import`` command: a counterpart's Word file as a revision."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import Folder, JsonFlag, Party, console, folder_or_cwd, status
from ._json import emit
from ._streams import existing, input_path


def import_cmd(
    file: Annotated[Path, typer.Argument(help="The Word file (.docx) from the other side (- for stdin).",
                                         dir_okay=False, allow_dash=True, callback=existing)],
    proposed_by: Party = None,  # the party the file comes from
    accept: Annotated[bool, typer.Option(
        "--accept/--as-proposals",
        help="Accept every tracked change (default), or commit each author's tracked changes as a proposal.",
    )] = True,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only print what changed; commit nothing.")] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", "-l", help="Language of the file, or which column of a side-by-side file to read (id, en).",
    )] = None,
    directory: Folder = Path("."),
    as_json: JsonFlag = False,
) -> None:
    """Read a Word file against the current revision and commit it as the next revision."""
    from rich.markup import escape

    from ..workflow.importing import import_revision
    from .revisions import revision_row

    with input_path(file, ".docx") as path:
        outcome = import_revision(folder_or_cwd(directory), path, proposed_by=proposed_by,
                                  as_proposals=not accept, dry_run=dry_run, lang=lang)
    if as_json:
        emit("import", {"dry_run": dry_run, "notes": outcome.result.report(), "summary": outcome.summary,
                        "revisions": [revision_row(r) for r in outcome.revisions]})
        return
    for line in outcome.result.report():
        console(stderr=True).print(f"[yellow]note:[/yellow] {escape(line)}")
    out = console()
    for line in outcome.summary or ["no changes"]:
        out.print(escape(line))
    for revision in outcome.revisions:
        who = f" {revision.proposed_by}" if revision.proposed_by else ""
        status("committed", f"{revision.short_id}{who}  {revision.summary}")
    if dry_run:
        status("dry run:", "nothing committed", colour="yellow")


def report_new(path: Path, source: Path, *, lang: str | None, proposed_by: str | None,
               as_json: bool = False) -> None:
    """Run ``mou new PATH --from FILE.docx``: start the agreement from the file and say what needs a human."""
    from rich.markup import escape

    from ..workflow.importing import new_from_file
    from .revisions import revision_row

    outcome = new_from_file(path, source, lang=lang, proposed_by=proposed_by)
    result, revision = outcome.result, outcome.revisions[0]
    words = result.words
    if as_json:
        emit("new", {"path": str(path), "branch": "main", "revision": revision_row(revision), "lang": result.lang,
                     "words": {"source": words.source, "placed": words.placed, "noted": words.noted},
                     "notes": result.report(), "attention": result.attention})
        return
    status("created", f"{path} from {source.name} ({result.lang}): first revision {revision.short_id} on branch "
                      f"main; {words.placed} of {words.source} words placed, {words.noted} noted")
    err = console(stderr=True)
    for line in result.report():
        err.print(f"[yellow]note:[/yellow] {escape(line)}")
