"""Importing DOCX: the example edited by the other side, a 300-clause file with and without a base, safety checks.

Run ``python benchmarks/bench_import.py``; ``run()`` returns the rows for docs/performance.md.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from benchmarks.generate import synthetic  # noqa: E402
from benchmarks.timing import median_seconds, row  # noqa: E402
from mou_kit import import_docx, load, render_docx  # noqa: E402
from mou_kit.importers._counterpart import counterpart_edits  # noqa: E402
from mou_kit.importers._package import check_docx  # noqa: E402


def run() -> list[dict[str, str]]:
    """Return the import figures as rows (benchmark, figure, target, note)."""
    example = ROOT / "examples" / "tppo-kalbar"
    kalbar = load(example)
    big = synthetic(30, 10)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        edited = root / "kalbar.docx"
        render_docx(kalbar, edited, lang="id", folder=example)
        document = docx.Document(str(edited))
        counterpart_edits(document, "BP3MI Kalbar")
        document.save(str(edited))
        large = root / "big.docx"
        render_docx(big, large)
        data = large.read_bytes()
        example_s = median_seconds(lambda: import_docx(edited, base=kalbar), repeat=7, warmup=1)
        big_base = median_seconds(lambda: import_docx(large, base=big), repeat=5, warmup=1)
        big_plain = median_seconds(lambda: import_docx(large), repeat=5, warmup=1)
        checks = median_seconds(lambda: check_docx(data, "big.docx"), repeat=7, warmup=1)
    return [
        row("import tppo-kalbar DOCX edited (5 edits, 2 tracked) with base", example_s, "",
            "accepted, rejected and one per-author view; ids by bookmark"),
        row("import 300-clause DOCX with base", big_base, "", "ids by bookmark"),
        row("import 300-clause DOCX without base", big_plain, "", "ids from text"),
        row("safety checks of a 300-clause DOCX (zip + every XML part)", checks, "", f"{len(data):,} bytes"),
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r['benchmark']:<72} {r['figure']:>14}  {r['target']:<9} {r['note']}")
