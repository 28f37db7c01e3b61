"""`mou demo` end to end: examples validated, history built, diffs and documents written."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from mou_kit import MouKitError
from mou_kit.demo.run import MARKER, run_demo

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_demo_writes_every_output(tmp_path: Path) -> None:
    steps: list[str] = []
    report = run_demo(EXAMPLES, tmp_path / "out", step=steps.append)
    assert set(report.examples) == {"tppo-kalbar", "research-mou-en"}
    names = {p.relative_to(tmp_path / "out").as_posix() for p in report.files}
    for bundle in ("first-draft..meeting-1", "rapat-2023-07-18..rapat-2023-07-25"):
        assert {f"diff/{bundle}/{f}" for f in ("diff.html", "matrix.docx", "matrix.html", "redline.docx",
                                               "dim.docx", "dim.html")} <= names
    assert {"documents/tppo-kalbar.docx", "documents/tppo-kalbar.pdf", "documents/tppo-kalbar.id+en.pdf"} <= names
    assert {"signed/tppo-kalbar-signed.pdf", "signed/tppo-kalbar.ics"} <= names
    assert sum(line.endswith("(intact, trusted)") for line in report.lines) == 3
    assert any(line.startswith("verified:") and line.endswith("(agreed)") for line in report.lines)
    assert "tracked changes by BP3MI Kalbar (Proposed-by: bp3mi-kalbar):" in report.lines
    assert "import/tppo-kalbar.counterpart.docx" in names
    matrix = (tmp_path / "out/diff/first-draft..meeting-1/matrix.html").read_text(encoding="utf-8")
    assert "BP3MI Kalbar" in matrix and "Kanwil Kemenkumham Kalbar" in matrix  # Pengusul per change
    dim_html = (tmp_path / "out/diff/first-draft..meeting-1/dim.html").read_text(encoding="utf-8")
    assert "Usulan BP3MI Kalbar" in dim_html and "Selasa, 18 Juli 2023" in dim_html
    assert all(p.stat().st_size > 1000 for p in report.files)
    assert len(PdfReader(tmp_path / "out/documents/tppo-kalbar.pdf").pages) >= 3
    assert any("Pasal 1" in p.text for p in Document(str(tmp_path / "out/documents/tppo-kalbar.docx")).paragraphs)
    assert any(line.startswith("history: 6 revisions") for line in report.lines)
    assert "building its negotiation history in git" in steps


def test_demo_reruns_into_its_own_folder_but_refuses_a_foreign_one(tmp_path: Path) -> None:
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(MouKitError, match="was not made by the demo"):
        run_demo(EXAMPLES, foreign)
    assert (foreign / "notes.txt").read_text() == "keep me"
    out = tmp_path / "out"
    out.mkdir()
    (out / MARKER).write_text("")
    (out / "stale.txt").write_text("old")
    run_demo(EXAMPLES, out)
    assert not (out / "stale.txt").exists()
