"""Whole commands as a user runs them, cold, side by side with git's own (issue #19).

Each pair runs as fresh processes in interleaved rounds, so a slow spell of the machine falls on
both sides; the figure is the median, the ratio is of medians. The repositories are generated
from fixed seeds: the 1,000-revision history of ``bench_workspace`` and a 300-clause agreement.
Run ``python benchmarks/bench_commands.py``; ``run()`` returns rows for ``benchmarks/run.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
    times = interleaved_seconds({
        "mou log": lambda: run_process(mou("log", "--clause", clause, "-C", str(path))),
        "git log": lambda: run_process([*git, "log", "--format=%h %an %s", "--", article]),
        "mou blame": lambda: run_process(mou("blame", "-C", str(path))),
        "git blame": lambda: [run_process([*git, "blame", "--porcelain", "--", f]) for f in files],
    }, repeat=ROUNDS)
    return [
        _ratio_row(f"`mou log --clause` over {REVISIONS} revisions", times["mou log"], times["git log"],
                   "<= 5x", "`git log -- FILE`"),
        _ratio_row(f"`mou blame` over {REVISIONS} revisions", times["mou blame"], times["git blame"],
                   "<= 1x", f"`git blame` of the {len(files)} article files"),
    ]


def _commit_rows(root: Path) -> list[dict[str, str]]:
    from mou_kit import save

    draft = root / "draft"
    save(synthetic(30, 10), draft)
    ours, theirs = root / "ours", root / "theirs"
    run_process(mou("new", str(ours), "--from", str(draft), "--party", "pihak-1"))
    subprocess.run(["git", "clone", "-q", str(ours), str(theirs)], check=True)
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

    times = interleaved_seconds({"mou": with_mou, "git": with_git}, repeat=ROUNDS)
    return [_ratio_row("`mou commit` of 3 clauses, 300-clause agreement", times["mou"], times["git"], "<= 3x",
                       "`git add -A && git commit`")]


def run() -> list[dict[str, str]]:
    """Return the cold whole-command figures beside git's, as rows."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        return [*_history_rows(root), *_commit_rows(root)]


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']}: {row['figure']} (target {row['target']}) - {row['note']}")
