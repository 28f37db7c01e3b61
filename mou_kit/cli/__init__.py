"""The ``mou`` command line: a thin skin that parses arguments, calls the API and prints.

Commands are listed here by name and built only when used, so ``mou render`` imports the
rendering code and nothing of git, import or signing; ``mou --help`` builds them all.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import typer

from ._common import TYPER_SETTINGS, Group

# name -> "module:attribute" in mou_kit.cli, in the order ``mou --help`` lists them.
COMMANDS: dict[str, str] = {
    "validate": "agreement:validate",
    "show": "agreement:show",
    "schema": "agreement:schema",
    "demo": "demo:demo",
    "assemble": "library:assemble",
    "lint": "lint:lint",
    "library": "library:app",
    "diff": "diff:diff_cmd",
    "new": "revisions:new",
    "commit": "revisions:commit",
    "log": "revisions:log",
    "blame": "revisions:blame",
    "meeting": "meeting:app",
    "propose": "proposals:propose",
    "merge": "proposals:merge",
    "resolve": "proposals:resolve",
    "sync": "proposals:sync",
    "render": "render:render",
    "advance": "lifecycle:advance",
    "status": "lifecycle:status",
    "calendar": "lifecycle:calendar",
    "portfolio": "lifecycle:portfolio",
    "sign": "signing:sign",
    "verify": "signing:verify",
    "import": "importer:import_cmd",
}


def build(name: str) -> Any:
    """Return the click command ``name`` (see COMMANDS), importing only its module."""
    module, attribute = COMMANDS[name].split(":")
    target = getattr(import_module(f"{__name__}.{module}"), attribute)
    if isinstance(target, typer.Typer):
        return typer.main.get_command(target)
    single = typer.Typer(**TYPER_SETTINGS)
    single.command(name)(target)
    return typer.main.get_command(single)


class _Mou(Group):
    """The top-level group: its commands come from COMMANDS when first asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = build(cmd_name)
        return self.commands.get(cmd_name)


app = typer.Typer(
    name="mou",
    cls=_Mou,
    help="Memoranda of Understanding as structured, versioned, diffable data.",
    no_args_is_help=True,
    **TYPER_SETTINGS,
)


@app.callback()
def _root() -> None:
    """Make ``mou`` a group of commands; it takes no options of its own (its help is the app's)."""


def main() -> None:
    """Run the ``mou`` command line.

    The ``mou`` process uses no pydantic plugins, so their discovery (a scan of every installed
    package's entry points, about 40 ms) is skipped unless the environment asks for it.
    """
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app()
