"""What every command shares: the agreement folder option, output, and the one error handler."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from ..errors import ErrorCode, MouKitError, ValidationFailed
from ._json import COMMAND_KEY, JSON_KEY, dumps, error_document

TYPER_SETTINGS: dict[str, Any] = {"add_completion": False, "pretty_exceptions_enable": False,
                                  "rich_markup_mode": None,
                                  "context_settings": {"help_option_names": ["-h", "--help"]}}
"""How every typer app of ``mou`` is built: ``-h`` and ``--help``, plain help, no rich tracebacks; only the
top-level app installs completion."""

EXIT_USER_ERROR = 1
EXIT_USAGE_ERROR = 2

Folder = Annotated[
    Path,
    typer.Option("-C", "--directory", help="The agreement folder (default: the current folder).",
                 file_okay=False, show_default=False),
]


def _remember_json(ctx: typer.Context, value: bool) -> bool:
    """Note in the context that ``--json`` was given, so a failure is printed as JSON too."""
    if value:
        ctx.meta[JSON_KEY] = True
        ctx.meta[COMMAND_KEY] = " ".join(ctx.command_path.split()[1:])
    return value


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for programs (see docs/cli-json.md).",
                                        callback=_remember_json, is_eager=True)]
Lang = Annotated[
    str | None,
    typer.Option("--lang", "-l", help="Language to show: id, en (default: the agreement's first)."),
]
Party = Annotated[str | None, typer.Option("--party", "--proposed-by", metavar="PARTY",
                                           help="The party (id) proposing this revision.")]
"""The party behind a revision; ``--proposed-by`` is the older spelling, kept hidden (see _style.py)."""


def json_mode(ctx: typer.Context) -> None:
    """Say, from inside a command, that its output is JSON (``diff --format json``), so failures are too."""
    _remember_json(ctx, True)


def console(*, stderr: bool = False) -> Any:
    """Return a rich console writing to stdout (or stderr), built when first needed."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def status(verb: str, rest: str = "", *, colour: str = "green") -> None:
    """Print a status line ("wrote PATH") on stderr, the verb coloured on a terminal; data goes to stdout."""
    typer.secho(verb, fg=colour, nl=False, err=True)
    typer.echo(f" {rest}" if rest else "", err=True)


def wrote(path: Path | str, detail: str = "") -> None:
    """Print the status line "wrote PATH" on stderr."""
    status("wrote", f"{path}{detail}")


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout."""
    sys.stdout.write(dumps(data))


def fail(error: MouKitError, ctx: Any = None) -> NoReturn:
    """Print ``error`` and exit with the user-error code: as the ``mou-kit/error`` JSON document on stdout when
    ``--json`` was given, else one line per problem on stderr."""
    if ctx is not None and ctx.meta.get(JSON_KEY):
        print_json(error_document(str(ctx.meta.get(COMMAND_KEY, "")), error))
        raise typer.Exit(EXIT_USER_ERROR)
    err = console(stderr=True)
    from rich.markup import escape

    if isinstance(error, ValidationFailed):
        for problem in error.problems:
            err.print(f"[red]error:[/red] {escape(str(problem))}")
        count = len(error.problems)
        hints = dict.fromkeys(h for h in (_PROBLEM_HINTS.get(p.code) for p in error.problems) if h)
        err.print(f"{count} problem{'s' if count != 1 else ''} found." + "".join(f" Hint: {h}." for h in hints))
    else:
        hint = cli_hint(error)
        text = f"{error.message}; {hint}" if hint else error.message
        err.print(f"[red]error:[/red] {escape(f'{text} [{error.code}]')}")
    raise typer.Exit(EXIT_USER_ERROR)


_HINTS: dict[str, str] = {
    "revision-unknown": "see 'mou log' and 'mou meeting list'",
    "merge-pending": "settle each conflict with 'mou resolve NODE --take ours|theirs|FILE', then 'mou commit'",
    "remote-rejected": "run 'mou sync' again",
    "text-frozen": "move it back first with 'mou advance negotiation --reason ...'",
    "lifecycle-guard": "'mou resolve' settles conflicts, 'mou lint' lists the errors",
    "exists": "choose a new folder",
    "template-unknown": "'mou library list' shows the templates",
}


_PROBLEM_HINTS: dict[str, str] = {
    "not-an-agreement": "run the command inside an agreement folder, pass -C PATH, or create one with 'mou new'",
    "invalid-value": "'mou schema' shows what every key takes",
}


def cli_hint(error: MouKitError) -> str | None:
    """Return the command that helps with ``error`` (the library's messages name no command)."""
    if error.code == "not-a-repository":
        return f"create one with 'mou new {error.file}'" if error.file else "create one with 'mou new PATH'"
    hint = _HINTS.get(error.code)
    return hint if hint and hint not in error.message else None


class Group(TyperGroup):
    """The command group that turns every ``MouKitError`` into a clean message and exit code 1."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except MouKitError as error:
            fail(error, ctx)
        except OSError as error:
            name = f"{error.filename}: " if error.filename else ""
            code: ErrorCode = "file-missing" if isinstance(error, FileNotFoundError) else "file-unreadable"
            fail(MouKitError(f"{name}{error.strerror or error}", code=code), ctx)


def folder_or_cwd(path: Path | None) -> Path:
    """Return the agreement folder a command works on: ``-C PATH`` or the current folder."""
    return Path(path) if path is not None else Path(os.getcwd())
