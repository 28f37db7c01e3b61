"""Which revisions changed what: the log, the history of one node, blame per clause, and names of revisions."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from contextlib import closing, suppress

from .. import _node_cache as node_cache
from .._gitlog import ZERO_SHA
from ..errors import WorkspaceError
from ..files.folder import ARTICLES_DIR
from ..model import Agreement
from ._snapshot import Snapshots
from ._storage import RawCommit, Storage
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


class _Nodes:
    """Each article blob's nodes by id, as digests of their data (equal digests, equal data): read from
    what the repository remembers (``<gitdir>/mou/nodes``, ADR 0088) or parsed once and remembered
    there, so comparing a node across revisions is a lookup, and the next process parses nothing."""

    def __init__(self, storage: Storage, snapshots: Snapshots) -> None:
        self.snapshots = snapshots
        self.packs = node_cache.Packs(node_cache.folder(storage.git_dir))

    def at(self, path: str, blob: str) -> dict[str, str]:
        """Return ``{node id: digest}`` of ``blob``, met at the article path ``path``."""
        if set(blob) == {"0"}:
            return {}
        found = self.packs.get(path, blob)
        if found is None:
            found = node_cache.node_digests(self.snapshots.parsed(blob), blob)
            self.packs.add(path, blob, found)
        return found


def _articles(snapshots: Snapshots, commit: str) -> list[tuple[str, str]]:
    return sorted((path, blob) for path, blob in snapshots.blob_ids(commit).items()
                  if path.startswith(ARTICLES_DIR + "/"))


def article_of(snapshots: Snapshots, index: _Nodes, commit: str, node: str) -> str | None:
    """Return the path of the article file holding ``node`` at ``commit``, or ``None``.

    The files whose bytes hold the id are looked at first (a plain id is written as it is); only if
    none of them holds the node are the others looked at too, so an escaped id is still found.
    """
    articles = _articles(snapshots, commit)
    needle = node.encode()
    likely = [(path, blob) for path, blob in articles if needle in snapshots.blob(blob)]
    for path, blob in likely + [a for a in articles if a not in likely]:
        if node in index.at(path, blob):
            return path
    return None


def node_history(storage: Storage, snapshots: Snapshots, node: str, commit: str) -> list[Revision]:
    """Return the revisions that changed ``node`` (article, clause or point), newest first.

    Which article of ``commit`` holds which nodes is remembered too, so that ``mou log --clause``
    of any node can be answered before typer loads (ADR 0088).

    :raises WorkspaceError: the agreement at ``commit`` has no such node.
    """
    index = _Nodes(storage, snapshots)
    path = article_of(snapshots, index, commit, node)
    if path is None:
        raise WorkspaceError(f"no article, clause or point has the id {node!r} at {commit[:10]}",
                             code="revision-unknown", node=node)
    found = [to_revision(raw) for raw in _changes(storage, index, path, commit, [node])[node]]
    index.packs.flush(tip=(commit, {path: list(index.at(path, blob)) for path, blob in _articles(snapshots, commit)}))
    return found


def remember_commit(storage: Storage, snapshots: Snapshots, parent: str | None, commit: str) -> None:
    """Remember which article of the new ``commit`` holds which nodes, from what was remembered of ``parent``.

    Only the articles the commit changed are read (a few ms), so ``mou log --clause`` right after
    ``mou commit`` is still answered at start-up (ADR 0088). Without a remembered ``parent``
    nothing is written: the first history read remembers the whole tip. Nothing here may turn the
    landed commit into an error, so whatever fails only leaves the cache as it was.
    """
    if parent is None:
        return
    with suppress(Exception):
        base = node_cache.folder(storage.git_dir)
        old = node_cache.read_tip(base, parent)
        if old is None:
            return
        before = dict(_articles(snapshots, parent))
        index = _Nodes(storage, snapshots)
        tip = {path: old[path] if before.get(path) == blob and path in old else list(index.at(path, blob))
               for path, blob in _articles(snapshots, commit)}
        index.packs.flush(tip=(commit, tip))


def _changes(storage: Storage, index: _Nodes, path: str, commit: str,
             nodes: list[str], *, newest_only: bool = False) -> dict[str, list[RawCommit]]:
    """Return, per node, the commits (newest first) whose ``path`` changed it; with ``newest_only``
    just the newest, reading no further back once every node has one."""
    out: dict[str, list[RawCommit]] = {n: [] for n in nodes}
    pending = list(nodes)
    with closing(storage.history(commit, path)) as commits:  # closed early: git stops where it is
        for raw in commits:
            for changed_path, olds, new in raw.changes:
                if changed_path != path:
                    continue
                now, before = index.at(path, new), [index.at(path, old) for old in (olds or (ZERO_SHA,))]
                for node in pending:
                    value = now.get(node)
                    if all(b.get(node) != value for b in before):
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
    index = _Nodes(storage, snapshots)
    for article in agreement.articles:
        ids = [c.id for c in article.clauses]
        found = _changes(storage, index, article_path(article.id), commit, ids, newest_only=True)
        for clause_id in ids:
            if found[clause_id]:
                entries.append(BlameEntry(node=clause_id, article=article.id,
                                          revision=to_revision(found[clause_id][0])))
    index.packs.flush()
    return entries
