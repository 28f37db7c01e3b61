"""Whole commands as a user runs them, cold, side by side with git's own (issue #19).

Each pair runs as fresh processes in interleaved rounds, so a slow spell of the machine falls on
both sides; the figure is the median, the ratio is of medians. The repositories are generated
from fixed seeds: the 1,000-revision history of ``bench_workspace``, 300- and 10,000-clause
agreements (``synthetic(30, 10)``, ``synthetic(100, 100)``; 3 clauses edited per commit round), and
60- and 300-clause pairs of drafts for the redline (python-redlines runs from its own venv,
``REDLINES_PYTHON``, made by ``make bench-deps``, on the DOCX ``mou render --format docx`` writes).
Run ``python benchmarks/bench_commands.py``; ``run()`` returns rows for ``benchmarks/run.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from statistics import median
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_diff import REDLINES_PYTHON, edited_pair
from benchmarks.bench_workspace import REVISIONS, _build_history
from benchmarks.generate import synthetic
from benchmarks.timing import interleaved_seconds, mou, run_process

ROUNDS = 7


def _ratio_row(benchmark: str, ours: list[float], theirs: list[float], goal: str, against: str) -> dict[str, str]:
    ratio = median(ours) / median(theirs)
    return {"benchmark": benchmark, "figure": f"{median(ours) * 1000:.0f} ms = {ratio:.1f}x {against}",
            "target": goal, "note": f"{against} {median(theirs) * 1000:.0f} ms; whole commands, cold, "
                                    f"{len(ours)} interleaved rounds"}


def _history_rows(root: Path) -> list[dict[str, str]]:
    path = root / "history"
    clause = _build_history(path)
    article = f"articles/{clause.split('-')[0]}.yaml"
    files = sorted(str(p.relative_to(path)) for p in (path / "articles").glob("*.yaml"))
    git = ["git", "-C", str(path)]
    nodes, emptied = path / ".git" / "mou" / "nodes", root / "emptied"

    def emptied_first(argv: list[str]) -> Callable[[], None]:
        def run() -> None:  # what history remembered is moved aside (a rename, ~0 ms), not deleted in the timing
            if nodes.exists():
                nodes.rename(emptied / str(len(list(emptied.iterdir()))))
            run_process(argv)
        return run

    emptied.mkdir()
    log, blame = mou("log", "--clause", clause, "-C", str(path)), mou("blame", "-C", str(path))
    run_process(log)  # the start-up path's remembered articles (ADR 0088) filled once, as any first use does
    times = interleaved_seconds({
        "mou log, empty": emptied_first(log),
        "mou log": lambda: run_process(log),
        "git log": lambda: run_process([*git, "log", "--format=%h %an %s", "--", article]),
        "mou blame, empty": emptied_first(blame),
        "mou blame": lambda: run_process(blame),
        "git blame": lambda: [run_process([*git, "blame", "--porcelain", "--", f]) for f in files],
    }, repeat=ROUNDS)
    shutil.rmtree(emptied)
    filled, empty = "with the articles remembered (any run after the first)", "first run, nothing remembered"
    return [
        _ratio_row(f"`mou log --clause` over {REVISIONS} revisions, {filled}", times["mou log"], times["git log"],
                   "<= 5x", "`git log -- FILE`"),
        _ratio_row(f"`mou log --clause` over {REVISIONS} revisions, {empty}", times["mou log, empty"],
                   times["git log"], "(fills the cache)", "`git log -- FILE`"),
        _ratio_row(f"`mou blame` over {REVISIONS} revisions, {filled}", times["mou blame"], times["git blame"],
                   "<= 1x", f"`git blame` of the {len(files)} article files"),
        _ratio_row(f"`mou blame` over {REVISIONS} revisions, {empty}", times["mou blame, empty"],
                   times["git blame"], "<= 1x", f"`git blame` of the {len(files)} article files"),
    ]


def _commit_rows(root: Path) -> list[dict[str, str]]:
    """``mou commit`` of 3 edited clauses against ``git add -A && git commit`` on a clone, at 300 and 10,000 clauses."""
    from mou_kit import save

    rows = []
    for articles, clauses, goal in ((30, 10, "<= 3x"), (100, 100, "<= 5x")):
        size = articles * clauses
        draft = root / f"draft{size}"
        save(synthetic(articles, clauses), draft)
        ours, theirs = root / f"ours{size}", root / f"theirs{size}"
        run_process(mou("new", str(ours), "--from", str(draft), "--party", "pihak-1"))
        subprocess.run(["git", "clone", "-q", str(ours), str(theirs)], check=True)
        times = interleaved_seconds({**_committers(ours, theirs),
                                     "floor": lambda: run_process([sys.executable, "-c", _COMMIT_FLOOR])},
                                    repeat=ROUNDS)
        row = _ratio_row(f"`mou commit` of 3 clauses, {size:,}-clause agreement", times["mou"], times["git"],
                         goal, "`git add -A && git commit`")
        floor = median(times["floor"])
        row["note"] += (f". Importing the libraries alone ({_COMMIT_FLOOR_NAMES}) takes {floor * 1000:.0f} ms: "
                        f"{floor / median(times['git']):.1f}x is the least any commit built on them can reach")
        rows.append(row)
    return rows


# What a commit process must do before any work: import the CLI, the git backend, the lock, YAML, and build
# the two models it validates with (they are built on first use, ADR 0089)
_COMMIT_FLOOR = ("import typer, pygit2, filelock, yaml; from mou_kit.model import Article; "
                 "from mou_kit.files.schema import AgreementFile; "
                 "AgreementFile.model_rebuild(); Article.model_rebuild()")
_COMMIT_FLOOR_NAMES = "typer, pygit2, filelock, PyYAML, the pydantic models built"


def _committers(ours: Path, theirs: Path) -> dict[str, Callable[[], None]]:
    """Return the two sides of a commit round: edit 3 clauses (in 3 article files), then commit them."""
    rounds = iter(range(10_000))

    def edit(folder: Path, tag: str) -> None:
        for name in ("a1", "a11", "a21"):
            file = folder / "articles" / f"{name}.yaml"
            text = re.sub(r"(text: \|-\n\s+[^\n]*?)\.\n", rf"\1 {tag}.\n", file.read_text(), count=1)
            file.write_text(text)

    def with_mou() -> None:
        n = next(rounds)
        edit(ours, f"m{n}")
        run_process(mou("commit", "-m", f"edit {n}", "--party", "pihak-1", "-C", str(ours)))

    def with_git() -> None:
        n = next(rounds)
        edit(theirs, f"g{n}")
        run_process(["git", "-C", str(theirs), "add", "-A"])
        run_process(["git", "-C", str(theirs), "commit", "-q", "-m", f"edit {n}"])

    return {"mou": with_mou, "git": with_git}


# What a redline process must import before any work: the CLI, the models, python-docx and the matcher
_REDLINE_FLOOR = "import typer, yaml, docx, rapidfuzz, num2words, mou_kit.model"
_FLOOR_NAMES = "typer, PyYAML, pydantic models, python-docx, rapidfuzz, num2words"

_THEIRS = """
import sys
from python_redlines.engines import DocxodusEngine
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
open(sys.argv[3], "wb").write(DocxodusEngine().run_redline("python-redlines", a, b)[0])
"""


def _small_pair() -> tuple[Any, Any]:
    """Return a 60-clause draft and a copy with 6 real edits (3 rewordings, 1 deletion, 1 move, 1 new article)."""
    from benchmarks.generate import synthetic_data
    from mou_kit import Agreement

    raw = synthetic_data(6, 10)
    old = Agreement.model_validate(synthetic_data(6, 10))
    arts = raw["articles"]
    for a in (0, 2, 4):
        clause = arts[a]["clauses"][4]
        clause["text"] = clause["text"].replace(" ", " dan juga ", 1)
    arts[1]["clauses"].pop(6)
    arts[5]["clauses"].append(arts[3]["clauses"].pop(2))
    arts.insert(3, {"id": "baru-3", "heading": "Pasal Baru",
                    "clauses": [{"id": "baru-3-c1", "text": "Ketentuan baru yang disepakati PARA PIHAK."}]})
    return old, Agreement.model_validate(raw)


def _redline_rows(root: Path) -> list[dict[str, str]]:
    """``mou diff A B --format redline`` against the python-redlines process, both cold, at 60 and 300 clauses."""
    from mou_kit import save
    from mou_kit.render.diffs.redline_proof import revision_stats

    if not Path(REDLINES_PYTHON).exists():
        return [{"benchmark": "redline through the CLI vs python-redlines", "figure": "n/a", "target": ">= 10x",
                 "note": f"python-redlines not run: {REDLINES_PYTHON} does not exist (make bench-deps)"}]
    script = root / "theirs.py"
    script.write_text(_THEIRS, encoding="utf-8")
    rows = []
    for size, (old, new) in ((60, _small_pair()), (300, edited_pair())):
        a, b = root / f"old{size}", root / f"new{size}"
        save(old, a)
        save(new, b)
        for folder in (a, b):  # their input: the Word files our users have, written by mou render
            run_process(mou("render", "--format", "docx", "-C", str(folder), "-o", str(folder / "draft.docx")))
        ours, theirs = root / f"ours{size}.docx", root / f"theirs{size}.docx"
        their_argv = [REDLINES_PYTHON, str(script), str(a / "draft.docx"), str(b / "draft.docx"), str(theirs)]
        run_process(their_argv)  # unpacks the engine once into the user's cache, as a first use does
        times = interleaved_seconds({
            "mou": lambda a=a, b=b, ours=ours: run_process(
                mou("diff", str(a), str(b), "--format", "redline", "-o", str(ours))),
            "theirs": lambda argv=their_argv: run_process(argv),
            "floor": lambda: run_process([sys.executable, "-c", _REDLINE_FLOOR]),
        }, repeat=5)
        mine, other = revision_stats(ours), revision_stats(theirs)
        speed = median(times["theirs"]) / median(times["mou"])
        best = median(times["theirs"]) / median(times["floor"])
        rows.append({
            "benchmark": f"redline of a {size}-clause pair, whole commands (cold)",
            "figure": f"{median(times['mou']) * 1000:.0f} ms = {speed:.1f}x faster than python-redlines",
            "target": ">= 10x",
            "note": f"`mou diff A B --format redline` vs the python-redlines (Docxodus) process "
                    f"{median(times['theirs']) * 1000:.0f} ms on the DOCX `mou render --format docx` wrote; "
                    f"{mine.groups} groups of marks ours, {other.groups} theirs; 5 interleaved rounds. "
                    f"Importing the libraries alone ({_FLOOR_NAMES}) takes {median(times['floor']) * 1000:.0f} ms: "
                    f"{best:.1f}x is the most any redline process built on them can reach"})
    return rows


def run() -> list[dict[str, str]]:
    """Return the cold whole-command figures beside git's and python-redlines', as rows."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        return [*_history_rows(root), *_commit_rows(root), *_redline_rows(root)]


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']}: {row['figure']} (target {row['target']}) - {row['note']}")
