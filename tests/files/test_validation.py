"""Hand-broken agreement folders: every problem reported at once, one line each, with file and place."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mou_kit import ValidationFailed, load
from mou_kit.errors import Problem


@pytest.fixture
def folder(tmp_path: Path, examples: Path) -> Path:
    """A fresh copy of the tripartite example to break."""
    target = tmp_path / "tppo"
    shutil.copytree(examples / "tppo-kalbar", target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(folder: Path) -> list[Problem]:
    with pytest.raises(ValidationFailed) as caught:
        load(folder)
    return caught.value.problems


Breaker = Callable[[Path], None]
CASES: list[tuple[str, Breaker, str, str, str]] = [
    # (name, break the folder, expected code, expected file, expected words in the message)
    ("malformed yaml", lambda f: _edit(f / "agreement.yaml", "kind: mou", "kind: [mou"),
     "yaml-syntax", "agreement.yaml", "invalid YAML"),
    ("wrong type", lambda f: _edit(f / "agreement.yaml", "duration_years: 5", "duration_years: lima"),
     "invalid-value", "agreement.yaml", "valid integer"),
    ("unknown key", lambda f: _edit(f / "agreement.yaml", "place: Pontianak", "place: Pontianak\nplase: x"),
     "unknown-key", "agreement.yaml", "unknown key 'plase'"),
    ("unknown key in article", lambda f: _edit(f / "articles/pembiayaan.yaml", "heading:", "headng: x\nheading:"),
     "unknown-key", "articles/pembiayaan.yaml", "unknown key 'headng'"),
    ("duplicate id", lambda f: _edit(f / "articles/pembiayaan.yaml", "id: pembiayaan-anggaran", "id: maksud"),
     "duplicate-id", "articles/pembiayaan.yaml", "already used"),
    ("id with slash", lambda f: _edit(f / "articles/pembiayaan.yaml", "id: pembiayaan-anggaran", "id: a/b"),
     "bad-id", "articles/pembiayaan.yaml", "not a slug"),
    ("id with dots", lambda f: _edit(f / "articles/pembiayaan.yaml", "id: pembiayaan-anggaran", "id: ../etc"),
     "bad-id", "articles/pembiayaan.yaml", "not a slug"),
    ("id with space", lambda f: _edit(f / "articles/pembiayaan.yaml", "id: pembiayaan-anggaran", "id: ayat satu"),
     "bad-id", "articles/pembiayaan.yaml", "not a slug"),
    ("dangling reference", lambda f: _edit(f / "articles/pelaksanaan.yaml", "[[ruang-lingkup]]", "[[ruang-lingkupp]]"),
     "dangling-reference", "articles/pelaksanaan.yaml", "[[ruang-lingkupp]]"),
    ("undefined variable", lambda f: _edit(f / "articles/jangka-waktu.yaml", "term.duration_years", "masa_berlaku"),
     "undefined-variable", "articles/jangka-waktu.yaml", "'masa_berlaku'"),
    ("listed article missing", lambda f: (f / "articles/pembiayaan.yaml").unlink(),
     "article-file-missing", "agreement.yaml", "articles/pembiayaan.yaml does not exist"),
    ("article file not listed", lambda f: shutil.copy(f / "articles/pembiayaan.yaml", f / "articles/biaya.yaml"),
     "article-file-unlisted", "articles/biaya.yaml", "is not listed"),
    ("alias bomb", lambda f: (f / "articles/pembiayaan.yaml").write_text(
        "a: &a ['x','x','x','x','x','x','x','x','x']\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
                  for i in range(9))),
     "yaml-alias", "articles/pembiayaan.yaml", "aliases"),
]


@pytest.mark.parametrize(("name", "breaker", "code", "file", "words"), CASES, ids=[c[0] for c in CASES])
def test_broken_folder_reports_one_clear_problem(
    folder: Path, name: str, breaker: Breaker, code: str, file: str, words: str
) -> None:
    breaker(folder)
    problems = _problems(folder)
    matching = [p for p in problems if p.code == code]
    assert matching, f"{name}: expected {code}, got {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.file == file
    assert words in str(problem)
    assert "\n" not in str(problem)
    assert problem.hint, "every problem says how to fix it"


def test_problem_has_line_and_path(folder: Path) -> None:
    _edit(folder / "articles/pembiayaan.yaml", "id: pembiayaan-anggaran", "id: a/b")
    problem = _problems(folder)[0]
    assert problem.path == "clauses[0].id"
    assert problem.line == 7
    assert str(problem).startswith("articles/pembiayaan.yaml:7:")


def test_every_problem_is_reported_at_once(folder: Path) -> None:
    _edit(folder / "agreement.yaml", "place: Pontianak", "place: Pontianak\nplase: x")
    _edit(folder / "articles/pelaksanaan.yaml", "[[ruang-lingkup]]", "[[nowhere]]")
    _edit(folder / "articles/pembiayaan.yaml", "heading:", "headng: x\nheading:")
    (folder / "articles/perubahan.yaml").unlink()
    codes = {p.code for p in _problems(folder)}
    assert {"unknown-key", "article-file-missing"} <= codes


def test_huge_file_is_refused_quickly_without_reading(folder: Path) -> None:
    big = folder / "articles/pembiayaan.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    problems = _problems(folder)
    assert time.perf_counter() - started < 5, "a 50 MB file must not be read"
    assert [p.code for p in problems if p.file == "articles/pembiayaan.yaml"] == ["file-too-large"]
    assert "50.0 MiB" in str(problems[0]) or any("50.0 MiB" in str(p) for p in problems)


def test_article_id_must_match_file_name(folder: Path) -> None:
    _edit(folder / "articles/pembiayaan.yaml", "id: pembiayaan\n", "id: biaya\n")
    codes = [p.code for p in _problems(folder)]
    assert "id-mismatch" in codes


def test_missing_folder(tmp_path: Path) -> None:
    problems = _problems(tmp_path)
    assert problems[0].code == "not-an-agreement"
