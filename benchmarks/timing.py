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
    return statistics.median(interleaved_seconds({"run": lambda: run_process(argv)}, repeat=repeat)["run"])


def interleaved_seconds(tasks: dict[str, Callable[[], object]], *, repeat: int = 5) -> dict[str, list[float]]:
    """Return the wall times of each task over ``repeat`` rounds that run every task in turn.

    Side-by-side figures come from interleaved runs, so a slow spell of a shared machine falls
    on both sides alike instead of on whichever ran during it.
    """
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(repeat):
        for name, work in tasks.items():
            started = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - started)
    return times


def compile_package() -> None:
    """Write mou_kit's bytecode, as installing a wheel does, so fresh processes do not compile source.

    An editable install writes none, and where PYTHONDONTWRITEBYTECODE is set (as on CI here)
    Python never writes it, so every ``mou`` process would compile ~80 modules first.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "mou_kit"), quiet=1)


def run_process(argv: Sequence[str], *, env: dict[str, str] | None = None) -> None:
    """Run ``argv`` as a fresh process from the repository root (``env`` added to the environment);
    its exit code must be 0."""
    import os

    subprocess.run(list(argv), check=True, capture_output=True, cwd=ROOT, env={**os.environ, **env} if env else None)


def mou(*args: str) -> list[str]:
    """Return the argv that runs the ``mou`` command of this interpreter's environment."""
    return [sys.executable, "-m", "mou_kit", *args]


def row(benchmark: str, seconds: float, target: str, note: str = "") -> dict[str, str]:
    """Return one result row in milliseconds."""
    return {"benchmark": benchmark, "figure": f"{seconds * 1000:.1f} ms", "target": target, "note": note}
