"""Benchmarks of the lifecycle: the whole signed demo, signing, verifying, and a portfolio scan.

The issue names no targets; these figures say what a secretariat waits for. Run alone with
``python benchmarks/bench_lifecycle.py``; ``run()`` returns rows for ``benchmarks/run.py``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timing import ROOT, median_seconds, row
from mou_kit.demo.history import build_example_history
from mou_kit.demo.signing import sign_example
from mou_kit.signing import sign_pdf
from mou_kit.workflow import agreement_status, portfolio, verify_document

PORTFOLIO = 40


def run() -> list[dict[str, str]]:
    """Return the lifecycle figures as rows (benchmark, figure, target, note)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        history = build_example_history(ROOT / "examples" / "tppo-kalbar", root / "repo")
        started = time.perf_counter()
        demo = sign_example(history.path, root / "out")
        whole = time.perf_counter() - started
        p12 = demo.certificates / "polda-kalbar.p12"
        one = median_seconds(lambda: sign_pdf(demo.pdf, "polda-kalbar", p12, passphrase=b"mou-demo"), repeat=5)
        verify = median_seconds(lambda: verify_document(demo.signed_pdf, trust=[demo.certificates / "root.pem"],
                                                        repository=history.path), repeat=5)
        folder = root / "portfolio"
        for i in range(PORTFOLIO):
            shutil.copytree(history.path, folder / f"nk-{i:03d}")
        scan = median_seconds(lambda: portfolio(folder, reader=lambda f, day: agreement_status(
            f, today=day, cache=False)), repeat=3, warmup=1)
        cached = median_seconds(lambda: portfolio(folder), repeat=3, warmup=1)
    return [
        row("signed demo: agree, render, 3 certificates, 3 signatures, verify, sign, calendar", whole, "",
            "tppo-kalbar history, in-process, cold pyHanko import included"),
        row("sign one field of tppo-kalbar (pyHanko, ECDSA P-256)", one, "", "in-process, warm"),
        row("verify 3 signatures and match the revision", verify, "", "trust root given; revision named in metadata"),
        row(f"portfolio of {PORTFOLIO} repositories, no status cache", scan, "",
            "status of each: read HEAD, meetings, lint, log"),
        row(f"portfolio of {PORTFOLIO} repositories, statuses cached", cached, "",
            "each repository's .git/mou/status.json, as a second mou portfolio reads it"),
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r['benchmark']}: {r['figure']} ({r['note']})")
