"""What git, ruff and uv users expect of ``mou``: --version, -h, completion, one option name per idea, capital
metavars, status lines on stderr and data on stdout."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import mou_kit
from mou_kit.cli import COMMANDS, app, build
from mou_kit.cli._style import HIDDEN_ALIASES

runner = CliRunner()


def every_command() -> list[list[str]]:
    """Return the words of every command and subcommand: ["render"], ["meeting", "add"], ..."""
    found = []
    for name in COMMANDS:
        subs = getattr(build(name), "commands", None)
        found += [[name, sub] for sub in subs] if subs else [[name]]
    return found


def test_version() -> None:
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert (result.exit_code, result.stdout) == (0, f"mou {mou_kit.__version__}\n")


@pytest.mark.parametrize("words", [[], ["render"], ["meeting"], ["meeting", "list"], ["library", "show"]])
def test_dash_h_is_help(words: list[str]) -> None:
    short, long = runner.invoke(app, [*words, "-h"]), runner.invoke(app, [*words, "--help"])
    assert short.exit_code == 0 and short.stdout == long.stdout and "Usage: mou" in short.stdout


def test_help_shows_capital_metavars_and_no_old_spellings() -> None:
    for words in every_command():
        shown = runner.invoke(app, [*words, "--help"]).stdout
        usage = shown.splitlines()[0]
        assert not re.search(r"\{[a-z_]+\}|[a-z]", usage.split("[OPTIONS]")[-1]), (words, usage)
        assert not re.search(r"(-[\w-]+|^ {2}\w+) +<[a-z|\[\]-]+>", shown, re.MULTILINE), (words, shown)
        assert not any(re.search(rf"(?<![\w-]){alias}(?![\w-])", shown) for alias in HIDDEN_ALIASES), (words, shown)
    assert "Usage: mou sign [OPTIONS] PDF" in runner.invoke(app, ["sign", "-h"]).stdout
    render = runner.invoke(app, ["render", "-h"]).stdout
    assert "[REF]" in render and "-o, --output PATH" in render and "--format [docx|pdf|html|md]" in render


def test_one_name_per_idea_across_commands() -> None:
    """A party is --party, a file written is -o/--output, a folder is -C/--directory, wherever they appear."""
    names: dict[str, set[str]] = {}
    for words in every_command():
        command: Any = build(words[0])
        if len(words) > 1:
            command = command.commands[words[1]]
        for param in command.params:
            shown = tuple(o for o in getattr(param, "opts", []) if o not in HIDDEN_ALIASES)
            names.setdefault(param.name, set()).add(shown)
    assert all("--party" in opts for opts in names["proposed_by"] | names["actor"] | names["field"])
    assert names["output"] | names["out"] == {("-o", "--output")}
    assert names["directory"] == {("-C", "--directory")}
    assert names["as_json"] == {("--json",)}


def test_old_spellings_still_work(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    created = runner.invoke(app, ["new", str(folder), "--from", str(examples / "tppo-kalbar"),
                                  "--proposed-by", "polda-kalbar"])
    assert created.exit_code == 0, created.output
    moved = runner.invoke(app, ["advance", "negotiation", "--by", "bp3mi-kalbar", "--json", "-C", str(folder)])
    assert moved.exit_code == 0 and '"party": "bp3mi-kalbar"' in moved.stdout
    log = runner.invoke(app, ["log", "--json", "-C", str(folder)]).stdout
    assert '"proposed_by": "polda-kalbar"' in log


def test_status_lines_go_to_stderr_and_data_to_stdout(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    c = ["-C", str(folder)]
    steps: list[tuple[list[str], str]] = [
        (["new", str(folder), "--from", str(examples / "tppo-kalbar")], "created"),
        (["advance", "negotiation", *c], "draft -> negotiation"),
        (["render", "-f", "md", "-o", str(tmp_path / "nk.md"), *c], "wrote"),
        (["calendar", "-o", str(tmp_path / "nk.ics"), *c], "wrote"),
        (["meeting", "add", "--id", "r1", "--date", "2023-07-18", "--place", "Pontianak", *c], "recorded"),
        (["propose", "bp3mi-kalbar", *c], "on branch"),
        (["merge", "main", *c], "already up to date"),
        (["assemble", str(examples / "tppo-kalbar.answers.yaml"), "-o", str(tmp_path / "drafted")], "assembled"),
    ]
    for args, status in steps:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        assert result.stdout == "" and status in result.stderr, (args, result.stdout, result.stderr)
    target = folder / "articles" / "kerahasiaan.yaml"
    target.write_text(target.read_text().replace("Masing-masing PIHAK", "Setiap PIHAK", 1))
    committed = runner.invoke(app, ["commit", "-m", "Ubah", *c])
    assert committed.stdout == "" and "Ubah" in committed.stderr
    shown = runner.invoke(app, ["log", *c])
    assert "Ubah" in shown.stdout and shown.stderr == ""


MOU_SCRIPT = Path(sys.executable).parent / "mou"


@pytest.mark.skipif(not MOU_SCRIPT.exists(), reason="the mou script is not installed beside this Python")
def test_completion_through_the_shell_protocol(tmp_path: Path) -> None:
    """What bash asks after `mou --install-completion`: the commands, subcommands and options that fit."""
    def complete(words: str) -> list[str]:
        env = os.environ | {"_MOU_COMPLETE": "complete_bash", "COMP_WORDS": words,
                            "COMP_CWORD": str(len(words.split()) - 1)}
        done = subprocess.run([str(MOU_SCRIPT)], env=env, capture_output=True, text=True, cwd=tmp_path)
        return done.stdout.split()

    assert complete("mou ren") == ["render"]
    assert complete("mou meeting l") == ["list"]
    assert "--party" in complete("mou commit --p")
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
