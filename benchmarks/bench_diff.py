"""Diff and redline of a 300-clause pair with 15 real edits, against python-redlines.

The pair: ``synthetic(30, 10)`` and a copy with 10 rewordings, 2 inserted articles (which renumber
every article after them), 1 deleted clause and 2 moved clauses. python-redlines runs, if it is
installed in a separate venv (``REDLINES_PYTHON``, default /tmp/redlines-venv/bin/python), on
DOCX renderings of both drafts made by our own redline writer with no changes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import synthetic, synthetic_data
from mou_kit import Agreement
from mou_kit.diff import ChangeKind, diff
from mou_kit.render.diffs.diff_html import render_diff_html
from mou_kit.render.diffs.matrix import write_matrix
from mou_kit.render.diffs.redline import write_redline
from mou_kit.render.diffs.redline_proof import expected, project, revision_stats

REDLINES_PYTHON = os.environ.get("REDLINES_PYTHON", "/tmp/redlines-venv/bin/python")
_REDLINES = """
import sys, time
from python_redlines.engines import DocxodusEngine
engine = DocxodusEngine()
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
t = time.perf_counter()
out = engine.run_redline("python-redlines", a, b)[0]
sys.stderr.write(f"{time.perf_counter() - t}\\n")
open(sys.argv[3], "wb").write(out)
"""


def edited_pair() -> tuple[Agreement, Agreement]:
    """Return the old agreement and the new one with 15 real edits."""
    old = synthetic(30, 10)
    raw = synthetic_data(30, 10)
    arts = raw["articles"]
    for a in (2, 5, 8, 11, 14, 17, 20, 23, 26, 29):                      # 10 rewordings
        clause = arts[a]["clauses"][4]
        clause["text"] = clause["text"].replace(" ", " dan juga ", 1)
    arts[20]["clauses"].pop(6)                                           # 1 deletion
    moved = arts[25]["clauses"].pop(2)                                   # 2 moves
    arts[27]["clauses"].append(moved)
    moved = arts[12]["clauses"].pop(8)
    arts[9]["clauses"].insert(0, moved)
    for at in (16, 3):                                                   # 2 insertions
        arts.insert(at, {"id": f"baru-{at}", "heading": "Pasal Baru",
                         "clauses": [{"id": f"baru-{at}-c1", "text": "Ketentuan baru yang disepakati PARA PIHAK."}]})
    return old, Agreement.model_validate(raw)


def _best(fn: object, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def typed_docx(agreement: Agreement, path: Path) -> None:
    """Write ``agreement`` as a Word file of the usual kind: one paragraph per block, numbers typed."""
    from docx import Document

    from mou_kit.render.diffs._redline_blocks import Ref, blocks

    document = Document()
    for block in blocks(agreement, agreement.main_language):
        text = "".join(t.text if isinstance(t, Ref) else t for t in block.tokens)
        document.add_paragraph(f"{block.label} {text}".strip())
    document.save(str(path))


def _python_redlines(old: Agreement, new: Agreement, folder: Path, *,
                     typed: bool) -> tuple[float | None, int | None, str]:
    if not Path(REDLINES_PYTHON).exists():
        return None, None, f"python-redlines not run: {REDLINES_PYTHON} does not exist (pip install python-redlines " \
                           "python-redlines-docxodus into a separate venv and set REDLINES_PYTHON)"
    a, b, out = folder / "old.docx", folder / "new.docx", folder / "theirs.docx"
    if typed:
        typed_docx(old, a)
        typed_docx(new, b)
    else:
        write_redline(old, old, a)
        write_redline(new, new, b)
    script = folder / "run.py"
    script.write_text(_REDLINES, encoding="utf-8")
    run = subprocess.run([REDLINES_PYTHON, str(script), str(a), str(b), str(out)], capture_output=True, text=True,
                         timeout=300)
    if run.returncode != 0:
        return None, None, "python-redlines failed: " + (run.stderr.strip().splitlines() or ["?"])[-1]
    stats = revision_stats(out)
    return float(run.stderr.strip().splitlines()[-1]), stats.counts["ins"] + stats.counts["del"], "python-redlines ran"


def run() -> list[dict[str, str]]:
    """Return the benchmark rows (benchmark, figure, target, note)."""
    old, new = edited_pair()
    result = diff(old, new)
    kinds = {k: sum(1 for c in result if c.kind == k) for k in ChangeKind}
    t_diff = _best(lambda: diff(old, new))
    t_html = _best(lambda: render_diff_html(diff(old, new)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t_red = _best(lambda: write_redline(old, new, folder / "ours.docx"), 7)
        t_matrix = _best(lambda: write_matrix(result, folder / "matrix.docx"), 3)
        stats = revision_stats(folder / "ours.docx")
        proof = (project(folder / "ours.docx", accept=True) == expected(new, "id")
                 and project(folder / "ours.docx", accept=False) == expected(old, "id", cite=new))
        runs = {typed: _python_redlines(old, new, folder, typed=typed) for typed in (True, False)}
    rows = [
        {"benchmark": "diff: 300-clause pair, 15 edits", "figure": f"{t_diff * 1000:.1f} ms", "target": "<= 50 ms",
         "note": f"{len(result.real)} real changes ({kinds[ChangeKind.REWORDED]} reworded, "
                 f"{kinds[ChangeKind.ADDED]} added, {kinds[ChangeKind.REMOVED]} removed, "
                 f"{kinds[ChangeKind.MOVED]} moved), {kinds[ChangeKind.RENUMBERED]} renumbered"},
        {"benchmark": "diff + HTML report of the pair", "figure": f"{t_html * 1000:.1f} ms", "target": "-",
         "note": "the part of `mou diff A B --format html` after the two revisions are read"},
        {"benchmark": "matrix DOCX of the pair", "figure": f"{t_matrix * 1000:.0f} ms", "target": "-",
         "note": "15 rows, landscape table"},
        {"benchmark": "redline: revision groups", "figure": str(stats.groups), "target": "15 (one per real edit)",
         "note": f"{stats.total} revision elements {stats.counts}; ids unique: {stats.ids_unique}; "
                 f"accept-all = new and reject-all = old: {proof}"},
        {"benchmark": "redline: DOCX write", "figure": f"{t_red * 1000:.0f} ms", "target": ">= 10x python-redlines",
         "note": "diff + python-docx document + save"},
    ]
    for typed, (theirs, their_revisions, note) in runs.items():
        inputs = "typed numbers" if typed else "our list-numbered DOCX"
        if theirs is not None:
            rows.append({"benchmark": f"python-redlines (Docxodus), inputs with {inputs}",
                         "figure": f"{theirs * 1000:.0f} ms", "target": "-",
                         "note": f"{their_revisions} w:ins/w:del; ours is {theirs / t_red:.1f}x faster"})
        else:
            rows.append({"benchmark": "python-redlines", "figure": "n/a", "target": "-", "note": note})
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['benchmark']:<48} {row['figure']:>10}  target {row['target']:<26} {row['note']}")
