"""Importing a counterpart's Word file as revisions of an agreement repository.

These functions join ``importers/``, ``diff/``, ``render/`` and ``workspace/`` for the command
line and other front ends; each is one action on one repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..diff import diff
from ..importers import ImportResult, import_docx
from ..model import Agreement
from ..model.ids import slugify
from ..workspace import Revision, Workspace

PathLike = str | os.PathLike[str]


@dataclass(slots=True)
class ImportOutcome:
    """What an import did: the file as read, the revisions committed (none on a dry run), the diff lines."""

    result: ImportResult
    revisions: list[Revision] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


Step = tuple[Agreement, str | None, str]
"""An agreement to commit, the party proposing it, and what it holds ("" for a plain import)."""


def import_steps(result: ImportResult, proposed_by: str | None, as_proposals: bool) -> list[Step]:
    """Return the revisions an import makes: the file as one, or the original and one per author of tracked changes."""
    if not as_proposals or result.original is None:
        return [(result.agreement, proposed_by, "")]
    steps: list[Step] = [(result.original, proposed_by, "untracked edits")]
    for p in result.proposals:
        steps.append((p.agreement, p.party or slugify(p.author) or None, f"tracked changes by {p.author}"))
    return steps


def summary_lines(old: Agreement, steps: list[Step]) -> list[str]:
    """Return the diff lines of each step against the one before, headed by who proposed it."""
    from ..render.diffs.diff_text import diff_lines

    out: list[str] = []
    before = old
    for agreement, party, what in steps:
        lines = diff_lines(diff(before, agreement), markup=False)
        if what:
            out.append(f"{what}" + (f" (Proposed-by: {party})" if party else "") + ":")
            lines = [f"  {line}" for line in lines]
        out += lines
        before = agreement
    return out


def import_revision(folder: PathLike, path: PathLike, *, proposed_by: str | None = None,
                    as_proposals: bool = False, dry_run: bool = False, lang: str | None = None) -> ImportOutcome:
    """Return the outcome of reading the Word file ``path`` as the next revision of the repository ``folder``.

    The file is matched against HEAD. By default it is committed as one revision with every
    tracked change accepted; with ``as_proposals`` the untracked edits come first, then one
    revision per tracked-change author, each ``Proposed-by`` that author's party. A dry run
    commits nothing. ``lang`` picks the column of a side-by-side file (default: the first).

    :raises SourceError: the file cannot be read safely as an agreement.
    :raises ValidationFailed: what was read breaks a rule of the model; nothing is committed.
    :raises WorkspaceError: ``folder`` is not an agreement repository, or the commit fails.
    """
    with Workspace.open(folder) as ws:
        base = ws.read("HEAD")
        result = import_docx(Path(path), base=base, lang=lang)
        steps = import_steps(result, proposed_by, as_proposals)
        outcome = ImportOutcome(result, summary=summary_lines(base, steps))
        if dry_run:
            return outcome
        before = base
        name = Path(path).name
        report = result.report()
        for agreement, party, what in steps:
            if agreement == before:
                continue
            message = f"Import {name}" + (f": {what}" if what else "")
            if report:
                message += "\n\n" + "\n".join(report)
            outcome.revisions.append(ws.commit(agreement, message, proposed_by=party, base=base.read_at))
            before = agreement
    return outcome


def new_from_file(folder: PathLike, path: PathLike, *, lang: str | None = None,
                  proposed_by: str | None = None) -> ImportOutcome:
    """Return the outcome of starting the agreement repository ``folder`` from the Word file ``path``.

    The file is read without a base: title, parties, recitals, articles and signatories as far as
    the file shows them, ``lang`` as given or detected. The first revision's message carries the
    import report; ``outcome.result.attention`` lists what a human must still fill in.

    :raises SourceError: the file cannot be read safely as an agreement.
    :raises ValidationFailed: what was read breaks a rule of the model; nothing is created.
    :raises WorkspaceError: ``folder`` exists and is not empty.
    """
    result = import_docx(Path(path), lang=lang)
    report = result.report()
    message = f"Start from {Path(path).name}" + ("\n\n" + "\n".join(report) if report else "")
    with Workspace.init(folder, result.agreement, message=message, proposed_by=proposed_by) as ws:
        revision = ws.resolve("HEAD")
    return ImportOutcome(result, [revision])
