"""Importing DOCX: the example edited by the other side, a 300-clause file with and without a base, safety checks,
and the project's own corpus of Word files written elsewhere (tests/importers/corpus.py).

Run ``python benchmarks/bench_import.py``; ``run()`` returns the rows for docs/performance.md.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from benchmarks.generate import synthetic  # noqa: E402
from benchmarks.timing import median_seconds, row  # noqa: E402
from mou_kit import import_docx, load, render_docx  # noqa: E402
from mou_kit.demo.counterpart import counterpart_edits  # noqa: E402
from mou_kit.errors import SourceError  # noqa: E402
from mou_kit.importers._package import check_docx  # noqa: E402
from tests.importers.corpus import build, specs  # noqa: E402
from tests.importers.roundtrip import paragraph_texts, recall, tokens  # noqa: E402


def corpus_rows(root: Path) -> list[dict[str, str]]:
    """Return the corpus figures: share imported, words placed (median, minimum), time and round trip."""
    imported, shares, times, covered, plain, both = 0, [], [], [], [], []
    corpus = specs()
    for spec in corpus:
        path = root / f"{spec.name}.docx"
        build(spec, path)
        started = time.perf_counter()
        try:
            result = import_docx(path)
        except SourceError:
            continue
        times.append(time.perf_counter() - started)
        imported += 1
        shares.append(result.words.share_placed)
        out = root / f"{spec.name}.back.docx"
        render_docx(result.agreement, out, lang=result.lang)
        source, rendered = tokens(paragraph_texts(path)), tokens(paragraph_texts(out))
        if spec.cover:
            covered.append(recall(source, rendered))
        else:
            plain.append(recall(source, rendered))
            both.append(SequenceMatcher(None, source, rendered, autojunk=False).ratio())
    n = len(corpus)
    return [
        {"benchmark": f"corpus: files imported (of {n})", "figure": f"{imported / n:.0%}", "target": "100%",
         "note": "11 structures x 2 languages x 2 variants; no base"},
        {"benchmark": "corpus: share of words placed, median / minimum",
         "figure": f"{statistics.median(shares):.1%} / {min(shares):.1%}", "target": "",
         "note": "the rest is noted with its paragraph (chapter headings, cover-page lines)"},
        row("corpus: import time per file, median", statistics.median(times), "",
            f"max {max(times) * 1000:.0f} ms"),
        {"benchmark": f"corpus: round trip, all words, {len(plain)} files without cover table, min / median",
         "figure": f"{min(plain):.1%} / {statistics.median(plain):.1%}", "target": ">= 98% (min)",
         "note": "every word of the file, title to signature table, found in order in mou new + render; "
                 f"labels dropped. Both ways (the form's own words count against): min {min(both):.1%}"},
        {"benchmark": "corpus: round trip, all words, files with a cover table, min",
         "figure": f"{min(covered):.1%}", "target": "",
         "note": "the cover table becomes the annex 'cover-page', printed after the signatures"},
    ]


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
        corpus = corpus_rows(root)
    return [
        row("import tppo-kalbar DOCX edited (5 edits, 2 tracked) with base", example_s, "",
            "accepted, rejected and one per-author view; ids by bookmark"),
        row("import 300-clause DOCX with base", big_base, "< 300 ms", "ids by bookmark"),
        row("import 300-clause DOCX without base", big_plain, "< 300 ms", "ids from text"),
        row("safety checks of a 300-clause DOCX (zip + every XML part)", checks, "", f"{len(data):,} bytes"),
        *corpus,
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r['benchmark']:<72} {r['figure']:>14}  {r['target']:<9} {r['note']}")
