"""Issue 20's file reproductions: links, pipes, devices, duplicate keys, impossible scalars, control characters.

Each is one located problem from :func:`mou_kit.load`, never a traceback, a hang or a silently kept value.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from mou_kit import ValidationFailed, load, save
from mou_kit.errors import Problem
from mou_kit.files.yaml_read import YamlProblem, parse_yaml


@pytest.fixture
def folder(tmp_path: Path, examples: Path) -> Path:
    target = tmp_path / "mou"
    shutil.copytree(examples / "research-mou-en", target)
    return target


def _only_problem(folder: Path) -> Problem:
    with pytest.raises(ValidationFailed) as caught:
        load(folder)
    assert len(caught.value.problems) == 1, caught.value.problems
    return caught.value.problems[0]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _symlinked_articles(folder: Path) -> None:
    outside = folder.parent / "outside"
    shutil.move(str(folder / "articles"), outside)
    (folder / "articles").symlink_to(outside, target_is_directory=True)


def _hard_link(folder: Path) -> None:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    os.link(folder / "articles" / "purpose.yaml", folder.parent / "elsewhere.yaml")


BREAKERS: list[tuple[str, Callable[[Path], None], str, str, str]] = [
    ("symlinked articles folder", _symlinked_articles, "file-unreadable", "articles/", "symbolic link"),
    ("fifo article", lambda f: os.mkfifo(f / "articles" / "x.yaml"), "file-unreadable", "articles/x.yaml",
     "named pipe"),
    ("symlinked article", lambda f: (f / "articles" / "x.yaml").symlink_to("/etc/hostname"), "file-unreadable",
     "articles/x.yaml", "symbolic link"),
    ("folder named like an article", lambda f: (f / "articles" / "x.yaml").mkdir(), "file-unreadable",
     "articles/x.yaml", "a folder"),
    ("hard link in a repository", _hard_link, "file-unreadable", "articles/purpose.yaml", "hard link"),
    ("duplicate key", lambda f: _edit(f / "articles/purpose.yaml", "heading: Purpose\n",
                                      "heading: Purpose\nheading: Aim\n"),
     "duplicate-key", "articles/purpose.yaml", "lines 3 and 4"),
    ("impossible date", lambda f: _edit(f / "agreement.yaml", "date: 2024-03-12", "date: 2023-02-30"),
     "invalid-value", "agreement.yaml", "2023-02-30 is not a date"),
    ("5,000-digit integer", lambda f: _edit(f / "agreement.yaml", "notice_days: 60", "notice_days: " + "9" * 5000),
     "invalid-value", "agreement.yaml", "5000 digits"),
    ("year 9999", lambda f: _edit(f / "agreement.yaml", "date: 2024-03-12", "date: 9999-12-31"),
     "invalid-value", "agreement.yaml", "between 1900 and 2999"),
    ("escaped control character", lambda f: _edit(f / "articles/purpose.yaml", "heading: Purpose",
                                                  'heading: "Pur\\e[31mpose"'),
     "invalid-value", "articles/purpose.yaml", "U+001B"),
    ("raw control character", lambda f: _edit(f / "articles/purpose.yaml", "heading: Purpose", "heading: Pur\x07pose"),
     "invalid-value", "articles/purpose.yaml", "U+0007"),
]


@pytest.mark.parametrize(("name", "breaker", "code", "file", "words"), BREAKERS, ids=[b[0] for b in BREAKERS])
def test_each_bad_file_is_one_located_problem(folder: Path, name: str, breaker: Callable[[Path], None],
                                              code: str, file: str, words: str) -> None:
    breaker(folder)
    problem = _only_problem(folder)
    assert (problem.code, problem.file) == (code, file)
    assert words in problem.message
    if code in ("duplicate-key", "invalid-value"):
        assert problem.line is not None


def test_a_plain_folder_reads_hard_links(folder: Path) -> None:
    """pip and uv install the examples as hard links to their cache: outside a repository they are read."""
    os.link(folder / "articles" / "purpose.yaml", folder.parent / "cache.yaml")
    assert load(folder).id == "research-mou-en"


def test_saving_refuses_a_control_character_written_in_code(folder: Path) -> None:
    agreement = load(folder)
    agreement.parties[0].signatory.name = "Prof.\x1b[2J"
    with pytest.raises(ValidationFailed, match="U\\+001B") as caught:
        save(agreement, folder)
    assert caught.value.problems[0].path == "parties[0].signatory.name"


@given(st.sampled_from(["a", "b", "id", "text"]), st.integers(0, 3))
def test_a_duplicate_key_names_both_lines(key: str, gap: int) -> None:
    text = f"{key}: 1\n" + "".join(f"k{i}: {i}\n" for i in range(gap)) + f"{key}: 2\n"
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text.encode(), "f.yaml")
    assert caught.value.problem.code == "duplicate-key"
    assert f"lines 1 and {gap + 2}" in caught.value.problem.message


@given(st.characters(categories=("Cc",)).filter(lambda c: c not in "\t\n\r\x85"))
def test_every_control_character_is_refused(char: str) -> None:
    escaped = f'a: "x\\u{ord(char):04x}"\n'.encode()
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(escaped, "f.yaml")
    assert caught.value.problem.code == "invalid-value"
    assert caught.value.problem.line == 1
