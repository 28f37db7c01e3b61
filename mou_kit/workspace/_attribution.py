"""Whose proposal each text came from: party proposals and credits read from the commit graph.

A change is credited to the party (or parties) whose ``Proposed-by`` revisions made it, followed
through merges: a node a merge took from one side keeps that side's credit, and a conflict
resolved with a new (compromise) text is credited to every party whose proposal competed there,
never to whoever committed the merge. Proposals are read from every revision between the two
drafts and from every ``proposal/<party>`` branch, so a proposal that was not taken is kept too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..files.folder import ARTICLES_DIR
from ._history import to_revision
from ._snapshot import Snapshots
from ._storage import RawCommit, Storage
from .merge import ABSENT

PROPOSAL_REFS = "refs/heads/proposal/"


@dataclass(frozen=True, slots=True)
class PartyProposal:
    """What one party last proposed for one node: the revision holding it and whether it removes the node."""

    party: str
    node: str
    revision: str
    removed: bool
    summary: str


@dataclass(slots=True)
class Attribution:
    """Credits (node -> parties) for the text of the new draft, and every party's proposals (party -> node)."""

    credits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    proposals: dict[str, dict[str, PartyProposal]] = field(default_factory=dict)


class _Graph:
    """The commits after ``old`` with each node's own value at each commit, read lazily and cached."""

    def __init__(self, storage: Storage, snapshots: Snapshots, old: str, tips: Iterable[str]) -> None:
        self.snapshots = snapshots
        self.commits: dict[str, RawCommit] = {}
        for tip in tips:
            for raw in storage.log(f"{old}..{tip}"):
                self.commits.setdefault(raw.sha, raw)
        self._values: dict[str, dict[str, Any]] = {}
        self._by_blob: dict[str, dict[str, Any]] = {}

    def values(self, commit: str) -> dict[str, Any]:
        """Return node id -> own value (fields without the nodes below) of every article node at ``commit``."""
        found = self._values.get(commit)
        if found is None:
            found = {}
            for path, blob in sorted(self.snapshots.blob_ids(commit).items()):
                if path.startswith(ARTICLES_DIR + "/"):
                    found.update(self._blob_values(blob))
            self._values[commit] = found
        return found

    def _blob_values(self, blob: str) -> dict[str, Any]:
        cached = self._by_blob.get(blob)
        if cached is None:
            cached = {}
            _collect(self.snapshots.parsed(blob), cached)
            self._by_blob[blob] = cached
        return cached

    def value(self, commit: str, node: str) -> Any:
        return self.values(commit).get(node, ABSENT)


def _collect(data: Any, out: dict[str, Any]) -> None:
    if not isinstance(data, dict):
        return
    if isinstance(data.get("id"), str):
        out[data["id"]] = {k: v for k, v in data.items() if k not in ("clauses", "points")}
    for key in ("clauses", "points"):
        for child in data.get(key) or ():
            _collect(child, out)


def attribute(storage: Storage, snapshots: Snapshots, old: str, new: str, *,
              nodes: Iterable[str] | None = None) -> Attribution:
    """Return who proposed what between the commits ``old`` and ``new`` (and on every proposal branch).

    ``credits`` covers ``nodes`` (default: every node whose text differs between the two); a
    node whose change no party proposed is left out.
    """
    branch_tips = sorted(set(storage.refs(PROPOSAL_REFS).values()))
    graph = _Graph(storage, snapshots, old, [new, *branch_tips])
    out = Attribution()
    for raw in sorted(graph.commits.values(), key=lambda r: r.date):
        _note_proposals(graph, raw, out)
    if nodes is None:
        before, after = graph.values(old), graph.values(new)
        nodes = [n for n in {*before, *after} if before.get(n, ABSENT) != after.get(n, ABSENT)]
    memo: dict[tuple[str, str], tuple[str, ...]] = {}
    for node in sorted(set(nodes)):
        credit = _credit(graph, node, new, memo)
        if credit:
            out.credits[node] = credit
    return out


def _note_proposals(graph: _Graph, raw: RawCommit, out: Attribution) -> None:
    """Record the nodes a single-parent revision with a ``Proposed-by`` changed as that party's proposals."""
    if len(raw.parents) != 1:
        return  # a merge proposes nothing of its own; its texts are credited through its parents
    revision = to_revision(raw)
    party = revision.proposed_by
    if not party:
        return
    before, after = graph.values(raw.parents[0]), graph.values(raw.sha)
    for node in {*before, *after}:
        if before.get(node, ABSENT) != after.get(node, ABSENT):
            out.proposals.setdefault(party, {})[node] = PartyProposal(
                party, node, raw.sha, node not in after, revision.summary)


def _credit(graph: _Graph, node: str, commit: str, memo: dict[tuple[str, str], tuple[str, ...]]) -> tuple[str, ...]:
    """Return the parties whose proposals gave ``node`` its value at ``commit`` (in order of first credit)."""
    path: list[str] = []
    result: tuple[str, ...] = ()
    while True:
        key = (node, commit)
        if key in memo:
            result = memo[key]
            break
        raw = graph.commits.get(commit)
        if raw is None:
            break  # at or before the old draft: nothing to credit
        value = graph.value(commit, node)
        same = [p for p in raw.parents if graph.value(p, node) == value]
        path.append(commit)
        if len(same) == 1:
            commit = same[0]
            continue
        if same:  # both sides made the same change: each side's party proposed it
            result = _union(_credit(graph, node, p, memo) for p in same)
        elif len(raw.parents) <= 1:
            party = to_revision(raw).proposed_by
            result = (party,) if party else ()
        else:
            result = _union(_credit(graph, node, p, memo) for p in raw.parents)
            if not result:  # a text no proposal competed for: the merge's own party, if it names one
                party = to_revision(raw).proposed_by
                result = (party,) if party else ()
        break
    for visited in path:
        memo[(node, visited)] = result
    return result


def _union(credits: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    merged: dict[str, None] = {}
    for credit in credits:
        merged.update(dict.fromkeys(credit))
    return tuple(merged)
