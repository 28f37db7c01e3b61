"""The ``mou`` program's entry point: help and version answered from static text, everything else by typer.

``mou``, ``mou -h``, ``mou --help`` and ``mou --version`` are what people type first and most;
they print text stored with the package (``cli/help.txt``, written by ``make cli-help`` from the
typer app and checked against it by the tests), so they cost a Python start-up and not the ~250 ms
of importing typer, pydantic and every command. This module sits outside ``mou_kit.cli`` because
importing anything inside it imports typer first. ``pip install mou-kit`` is the library alone:
any other command needs typer and rich, the ``cli`` extra, and says so in one line when they are
missing (looked up without importing them).
"""

from __future__ import annotations

import sys

HELP_FILE = "help.txt"
CLI_PACKAGES = ("typer", "rich")


def missing_cli_packages() -> list[str]:
    """Return the packages of the ``cli`` extra that are not installed."""
    import importlib.util  # here, not at the top: ~4 ms that help and version do not need

    return [name for name in CLI_PACKAGES if importlib.util.find_spec(name) is None]


def stored_help() -> str:
    """Return ``mou --help`` as stored with the package (a plain file beside the code, read without importlib)."""
    import os

    with open(os.path.join(os.path.dirname(__file__), "cli", HELP_FILE), encoding="utf-8") as stored:
        return stored.read()


def main() -> None:
    """Run ``mou``: the top-level help and version from static text, any other command line through typer."""
    import os

    args = sys.argv[1:]
    # a shell asking for completions runs `mou` with no arguments and _MOU_COMPLETE set: typer answers
    if args in ([], ["-h"], ["--help"], ["-V"], ["--version"]) and "_MOU_COMPLETE" not in os.environ:
        if args in (["-V"], ["--version"]):
            from . import __version__

            sys.stdout.write(f"mou {__version__}\n")
            return
        try:
            text = stored_help()
        except OSError:  # a checkout without the stored text: typer says it
            text = ""
        if text:
            if not args:  # as click does for no arguments: the help on stderr, exit 2
                sys.stderr.write(text)
                raise SystemExit(2)
            sys.stdout.write(text)
            return
    if args[:1] == ["validate"] and "_MOU_COMPLETE" not in os.environ:
        from ._validated import answer  # an unchanged folder, answered without pydantic (ADR 0086)

        if answer(args[1:]):
            return
    if args[:1] == ["log"] and "_MOU_COMPLETE" not in os.environ:
        from ._clause_log import answer as log_answer  # from git and the node cache, without typer (ADR 0088)

        if log_answer(args[1:]):
            return
    missing = missing_cli_packages()
    if missing:
        sys.stderr.write(f"error: the mou command needs {' and '.join(missing)}: install the 'cli' extra "
                         "(pip install 'mou-kit[cli]')\n")
        raise SystemExit(1)
    from .cli import main as run

    run()
