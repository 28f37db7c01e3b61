"""What the workspace needs from a git backend: the one small interface a faster backend would implement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RawCommit:
    """One commit as the backend reads it: ids, author, date, full message, and changed blobs."""

    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: dt.datetime
    message: str
    changes: tuple[tuple[str, tuple[str, ...], str], ...] = field(default=())
    """For history of a path: ``(path, old blob ids (one per parent), new blob id)``; zeros mean absent."""


@dataclass(frozen=True, slots=True)
class RefUpdate:
    """One ref to move: to ``new``, only if it is at ``old`` now (``None`` = must not exist)."""

    ref: str
    new: str
    old: str | None


class Storage(Protocol):
    """A git repository as the workspace uses it; implemented with GitPython and with pygit2 (ADR 0014)."""

    git_dir: Path
    work_tree: Path | None

    def close(self) -> None:
        """Release every process and file the backend holds."""

    def ref_sha(self, ref: str) -> str | None:
        """Return the commit a ref points at (tags peeled), or ``None`` when it does not exist."""

    def head_ref(self) -> str | None:
        """Return the branch ref HEAD points at (``refs/heads/main``), or ``None`` when detached."""

    def set_head(self, ref: str) -> None:
        """Point HEAD at the branch ``ref``."""

    def checkout(self, branch: str) -> None:
        """Switch the working tree to ``branch``, refusing to overwrite local edits."""

    def refs(self, prefix: str) -> dict[str, str]:
        """Return every ref under ``prefix`` mapped to the commit it points at (tags peeled)."""

    def rev_parse(self, name: str) -> str | None:
        """Return the commit ``name`` (any git revision expression) names, or ``None``."""

    def blob_ids(self, commit: str) -> dict[str, str]:
        """Return ``{path: blob id}`` of every file in the commit's tree."""

    def blob(self, blob_id: str) -> bytes:
        """Return the content of a blob."""

    def write_commit(self, *, base: str | None, changes: Mapping[str, bytes | None], parents: Sequence[str],
                     message: str, when: dt.datetime | None = None) -> str:
        """Return the id of a new commit: the tree of ``base`` with ``changes`` applied (None = delete)."""

    def author(self) -> str:
        """Return the name new commits are authored by."""

    def write_tag(self, *, name: str, target: str, message: str, when: dt.datetime | None = None) -> str:
        """Return the id of a new annotated tag object on ``target`` (no ref is made)."""

    def update_refs(self, updates: Sequence[RefUpdate], *, message: str) -> bool:
        """Move every ref in one transaction; return ``False`` (and move none) when one is not at ``old``."""

    def log(self, rev: str, *, paths: Sequence[str] = (), max_count: int | None = None,
            since_until: tuple[str | None, str | None] = (None, None)) -> list[RawCommit]:
        """Return the commits reachable from ``rev`` (newest first), with changed blobs when ``paths`` given."""

    def history(self, rev: str, path: str) -> Generator[RawCommit, None, None]:
        """Yield the commits that changed ``path`` from ``rev`` back (newest first, with changed blobs) as git
        finds them; closing the iterator early stops the reading."""

    def merge_base(self, a: str, b: str) -> str | None:
        """Return the best common ancestor of two commits, or ``None``."""

    def sync_index(self, paths: Sequence[str]) -> None:
        """Record the working tree's ``paths`` in the index, so ``git status`` shows them unchanged."""

    def fetch(self, remote: str, refspecs: Sequence[str]) -> None:
        """Fetch ``refspecs`` from ``remote``."""

    def push(self, remote: str, refspecs: Sequence[str], *, lease: Mapping[str, str | None]) -> None:
        """Push ``refspecs`` to ``remote``; each ref in ``lease`` must still be at the given value there."""

    def remotes(self) -> list[str]:
        """Return the names of the configured remotes."""
