"""Rendering: the example's PDF warm, and a 300-clause agreement through typst versus DOCX and LibreOffice.

Run ``python benchmarks/bench_render.py``; ``run()`` returns the rows for docs/performance.md.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import synthetic  # noqa: E402
from benchmarks.timing import median_seconds, mou, process_seconds, row  # noqa: E402
from mou_kit import Agreement, load, render_docx, render_pdf, save  # noqa: E402
from mou_kit.render.libreoffice import convert  # noqa: E402


def _ratio(benchmark: str, slow: float, fast: float, target: str, note: str = "") -> dict[str, str]:
    return {"benchmark": benchmark, "figure": f"{slow / fast:.1f}x faster", "target": target, "note": note}


def run() -> list[dict[str, str]]:
    """Return the rendering figures as rows (benchmark, figure, target, note)."""
    example = ROOT / "examples" / "tppo-kalbar"
    kalbar = load(example)
    big = synthetic(30, 10)
    revisions = itertools.count()

    def pdf_of(agreement: Agreement, **kwargs: Any) -> float:
        # a new revision id each run, so typst cannot reuse the whole previous layout
        return median_seconds(lambda: render_pdf(agreement, revision=f"r{next(revisions)}", **kwargs),
                              repeat=5, warmup=1)

    example_pdf = pdf_of(kalbar, lang="id", folder=str(example))
    big_pdf = pdf_of(big)
    big_docx = median_seconds(lambda: render_docx(big), repeat=5, warmup=1)
    rows = [
        row("PDF of tppo-kalbar (id), warm, in-process", example_pdf, "<= 300 ms",
            "typst + finishing (metadata, 3 signature fields), a new revision id each run"),
        row("DOCX of 300 clauses", big_docx, "<= 500 ms", "python-docx, in-process"),
        row("PDF of 300 clauses, in-process", big_pdf, "", "typst + finishing, a new revision id each run"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "synthetic"
        save(big, folder)
        fresh_pdf = process_seconds(mou("render", "--format", "pdf", "-C", str(folder), "-o", str(root / "t.pdf")),
                                    repeat=3)
        rows.append(row("`mou render --format pdf`, 300 clauses, fresh process", fresh_pdf, "",
                        "interpreter start, imports, loading the folder, typst, finishing"))
        if shutil.which("soffice") is None:
            rows.append({"benchmark": "DOCX + LibreOffice", "figure": "n/a", "target": "",
                         "note": "soffice not installed"})
            return rows
        profile = root / "profile"
        soffice = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(root), str(root / "l.docx")]
        docx_cli = mou("render", "--format", "docx", "-C", str(folder), "-o", str(root / "l.docx"))
        subprocess.run(docx_cli, check=True, capture_output=True)
        subprocess.run(soffice, check=True, capture_output=True)  # warms the profile
        fresh_docx = process_seconds(docx_cli, repeat=3)
        fresh_lo = process_seconds(soffice, repeat=3)
        docx_bytes = render_docx(big)
        lo = median_seconds(lambda: convert(docx_bytes, profile=profile), repeat=3, warmup=0)
        example_docx = render_docx(kalbar, lang="id", folder=example)
        example_lo = median_seconds(lambda: convert(example_docx, profile=profile), repeat=3, warmup=0)
    rows += [
        row("`mou render --format docx` + `soffice --convert-to pdf`, 300 clauses", fresh_docx + fresh_lo, "",
            "two fresh processes, LibreOffice with a warmed profile"),
        row("DOCX + LibreOffice, 300 clauses, in-process DOCX", big_docx + lo, "", "warmed LibreOffice profile"),
        _ratio("fresh `mou render` PDF vs DOCX + LibreOffice (both fresh)", fresh_docx + fresh_lo, fresh_pdf, ">= 5x"),
        _ratio("in-process PDF vs DOCX + LibreOffice, 300 clauses", big_docx + lo, big_pdf, ">= 15x"),
        _ratio("in-process PDF vs its DOCX through LibreOffice, tppo-kalbar", example_lo, example_pdf, "",
               f"LibreOffice {example_lo * 1000:.0f} ms"),
    ]
    return rows


if __name__ == "__main__":
    for r in run():
        print(f"{r['benchmark']:<72} {r['figure']:>14}  {r['target']:<9} {r['note']}")
