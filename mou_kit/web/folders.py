"""The folder ``mou serve`` works on: agreement names checked so no request reaches outside ROOT."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import MouKitError
from ..workflow.portfolio import is_agreement_folder
from ..workspace import Workspace, propose

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")
"""What an agreement's name (its folder's name under ROOT) may be: one path segment, no dot first."""


@dataclass(frozen=True, slots=True)
class Root:
    """ROOT: one agreement folder, or a folder of agreement folders and bare repositories."""

    path: Path

    @classmethod
    def at(cls, path: str | Path) -> Root:
        """Return the root at ``path``.

        :raises MouKitError: ``path`` is not a folder (code ``file-missing``).
        """
        folder = Path(path).resolve()
        if not folder.is_dir():
            raise MouKitError(f"{path}: no such folder; give a folder of agreements", code="file-missing",
                              file=str(path))
        return cls(folder)

    def name_of(self, folder: Path) -> str:
        """Return the name a page uses for the agreement ``folder`` (from a portfolio row)."""
        return Path(folder).name

    def folder(self, name: str) -> Path:
        """Return the folder of the agreement ``name``: a direct sub-folder of the root (or the root itself).

        :raises MouKitError: the name is not one path segment (``bad-id``) or names no agreement
            under the root, symbolic links pointing elsewhere included (``file-missing``).
        """
        if not NAME.fullmatch(name) or ".." in name:
            raise MouKitError(f"{name!r} is not an agreement name: use the folder's name under {self.path.name}",
                              code="bad-id")
        if (self.path / "agreement.yaml").is_file():
            if name == self.path.name:
                return self.path
        else:
            candidate = self.path / name
            real = candidate.resolve()
            if real.parent == self.path and real.name == name and is_agreement_folder(candidate):
                return candidate
        raise MouKitError(f"no agreement named {name!r} in {self.path}", code="file-missing", file=name)

    @contextmanager
    def workspace(self, name: str, *, branch: str | None = None) -> Iterator[Workspace]:
        """Open the repository of the agreement ``name`` (on ``branch``, not checked out), closed after use."""
        with Workspace.open(self.folder(name), branch=branch) as ws:
            yield ws

    def party_branch(self, name: str, party: str) -> str:
        """Return the branch ``proposal/<party>``, created at the current draft when new (nothing is checked out).

        :raises WorkspaceError: ``party`` is not a party of the agreement.
        """
        with self.workspace(name) as ws:
            return propose(ws, party, checkout=False)
