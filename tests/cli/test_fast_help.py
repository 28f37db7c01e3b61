"""``mou``, ``mou --help`` and ``mou --version`` answer from stored text, the same typer would print, without typer."""

from __future__ import annotations

import subprocess
import sys

from mou_kit import __version__
from mou_kit._entry import stored_help
from mou_kit.cli._help import rendered_help


def _mou(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "mou_kit", *args], capture_output=True,
                          text=True, check=False)


def test_stored_help_is_what_typer_prints() -> None:
    assert stored_help() == rendered_help(), "stale: run make cli-help"


def test_help_prints_without_importing_typer() -> None:
    for flag in ("--help", "-h"):
        done = _mou(flag)
        assert done.returncode == 0 and done.stdout == stored_help()
        imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line]
        assert not {"typer", "click", "pydantic", "mou_kit.cli"} & set(imported)


def test_no_arguments_shows_help_on_stderr_with_exit_2() -> None:
    done = subprocess.run([sys.executable, "-m", "mou_kit"], capture_output=True, text=True, check=False)
    assert done.returncode == 2 and done.stderr == stored_help() and done.stdout == ""


def test_version_and_commands_still_run() -> None:
    assert _mou("--version").stdout == f"mou {__version__}\n"
    done = subprocess.run([sys.executable, "-m", "mou_kit", "schema", "--help"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and "schema [OPTIONS] [KIND]" in done.stdout
