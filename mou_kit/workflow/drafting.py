"""The drafting workflow on an agreement folder: assemble it from the library, lint it, update it.

These functions join ``files/``, ``assemble/`` and ``lint/`` for the command line and other front
ends; each is one action on one folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..assemble import Answers, Library, assemble, load_library, read_answers
from ..errors import Problem, ValidationFailed
from ..files import load, save, write_files
from ..lint import Finding, lint, update_article
from ..model import Agreement

ANSWERS_FILE = ".mou/answers.yaml"
"""Where ``mou assemble -o`` keeps a copy of the answers, so drift checks and updates can reuse them."""

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class LintReport:
    """The findings on one agreement, with counts per severity."""

    agreement: str
    findings: list[Finding]

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(f.severity == "error" for f in self.findings)

    def to_dict(self) -> dict[str, object]:
        """Return the report as plain data."""
        counts = {s: sum(f.severity == s for f in self.findings) for s in ("error", "warning", "info")}
        return {"agreement": self.agreement, "counts": counts, "findings": [f.to_dict() for f in self.findings]}


def assemble_to_folder(answers_path: PathLike, folder: PathLike, *,
                       library_paths: Sequence[PathLike] = ()) -> tuple[Agreement, list[str]]:
    """Assemble the answers into the agreement folder ``folder`` and return the agreement and the files written.

    A copy of the answers goes to ``.mou/answers.yaml``, so ``mou lint`` can show what a newer
    template would change and ``mou library update`` can take it in.

    :raises ValidationFailed: the answers or a template break a rule (every problem at once).
    """
    answers = read_answers(answers_path)
    library = load_library([*answers.library_paths(), *library_paths])
    agreement = assemble(answers, library)
    changed = save(agreement, folder)
    write_files(folder, {ANSWERS_FILE: Path(answers_path).read_bytes()})
    return agreement, [*changed, ANSWERS_FILE]


def _answers_for(folder: Path, answers_path: PathLike | None) -> Answers | None:
    if answers_path is not None:
        return read_answers(answers_path)
    stored = folder / ANSWERS_FILE
    return read_answers(stored) if stored.is_file() else None


def _library(answers: Answers | None, library_paths: Sequence[PathLike]) -> Library:
    extra = answers.library_paths() if answers is not None else []
    return load_library([*(p for p in extra if p.is_dir()), *library_paths])


def lint_folder(folder: PathLike, *, library_paths: Sequence[PathLike] = (),
                answers_path: PathLike | None = None) -> LintReport:
    """Return the drafting findings on the agreement in ``folder``, drift against the library included.

    :raises ValidationFailed: the agreement, the answers or the library cannot be read.
    """
    root = Path(folder)
    agreement = load(root)
    answers = _answers_for(root, answers_path)
    findings = lint(agreement, library=_library(answers, library_paths), answers=answers)
    return LintReport(agreement.id, [*_frozen_drift(root, agreement), *findings])


def _frozen_drift(root: Path, agreement: Agreement) -> list[Finding]:
    drift = frozen_drift(root, agreement)
    return [] if drift is None else [Finding("MOU310", drift, path="agreement.yaml",
                                             hint="move it back to negotiation with a reason, or restore the text")]


def frozen_drift(root: PathLike, agreement: Agreement) -> str | None:
    """Return how the text of an agreed (or later) repository changed since it was agreed, else ``None``.

    mou refuses such a change; a plain ``git commit`` or an edited folder does not ask. Costs
    nothing for a draft or a folder that is not a repository.
    """
    from ..lifecycle.transitions import FROZEN

    if agreement.state not in FROZEN or not (Path(root) / ".git").exists():
        return None
    from ..workspace import Workspace
    from .stages import frozen_text_drift

    with Workspace.open(root) as ws:
        return frozen_text_drift(ws, agreement)


@dataclass(frozen=True, slots=True)
class LibraryUpdate:
    """What ``update_from_library`` changed; ``revision`` is the commit made, ``None`` outside a repository."""

    changed: list[str]
    revision: str | None = None


def update_from_library(folder: PathLike, node: str, *, library_paths: Sequence[PathLike] = (),
                        answers_path: PathLike | None = None) -> LibraryUpdate:
    """Make the article holding ``node`` again from the newest version of its template and write it.

    In an agreement repository the change is committed as a revision; elsewhere the folder is saved.

    :raises ValidationFailed: no answers are known for the folder, or they no longer fit the template.
    :raises TemplateError: the node is not in an article made from a template.
    """
    root = Path(folder)
    agreement = load(root)
    answers = _answers_for(root, answers_path)
    if answers is None:
        raise ValidationFailed([Problem(
            "file-missing", "no answers are known for this agreement", file=str(root / ANSWERS_FILE),
            hint="pass --answers FILE (the answers it was assembled from)")])
    updated = update_article(agreement, node, _library(answers, library_paths), answers)
    if not (root / ".git").exists():
        return LibraryUpdate(save(updated, root))
    from ..files import dump_agreement
    from ..workspace import Workspace

    before = dump_agreement(agreement)
    changed = sorted(rel for rel, data in dump_agreement(updated).items() if before.get(rel) != data)
    if not changed:
        return LibraryUpdate([])
    sources = sorted({a.source for a in updated.articles if a.source} - {a.source for a in agreement.articles})
    with Workspace.open(root) as ws:
        # the folder is the branch's working tree (the commit refuses to overwrite edits made there)
        revision = ws.commit(updated, f"Update {node} from the clause library ({', '.join(sources)})", base="tip")
    return LibraryUpdate(changed, revision.short_id)
