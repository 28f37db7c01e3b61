"""``mou --help`` rendered by typer, as the text the entry point stores and prints (see ``mou_kit._entry``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .._entry import HELP_FILE

_RENDER = "import sys; sys.argv = ['mou', '--help']; from mou_kit.cli import main; main()"


def rendered_help() -> str:
    """Return the top-level help typer prints in a terminal of 80 columns or more (click stops at 80)."""
    env = {**os.environ, "COLUMNS": "80", "LINES": "24"}
    done = subprocess.run([sys.executable, "-c", _RENDER], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def write_help() -> bool:
    """Write ``help.txt`` beside this module from the typer app; return whether it changed."""
    target = Path(__file__).with_name(HELP_FILE)
    text = rendered_help()
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True
