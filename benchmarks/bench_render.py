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
    rows.append(_row("render: PDF of 300 clauses, in-process", f"{pdf_time:.3f} s", "",
                     "typst + finishing, median of 5"))
    mou = str(Path(sys.executable).with_name("mou"))
    have_lo = shutil.which("soffice") is not None
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "synthetic"
        save(big, folder)
        profile = root / "profile"

        def cli_pdf(i: int) -> None:
            subprocess.run([mou, "render", "--format", "pdf", "-C", str(folder), "-o", str(root / "t.pdf")],
                           check=True, capture_output=True)

        def cli_lo(i: int) -> None:
            subprocess.run([mou, "render", "--format", "docx", "-C", str(folder), "-o", str(root / "l.docx")],
                           check=True, capture_output=True)
            subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                            "pdf", "--outdir", str(root), str(root / "l.docx")], check=True, capture_output=True)

        cli_time = _best(cli_pdf, repeat=3)
        rows.append(_row("render: `mou render --format pdf`, 300 clauses, fresh process", f"{cli_time:.3f} s", "",
                         "interpreter start, imports, loading the folder, typst, finishing; median of 3"))
        if not have_lo:
            rows.append(_row("render: DOCX + LibreOffice, 300 clauses", "n/a", "", "soffice not installed"))
            return rows
        lo_cli = _best(cli_lo, repeat=3)
    docx = render_docx(big)
    with tempfile.TemporaryDirectory() as tmp:
        lo_time = _best(lambda i: convert(docx, profile=Path(tmp) / "profile"), repeat=3) + docx_time
    rows.append(_row("render: `mou render --format docx` + `soffice --convert-to pdf`, 300 clauses",
                     f"{lo_cli:.3f} s", "", "two fresh processes, LibreOffice with a warmed profile; median of 3"))
    rows.append(_row("render: DOCX + LibreOffice, 300 clauses, in-process DOCX", f"{lo_time:.3f} s", "",
                     "render_docx + soffice (warmed profile), median of 3"))
    example_pdf = _best(lambda i: render_pdf(kalbar, lang="id", folder=example, revision=f"e{i}"))
    example_docx = render_docx(kalbar, lang="id", folder=example)
    with tempfile.TemporaryDirectory() as tmp:
        example_lo = _best(lambda i: convert(example_docx, profile=Path(tmp) / "profile"), repeat=3)
    rows.append(_row("render: tppo-kalbar in-process PDF vs its DOCX through LibreOffice",
                     f"{example_lo / example_pdf:.1f}x faster", "", f"LibreOffice {example_lo:.3f} s"))
    rows.append(_row("render: fresh `mou render` PDF vs DOCX + LibreOffice (both fresh)",
                     f"{lo_cli / cli_time:.1f}x faster", ">= 5x", ""))
    rows.append(_row("render: in-process PDF vs DOCX + LibreOffice", f"{lo_time / pdf_time:.1f}x faster",
                     ">= 15x", ""))
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']:<70} {row['figure']:>14}  {row['target']:<9} {row['note']}")
