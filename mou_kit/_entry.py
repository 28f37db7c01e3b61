"""The ``mou`` command's entry point: says which extra to install when the command line's libraries are missing.

``pip install mou-kit`` gives the library alone; the command line needs typer and rich, the
``cli`` extra. Checked without importing them, so ``mou --help`` stays fast.
"""

from __future__ import annotations

import importlib.util
import sys

CLI_PACKAGES = ("typer", "rich")


def missing_cli_packages() -> list[str]:
    """Return the packages of the ``cli`` extra that are not installed."""
    return [name for name in CLI_PACKAGES if importlib.util.find_spec(name) is None]


def main() -> None:
    """Run the ``mou`` command line, or say in one line how to install it and exit with 1."""
    missing = missing_cli_packages()
    if missing:
        sys.stderr.write(f"error: the mou command needs {' and '.join(missing)}: install the 'cli' extra "
                         "(pip install 'mou-kit[cli]')\n")
        raise SystemExit(1)
    from .cli import main as run

    run()
