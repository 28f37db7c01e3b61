"""How benchmarks time things: medians of repeated runs, in-process or as fresh processes."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(work: Callable[[], object], *, repeat: int = 15, warmup: int = 2) -> float:
    """Return the median wall time of ``work()`` over ``repeat`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def process_seconds(argv: Sequence[str], *, repeat: int = 7) -> float:
    """Return the median wall time of running ``argv`` as a fresh process (exit code must be 0)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(list(argv), check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def mou(*args: str) -> list[str]:
    """Return the argv that runs the ``mou`` command of this interpreter's environment."""
    return [sys.executable, "-m", "mou_kit", *args]


def row(benchmark: str, seconds: float, target: str, note: str = "") -> dict[str, str]:
    """Return one result row in milliseconds."""
    return {"benchmark": benchmark, "figure": f"{seconds * 1000:.1f} ms", "target": target, "note": note}
