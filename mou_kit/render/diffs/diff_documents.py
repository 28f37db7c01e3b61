"""Every diff document as bytes, for programs that serve or store them rather than write files: text, JSON,
HTML report, comparison matrix, redline."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from ...diff import AgreementDiff, RevisionInfo
from ...errors import RenderError
from ...model import Agreement, Decision, Meeting


def diff_text(result: AgreementDiff, *, markup: bool = False) -> bytes:
    """Return the diff as the terminal shows it (UTF-8): wdiff-style ``[-old-]{+new+}``, or rich markup."""
    from .diff_text import render_diff_text

    return render_diff_text(result, markup=markup).encode()


def diff_json(result: AgreementDiff) -> bytes:
    """Return the diff as the JSON document ``mou diff --format json`` writes (``docs/diff-json.md``)."""
    return (json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n").encode()


def diff_html(result: AgreementDiff, *, decisions: Mapping[str, Decision] | None = None,
              meeting: Meeting | None = None) -> bytes:
    """Return the diff as one self-contained HTML report; ``decisions`` and ``meeting`` (see
    :func:`mou_kit.workspace.dim.meeting_facts`) add each decision and who attended."""
    from .diff_html import render_diff_html

    return render_diff_html(result, decisions=decisions, meeting=meeting).encode()


def diff_matrix(result: AgreementDiff, *, format: Literal["docx", "html"] = "docx",
                decisions: Mapping[str, Decision] | None = None) -> bytes:
    """Return the secretariat's comparison matrix as a DOCX (landscape table) or HTML page.

    ``decisions`` (node id -> the meeting's decision) fill the outcome column.

    :raises RenderError: ``format`` is neither, or the document cannot be built.
    """
    from .matrix import render_matrix_html, write_matrix_docx

    if format == "html":
        return render_matrix_html(result, decisions=decisions).encode()
    if format != "docx":
        raise RenderError(f"matrix format {format!r} is not 'docx' or 'html'", code="invalid-value")
    with tempfile.TemporaryDirectory(prefix="mou-matrix-") as folder:  # the DOCX writer saves to a path
        target = Path(folder) / "matrix.docx"
        write_matrix_docx(result, target, decisions=decisions)
        return target.read_bytes()


def diff_redline(old: Agreement, new: Agreement, *, result: AgreementDiff | None = None, lang: str | None = None,
                 revision: RevisionInfo | None = None) -> bytes:
    """Return ``new`` as a Word document with native tracked changes from ``old`` (the redline).

    ``result`` (the diff, e.g. from :func:`mou_kit.diff_revisions`) lends its language, revision
    and each node's proposing party as the changes' author, and its alignment of the nodes (the
    redline pairs and moves nodes exactly as the diff did).

    :raises MouKitError: ``lang`` has no form defined, or a text cannot be rendered.
    """
    from .redline import redline_bytes

    return redline_bytes(old, new, result=result, lang=lang, revision=revision)
