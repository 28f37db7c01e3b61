"""The import step of ``mou demo``: the example rendered to DOCX, edited as the other side would, read back."""

from __future__ import annotations

import os
from pathlib import Path

from ..importers import import_docx
from ..workflow.importing import import_steps, summary_lines

PathLike = str | os.PathLike[str]


def demo_import(example: PathLike, out: PathLike, *, author: str = "BP3MI Kalbar") -> list[str]:
    """Return the diff lines of the demo import: the example rendered to DOCX, edited as the other side would.

    Writes ``<out>/<id>.counterpart.docx``: the example's agreed draft as DOCX, one clause
    reworded, a point inserted, a clause deleted, and a tracked insertion and deletion by
    ``author``. The lines list the untracked edits, then the tracked ones under their author.

    :raises SourceError: the edited file cannot be read back (a bug, not a user error).
    """
    import docx

    from ..files import load
    from ..render import render_docx
    from .counterpart import counterpart_edits

    agreement = load(example)
    target = Path(out) / f"{agreement.id}.counterpart.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    render_docx(agreement, target, lang=agreement.main_language, folder=example)
    document = docx.Document(str(target))
    counterpart_edits(document, author)
    document.save(str(target))
    result = import_docx(target, base=agreement)
    return summary_lines(agreement, import_steps(result, None, True))
