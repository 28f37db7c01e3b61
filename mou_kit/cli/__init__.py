"""The ``mou`` command line: a thin skin that parses arguments, calls the API and prints."""

from __future__ import annotations

import typer

from . import agreement, demo, diff, importer, library, lifecycle, lint, meeting, proposals, render, revisions, signing
from ._common import Group

app = typer.Typer(
    name="mou",
    cls=Group,
    help="Memoranda of Understanding as structured, versioned, diffable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command()(agreement.validate)
app.command()(agreement.show)
app.command()(agreement.schema)
app.command()(demo.demo)
app.command()(library.assemble)
app.command()(lint.lint)
app.add_typer(library.app)
app.command("diff")(diff.diff_cmd)
app.command()(revisions.new)
app.command()(revisions.commit)
app.command()(revisions.log)
app.command()(revisions.blame)
app.add_typer(meeting.app)
app.command()(proposals.propose)
app.command()(proposals.merge)
app.command()(proposals.resolve)
app.command()(proposals.sync)
app.command()(render.render)
app.command()(lifecycle.advance)
app.command()(lifecycle.status)
app.command()(lifecycle.calendar)
app.command()(lifecycle.portfolio)
app.command()(signing.sign)
app.command()(signing.verify)
app.command("import")(importer.import_cmd)


def main() -> None:
    """Run the ``mou`` command line.

    The ``mou`` process uses no pydantic plugins, so their discovery (a scan of every installed
    package's entry points, about 40 ms) is skipped unless the environment asks for it.
    """
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app()
