"""The model and its files: load + validate, save and numbering of a 300-clause agreement; start-up."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from benchmarks.generate import synthetic
from benchmarks.timing import ROOT, interleaved_seconds, median_seconds, mou, process_seconds, row, run_process


def run() -> list[dict[str, str]]:
    """Return the figures of this module's benchmarks."""
    from mou_kit import load, number, save
    from mou_kit.files import dump_agreement, parse_agreement, read_folder

    agreement = synthetic(30, 10)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "synthetic"
        save(agreement, folder)
        rows.append(row("load + validate, 300 clauses (warm)", median_seconds(lambda: load(folder)),
                        "<= 50 ms"))
        files = read_folder(folder)
        rows.append(row("parse + validate from bytes, 300 clauses", median_seconds(lambda: parse_agreement(files)),
                        "", "what a read at a git revision costs"))
        rows.append(row("save unchanged, 300 clauses", median_seconds(lambda: save(agreement, folder), repeat=5),
                        "", "comments carried over"))
        rows.append(row("dump to canonical bytes, 300 clauses",
                        median_seconds(lambda: dump_agreement(agreement), repeat=5), ""))
    rows.append(row("numbering, 300 clauses", median_seconds(lambda: number(agreement)), ""))
    example = ROOT / "examples/tppo-kalbar"
    rows.append(row("`import mou_kit` (fresh process)",
                    process_seconds([mou()[0], "-c", "import mou_kit"]), ""))
    from statistics import median

    python = mou()[0]
    runs = iter(range(1_000_000))

    def full_check(folder: Path) -> None:  # a new MOU* variable each run: a new key, so the whole check runs
        run_process(mou("validate", "-C", str(folder)), env={"MOU_BENCH_RUN": str(next(runs))})

    with tempfile.TemporaryDirectory() as tmp:
        copy, other = Path(tmp) / "example", Path(tmp) / "changing"
        for folder in (copy, other):
            shutil.copytree(example, folder, ignore=shutil.ignore_patterns("cache"))
        run_process(mou("validate", "-C", str(copy)))  # remembered from here on (ADR 0086)
        times = interleaved_seconds({"pass": lambda: run_process([python, "-c", "pass"]),
                                     "help": lambda: run_process(mou("--help")),
                                     "validate": lambda: run_process(mou("validate", "-C", str(copy))),
                                     "full": lambda: full_check(other)}, repeat=9)
    bare = median(times["pass"])
    rows.append(row("`python -c pass` (fresh process)", bare, "", "the floor every command pays"))
    rows.append(row("`mou --help` (fresh process)", median(times["help"]), "<= 2.5x python -c pass",
                    f"{median(times['help']) / bare:.1f}x python -c pass; interleaved runs"))
    rows.append(row("`mou validate` on the example, unchanged (fresh process)", median(times["validate"]),
                    "<= 4x python -c pass", f"{median(times['validate']) / bare:.1f}x python -c pass; the success "
                                            "remembered under a key of content, code and environment (ADR 0086)"))
    rows.append(row("`mou validate` on the example, full check (fresh process)", median(times["full"]),
                    "", f"{median(times['full']) / bare:.1f}x python -c pass; after any change (here a MOU* variable)"))
    for name, code in (("PyYAML with its C loader", "import yaml; yaml.CSafeLoader"), ("pydantic", "import pydantic"),
                       ("mou_kit.model (the pydantic models built)", "import mou_kit.model"), ("typer", "import typer"),
                       ("rich.console", "import rich.console"), ("pygit2", "import pygit2"),
                       ("python-docx", "import docx"), ("num2words", "import num2words")):
        seconds = process_seconds([python, "-c", code], repeat=5)
        rows.append(row(f"import floor: {name} (fresh process)", seconds, "",
                        f"{seconds / bare:.1f}x python -c pass, before any work"))
    heavy = ("import sys, mou_kit.cli; "
             "print(sorted(m for m in ('docx', 'typst', 'git', 'pygit2', 'pypdf', 'pyhanko') if m in sys.modules))")
    import subprocess

    loaded = subprocess.run([mou()[0], "-c", heavy], capture_output=True, text=True, check=True).stdout.strip()
    rows.append({"benchmark": "heavy libraries imported by the CLI at start-up", "figure": loaded,
                 "target": "[]", "note": "python-docx, typst, GitPython, pygit2, pypdf, pyHanko"})
    return rows
