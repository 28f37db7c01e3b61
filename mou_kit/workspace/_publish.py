"""How a new revision reaches a branch safely: lock, build from objects, compare-and-swap, retry."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WorkspaceError
from ._snapshot import Changes, Snapshots
from ._storage import RefUpdate, Storage

LOCK_FILE = "mou_kit.lock"
JOURNAL = "mou/worktree.json"
LOCK_TIMEOUT = 120.0
ATTEMPTS = 60


@dataclass(slots=True)
class Plan:
    """What one attempt writes: file changes on top of the tip, extra parents, and extra refs."""

    changes: Changes
    parents: list[str] = field(default_factory=list)
    allow_empty: bool = False


@dataclass(slots=True)
class Published:
    """The outcome of :func:`publish`: the new commit and the tip it replaced."""

    commit: str
    previous: str | None
    changes: Changes
    parents: tuple[str, ...]
    date: dt.datetime


def publish(storage: Storage, snapshots: Snapshots, *, branch: str, message: str,
            plan: Callable[[str | None], Plan], extra_refs: Callable[[str], Sequence[RefUpdate]] = lambda c: (),
            accept: Mapping[str, bytes] | None = None, when: dt.datetime | None = None,
            update_worktree: bool = True) -> Published:
    """Return the commit made on ``branch`` from ``plan(tip)``, moved there by compare-and-swap.

    ``plan`` is called again with the new tip whenever another writer got there first. The
    working tree is updated afterwards when ``branch`` is checked out; a file there that
    holds neither the tip's bytes, the new bytes nor the bytes in ``accept`` (what the
    caller read from it) is a user's uncommitted edit, and nothing is written then.

    :raises WorkspaceError: the branch kept moving, the lock could not be taken, or the
        working tree holds uncommitted edits in a file the revision changes.
    """
    with repository_lock(storage):
        return _publish_locked(storage, snapshots, branch, message, plan, extra_refs, accept or {}, when,
                               update_worktree)


@contextmanager
def repository_lock(storage: Storage) -> Iterator[None]:
    """Hold the repository's mou lock; one writer at a time moves a branch or updates the folder.

    :raises WorkspaceError: another process held it for ``LOCK_TIMEOUT`` seconds (code ``lock-timeout``).
    """
    from filelock import FileLock, Timeout

    path = storage.git_dir / LOCK_FILE
    try:
        lock = FileLock(str(path), timeout=LOCK_TIMEOUT)
        lock.acquire()
    except Timeout as e:
        raise WorkspaceError(f"{path}: another mou process has held the lock for {LOCK_TIMEOUT:.0f} s; wait for "
                             "it to finish and try again", code="lock-timeout", file=str(path)) from e
    try:
        yield
    finally:
        lock.release()


def _publish_locked(storage: Storage, snapshots: Snapshots, branch: str, message: str,
                    plan: Callable[[str | None], Plan], extra_refs: Callable[[str], Sequence[RefUpdate]],
                    accept: Mapping[str, bytes], when: dt.datetime | None, update_worktree: bool) -> Published:
    checked_out = update_worktree and storage.work_tree is not None and storage.head_ref() == branch
    if checked_out:
        recover_worktree(storage, snapshots)
    moment = when or dt.datetime.now().astimezone().replace(microsecond=0)
    for attempt in range(ATTEMPTS):
        tip = storage.ref_sha(branch)
        step = plan(tip)
        if not step.changes and not step.allow_empty:
            raise WorkspaceError(f"nothing changed since {tip[:10] if tip else 'the start'} on "
                                 f"{branch.removeprefix('refs/heads/')}: edit the agreement first",
                                 code="nothing-to-commit")
        if checked_out:
            assert storage.work_tree is not None
            check_worktree(storage.work_tree, snapshots, tip, step.changes, accept)
        parents = ([tip] if tip else []) + step.parents
        commit = storage.write_commit(base=tip, changes=step.changes, parents=parents, message=message,
                                      when=moment)
        updates = [RefUpdate(branch, commit, tip), *extra_refs(commit)]
        if checked_out:
            begin_worktree(storage, step.changes, commit=commit, previous=tip)
        if storage.update_refs(updates, message=f"mou: {message.splitlines()[0] if message else ''}"):
            snapshots.remember(commit, tip, step.changes)
            if checked_out:
                assert storage.work_tree is not None
                write_worktree(storage, step.changes)
            return Published(commit, tip, step.changes, tuple(parents), moment)
        time.sleep(random.uniform(0.001, 0.004) * min(2 ** attempt, 32))
    (storage.git_dir / JOURNAL).unlink(missing_ok=True)
    raise WorkspaceError(f"{branch}: the branch moved {ATTEMPTS} times while committing; try again")


def settled_tip(storage: Storage, snapshots: Snapshots, branch: str) -> str | None:
    """Return the tip of ``branch`` once the working tree holds it: a write that a killed process
    left half done is finished first, under the lock.

    Read the folder after this, not before: a folder read before recovery still holds the revision
    before the killed one, and committing it would silently undo that revision.
    """
    with repository_lock(storage):
        if storage.work_tree is not None and storage.head_ref() == branch:
            recover_worktree(storage, snapshots)
        return storage.ref_sha(branch)


def move_branch(storage: Storage, snapshots: Snapshots, *, branch: str, new: str, old: str) -> None:
    """Move ``branch`` from ``old`` to ``new`` (a fast-forward) and bring the working tree along.

    :raises WorkspaceError: the branch moved meanwhile, or the working tree holds edits in a
        file that differs between the two revisions.
    """
    with repository_lock(storage):
        before, after = snapshots.blob_ids(old), snapshots.blob_ids(new)
        changes: Changes = {path: snapshots.blob(b) for path, b in after.items() if before.get(path) != b}
        changes.update({path: None for path in before if path not in after})
        checked_out = storage.work_tree is not None and storage.head_ref() == branch
        if checked_out:
            assert storage.work_tree is not None
            recover_worktree(storage, snapshots)
            check_worktree(storage.work_tree, snapshots, old, changes, {})
        if checked_out:
            begin_worktree(storage, changes, commit=new, previous=old)
        if not storage.update_refs([RefUpdate(branch, new, old)], message="mou: fast-forward"):
            raise WorkspaceError(f"{branch}: moved while updating it; try again")
        if checked_out:
            write_worktree(storage, changes)


def check_worktree(root: Path, snapshots: Snapshots, tip: str | None, changes: Changes,
                   accept: Mapping[str, bytes]) -> None:
    """Raise when a file the revision changes holds an edit that is neither committed nor being committed.

    :raises WorkspaceError: naming the file and how to keep or drop the edit.
    """
    for path, new in changes.items():
        target = root / path
        current = target.read_bytes() if target.is_file() else None
        if current == new or current == snapshots.content(tip, path) or (
                path in accept and current == accept[path]):
            continue
        raise WorkspaceError(
            f"{target}: holds uncommitted edits that this revision would overwrite; commit them first "
            "or discard them, then try again", file=str(target))


def begin_worktree(storage: Storage, changes: Changes, *, commit: str, previous: str | None) -> None:
    """Write the journal naming a working-tree update, before the branch moves to ``commit``.

    The next writer finishes the update when this process is killed half way (see
    :func:`recover_worktree`).
    """
    journal = storage.git_dir / JOURNAL
    journal.parent.mkdir(parents=True, exist_ok=True)
    tmp = journal.with_suffix(".tmp")
    tmp.write_text(json.dumps({"pid": os.getpid(), "commit": commit, "previous": previous,
                               "paths": sorted(changes)}), encoding="utf-8")
    tmp.replace(journal)


def write_worktree(storage: Storage, changes: Changes, *, also_index: Sequence[str] = (), index: bool = True) -> None:
    """Write ``changes`` into the working tree and record them in the index, so ``git status`` is clean.

    Only the changed paths (and ``also_index``) enter the index: what a user staged in other
    files stays staged. With ``index=False`` the index is left as it is (a merge in progress
    shows its changes as unstaged until it is committed).

    :raises WorkspaceError: the index could not be updated (the revision is recorded anyway).
    """
    from ..files import write_files

    assert storage.work_tree is not None
    root = storage.work_tree
    journal = storage.git_dir / JOURNAL
    write_files(root, {path: data for path, data in changes.items() if data is not None})
    for path, data in changes.items():
        if data is None:
            (root / path).unlink(missing_ok=True)
    try:
        if index:
            storage.sync_index(sorted({*changes, *also_index}))
    except WorkspaceError as e:
        raise WorkspaceError(f"the revision is recorded, but the index was not updated ({e}); if no git "
                             f"process is running, remove {storage.git_dir / 'index.lock'} and run "
                             "'git reset -- FILE' for the files 'git status' shows") from e
    journal.unlink(missing_ok=True)


def recover_worktree(storage: Storage, snapshots: Snapshots) -> None:
    """Finish a working-tree update that a killed mou process left half done (call with the lock held).

    Only files still holding the bytes of the revision before it are brought forward, and
    ``index.lock`` is removed only when the journal shows a mou process (now gone) held it.
    """
    journal = storage.git_dir / JOURNAL
    if storage.work_tree is None or not journal.exists():
        return
    try:
        note = json.loads(journal.read_text(encoding="utf-8"))
        pid, commit, previous, paths = note["pid"], note["commit"], note["previous"], note["paths"]
    except (OSError, ValueError, KeyError):
        journal.unlink(missing_ok=True)
        return
    if pid != os.getpid() and process_alive(pid):
        return
    branch = storage.head_ref()
    if branch is None or storage.ref_sha(branch) != commit:
        journal.unlink()  # the branch never moved there (or moved on by plain git): nothing half done
        return
    changes: Changes = {}
    for path in paths:
        target = storage.work_tree / path
        for leftover in target.parent.glob(f".{target.name}.*.tmp"):
            leftover.unlink(missing_ok=True)  # the killed writer's temporary file
        current = target.read_bytes() if target.is_file() else None
        new = snapshots.content(commit, path)
        if current != new and current == snapshots.content(previous, path):
            changes[path] = new
    (storage.git_dir / "index.lock").unlink(missing_ok=True)
    write_worktree(storage, changes, also_index=paths)


def process_alive(pid: int) -> bool:
    """Return whether a process with the id ``pid`` exists (on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
