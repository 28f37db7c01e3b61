"""How a new agreement folder starts: from an existing folder, or from a two-party skeleton."""

from __future__ import annotations

import os
from pathlib import Path

from ..model import Agreement, slugify
from .workspace import Workspace


def skeleton(name: str) -> Agreement:
    """Return a minimal valid agreement named after ``name``, to be filled in."""
    slug = slugify(name) or "agreement"
    return Agreement.model_validate({
        "id": slug,
        "languages": ["id"],
        "title": "Kerja Sama",
        "parties": [
            {"id": f"pihak-{i}", "name": f"Instansi {i}", "short_name": f"PIHAK {i}",
             "signatory": {"name": f"Pejabat {i}", "position": f"Kepala Instansi {i}"}}
            for i in (1, 2)
        ],
        "articles": [{"id": "maksud-dan-tujuan", "heading": "Maksud dan Tujuan",
                      "clauses": [{"id": "maksud", "text": "Nota Kesepahaman ini dimaksudkan sebagai ..."}]}],
    })


def create(path: str | os.PathLike[str], *, source: str | os.PathLike[str] | None = None,
           proposed_by: str | None = None) -> Workspace:
    """Return a new workspace at ``path`` holding the agreement in ``source`` (or a skeleton) as its first revision.

    :raises ValidationFailed: the source agreement breaks a rule.
    :raises WorkspaceError: ``path`` is not a new or empty folder.
    """
    from ..files import load

    agreement = load(source) if source is not None else skeleton(Path(path).name)
    return Workspace.init(path, agreement, proposed_by=proposed_by)
