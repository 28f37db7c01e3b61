"""Which revisions changed what: the log, the history of one node, blame per clause, and names of revisions."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from ..errors import WorkspaceError
from ..files.folder import ARTICLES_DIR
from ..model import Agreement
from ._snapshot import Snapshots
from ._storage import ZERO_SHA, RawCommit, Storage
from .merge import ABSENT
from .revision import BlameEntry, Revision, revision_of

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MEETING_TAGS = "refs/tags/meeting/"


def to_revision(raw: RawCommit) -> Revision:
    """Return the :class:`Revision` of a commit read by the backend."""
    return revision_of(raw.sha, parents=raw.parents, author=raw.author, date=raw.date, message=raw.message)


def revisions(storage: Storage, rev: str, *, limit: int | None = None) -> list[Revision]:
    """Return the revisions reachable from ``rev``, newest first."""
    return [to_revision(c) for c in storage.log(rev, max_count=limit)]


def resolve_sha(storage: Storage, name: str) -> str:
    """Return the commit ``name`` stands for: a commit id, branch, tag, meeting id, ``HEAD~2`` or a date.

    A date (``YYYY-MM-DD``) names the last revision on or before the end of that day.

    :raises WorkspaceError: nothing has that name; the message lists the closest names.
    """
    name = name.strip()
    if _DATE.match(name):
        try:
            end = dt.datetime.fromisoformat(f"{name}T23:59:59").astimezone()
        except ValueError:
            raise WorkspaceError(f"{name!r} is not a date; write it as YYYY-MM-DD", code="revision-unknown") from None
        found = storage.log("HEAD", max_count=1, since_until=(None, f"@{int(end.timestamp())}"))
        if not found:
            raise WorkspaceError(f"no revision on or before {name}; the first revision is later",
                                 code="revision-unknown")
        return found[0].sha
    sha = storage.rev_parse(name) if not name.startswith("-") else None
    if sha is None:
        sha = storage.ref_sha(MEETING_TAGS + name)
    if sha is None:
        names = _known_names(storage)
        close = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise WorkspaceError(f"no revision, branch, tag or meeting is named {name!r}{hint}", code="revision-unknown")
    return sha


def _known_names(storage: Storage) -> list[str]:
    names = ["HEAD"]
    for ref in storage.refs("refs/heads/"):
        names.append(ref.removeprefix("refs/heads/"))
    for ref in storage.refs("refs/tags/"):
        names.append(ref.removeprefix("refs/tags/"))
        if ref.startswith(MEETING_TAGS):
            names.append(ref.removeprefix(MEETING_TAGS))
    return names


def find_node(data: Any, node: str) -> Any:
    """Return the article, clause or point ``node`` inside an article's plain data, or ``ABSENT``."""
    if isinstance(data, dict):
        if data.get("id") == node:
            return data
        for key in ("clauses", "points"):
            for child in data.get(key) or ():
                found = find_node(child, node)
                if found is not ABSENT:
                    return found
    return ABSENT


def _value(snapshots: Snapshots, blob: str, node: str) -> Any:
    if set(blob) == {"0"}:
        return ABSENT
    return find_node(snapshots.parsed(blob), node)


class _Nodes(dict[str, dict[str, Any]]):
    """Each article blob's nodes by id, indexed once per blob: comparing a clause across
    revisions is then a lookup, not a walk of the article (blame compares ~30 nodes a blob)."""

    def __init__(self, snapshots: Snapshots) -> None:
        super().__init__()
        self.snapshots = snapshots

    def __missing__(self, blob: str) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if set(blob) != {"0"}:
            stack = [self.snapshots.parsed(blob)]
            while stack:
                data = stack.pop()
                if isinstance(data, dict):
                    node = data.get("id")
                    if isinstance(node, str):
                        found.setdefault(node, data)  # the first of a repeated id, as find_node
                    for key in ("points", "clauses"):
                        children = data.get(key)
                        if isinstance(children, list):
                            stack.extend(reversed(children))
        self[blob] = found
        return found


def article_of(snapshots: Snapshots, commit: str, node: str) -> str | None:
    """Return the path of the article file holding ``node`` at ``commit``, or ``None``.

    The files whose bytes hold the id are parsed first (a plain id is written as it is); only if
    none of them holds the node are the others parsed too, so an escaped id is still found.
    """
    articles = sorted((path, blob) for path, blob in snapshots.blob_ids(commit).items()
                      if path.startswith(ARTICLES_DIR + "/"))
    needle = node.encode()
    likely = [(path, blob) for path, blob in articles if needle in snapshots.blob(blob)]
    for path, blob in likely + [a for a in articles if a not in likely]:
        if _value(snapshots, blob, node) is not ABSENT:
            return path
    return None


def node_history(storage: Storage, snapshots: Snapshots, node: str, commit: str) -> list[Revision]:
    """Return the revisions that changed ``node`` (article, clause or point), newest first.

    :raises WorkspaceError: the agreement at ``commit`` has no such node.
    """
    path = article_of(snapshots, commit, node)
    if path is None:
        raise WorkspaceError(f"no article, clause or point has the id {node!r} at {commit[:10]}",
                             code="revision-unknown", node=node)
    return [to_revision(raw) for raw in _changes(storage, snapshots, path, commit, [node])[node]]


def _changes(storage: Storage, snapshots: Snapshots, path: str, commit: str,
             nodes: list[str], *, newest_only: bool = False) -> dict[str, list[RawCommit]]:
    """Return, per node, the commits (newest first) whose ``path`` changed it; with ``newest_only``
    just the newest, reading no further back once every node has one."""
    out: dict[str, list[RawCommit]] = {n: [] for n in nodes}
    index = _Nodes(snapshots)
    pending = list(nodes)
    for raw in storage.log(commit, paths=[path]):
        for changed_path, olds, new in raw.changes:
            if changed_path != path:
                continue
            now, before = index[new], [index[old] for old in (olds or (ZERO_SHA,))]
            for node in pending:
                value = now.get(node, ABSENT)
                if all(b.get(node, ABSENT) != value for b in before):
                    out[node].append(raw)
            if newest_only:
                pending = [n for n in pending if not out[n]]
        if not pending:
            break
    return out


def blame(storage: Storage, snapshots: Snapshots, agreement: Agreement, commit: str) -> list[BlameEntry]:
    """Return, for each clause in document order, the revision that last changed it."""
    from ..files.folder import article_path

    entries: list[BlameEntry] = []
    for article in agreement.articles:
        ids = [c.id for c in article.clauses]
        found = _changes(storage, snapshots, article_path(article.id), commit, ids, newest_only=True)
        for clause_id in ids:
            if found[clause_id]:
                entries.append(BlameEntry(node=clause_id, article=article.id,
                                          revision=to_revision(found[clause_id][0])))
    return entries
