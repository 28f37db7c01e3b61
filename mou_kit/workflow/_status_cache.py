"""A repository's status remembered in its own git directory (``mou/status.json``), so a restarted server
or the next ``mou portfolio`` reads one small file instead of the agreement, its lint and its log.

The cache is derivable and disposable: it is keyed by the running code (mou_kit's version and package
files, see :mod:`mou_kit._code`) and the content of every
file the status depends on (HEAD, the branches, the meeting tags, packed-refs and the merge in
progress); the one part that depends on the day, the next deadline, is not stored but found again
in the stored schedule. Anything unreadable, too large or keyed otherwise is ignored and written again.
It lives in the git directory, so it is never part of a revision and never leaves the machine.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .._code import code_key
from .._io import remember_file

CACHE_FILE = "mou/status.json"
FORMAT = 1
"""Raise when what a status holds changes (an edited checkout already changes the key through its files).

:func:`~mou_kit.workflow.status.status_of` must stay a function of the revision, the meetings and
the merge state; only ``next_deadline`` may depend on the day (it is found again on reading)."""
LIMIT = 256 * 1024
"""A cache file larger than this is not read (a status is a few kilobytes)."""
_DEPENDS = ("HEAD", "packed-refs", "mou/merge.json")
_REF_FOLDERS = ("refs/heads", "refs/tags")


def git_dir(folder: Path) -> Path | None:
    """Return the git directory of the repository at ``folder`` (``.git`` inside it, or itself when bare)."""
    if (folder / ".git").is_dir():
        return folder / ".git"
    return folder if (folder / "HEAD").is_file() and (folder / "objects").is_dir() else None


def depends_on(gitdir: Path) -> list[str]:
    """Return the files under ``gitdir`` a status depends on, in a fixed order: HEAD, packed-refs, the
    merge in progress, every branch and every tag (names relative to ``gitdir``; some may be absent)."""
    names = list(_DEPENDS)
    for top in _REF_FOLDERS:
        for base, folders, files in os.walk(gitdir / top):
            folders.sort()
            names += sorted(os.path.relpath(os.path.join(base, f), gitdir) for f in files)
    return names


def cache_key(gitdir: Path) -> str:
    """Return the digest of what a status depends on apart from the day: version, HEAD, refs, merge state.

    HEAD and the ref files name HEAD's commit, so the same digest means the same revision, meetings
    and merge in progress; git and mou_kit replace these files whole, so a read never sees half of one.
    """
    digest = hashlib.sha256(f"{code_key()}\0{FORMAT}\0".encode("utf-8", "surrogateescape"))
    for name in depends_on(gitdir):
        try:
            content = (gitdir / name).read_bytes()
        except OSError:  # absent (no packed-refs, no merge) or gone while walking: part of the key too
            content = b"\0absent"
        digest.update(f"{name}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def load(gitdir: Path, key: str) -> dict[str, Any] | None:
    """Return the status record (:meth:`Status.to_record`) cached under ``key``, or ``None`` (absent, stale, bad)."""
    try:
        with open(gitdir / CACHE_FILE, "rb") as f:
            raw = f.read(LIMIT + 1)
        if len(raw) > LIMIT:
            return None
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("status"), dict):
            return None
        return data["status"]  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return None


def store(gitdir: Path, key: str, record: dict[str, Any]) -> None:
    """Write the status ``record`` under ``key`` atomically (a temporary file, then a rename); a failure is ignored.

    A read-only repository or a full disk costs the next reader a recomputation, nothing more.
    """
    remember_file(gitdir / CACHE_FILE, json.dumps({"key": key, "status": record}, ensure_ascii=False).encode())
