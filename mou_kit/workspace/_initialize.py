"""How a new agreement repository comes to be: one creator per folder, all or nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import WorkspaceError
from ._publish import LOCK_TIMEOUT, Plan, publish
from ._snapshot import Changes, Snapshots
from ._storage import Storage


def create_repository(root: Path, files: Changes, *, message: str, branch: str,
                      when: dt.datetime | None) -> Storage:
    """Return the storage of a new repository at ``root`` whose first revision holds ``files``.

    A lock per folder (in the temporary directory, keyed by the folder's real path) lets one
    creator in at a time, and the folder must be absent or empty under it: of two concurrent
    creators, the second gets code ``exists``. When anything fails, what was made is removed.

    :raises WorkspaceError: the folder is not empty (``exists``), cannot be made, or git fails.
    """
    from filelock import FileLock

    key = hashlib.sha1(os.fsencode(os.path.realpath(root))).hexdigest()[:20]
    with FileLock(os.path.join(tempfile.gettempdir(), f"mou-kit-init-{key}.lock"), timeout=LOCK_TIMEOUT):
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise WorkspaceError(f"{root}: folder exists and is not empty; choose a new folder for the agreement",
                                 code="exists", file=str(root))
        made = not root.exists()
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise WorkspaceError(f"{root}: cannot create the folder ({e.strerror})", code="file-unreadable",
                                 file=str(root)) from e
        return _first_revision(root, files, made, message=message, branch=branch, when=when)


def _first_revision(root: Path, files: Changes, made: bool, *, message: str, branch: str,
                    when: dt.datetime | None) -> Storage:
    from ._backend import init_storage

    storage: Storage | None = None
    try:
        storage = init_storage(root, branch=branch)
        publish(storage, Snapshots(storage), branch=f"refs/heads/{branch}", message=message,
                plan=lambda tip: Plan(files), when=when)
    except BaseException:
        if storage is not None:
            storage.close()
        _remove_created(root, made)
        raise
    return storage


def _remove_created(root: Path, made: bool) -> None:
    """Remove what a failed creation made in ``root`` (it was empty or absent before)."""
    if made:
        shutil.rmtree(root, ignore_errors=True)
        return
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
