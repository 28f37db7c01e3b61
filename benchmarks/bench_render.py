"""Rendering: the example's PDF warm, and a 300-clause agreement through typst versus DOCX and LibreOffice.

Run ``python benchmarks/bench_render.py``; ``run()`` returns the rows for docs/performance.md.
"""

from __future__ import annotations

import itertools
import shutil
import sys
import tempfile
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import synthetic  # noqa: E402
from benchmarks.timing import (  # noqa: E402
    compile_package,
    interleaved_seconds,
    median_seconds,
    mou,
    process_seconds,
    row,
    run_process,
)
from mou_kit import Agreement, load, render_docx, render_pdf, save  # noqa: E402
from mou_kit.render.finishing.libreoffice import convert  # noqa: E402


def _ratio(benchmark: str, slow: list[float], fast: list[float], target: str) -> dict[str, str]:
    best = min(slow) / min(fast)
    return {"benchmark": benchmark, "figure": f"{median(slow) / median(fast):.1f}x faster", "target": target,
            "note": f"ratio of medians of interleaved runs; of the fastest runs {best:.1f}x"}


_ONE_RENDER = """
import sys, time
sys.path.insert(0, {root!r})
from benchmarks.generate import synthetic
from mou_kit import render_docx
from mou_kit.render._document import prepare
from mou_kit.render._typeset import laid_places
render_docx(synthetic(2, 2), revision="warm-up")  # imports, fonts and typst's world loaded, as after a first use
agreement = synthetic(100, {clauses})
started = time.perf_counter()
if {what!r} == "typst":
    docs, info, chosen = prepare(agreement, None, revision="alone", folder=None, layout=None, revision_footer=None)
    laid_places(docs, info, chosen)
else:
    render_docx(agreement, revision="measured", pages_like_pdf={what!r} == "pages")
print(time.perf_counter() - started)
"""


def _fresh_render(clauses: int, what: str, *, repeat: int = 3) -> float:
    """Return the median time of one large render, each in its own interpreter.

    typst keeps every layout it made in memory (~350 MB after a few large ones) and gets slower as
    it grows, and typst-py cannot clear it: a large render measured after others in one process
    says more about that process than about the render.
    """
    import subprocess

    code = _ONE_RENDER.format(root=str(ROOT), clauses=clauses, what=what)
    times = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                  cwd=ROOT).stdout.split()[-1]) for _ in range(repeat)]
    return median(times)


def _docx_scaling(at_300: float) -> list[dict[str, str]]:
    """DOCX time at 3,000 and 10,000 clauses, and how it grows from 300 (1.0 is linear)."""
    import math

    at_3000, at_10000 = _fresh_render(30, "pages"), _fresh_render(100, "pages")
    plain, typst_alone = _fresh_render(100, "plain"), _fresh_render(100, "typst")
    exponent = math.log(at_10000 / at_300) / math.log(10_000 / 300)
    fresh = "in a process that rendered only a small agreement before (typst's memory of earlier layouts slows it)"
    return [
        row("DOCX of 3,000 clauses", at_3000, "", f"pages broken like the PDF, typst's layout cold, {fresh}"),
        row("DOCX of 10,000 clauses", at_10000, "<= 4 s", "pages broken like the PDF: typst lays it out in a thread "
            f"meanwhile (ADR 0085), its layout cold, {fresh}"),
        row("DOCX of 10,000 clauses, pages_like_pdf=False", plain, "", "the writer alone: python-docx for the "
            "package, styles and tables, the body as XML text parsed once (ADR 0087)"),
        row("typst layout of 10,000 clauses with every place marked", typst_alone, "",
            "one cold layout, the marks' positions asked of typst (no PDF written): the floor of a DOCX that "
            "breaks like the PDF"),
        {"benchmark": "DOCX growth from 300 to 10,000 clauses", "figure": f"exponent {exponent:.2f}",
         "target": "<= 1.05", "note": "log(t10000 / t300) / log(10000 / 300); 1.0 is linear"},
    ]


def run() -> list[dict[str, str]]:
    """Return the rendering figures as rows (benchmark, figure, target, note)."""
    example = ROOT / "examples" / "tppo-kalbar"
    kalbar = load(example)
    big = synthetic(30, 10)
    revisions = itertools.count()

    def pdf(agreement: Agreement, **kwargs: Any) -> bytes:
        # a new revision id each run, so typst cannot reuse the previous layout of the same pages
        return render_pdf(agreement, revision=f"r{next(revisions)}", **kwargs)

    example_pdf = median_seconds(lambda: pdf(kalbar, lang="id", folder=str(example)), repeat=5, warmup=1)
    big_docx = median_seconds(lambda: render_docx(big, revision=f"r{next(revisions)}"), repeat=5, warmup=1)
    rows = [
        row("PDF of tppo-kalbar (id), warm, in-process", example_pdf, "<= 300 ms",
            "typst + finishing (metadata, 3 signature fields), a new revision id each run"),
        row("DOCX of 300 clauses", big_docx, "<= 500 ms", "in-process, pages broken like the PDF; a new revision "
            "id each run, so typst lays it out cold, as for the PDF rows"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "synthetic"
        save(big, folder)
        fresh_cli = mou("render", "--format", "pdf", "-C", str(folder), "-o", str(root / "t.pdf"))
        if shutil.which("soffice") is None:
            pdf(big)
            rows.append(row("PDF of 300 clauses, in-process", median_seconds(lambda: pdf(big), repeat=5),
                            "", "typst + finishing"))
            rows.append(row("`mou render --format pdf`, 300 clauses, fresh process", process_seconds(fresh_cli),
                            "", "interpreter start, imports, loading the folder, typst, finishing"))
            rows.append({"benchmark": "DOCX + LibreOffice", "figure": "n/a", "target": "",
                         "note": "soffice not installed"})
            rows[2:2] = _docx_scaling(big_docx)
            return rows
        profile = root / "profile"
        docx_cli = mou("render", "--format", "docx", "-C", str(folder), "-o", str(root / "l.docx"))
        soffice = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(root), str(root / "l.docx")]

        def docx_then_soffice() -> None:
            run_process(docx_cli)
            run_process(soffice)

        docx_then_soffice()  # warms the LibreOffice profile
        rows.append(row("`mou render --format docx`, 300 clauses, fresh process", process_seconds(docx_cli, repeat=5),
                        "", "cold: start-up, imports, typst layout for the page breaks beside python-docx"))
        pdf(big)
        fresh = interleaved_seconds({"pdf": lambda: run_process(fresh_cli), "lo": docx_then_soffice}, repeat=9)
        inproc = interleaved_seconds({"pdf": lambda: pdf(big),
                                      "lo": lambda: convert(render_docx(big), profile=profile)}, repeat=15)
        example_docx = render_docx(kalbar, lang="id", folder=example)
        example_lo = median_seconds(lambda: convert(example_docx, profile=profile), repeat=3, warmup=0)
    rows += [
        row("PDF of 300 clauses, in-process", median(inproc["pdf"]), "",
            "typst + finishing, a new revision id each run"),
        row("DOCX + LibreOffice, 300 clauses, in-process DOCX", median(inproc["lo"]), "",
            "render_docx, then soffice --convert-to pdf with a warmed profile"),
        row("`mou render --format pdf`, 300 clauses, fresh process", median(fresh["pdf"]), "",
            "interpreter start, imports, loading the folder, typst, finishing"),
        row("`mou render --format docx` + `soffice --convert-to pdf`, 300 clauses", median(fresh["lo"]), "",
            "two fresh processes, LibreOffice with a warmed profile"),
        _ratio("fresh `mou render` PDF vs DOCX + LibreOffice (both fresh)", fresh["lo"], fresh["pdf"], ">= 5x"),
        _ratio("in-process PDF vs DOCX + LibreOffice, 300 clauses", inproc["lo"], inproc["pdf"], ">= 15x"),
        {"benchmark": "in-process PDF vs its DOCX through LibreOffice, tppo-kalbar",
         "figure": f"{example_lo / example_pdf:.1f}x faster", "target": "",
         "note": f"LibreOffice {example_lo * 1000:.0f} ms"},
    ]
    rows[2:2] = _docx_scaling(big_docx)  # after the comparison, in processes of their own
    return rows


if __name__ == "__main__":
    compile_package()
    for r in run():
        print(f"{r['benchmark']:<72} {r['figure']:>14}  {r['target']:<9} {r['note']}")
