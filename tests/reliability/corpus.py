"""The corpus of bad inputs of issue 20 and the harness that runs each through the ``mou`` commands.

Every run is a real ``mou`` process with a timeout (a hang is a timeout, never a timing assert).
A run that must be refused passes when it exits non-zero, prints exactly one ``error:`` line and no
traceback on stderr, and leaves the repository as it was (refs, status, every file's bytes).
Run ``python -m tests.reliability.corpus`` for the figures of ``docs/reliability.md``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .packages import corrupt_deflate, main_part_not_xml, many_paragraphs, utf16_doctype, word_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "research-mou-en"
ANSWERS = ROOT / "examples" / "tppo-kalbar.answers.yaml"
MOU = [sys.executable, "-m", "mou_kit"]
TIMEOUT = 90.0
"""Seconds before a run counts as a hang: far above any real run on a loaded two-core machine."""

Setup = Callable[[Path, Path], None]
"""Makes one bad input: gets the agreement repository and a scratch folder outside it."""


@dataclass(frozen=True)
class Case:
    """One bad input, the commands it goes through and whether they must refuse it."""

    name: str
    setup: Setup
    commands: tuple[tuple[str, ...], ...]
    refused: bool = True
    expect_out: str | None = None


@dataclass
class Run:
    """What one command did with one bad input."""

    case: str
    command: str
    code: int | None
    stderr: str
    stdout: str
    seconds: float
    changed: bool
    problems: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- inputs


def _text(value: str) -> Setup:
    def setup(repo: Path, scratch: Path) -> None:
        path = repo / "articles" / "purpose.yaml"
        data = yaml.safe_load(path.read_text())
        data["clauses"][0]["text"] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return setup


def _replace(rel: str, old: str, new: str) -> Setup:
    def setup(repo: Path, scratch: Path) -> None:
        path = repo / rel
        text = path.read_text()
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1))
    return setup


def _write(rel: str, data: bytes) -> Setup:
    def setup(repo: Path, scratch: Path) -> None:
        (repo / rel).write_bytes(data)
    return setup


def _link_folder(folder: str) -> Setup:
    def setup(repo: Path, scratch: Path) -> None:
        outside = scratch / "outside" / folder
        outside.parent.mkdir(parents=True, exist_ok=True)
        if (repo / folder).exists():
            shutil.move(str(repo / folder), outside)
        else:
            outside.mkdir()
            (outside / "m.yaml").write_text("id: m\ndate: 2024-01-01\nplace: x\n")
        (repo / folder).symlink_to(outside, target_is_directory=True)
    return setup


def _link_file(repo: Path, scratch: Path) -> None:
    target = repo / "articles" / "purpose.yaml"
    outside = scratch / "purpose.yaml"
    shutil.move(str(target), outside)
    target.symlink_to(outside)


def _hard_link(repo: Path, scratch: Path) -> None:
    os.link(repo / "articles" / "purpose.yaml", scratch / "outside.yaml")


def _fifo(repo: Path, scratch: Path) -> None:
    os.mkfifo(repo / "articles" / "x.yaml")


def _device(repo: Path, scratch: Path) -> None:
    try:
        os.mknod(repo / "articles" / "d.yaml", 0o600 | 0o020000, os.makedev(1, 3))
    except PermissionError:
        os.symlink("/dev/null", repo / "articles" / "d.yaml")


def _folder_named_yaml(repo: Path, scratch: Path) -> None:
    (repo / "articles" / "x.yaml").mkdir()


_PURPOSE = "clauses:\n  - id: purpose-text\n"
_RENDER = ("render", "-f", "md", "-o", "{scratch}/out.md")
_FOLDER_COMMANDS = (("validate",), ("show",), _RENDER, ("commit", "-m", "bad"), ("lint",))
_TEXT_COMMANDS = (("validate",), ("show",), _RENDER, ("render", "-f", "docx", "-o", "{scratch}/out.docx"),
                  ("commit", "-m", "bad"))

TEXT_INPUTS = {
    "power-tower": "{{ 9**(9**9) }}",
    "nested-loops": "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
    "huge-string": "{{ 'a'*300000000 }}",
    "division-by-zero": "{{ 1/0 }}",
    "huge-range": "{{ range(10**9)|list|length }}",
    "angka-of-text": "{{ 'x'|angka }}",
    "tanggal-of-number": "{{ 5|tanggal }}",
    "format-width": "{{ '{:>999999999}'.format('a') }}",
    "percent-width": "{{ '%999999999d' % 1 }}",
    "center-width": "{{ 'a'.center(999999999) }}",
    "macro-recursion": "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "doubling-concat": "{% set a = 'x'*60000 %}{% set a = a ~ a %}{% set a = a ~ a %}{{ a }}",
    "output-flood": "{% set s = 'a'*99999 %}{% for i in range(99) %}{{ s }}{% endfor %}",
    "big-literal": "{{ " + "9" * 5000 + " }}",
    "type-error": "{{ 'a' - 1 }}",
    "unknown-filter": "{{ 3|no_such_filter }}",
    "internals": "{{ ''.__class__.__mro__ }}",
}


def _committed(setup: Setup) -> Setup:
    """The bad input recorded with plain git, behind mou's back (or through a sync)."""
    def committed(repo: Path, scratch: Path) -> None:
        setup(repo, scratch)
        subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, timeout=TIMEOUT)
        subprocess.run(["git", "-C", str(repo), "commit", "-qm", "plain git"], check=True, timeout=TIMEOUT, env=_env())
    return committed


_HISTORY_COMMANDS = (("status",), ("blame",), ("show", "HEAD"), ("diff", "HEAD~1", "HEAD"))


def _import_file(make: Callable[[], bytes]) -> Setup:
    def setup(repo: Path, scratch: Path) -> None:
        (scratch / "in.docx").write_bytes(make())
    return setup


def _answers(old: str, new: str) -> Setup:
    def setup(repo: Path, scratch: Path) -> None:
        text = ANSWERS.read_text()
        assert old in text, old
        (scratch / "answers.yaml").write_text(text.replace(old, new, 1))
    return setup


_POWER_VALUE = "'{{ 9**(9**9) }}'"
_IMPORT = (("import", "{scratch}/in.docx", "--proposed-by", "borneo-climate-institute"),)
_ASSEMBLE = (("assemble", "{scratch}/answers.yaml", "-o", "{scratch}/assembled"),)
_ASSEMBLE_SHOW = (*_ASSEMBLE, ("show", "-C", "{scratch}/assembled"))

CASES: list[Case] = [
    *[Case(f"text:{name}", _text(value), _TEXT_COMMANDS) for name, value in TEXT_INPUTS.items()],
    Case("file:symlinked-articles-folder", _link_folder("articles"), _FOLDER_COMMANDS),
    Case("file:symlinked-meetings-folder", _link_folder("meetings"), _FOLDER_COMMANDS),
    Case("file:symlinked-article", _link_file, _FOLDER_COMMANDS),
    Case("file:hard-link-to-outside", _hard_link, _FOLDER_COMMANDS),
    Case("file:fifo-article", _fifo, _FOLDER_COMMANDS),
    Case("file:device-article", _device, _FOLDER_COMMANDS),
    Case("file:folder-named-yaml", _folder_named_yaml, _FOLDER_COMMANDS),
    Case("file:duplicate-key", _replace("articles/purpose.yaml", "heading: Purpose\n",
                                        "heading: Purpose\nheading: Aim\n"), _FOLDER_COMMANDS),
    Case("file:impossible-date", _replace("agreement.yaml", "date: 2024-03-12", "date: 2023-02-30"), _FOLDER_COMMANDS),
    Case("file:year-9999", _replace("agreement.yaml", "date: 2024-03-12", "date: 9999-12-31"), _FOLDER_COMMANDS),
    Case("file:5000-digit-integer", _replace("agreement.yaml", "notice_days: 60", "notice_days: " + "9" * 5000),
         _FOLDER_COMMANDS),
    Case("file:20-digit-notice", _replace("agreement.yaml", "notice_days: 60", "notice_days: " + "9" * 20),
         _FOLDER_COMMANDS),
    Case("file:escaped-control-character", _replace("articles/purpose.yaml", "heading: Purpose",
                                                    'heading: "Pur\\e[31mpose"'), _FOLDER_COMMANDS),
    Case("file:raw-control-character", _write("articles/purpose.yaml",
                                              b"id: purpose\nheading: Pur\x07pose\n" + _PURPOSE.encode() +
                                              b"    text: x\n"), _FOLDER_COMMANDS),
    Case("file:deep-nesting", _write("articles/purpose.yaml", b"id: " + b"[" * 5000 + b"]" * 5000 + b"\n"),
         _FOLDER_COMMANDS),
    Case("history:impossible-date", _committed(_replace("agreement.yaml", "date: 2024-03-12", "date: 2023-02-30")),
         _HISTORY_COMMANDS),
    Case("history:5000-digit-integer", _committed(_replace("agreement.yaml", "notice_days: 60",
                                                           "notice_days: " + "9" * 5000)), _HISTORY_COMMANDS),
    Case("history:duplicate-key", _committed(_replace("articles/purpose.yaml", "heading: Purpose\n",
                                                      "heading: Purpose\nheading: Aim\n")), _HISTORY_COMMANDS),
    Case("history:control-character", _committed(_replace("articles/purpose.yaml", "heading: Purpose",
                                                          'heading: "Pur\\e[31mpose"')), _HISTORY_COMMANDS),
    Case("history:power-tower", _committed(_text("{{ 9**(9**9) }}")), (("show", "HEAD"),)),
    Case("import:utf16-doctype", _import_file(lambda: word_file(utf16_doctype)), _IMPORT),
    Case("import:main-part-not-xml", _import_file(lambda: word_file(main_part_not_xml)), _IMPORT),
    Case("import:corrupt-deflate", _import_file(lambda: corrupt_deflate(word_file())), _IMPORT),
    Case("import:truncated-zip", _import_file(lambda: word_file()[:-200]), _IMPORT),
    Case("import:named-pipe", lambda repo, scratch: os.mkfifo(scratch / "in.docx"), _IMPORT),
    Case("import:100k-paragraphs", _import_file(lambda: word_file(many_paragraphs)), _IMPORT),
    Case("answers:value-is-markup", _answers(
        "    id: kerja sama pencegahan dan penegakan hukum tindak pidana perdagangan orang dalam rangka "
        "pelindungan Pekerja Migran Indonesia", f"    id: {_POWER_VALUE}"), _ASSEMBLE_SHOW, refused=False,
        expect_out="{{ 9**(9**9) }}"),
    Case("answers:point-is-markup", _answers(
        "        id: pertukaran data dan informasi terkait tindak pidana perdagangan orang",
        "        id: '{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}'"),
        _ASSEMBLE_SHOW, refused=False, expect_out="{% for a in range(100000) %}"),
    Case("answers:duplicate-key", _answers("template: nk-tripartit\n", "template: nk-tripartit\ntemplate: pks\n"),
         _ASSEMBLE),
    Case("answers:impossible-date", _answers("values:\n", "values:\n  tanggal: 2023-02-30\n"), _ASSEMBLE),
]


# ---------------------------------------------------------------- running


def make_repository(where: Path) -> Path:
    """Return a fresh agreement repository (the English example, one revision) under ``where``."""
    repo = where / "repo"
    subprocess.run([*MOU, "new", str(repo), "--from", str(EXAMPLE), "--proposed-by", "khatulistiwa-university"],
                   check=True, capture_output=True, timeout=TIMEOUT, env=_env())
    return repo


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GIT_AUTHOR_NAME="mou_kit tests", GIT_AUTHOR_EMAIL="tests@mou-kit.invalid",
               GIT_COMMITTER_NAME="mou_kit tests", GIT_COMMITTER_EMAIL="tests@mou-kit.invalid",
               NO_COLOR="1", COLUMNS="200", PYTHONPATH=str(ROOT))
    return env


def snapshot(repo: Path) -> str:
    """Return a digest of the repository: refs, HEAD, status, every file of the folder, crash markers."""
    digest = hashlib.sha256()
    for args in (["for-each-ref"], ["symbolic-ref", "-q", "HEAD"], ["status", "--porcelain", "-uall"]):
        digest.update(subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=TIMEOUT).stdout)
    for path in sorted(repo.rglob("*")):
        rel = path.relative_to(repo).as_posix()
        if rel.startswith(".git/") and not rel.startswith(".git/mou"):
            continue
        info = path.lstat()
        digest.update(f"{rel}:{info.st_mode:o}:".encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_case(case: Case, where: Path, repo_template: Path) -> list[Run]:
    """Return the runs of ``case``: a fresh copy of the repository, the bad input, every command."""
    repo, scratch = where / "repo", where / "scratch"
    shutil.copytree(repo_template, repo, symlinks=True)
    scratch.mkdir()
    case.setup(repo, scratch)
    before = snapshot(repo)
    runs = []
    for command in case.commands:
        args = [part.format(scratch=scratch) for part in command]
        if args[0] != "assemble" and "-C" not in args:
            args += ["-C", str(repo)]
        started = time.monotonic()
        try:
            done = subprocess.run([*MOU, *args], capture_output=True, text=True, timeout=TIMEOUT, env=_env(),
                                  stdin=subprocess.DEVNULL)
            code, out, err = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired as e:
            code, out, err = None, str(e.stdout or ""), str(e.stderr or "")
        after = snapshot(repo)
        runs.append(_judge(case, " ".join(command[:1]), code, out, err, time.monotonic() - started,
                           before != after, scratch))
        before = after
    return runs


def _judge(case: Case, command: str, code: int | None, out: str, err: str, seconds: float, changed: bool,
           scratch: Path) -> Run:
    run = Run(case.name, command, code, err, out, seconds, changed)
    if code is None:
        run.problems.append(f"hang: no answer within {TIMEOUT:g} s")
    if "Traceback" in err or "Traceback" in out:
        run.problems.append("traceback")
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    if case.refused:
        if code == 0:
            run.problems.append("accepted (exit 0)")
        if len(errors) != 1:
            run.problems.append(f"{len(errors)} error lines instead of one")
        if changed:
            run.problems.append("the repository changed")
        if (scratch / "assembled").exists():
            run.problems.append("the output folder was written")
    elif code != 0:
        run.problems.append(f"refused: {err.strip()[:200]}")
    elif case.expect_out is not None and command == "show" and case.expect_out not in out:
        run.problems.append(f"{case.expect_out!r} not printed literally")
    return run


def run_all(where: Path, cases: list[Case] = CASES, workers: int = 3) -> list[Run]:
    """Return every run of every case, ``workers`` cases at a time."""
    template = make_repository(where / "template")

    def one(item: tuple[int, Case]) -> list[Run]:
        return run_case(item[1], where / f"case-{item[0]}", template)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [run for runs in pool.map(one, enumerate(cases)) for run in runs]


def figures(runs: list[Run]) -> dict[str, Any]:
    """Return the figures ``docs/reliability.md`` reports."""
    times = sorted(r.seconds for r in runs)
    return {"inputs": len({r.case for r in runs}), "runs": len(runs),
            "tracebacks": sum("traceback" in r.problems for r in runs),
            "hangs": sum(r.code is None for r in runs),
            "repository changes": sum(r.changed for r in runs),
            "failed runs": sum(bool(r.problems) for r in runs),
            "median s": round(times[len(times) // 2], 2), "slowest s": round(times[-1], 2),
            "slowest run": max(runs, key=lambda r: r.seconds).case}


if __name__ == "__main__":
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        all_runs = run_all(Path(tmp))
    for r in all_runs:
        if r.problems:
            print(f"{r.case} {r.command}: {'; '.join(r.problems)} | {r.stderr.strip()[:300]}")
    print(json.dumps(figures(all_runs), indent=2))
