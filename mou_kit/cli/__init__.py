"""The ``mou`` command line: a thin skin that parses arguments, calls the API and prints.

Commands are listed here by name and built only when used, so ``mou render`` imports the
rendering code and nothing of git, import or signing; ``mou --help`` builds them all.
"""

from __future__ import annotations

from importlib import import_module
from typing import Annotated, Any

import typer

from ._common import TYPER_SETTINGS, Group
from ._style import restyle

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
    "serve": "serve:serve",
}


def build(name: str) -> Any:
    """Return the click command ``name`` (see COMMANDS), importing only its module."""
    module, attribute = COMMANDS[name].split(":")
    target = getattr(import_module(f"{__name__}.{module}"), attribute)
    if isinstance(target, typer.Typer):
        return restyle(typer.main.get_command(target))
    single = typer.Typer(**TYPER_SETTINGS)
    single.command(name)(target)
    return restyle(typer.main.get_command(single))


class _Mou(Group):
    """The top-level group: its commands come from COMMANDS when first asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_params(self, ctx: Any) -> list[Any]:
        return [*map(_restyled, super().get_params(ctx))]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = build(cmd_name)
        return self.commands.get(cmd_name)


def _restyled(param: Any) -> Any:
    from ._style import restyle_param

    restyle_param(param)
    return param


app = typer.Typer(
    name="mou",
    cls=_Mou,
    help="Memoranda of Understanding as structured, versioned, diffable data.",
    no_args_is_help=True,
    **(TYPER_SETTINGS | {"add_completion": True}),
)


def _show_version(value: bool) -> None:
    """Print "mou VERSION" and stop, as ``git --version`` and ``ruff --version`` do."""
    if value:
        from .. import __version__

        typer.echo(f"mou {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", help="Print the version and exit.", is_eager=True,
                                          callback=_show_version)] = False,
) -> None:
    """Make ``mou`` a group of commands; its only own options are --version and the completion ones."""


def main() -> None:
    """Run the ``mou`` command line.

    The ``mou`` process uses no pydantic plugins, so their discovery (a scan of every installed
    package's entry points, about 40 ms) is skipped unless the environment asks for it.
    """
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app()
