"""Run every benchmark module and write the figures to docs/performance.md.

Usage: ``make bench`` (or ``python benchmarks/run.py [MODULE ...]`` to run some of them again: their
sections of docs/performance.md are replaced and the others kept).
Each ``benchmarks/bench_*.py`` exposes ``run() -> list[dict[str, str]]`` with the keys
benchmark, figure, target and note.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _run_alone(name: str) -> list[dict[str, str]]:
    """Return the rows of ``benchmarks.<name>``, run in its own interpreter.

    Each module starts from a clean process, so one module's caches and heap (typst keeps
    layouts of earlier renders) do not slow down the next.
    """
    code = f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); from benchmarks import {name}; " \
           f"print(json.dumps({name}.run()))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    rows: list[dict[str, str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return rows


def main(names: list[str]) -> int:
    """Run the named benchmark modules (default: all) and write docs/performance.md."""
    from benchmarks.timing import compile_package

    modules = names or sorted(p.stem for p in (ROOT / "benchmarks").glob("bench_*.py"))
    compile_package()
    sections = []
    for name in modules:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"== {name}", flush=True)
        rows = _run_alone(name)
        for r in rows:
            print(f"  {r['benchmark']:<60} {r['figure']:>14}  {r['target']}  {r['note']}", flush=True)
        table = ["| benchmark | figure | target | note |", "| --- | --- | --- | --- |"]
        table += [f"| {r['benchmark']} | {r['figure']} | {r['target']} | {r['note']} |" for r in rows]
        doc = (module.__doc__ or "").strip().splitlines()[0]
        sections.append(f"## {name}\n\n{doc}\n\n" + "\n".join(table) + "\n")
    header = (
        "# Performance\n\n"
        "Figures from `make bench` (`python benchmarks/run.py`), medians of repeated runs on "
        f"{platform.machine()} with {platform.python_implementation()} {platform.python_version()}, "
        f"measured {dt.date.today().isoformat()} on a shared 2-core machine: compare ratios more than "
        "absolute times. Each module runs in its own interpreter; \"fresh process\" means a new "
        "interpreter per run, and side-by-side figures alternate their two sides round by round.\n\n"
    )
    footer = (
        "## Instructions rather than time\n\n"
        "Wall time here varies by a third between runs. To compare changes to the PDF template, "
        "count what one cold typst layout of the 300-clause agreement executes: "
        "`python benchmarks/typst_work.py [TEMPLATE.typ ...]` (valgrind; varies by well under 1%). "
        "The packaged template took 958 million instructions before ADR 0034, 779 million after it, "
        "747 million after ADR 0035 and 739 million after ADR 0085 (marked places looked up in a "
        "dictionary).\n\n"
        "Fresh-process figures run with mou_kit's bytecode compiled first, as installing a wheel does "
        "(`make` does it once after `pip install -e`): where PYTHONDONTWRITEBYTECODE is set, as here, "
        "Python never caches it, and each `mou` process would compile ~80 modules (~0.08 s).\n"
    )
    page = ROOT / "docs/performance.md"
    if names and page.exists():  # some modules again: their sections replaced, the others kept as measured
        sections = _merged(page.read_text(encoding="utf-8"), dict(zip(modules, sections, strict=True)))
    page.write_text(header + "\n".join(sections) + "\n" + footer, encoding="utf-8")
    return 0


def _merged(page: str, fresh: dict[str, str]) -> list[str]:
    """Return the page's module sections in order, with those in ``fresh`` (module name → section) replaced."""
    body = page.split("\n## ", 1)[1].split("\n## Instructions rather than time", 1)[0]
    old = {part.split("\n", 1)[0]: "## " + part.rstrip("\n") + "\n" for part in ("\n## " + body).split("\n## ")[1:]}
    return [fresh.get(name, text) for name, text in sorted({**old, **fresh}.items())]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
