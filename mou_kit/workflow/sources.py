"""Where an agreement is read from: the working folder, or a named revision of its repository."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..files import load
from ..model import Agreement


@dataclass(frozen=True, slots=True)
class Source:
    """An agreement and where it came from; ``revision`` is the commit id, ``None`` for the folder."""

    agreement: Agreement
    folder: Path
    revision: str | None = None


def read_source(folder: str | os.PathLike[str], ref: str | None = None) -> Source:
    """Return the agreement in ``folder``, or at the revision ``ref`` of its repository.

    ``ref`` is anything the workspace resolves: a commit, tag, branch, meeting id, ``HEAD~2``
    or a date.

    :raises ValidationFailed: the folder holds no valid agreement.
    :raises WorkspaceError: the folder is not a repository, or ``ref`` names nothing.
    """
    root = Path(folder)
    if ref is None:
        return Source(load(root), root)
    from ..workspace import Workspace

    with Workspace.open(root) as ws:
        revision = ws.resolve(ref)
        return Source(ws.read(revision.id), root, revision.short_id)
