"""The DIM of two revisions: the history gives each party's proposals, the credits and the meeting."""

from __future__ import annotations

from ..diff.dim import Dim, build_dim
from ..errors import WorkspaceError
from ..model import Agreement, Decision, Meeting, match_attendees
from ._attribution import attribute
from ._history import resolve_sha
from .workspace import Workspace


def dim(ws: Workspace, old: str, new: str, *, lang: str | None = None, meeting: str | None = None,
        unchanged: bool = False) -> Dim:
    """Return the DIM of the revision ``old`` (Rumusan Semula) against ``new`` (Rumusan yang Disepakati).

    Each party's column holds its proposals from the revisions in between and from its
    ``proposal/<party>`` branch (rejected ones too); the decisions are those of the meetings
    recorded after ``old`` up to ``new`` (a later decision on a node replaces an earlier one);
    the title names ``meeting`` (default: the last of those meetings). DIM numbers count on the
    first revision of the history, so they stay fixed from draft to draft.

    :raises WorkspaceError: a name resolves to nothing, or ``meeting`` is not recorded.
    :raises MouKitError: ``lang`` has no form defined.
    """
    old_sha, new_sha = resolve_sha(ws.storage, old), resolve_sha(ws.storage, new)
    before, after = ws.read(old_sha), ws.read(new_sha)
    found = attribute(ws.storage, ws.snapshots, old_sha, new_sha)
    read: dict[str, Agreement] = {}

    def at(revision: str) -> Agreement:
        if revision not in read:
            read[revision] = ws.read(revision)
        return read[revision]

    proposals = {party: {node: at(p.revision) for node, p in by_node.items()}
                 for party, by_node in found.proposals.items()}
    held = meetings_between(ws, old_sha, new_sha)
    shown = _title_meeting(ws, held, meeting)
    if shown is not None:
        shown = match_attendees(shown, [(p.id, (p.name, p.short_name)) for p in after.parties])
    root = ws.storage.log(new_sha)[-1].sha
    return build_dim(before, after, lang=lang, proposals=proposals, credits=found.credits, decisions=decided(held),
                     meeting=shown, anchor=ws.read(root), old_revision=ws.revision_info(old_sha),
                     new_revision=ws.revision_info(new_sha), unchanged=unchanged)


def meetings_between(ws: Workspace, old: str, new: str) -> list[Meeting]:
    """Return the meetings recorded after the revision ``old`` up to ``new``, in date order.

    :raises WorkspaceError: a name resolves to nothing.
    """
    earlier = {m.id for m in ws.meetings(old)}
    return [m for m in ws.meetings(new) if m.id not in earlier]


def decided(meetings: list[Meeting]) -> dict[str, Decision]:
    """Return node id -> the last decision about it in ``meetings`` (a later meeting's replaces an earlier one's)."""
    found: dict[str, Decision] = {}
    for m in meetings:
        found.update(m.decided())
    return found


def meeting_facts(ws: Workspace, old: str, new: str) -> tuple[dict[str, Decision], Meeting | None]:
    """Return the decisions of the meetings recorded after ``old`` up to ``new``, and the last of those
    meetings with its attendees matched to the parties (``None``: no meeting between them), as the
    HTML report shows them.

    :raises WorkspaceError: a name resolves to nothing.
    """
    held = meetings_between(ws, old, new)
    if not held:
        return {}, None
    parties = [(p.id, (p.name, p.short_name)) for p in ws.read(new).parties]
    return decided(held), match_attendees(held[-1], parties)


def _title_meeting(ws: Workspace, held: list[Meeting], wanted: str | None) -> Meeting | None:
    if wanted is None:
        return held[-1] if held else None
    for m in held:
        if m.id == wanted:
            return m
    try:
        return ws.meeting(wanted)[0]
    except WorkspaceError:
        names = ", ".join(m.id for m in held) or "none between these revisions"
        raise WorkspaceError(f"no meeting has the id {wanted!r}; meetings: {names}") from None
