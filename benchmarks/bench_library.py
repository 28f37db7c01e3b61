"""Clause library, assembly and lint timings: `python benchmarks/bench_library.py`."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import synthetic
from mou_kit.assemble import assemble, load_library, read_answers
from mou_kit.lint import lint

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "examples" / "tppo-kalbar.answers.yaml"


def _best(action: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def run() -> list[dict[str, str]]:
    """Return one row per measurement (best of 5, milliseconds)."""
    library = load_library()
    answers = read_answers(ANSWERS)
    example = assemble(answers, library)
    big = synthetic(articles=30, clauses=10)
    rows = [
        ("load and check the bundled library (38 templates)", _best(load_library), "< 500 ms", "every CLI call"),
        ("assemble tppo-kalbar from answers", _best(lambda: assemble(answers, library)), "< 200 ms", "11 articles"),
        ("lint tppo-kalbar (with drift)", _best(lambda: lint(example, library=library, answers=answers)),
         "< 500 ms", "assembles again for the drift preview only when a template is newer"),
        ("lint a 300-clause agreement", _best(lambda: lint(big), repeat=3), "< 2000 ms", "synthetic(30, 10)"),
    ]
    return [{"benchmark": name, "figure": f"{ms:.0f} ms", "target": target, "note": note}
            for name, ms, target, note in rows]


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']}: {row['figure']} (target {row['target']}; {row['note']})")
