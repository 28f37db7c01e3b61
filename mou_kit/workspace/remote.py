"""How two parties' repositories stay in step: fetch, merge clause by clause, push with a lease, meetings included."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import WorkspaceError
from ._history import MEETING_TAGS
from .merge import Conflict
from .proposals import merge_branch
from .revision import Revision
from .workspace import Workspace


@dataclass(slots=True)
class SyncReport:
    """What ``sync`` did: whether it merged, fast-forwarded or pushed, and any conflicts left."""

    remote: str
    branch: str
    merged: Revision | None = None
    fast_forward: bool = False
    pushed: bool = False
    conflicts: list[Conflict] = field(default_factory=list)


def sync(ws: Workspace, remote: str | None = None) -> SyncReport:
    """Return the report of fetching ``remote``, merging its branch into ours and pushing ours back.

    Meeting tags travel both ways. The push carries a lease: it fails, changing nothing there,
    when the remote branch moved after the fetch.

    :raises WorkspaceError: the remote is unknown, unreachable, or moved during the sync.
    """
    names = ws.storage.remotes()
    if remote is None:
        remote = "origin" if "origin" in names or not names else names[0]
    if remote not in names:
        known = ", ".join(names) or "none"
        raise WorkspaceError(f"no remote named {remote!r} (configured: {known})", code="revision-unknown")
    branch = ws.branch
    ws.storage.fetch(remote, [f"+refs/heads/*:refs/remotes/{remote}/*",
                              f"{MEETING_TAGS}*:{MEETING_TAGS}*"])
    report = SyncReport(remote=remote, branch=branch)
    theirs_ref = f"refs/remotes/{remote}/{branch}"
    theirs = ws.storage.ref_sha(theirs_ref)
    if theirs is not None:
        outcome = merge_branch(ws, theirs_ref, message=f"Merge {remote}/{branch} (sync)")
        report.merged, report.fast_forward, report.conflicts = outcome.revision, outcome.fast_forward, \
            outcome.conflicts
        if outcome.conflicts:
            return report
    ours = ws.resolve("HEAD").id
    tags = sorted(ws.storage.refs(MEETING_TAGS))
    if ours == theirs and not tags:
        return report
    try:
        ws.storage.push(remote, [f"refs/heads/{branch}:refs/heads/{branch}", *(f"{t}:{t}" for t in tags)],
                        lease={f"refs/heads/{branch}": theirs})
    except WorkspaceError as e:
        raise WorkspaceError(f"{remote} refused the push ({e.message}); someone pushed meanwhile: sync "
                             "again", code="remote-rejected") from e
    report.pushed = ours != theirs
    return report
