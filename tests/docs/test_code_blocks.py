"""Every code block of README.md and docs/*.md runs as a reader would run it, and says what it prints.

Each page runs in a sandbox of its own (a folder holding a copy of ``examples/`` and ``docs_src/``,
``mou`` and ``python`` from this environment first on PATH), its blocks in reading order, so a page
that drifts from the code fails ``make test``. The rules each block obeys are in ``blocks.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.docs import blocks as md
from tests.docs.blocks import LANGUAGES, Block, Command, blocks

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BIN = Path(sys.executable).parent


def _ids(pages: list[Path]) -> list[str]:
    return [p.name for p in pages]


def test_every_block_has_a_language_the_tests_know() -> None:
    unknown = [f"{b.where} ```{b.lang}" for page in PAGES for b in blocks(page) if b.lang not in LANGUAGES]
    assert unknown == [], "give each block one of " + ", ".join(sorted(LANGUAGES))


def test_blocks_from_docs_src_match_their_file() -> None:
    drifted = []
    for page in PAGES:
        for block in blocks(page):
            source = block.directives.get("from")
            if source is None:
                continue
            file = ROOT / source
            if not file.is_file() or not md.lines_in_order(block.body.splitlines(), file.read_text().splitlines()):
                drifted.append(f"{block.where}: not the lines of {source}")
    assert drifted == []


@pytest.fixture
def sandbox(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A reader's folder: the examples and docs_src beside them, a home, mou on PATH."""
    for name in ("examples", "docs_src"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOU_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", COLUMNS="200", NO_COLOR="1",
               PYTHONPATH=str(tmp_path), TERM="dumb")
    return tmp_path, env


def _run(command: Command, cwd: Path, env: dict[str, str], where: str) -> Path:
    """Run one command where the reader stands; return where they stand after it."""
    line = command.line.strip()
    if line.startswith("export ") and "=" in line:
        name, _, value = line[len("export "):].split("#")[0].strip().partition("=")
        env[name] = value
        return cwd
    if line.startswith("cd ") and "&&" not in line:
        target = Path(os.path.expanduser(line[3:].strip().replace("~", env["HOME"], 1)))
        return (cwd / target).resolve()
    done = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    output = (done.stdout + done.stderr).splitlines()
    expects_error = md.says_it_fails(command.expected)
    assert (done.returncode != 0) == expects_error, (
        f"{where}: `{line}` exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    patterns = [md.pattern(e) for e in command.expected]
    at = 0
    for wanted in patterns:
        while at < len(output) and not wanted.fullmatch(output[at].strip()):
            at += 1
        assert at < len(output), f"{where}: `{line}` did not print {wanted.pattern!r}\n" + "\n".join(output)
        at += 1
    return cwd


def _run_block(block: Block, cwd: Path, env: dict[str, str], root: Path) -> Path:
    if "before" in block.directives:
        cwd = _run(Command(block.directives["before"], []), cwd, env, block.where)
    if "cwd" in block.directives:
        cwd = root / block.directives["cwd"]
    if block.lang == "console":
        for command in md.console_commands(block.body):
            cwd = _run(command, cwd, env, block.where)
    elif block.lang == "sh":
        for command in md.sh_commands(block.body):
            cwd = _run(command, cwd, env, block.where)
    elif block.lang == "python" and "from" not in block.directives:
        done = subprocess.run([sys.executable, "-c", block.body], cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=300, check=False)
        assert done.returncode == 0, f"{block.where}: the Python block failed\n{done.stderr}"
    elif block.lang in ("yaml", "json"):
        assert yaml.safe_load(block.body) is not None, f"{block.where}: empty {block.lang}"
    return cwd


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_page_runs_as_written(page: Path, sandbox: tuple[Path, dict[str, str]]) -> None:
    root, env = sandbox
    cwd = root
    for block in blocks(page):
        if "skip" in block.directives:
            assert block.directives["skip"], f"{block.where}: say why the block is not run"
            continue
        cwd = _run_block(block, cwd, env, root)
