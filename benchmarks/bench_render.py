"""Rendering speed: the example's PDF warm, and a 300-clause agreement through typst versus LibreOffice.

Run ``python benchmarks/bench_render.py``; ``run()`` returns the rows for docs/performance.md.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import synthetic  # noqa: E402
from mou_kit import load, render_docx, render_pdf, save  # noqa: E402
from mou_kit.render.libreoffice import convert  # noqa: E402


def _best(fn: Callable[[int], object], repeat: int = 5) -> float:
    """Return the median time of ``fn(i)`` over ``repeat`` runs after one warm-up run."""
    fn(0)
    times = []
    for i in range(1, repeat + 1):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _row(benchmark: str, figure: str, target: str, note: str) -> dict[str, str]:
    return {"benchmark": benchmark, "figure": figure, "target": target, "note": note}


def run() -> list[dict[str, str]]:
    """Return the rendering figures as rows (benchmark, figure, target, note)."""
    example = ROOT / "examples" / "tppo-kalbar"
    kalbar = load(example)
    rows = [_row("render: PDF of tppo-kalbar (id), warm, in-process",
                 f"{_best(lambda i: render_pdf(kalbar, lang='id', folder=example, revision=f'r{i}')):.3f} s",
                 "<= 0.3 s", "typst + finishing (metadata, 3 signature fields); a new revision id each run "
                 "so typst cannot reuse the whole previous layout; median of 5")]
    big = synthetic(30, 10)
    docx_time = _best(lambda i: render_docx(big, revision=f"r{i}"))
    rows.append(_row("render: DOCX of 300 clauses", f"{docx_time:.3f} s", "<= 0.5 s", "python-docx, median of 5"))
    pdf_time = _best(lambda i: render_pdf(big, revision=f"r{i}"))
    mou = Path(sys.executable).with_name("mou")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "synthetic"
        save(big, folder)
        out = Path(tmp) / "out.pdf"

        def cli(i: int) -> None:
            subprocess.run([str(mou), "render", "--format", "pdf", "-C", str(folder), "-o", str(out)],
                           check=True, capture_output=True)

        cli_time = _best(cli, repeat=3)
    rows.append(_row("render: PDF of 300 clauses, in-process", f"{pdf_time:.3f} s", "", "typst + pypdf, median of 5"))
    rows.append(_row("render: `mou render --format pdf`, 300 clauses, fresh process", f"{cli_time:.3f} s", "",
                     "includes interpreter start and loading the folder, median of 3"))
    if shutil.which("soffice") is None:
        rows.append(_row("render: DOCX + LibreOffice, 300 clauses", "n/a", "", "soffice not installed"))
        return rows
    docx = render_docx(big)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        lo_time = _best(lambda i: convert(docx, profile=profile), repeat=3) + docx_time
    fresh_lo = _best(lambda i: convert(docx), repeat=2) + docx_time
    rows.append(_row("render: DOCX + LibreOffice headless, 300 clauses", f"{lo_time:.3f} s", "",
                     "python-docx then soffice --convert-to pdf with a warmed profile, median of 3 "
                     f"(with a fresh profile each run: {fresh_lo:.3f} s)"))
    rows.append(_row("render: fresh `mou render` vs DOCX + LibreOffice", f"{lo_time / cli_time:.1f}x faster",
                     ">= 5x", ""))
    rows.append(_row("render: in-process PDF vs DOCX + LibreOffice", f"{lo_time / pdf_time:.1f}x faster",
                     ">= 15x", ""))
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']:<70} {row['figure']:>14}  {row['target']:<9} {row['note']}")
