"""How parties' proposals live as branches and come back together: propose, merge, resolve conflicts."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import WorkspaceError
from ..model import check_slug
from . import _history as history
from ._publish import check_worktree, move_branch, write_worktree
from ._snapshot import Changes, is_agreement_file
from .merge import ORDER, Conflict, merge, set_at
from .revision import Revision
from .workspace import Workspace, agreement_data, agreement_from

STATE_FILE = "mou/merge.json"
PROPOSAL_PREFIX = "proposal/"
Take = Literal["ours", "theirs"] | Path


@dataclass(slots=True)
class MergeOutcome:
    """What ``merge`` did: a new revision, a fast-forward, nothing, or conflicts left to resolve."""

    revision: Revision | None = None
    fast_forward: bool = False
    up_to_date: bool = False
    conflicts: list[Conflict] = field(default_factory=list)


def propose(ws: Workspace, party: str, *, checkout: bool = True) -> str:
    """Return the branch ``proposal/<party>`` after switching to it (creating it at HEAD when new).

    With ``checkout=False`` the branch is only created where missing; open it with
    ``Workspace.open(path, branch=...)`` to commit to it without touching the working tree.

    :raises WorkspaceError: ``party`` is not a party of the agreement.
    """
    parties = [p.id for p in ws.read().parties]
    if party not in parties:
        raise WorkspaceError(f"{party!r} is not a party of the agreement; parties: {', '.join(parties)}",
                             node=party)
    check_slug(party)
    branch = PROPOSAL_PREFIX + party
    ref = f"refs/heads/{branch}"
    if ws.storage.ref_sha(ref) is None:
        tip = ws.resolve("HEAD").id
        from ._storage import RefUpdate

        made = ws.storage.update_refs([RefUpdate(ref, tip, None)], message=f"mou: propose {party}")
        if not made and (checkout or ws.storage.ref_sha(ref) is None):  # made meanwhile: fine unless switching
            raise WorkspaceError(f"branch {branch} was created meanwhile; try again", code="exists")
    if checkout:
        switch(ws, branch)
    return branch


def switch(ws: Workspace, branch: str) -> None:
    """Check out ``branch`` (the working tree follows; git refuses to overwrite local edits).

    :raises WorkspaceError: the branch does not exist, a merge is pending, or local edits are in the way.
    """
    if state_path(ws).exists():
        raise WorkspaceError("a merge is in progress; resolve its conflicts and commit it first", code="merge-pending")
    if ws.storage.ref_sha(f"refs/heads/{branch}") is None:
        raise WorkspaceError(f"no branch named {branch!r}", code="revision-unknown")
    ws.storage.checkout(branch)


def state_path(ws: Workspace) -> Path:
    """Return where a merge in progress keeps its pending conflicts."""
    return ws.storage.git_dir / STATE_FILE


def pending(ws: Workspace) -> tuple[dict[str, Any], list[Conflict]] | None:
    """Return the merge in progress (its record and the conflicts left), or ``None``."""
    path = state_path(ws)
    if not path.exists():
        return None
    state = json.loads(path.read_text(encoding="utf-8"))
    return state, [Conflict.from_dict(c) for c in state["conflicts"]]


def pending_conflicts(ws: Workspace) -> list[Conflict] | None:
    """Return the conflicts still to settle in the merge in progress (``None``: no merge is in progress)."""
    found = pending(ws)
    return None if found is None else found[1]


def merge_branch(ws: Workspace, name: str, *, message: str | None = None,
                 when: dt.datetime | None = None) -> MergeOutcome:
    """Return the outcome of merging the branch (or revision) ``name`` into the current branch.

    :raises WorkspaceError: a merge is already pending, ``name`` names nothing, or the working
        tree holds uncommitted edits.
    """
    if state_path(ws).exists():
        raise WorkspaceError("a merge is already in progress; resolve its conflicts and commit it first",
                             code="merge-pending")
    branch = ws.storage.head_ref()
    ours = ws.resolve("HEAD").id
    theirs = history.resolve_sha(ws.storage, name)
    base = ws.storage.merge_base(ours, theirs)
    if base == theirs:
        return MergeOutcome(up_to_date=True)
    if base == ours and branch is not None:
        move_branch(ws.storage, ws.snapshots, branch=branch, new=theirs, old=ours)
        return MergeOutcome(revision=ws.resolve("HEAD"), fast_forward=True)
    snaps = ws.snapshots
    base_data = agreement_data(ws.read(base)) if base else {}
    result = merge(base_data, agreement_data(ws.read(ours)), agreement_data(ws.read(theirs)))
    files, file_conflicts = _merge_files(ws, base, ours, theirs)
    conflicts = result.conflicts + file_conflicts
    merged = agreement_from(result.data)
    title = message or f"Merge {name} into {ws.branch}"
    if not conflicts:
        revision = ws._commit(merged, title, base=ours, other=files, previous=None, trailers=(None, None, None),
                              when=when, extra_parent=theirs)[1]
        return MergeOutcome(revision=revision)
    changes: Changes = snaps.agreement_changes(merged, ours)
    changes.update(files)
    root = ws.storage.work_tree
    if root is None:
        raise WorkspaceError(f"{ws.path}: a bare repository cannot hold a merge with conflicts; merge in a clone")
    check_worktree(root, snaps, ours, changes, {})
    state = {"branch": name, "ours": ours, "theirs": theirs, "base": base, "message": title,
             "conflicts": [c.to_dict() for c in conflicts]}
    _save_state(ws, state)
    write_worktree(ws.storage, changes, index=False)
    return MergeOutcome(conflicts=conflicts)


def _merge_files(ws: Workspace, base: str | None, ours: str, theirs: str) -> tuple[Changes, list[Conflict]]:
    """Return the changes to the files outside the agreement (meetings ...), merged file by file."""
    snaps = ws.snapshots
    b, o, t = (snaps.blob_ids(c) for c in (base, ours, theirs))
    changes: Changes = {}
    conflicts: list[Conflict] = []
    for path in sorted({*b, *o, *t}):
        if is_agreement_file(path) or o.get(path) == t.get(path) or b.get(path) == t.get(path):
            continue
        if b.get(path) == o.get(path):
            changes[path] = snaps.blob(t[path]) if path in t else None
            continue
        shown = [snaps.blob(side[path]).decode("utf-8", "replace") if path in side else None for side in (b, o, t)]
        conflicts.append(Conflict(path, ("file", path), *shown))
    return changes, conflicts


def _save_state(ws: Workspace, state: dict[str, Any]) -> None:
    path = state_path(ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def resolve_conflict(ws: Workspace, node: str, take: Take) -> list[Conflict]:
    """Return the conflicts still pending after settling every conflict of ``node`` with ``take``.

    ``take`` is ``"ours"``, ``"theirs"`` or a file whose text becomes the node's text.

    :raises WorkspaceError: no merge is pending, ``node`` has no conflict, or a file cannot
        stand for a value that is not a text.
    """
    found = pending(ws)
    if found is None:
        raise WorkspaceError("no merge is in progress", code="merge-pending")
    state, conflicts = found
    mine = [c for c in conflicts if c.node == node]
    if not mine:
        names = ", ".join(sorted({c.node for c in conflicts}))
        raise WorkspaceError(f"{node!r} has no pending conflict; pending: {names}", code="merge-conflict", node=node)
    root = ws.storage.work_tree
    assert root is not None
    from ..files import load, save

    agreement_conflicts = [c for c in mine if c.path[0] != "file"]
    for c in mine:
        if c.path[0] == "file":
            value = _chosen(c, take)
            target = root / c.path[1]
            if value is None:
                target.unlink(missing_ok=True)
            else:
                target.write_text(str(value), encoding="utf-8")
    if agreement_conflicts:
        data = agreement_data(load(root))
        for c in agreement_conflicts:
            side = state["theirs"] if take == "theirs" else state["ours"]
            hint = _sibling_ids(agreement_data(ws.read(side)), c.path[:-1])
            data = set_at(data, c.path, _chosen(c, take), order_hint=hint)
        save(agreement_from(data), root)
    left = [c for c in conflicts if c.node != node]
    state["conflicts"] = [c.to_dict() for c in left]
    _save_state(ws, state)
    return left


def _chosen(conflict: Conflict, take: Take) -> Any:
    if take == "ours":
        return conflict.ours
    if take == "theirs":
        return conflict.theirs
    path = Path(take)
    if conflict.path[-1] == ORDER or not all(isinstance(v, str | None) for v in
                                             (conflict.base, conflict.ours, conflict.theirs)):
        raise WorkspaceError(f"{conflict.node}: the conflict is about more than a text; take ours or theirs, "
                             "then edit the agreement", code="merge-conflict", node=conflict.node)
    try:
        return path.read_text(encoding="utf-8").rstrip("\n")
    except OSError as e:
        raise WorkspaceError(f"{path}: cannot read the text to take ({e.strerror})", code="file-missing",
                             file=str(path)) from e


def _sibling_ids(data: Any, path: tuple[str, ...]) -> list[str]:
    current = data
    for step in path:
        if isinstance(current, dict):
            current = current.get(step)
        elif isinstance(current, list):
            current = next((v for v in current if isinstance(v, dict) and v.get("id") == step), None)
        else:
            return []
    return [str(v["id"]) for v in current if isinstance(v, dict)] if isinstance(current, list) else []


def finish_merge(ws: Workspace, message: str | None, *, proposed_by: str | None = None) -> Revision:
    """Return the merge revision made from the working tree once every conflict is resolved.

    :raises WorkspaceError: conflicts are still pending (naming them and how to settle them).
    """
    found = pending(ws)
    if found is None:
        raise WorkspaceError("no merge is in progress", code="merge-pending")
    state, conflicts = found
    if conflicts:
        names = ", ".join(sorted({c.node for c in conflicts}))
        raise WorkspaceError(f"the merge of {state['branch']} still has conflicts in {names}; settle each "
                             "(ours, theirs or a new text) first", code="merge-pending")
    revision = ws.commit_folder(message or state["message"], proposed_by=proposed_by, extra_parent=state["theirs"])
    state_path(ws).unlink()
    return revision


def commit_working_tree(ws: Workspace, message: str | None, *, proposed_by: str | None = None,
                        stage: str | None = None) -> Revision:
    """Return the revision made from the working tree; it completes a pending merge when there is one.

    :raises WorkspaceError: conflicts are pending, nothing changed, or no message was given.
    :raises ValidationFailed: the agreement in the folder breaks a rule.
    """
    if pending(ws) is not None:
        return finish_merge(ws, message, proposed_by=proposed_by)
    if not message:
        raise WorkspaceError("a revision needs a message saying what changed and why")
    return ws.commit_folder(message, proposed_by=proposed_by, stage=stage)
