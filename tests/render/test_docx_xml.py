"""The DOCX writer's XML stays byte for byte what it was: every ``word/*.xml`` part of several
agreements (the example in each language and layout, a synthetic one, agreements with their
own closing and signature lines, one imported from Word, one on a house-style reference DOCX,
one with tabs, line breaks and markup characters)
against golden files written by the python-docx proxy writer before the body was built
directly as XML (ADR 0087).

``document.xml`` and ``numbering.xml`` are kept whole so a failure shows the difference; the
other parts (styles, footer, header, settings) by their sha256. A golden folder that is missing
is written by the first run: review it and commit it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.generate import synthetic
from mou_kit import Agreement, import_docx, load, render_docx
from tests.builders import build
from tests.conftest import EXAMPLES
from tests.importers.corpus import build as build_corpus, specs

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "docx_xml"
WHOLE = ("word/document.xml", "word/numbering.xml")
KALBAR = EXAMPLES / "tppo-kalbar"
LINES = ["{PARTY}", "By: ________", "Name: {name}", "Title: {position}", "Date:"]


def _dated(agreement: Agreement) -> Agreement:
    """``agreement`` with a date of signing, so the draft watermark does not read today's date."""
    return agreement if agreement.date else agreement.model_copy(update={"date": dt.date(2026, 11, 28)})


def _imported(tmp: Path) -> Agreement:
    [spec] = [s for s in specs() if s.name == "pasal-en"]
    build_corpus(spec, tmp / "pasal-en.docx")
    agreement = import_docx(tmp / "pasal-en.docx").agreement
    assert agreement.closing.signature_lines == LINES  # its own block, as the corpus file signs
    return _dated(agreement)


def _reference(tmp: Path) -> Path:
    """A house-style DOCX that already holds a list and a paragraph (the writer drops the body)."""
    import docx
    from docx.shared import Cm

    style = docx.Document()
    style.sections[0].left_margin = Cm(4)
    style.add_paragraph("letterhead", style="List Number")
    style.save(str(tmp / "house.docx"))
    return tmp / "house.docx"


CASES: dict[str, Callable[[Path], bytes]] = {
    "kalbar-id": lambda tmp: render_docx(_dated(load(KALBAR)), lang="id", folder=KALBAR, revision="r1"),
    "kalbar-en": lambda tmp: render_docx(_dated(load(KALBAR)), lang="en", folder=KALBAR, revision="r1"),
    "kalbar-side-by-side": lambda tmp: render_docx(_dated(load(KALBAR)), lang="id+en", folder=KALBAR, revision="r1"),
    "kalbar-sequential": lambda tmp: render_docx(_dated(load(KALBAR)), lang="id+en", layout="sequential", folder=KALBAR,
                                                 revision="r1"),
    "research-en": lambda tmp: render_docx(load(EXAMPLES / "research-mou-en"), folder=EXAMPLES / "research-mou-en",
                                           revision="r1"),
    "synthetic": lambda tmp: render_docx(_dated(synthetic(6, 8)), revision="r1"),
    "synthetic-unbroken": lambda tmp: render_docx(_dated(synthetic(6, 8)), revision="r1", pages_like_pdf=False),
    "own-closing": lambda tmp: render_docx(_dated(build("a1[c1,c2(p1,p2(s1))] a2[c3]", languages=("en",), closing={
        "text": "IN WITNESS WHEREOF the parties have signed this Agreement.", "signature_lines": LINES})),
        revision="r1"),
    "imported": lambda tmp: render_docx(_imported(tmp), revision="r1"),
    "odd-text": lambda tmp: render_docx(_dated(build("a1[c1,c2(p1,p2)] a2[c3]", languages=("en",), texts={
        "c1": "Tabs\there, a line\nbreak & <markup> \"quoted\" 'text'  ",
        "c2": "  Leading spaces, then [[p2]] and [[a1]]:", "p1": "\tTab first;", "p2": "x < y & z > w;",
        "c3": "As in [[c2]] and [[p1]]."})), revision="r1", pages_like_pdf=False),
    "reference": lambda tmp: render_docx(_dated(synthetic(2, 4)), revision="r1", reference=_reference(tmp)),
}


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in sorted(z.namelist()) if n.startswith("word/") and n.endswith(".xml")}


def _write(folder: Path, parts: dict[str, bytes]) -> None:
    folder.mkdir(parents=True)
    for name in WHOLE:
        (folder / Path(name).name).write_bytes(parts[name])
    sums = {n: hashlib.sha256(b).hexdigest() for n, b in parts.items() if n not in WHOLE}
    (folder / "parts.sha256.json").write_text(json.dumps(sums, indent=1) + "\n", encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_docx_parts_are_the_golden_ones(case: str, tmp_path: Path) -> None:
    parts = _parts(CASES[case](tmp_path))
    folder = GOLDEN / case
    if not folder.exists():
        _write(folder, parts)
    for name in WHOLE:
        golden = (folder / Path(name).name).read_text(encoding="utf-8")
        made = parts[name].decode("utf-8")
        if made != golden:
            diff = difflib.unified_diff(golden.replace("><", ">\n<").splitlines(),
                                        made.replace("><", ">\n<").splitlines(), "golden", "made", lineterm="")
            pytest.fail(f"{case}: {name} differs from {folder}:\n" + "\n".join(list(diff)[:60]))
    sums = json.loads((folder / "parts.sha256.json").read_text(encoding="utf-8"))
    assert {n: hashlib.sha256(b).hexdigest() for n, b in parts.items() if n not in WHOLE} == sums
