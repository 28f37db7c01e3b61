"""The secretariat's comparison matrix (matriks perubahan) of a diff, as a landscape DOCX table or HTML.

Columns: No | Pasal/Ayat | Rumusan Semula | Usulan Perubahan (with redline) | Pengusul |
Alasan/Keterangan | Hasil Pembahasan — English headings for an English diff.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ...diff import AgreementDiff, Change, OpKind
from ...errors import RenderError
from ...model import Decision
from ._diff_words import describe, matrix_headings, proposer, results, revision_line, where, words


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One row of the matrix; ``change`` gives the redline of the proposed wording."""

    number: int
    place: str
    old: str
    change: Change
    proposer: str
    note: str
    outcome: str


def matrix_rows(diff: AgreementDiff, *, decisions: Mapping[str, Decision] | None = None) -> list[MatrixRow]:
    """Return the rows of the matrix: one per change that is not mere renumbering.

    ``decisions`` maps a node id to the meeting decision about it (the Hasil Pembahasan column).
    """
    decisions = decisions or {}
    results_in = results(diff.lang)
    rows = []
    for n, change in enumerate(diff.real, 1):
        decision = decisions.get(change.node)
        outcome = ""
        if decision is not None:
            outcome = " — ".join(x for x in (results_in.get(decision.result or "", ""), decision.text) if x)
        rows.append(MatrixRow(n, where(change, diff.lang), change.old_text or "", change, proposer(diff, change),
                              describe(change, diff.lang), outcome))
    return rows


def _headings(diff: AgreementDiff) -> tuple[str, ...]:
    return matrix_headings(diff.lang)


def _proposed_html(change: Change, lang: str) -> str:
    if change.ops:
        return "".join(escape(o.text) if o.op == OpKind.EQUAL else
                       f"<del>{escape(o.text)}</del>" if o.op == OpKind.DELETE else f"<ins>{escape(o.text)}</ins>"
                       for o in change.ops)
    if change.new_text is None:
        return f"<em>{escape(words(lang)['deleted'])}</em>"
    if change.old_text is None:
        return f"<ins>{escape(change.new_text)}</ins>"
    return escape(change.new_text)


def render_matrix_html(diff: AgreementDiff, *, decisions: Mapping[str, Decision] | None = None) -> str:
    """Return the matrix as one standalone HTML page, landscape when printed."""
    w = words(diff.lang)
    head = "".join(f"<th>{escape(h)}</th>" for h in _headings(diff))
    rows = "".join(
        f"<tr><td>{r.number}</td><td>{escape(r.place)}</td><td>{escape(r.old)}</td>"
        f"<td>{_proposed_html(r.change, diff.lang)}</td><td>{escape(r.proposer)}</td><td>{escape(r.note)}</td>"
        f"<td>{escape(r.outcome)}</td></tr>" for r in matrix_rows(diff, decisions=decisions))
    title = f"{w['matrix']}: {revision_line(diff.old_id, diff.old_revision, diff)} → " \
            f"{revision_line(diff.new_id, diff.new_revision, diff)}"
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(diff.lang)}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        "<style>@page{size:A4 landscape;margin:1.5cm}body{font-family:Georgia,serif;font-size:10pt;margin:1em}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:.3em;vertical-align:top}"
        "th{background:#e8e8e8}thead{display:table-header-group}tr{page-break-inside:avoid}"
        "del{color:#b71c1c;text-decoration:line-through}ins{color:#0d47a1;text-decoration:underline}"
        "td{white-space:pre-line}td:first-child{text-align:center;width:2.5em}</style></head><body>"
        f"<h1 style='font-size:13pt;text-align:center'>{escape(title)}</h1>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></body></html>\n")


def write_matrix_docx(diff: AgreementDiff, path: str | os.PathLike[str], *,
                      decisions: Mapping[str, Decision] | None = None) -> None:
    """Write the matrix as a landscape A4 DOCX table whose header row repeats on every page.

    :raises RenderError: the file cannot be written.
    """
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Cm, RGBColor

    from ...ooxml.tracked import repeat_header
    from .dim import landscape_page, page_numbers

    document = Document()
    landscape_page(document)
    page_numbers(document, diff.lang)
    w = words(diff.lang)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(f"{w['matrix'].upper()}\n").bold = True
    title.add_run(f"{revision_line(diff.old_id, diff.old_revision, diff)} → "
                  f"{revision_line(diff.new_id, diff.new_revision, diff)}")
    headings = _headings(diff)
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    widths = (Cm(1.0), Cm(3.2), Cm(6.3), Cm(6.8), Cm(2.6), Cm(3.5), Cm(3.3))
    for cell, heading, width in zip(table.rows[0].cells, headings, widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    repeat_header(table.rows[0]._tr)
    for row in matrix_rows(diff, decisions=decisions):
        added = table.add_row()
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row never splits across pages
        cells = added.cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        cells[0].text, cells[1].text, cells[2].text = str(row.number), row.place, row.old
        para = cells[3].paragraphs[0]
        change = row.change
        if change.ops:
            for op in change.ops:
                run = para.add_run(op.text)
                if op.op == OpKind.DELETE:
                    run.font.strike = True
                    run.font.color.rgb = RGBColor(0xB7, 0x1C, 0x1C)
                elif op.op == OpKind.INSERT:
                    run.font.underline = True
                    run.font.color.rgb = RGBColor(0x0D, 0x47, 0xA1)
        elif change.new_text is None:
            para.add_run(w["deleted"]).italic = True
        else:
            run = para.add_run(change.new_text)
            if change.old_text is None:
                run.font.underline = True
                run.font.color.rgb = RGBColor(0x0D, 0x47, 0xA1)
        cells[4].text, cells[5].text, cells[6].text = row.proposer, row.note, row.outcome
    try:
        document.save(os.fspath(path))
    except OSError as e:
        raise RenderError(f"cannot write the matrix to {os.fspath(path)}: {e.strerror or e}; check the folder "
                          "exists and the file is not open in Word", code="render-failed") from e


def write_matrix(diff: AgreementDiff, path: str | os.PathLike[str], *,
                 decisions: Mapping[str, Decision] | None = None) -> None:
    """Write the matrix to ``path``: DOCX for a ``.docx`` name, HTML otherwise.

    :raises RenderError: the file cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() == ".docx":
        write_matrix_docx(diff, target, decisions=decisions)
        return
    try:
        target.write_text(render_matrix_html(diff, decisions=decisions), encoding="utf-8")
    except OSError as e:
        raise RenderError(f"cannot write the matrix to {target}: {e.strerror or e}", code="render-failed") from e
