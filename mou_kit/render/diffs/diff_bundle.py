"""Every diff document for one pair of drafts, written into one folder (used by ``mou demo``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ...diff import AgreementDiff, RevisionInfo, diff
from ...errors import RenderError
from ...model import Agreement, Meeting
from .diff_html import render_diff_html
from .matrix import render_matrix_html, write_matrix_docx
from .redline import write_redline

BUNDLE_FILES = ("diff.html", "matrix.docx", "matrix.html", "redline.docx")
"""The files :func:`write_diff_bundle` writes, in this order."""


def write_diff_bundle(old: Agreement, new: Agreement, folder: str | os.PathLike[str], *,
                      old_revision: RevisionInfo | None = None, new_revision: RevisionInfo | None = None,
                      meeting: Meeting | None = None, lang: str | None = None,
                      result: AgreementDiff | None = None) -> list[Path]:
    """Write the HTML report, the matrix (DOCX and HTML) and the redline DOCX of ``old`` -> ``new``.

    ``meeting`` (the meeting that settled ``new``) fills the matrix's Hasil Pembahasan column
    from its decisions about nodes. ``result`` is the diff when the caller has it already (from
    :func:`mou_kit.diff_revisions`, with each change's party); otherwise it is computed here.
    Returns the paths written (see :data:`BUNDLE_FILES`).

    :raises RenderError: the folder or a file cannot be written.
    """
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise RenderError(f"cannot create {out}: {e.strerror or e}", code="render-failed") from e
    if result is None:
        result = diff(old, new, lang=lang, old_revision=old_revision, new_revision=new_revision)
    decisions: Mapping[str, object] = {d.node: d for d in meeting.decisions if d.node} if meeting else {}
    paths = [out / name for name in BUNDLE_FILES]
    try:
        paths[0].write_text(render_diff_html(result), encoding="utf-8")
        paths[2].write_text(render_matrix_html(result, decisions=decisions), encoding="utf-8")  # type: ignore[arg-type]
    except OSError as e:
        raise RenderError(f"cannot write into {out}: {e.strerror or e}", code="render-failed") from e
    write_matrix_docx(result, paths[1], decisions=decisions)  # type: ignore[arg-type]
    write_redline(old, new, paths[3], diff=result)
    return paths
