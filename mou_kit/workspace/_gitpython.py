"""The git backend built on GitPython: in-memory trees, compare-and-swap ref moves, one ``Repo`` per open."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import WorkspaceError
from .storage import RawCommit, RefUpdate

if TYPE_CHECKING:
    import git

_TREE = 0o040000
_BLOB = 0o100644
_CAS_FAILED = re.compile(r"cannot lock ref|is at .* but expected|reference already exists|unable to resolve reference")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./@{}~^:+-]*$")


def _git_module() -> Any:
    try:
        import git
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise WorkspaceError(f"git is not usable here: {e}; install git (2.38 or later) or set "
                             "GIT_PYTHON_GIT_EXECUTABLE") from e
    return git


def _stamp(when: dt.datetime | None) -> str:
    moment = when or dt.datetime.now().astimezone()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{int(moment.timestamp())} {sign}{minutes // 60:02d}{minutes % 60:02d}"


class GitPythonStorage:
    """A repository opened through GitPython; close it (or use the workspace as a context manager).

    Not constructed directly: use :meth:`init` or :meth:`open`.
    """

    def __init__(self, repo: git.Repo) -> None:
        self._repo = repo
        self._who: tuple[str, str] | None = None
        self.git_dir = Path(repo.git_dir)
        self.work_tree: Path | None = None if repo.bare else Path(repo.working_tree_dir or ".")

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def init(cls, path: Path, *, branch: str = "main") -> GitPythonStorage:
        """Return a new repository with a working tree at ``path``.

        :raises WorkspaceError: git cannot create it.
        """
        _run(["git", "init", "-q", "-b", branch, str(path)], cwd=None)
        return cls.open(path)

    @classmethod
    def open(cls, path: Path) -> GitPythonStorage:
        """Return the repository at ``path`` (a working tree or a bare repository).

        :raises WorkspaceError: there is no git repository at ``path``.
        """
        git_mod = _git_module()
        try:
            repo = git_mod.Repo(str(path), search_parent_directories=False)
        except (git_mod.InvalidGitRepositoryError, git_mod.NoSuchPathError) as e:
            raise WorkspaceError(f"{path}: not a mou repository (no .git); create one with 'mou new {path}'"
                                 ) from e
        return cls(repo)

    def close(self) -> None:
        """Stop the ``git cat-file`` helpers and release the repository's files."""
        self._repo.close()

    # ------------------------------------------------------------ refs

    def ref_sha(self, ref: str) -> str | None:
        """Return the commit ``ref`` points at (tags peeled), or ``None`` when it does not exist."""
        git_mod = _git_module()
        try:
            sha: str = git_mod.SymbolicReference.dereference_recursive(self._repo, ref)
        except (ValueError, OSError):
            return None
        if ref.startswith("refs/tags/"):
            return self._peel(sha)
        return sha

    def _peel(self, sha: str) -> str:
        obj = self._repo.rev_parse(sha)
        while obj.type == "tag":
            obj = obj.object
        return str(obj.hexsha)

    def head_ref(self) -> str | None:
        """Return the branch HEAD points at, or ``None`` when HEAD is detached."""
        try:
            return str(self._repo.head.reference.path)
        except TypeError:
            return None

    def set_head(self, ref: str) -> None:
        """Point HEAD at the branch ``ref``."""
        self._git("symbolic-ref", "HEAD", ref)

    def checkout(self, branch: str) -> None:
        """Switch the working tree to ``branch``; git refuses when that would overwrite local edits."""
        self._git("checkout", "-q", branch, "--")

    def refs(self, prefix: str) -> dict[str, str]:
        """Return every ref under ``prefix`` mapped to the commit it points at (tags peeled)."""
        out = self._git("for-each-ref", "--format=%(refname)%00%(objectname)%00%(*objectname)", prefix)
        found: dict[str, str] = {}
        for line in out.splitlines():
            name, sha, peeled = line.split("\0")
            found[name] = peeled or sha
        return found

    def rev_parse(self, name: str) -> str | None:
        """Return the commit ``name`` names, or ``None`` when git does not know it."""
        if not _SAFE_NAME.match(name):
            return None
        try:
            return self._git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}").strip()
        except WorkspaceError:
            return None

    def update_refs(self, updates: Sequence[RefUpdate], *, message: str) -> bool:
        """Move every ref in one ``git update-ref --stdin`` transaction; ``False`` when one moved meanwhile."""
        lines = ["start"]
        for u in updates:
            lines.append(f"create {u.ref} {u.new}" if u.old is None else f"update {u.ref} {u.new} {u.old}")
        lines += ["prepare", "commit", ""]
        proc = subprocess.run(
            ["git", "update-ref", "-m", message, "--stdin"], input="\n".join(lines).encode(),
            cwd=self.git_dir, capture_output=True, check=False, env=_env())
        if proc.returncode == 0:
            return True
        err = proc.stderr.decode(errors="replace")
        if _CAS_FAILED.search(err):
            return False
        raise WorkspaceError(f"{self.git_dir}: git update-ref failed: {err.strip()}")

    # ------------------------------------------------------------ objects

    def _tree(self, binsha: bytes) -> dict[str, tuple[bytes, int]]:
        from git.objects.fun import tree_entries_from_data

        data = self._repo.odb.stream(binsha).read()
        return {name: (sha, mode) for sha, mode, name in tree_entries_from_data(data)}

    def _commit_tree(self, commit: str) -> bytes:
        return bytes(self._repo.commit(commit).tree.binsha)

    def blob_ids(self, commit: str) -> dict[str, str]:
        """Return ``{path: blob id}`` for every file of the commit's tree."""
        out: dict[str, str] = {}
        stack = [("", self._commit_tree(commit))]
        while stack:
            prefix, binsha = stack.pop()
            for name, (sha, mode) in self._tree(binsha).items():
                if mode == _TREE:
                    stack.append((f"{prefix}{name}/", sha))
                else:
                    out[prefix + name] = sha.hex()
        return out

    def blob(self, blob_id: str) -> bytes:
        """Return the content of the blob ``blob_id``."""
        return bytes(self._repo.odb.stream(bytes.fromhex(blob_id)).read())

    def write_commit(self, *, base: str | None, changes: Mapping[str, bytes | None], parents: Sequence[str],
                     message: str, when: dt.datetime | None = None) -> str:
        """Return a new commit: the tree of ``base`` with ``changes`` applied, written without an index."""
        from gitdb.base import IStream
        from gitdb.db.mem import MemoryDB

        mdb = MemoryDB()

        def put(kind: bytes, data: bytes) -> bytes:
            return bytes(mdb.store(IStream(kind, len(data), io.BytesIO(data))).binsha)

        def build(binsha: bytes | None, edits: dict[str, Any]) -> bytes | None:
            entries = self._tree(binsha) if binsha else {}
            for name, value in edits.items():
                if isinstance(value, dict):
                    old = entries.get(name)
                    sub = build(old[0] if old and old[1] == _TREE else None, value)
                    if sub is None:
                        entries.pop(name, None)
                    else:
                        entries[name] = (sub, _TREE)
                elif value is None:
                    entries.pop(name, None)
                else:
                    entries[name] = (put(b"blob", value), _BLOB)
            if not entries:
                return None
            from git.objects.fun import tree_to_stream

            buf = io.BytesIO()
            items = sorted(entries.items(), key=lambda kv: kv[0] + ("/" if kv[1][1] == _TREE else ""))
            tree_to_stream([(sha, mode, name) for name, (sha, mode) in items], buf.write)
            return put(b"tree", buf.getvalue())

        nested: dict[str, Any] = {}
        for path, data in changes.items():
            *dirs, leaf = path.split("/")
            node = nested
            for d in dirs:
                node = node.setdefault(d, {})
            node[leaf] = data
        tree = build(self._commit_tree(base) if base else None, nested) or put(b"tree", b"")
        author, committer = self._identities()
        stamp = _stamp(when)
        text = f"tree {tree.hex()}\n" + "".join(f"parent {p}\n" for p in parents)
        text += f"author {author} {stamp}\ncommitter {committer} {stamp}\n\n{message}"
        sha = put(b"commit", text.encode("utf-8"))
        mdb.stream_copy(mdb.sha_iter(), self._repo.odb)
        return sha.hex()

    def write_tag(self, *, name: str, target: str, message: str, when: dt.datetime | None = None) -> str:
        """Return a new annotated tag object ``name`` on the commit ``target`` (no ref is made)."""
        from gitdb.base import IStream
        from gitdb.db.mem import MemoryDB

        _, tagger = self._identities()
        text = f"object {target}\ntype commit\ntag {name}\ntagger {tagger} {_stamp(when)}\n\n{message}"
        data = text.encode("utf-8")
        mdb = MemoryDB()
        sha = bytes(mdb.store(IStream(b"tag", len(data), io.BytesIO(data))).binsha)
        mdb.stream_copy(mdb.sha_iter(), self._repo.odb)
        return sha.hex()

    def author(self) -> str:
        """Return the name new commits are authored by (from the environment or git config)."""
        return self._identities()[0].rsplit(" <", 1)[0]

    def _identities(self) -> tuple[str, str]:
        if self._who is None:
            self._who = self._read_identities()
        return self._who

    def _read_identities(self) -> tuple[str, str]:
        git_mod = _git_module()
        reader = self._repo.config_reader()
        try:
            author = git_mod.Actor.author(reader)
            committer = git_mod.Actor.committer(reader)
        finally:
            reader.release()
        return (f"{author.name} <{author.email}>", f"{committer.name} <{committer.email}>")

    # ------------------------------------------------------------ history

    def log(self, rev: str, *, paths: Sequence[str] = (), max_count: int | None = None,
            since_until: tuple[str | None, str | None] = (None, None)) -> list[RawCommit]:
        """Return the commits reachable from ``rev``, newest first; with ``paths``, their changed blobs."""
        args = ["log", "--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B%x1f", "-z"]
        if max_count is not None:
            args.append(f"--max-count={max_count}")
        if since_until[1]:
            args.append(f"--until={since_until[1]}")
        if paths:
            args += ["--raw", "-c", "--no-abbrev"]
        args += ["--end-of-options", rev, "--", *paths]
        out = self._git(*args, strip=False)
        commits = []
        for chunk in out.split("\x1e")[1:]:
            sha, parents, name, email, date, body, rest = chunk.split("\x1f", 6)
            commits.append(RawCommit(sha=sha, parents=tuple(parents.split()), author=name, email=email,
                                     date=dt.datetime.fromisoformat(date), message=body,
                                     changes=_raw_changes(rest) if paths else ()))
        return commits

    def merge_base(self, a: str, b: str) -> str | None:
        """Return the best common ancestor of ``a`` and ``b``, or ``None`` when they share none."""
        try:
            return self._git("merge-base", a, b).strip() or None
        except WorkspaceError:
            return None

    def sync_index(self, paths: Sequence[str]) -> None:
        """Record the working tree's ``paths`` in the index (others, staged or not, are left alone)."""
        if self.work_tree is not None and paths:
            self._git("update-index", "-q", "--add", "--remove", "--", *paths)

    # ------------------------------------------------------------ remotes

    def remotes(self) -> list[str]:
        """Return the names of the configured remotes."""
        return [line for line in self._git("remote").splitlines() if line]

    def fetch(self, remote: str, refspecs: Sequence[str]) -> None:
        """Fetch ``refspecs`` from the configured remote ``remote``."""
        self._git("fetch", "--quiet", "--no-write-fetch-head", "--end-of-options", remote, *refspecs)

    def push(self, remote: str, refspecs: Sequence[str], *, lease: Mapping[str, str | None]) -> None:
        """Push ``refspecs``; each leased ref must still be at its expected value on the remote."""
        leases = [f"--force-with-lease={ref}:{old or ''}" for ref, old in lease.items()]
        self._git("push", "--quiet", "--porcelain", *leases, "--end-of-options", remote, *refspecs)

    # ------------------------------------------------------------ plumbing

    def _git(self, *args: str, strip: bool = True) -> str:
        cwd = self.work_tree or self.git_dir
        return _run(["git", *args], cwd=cwd, strip=strip)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C")
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env


def _run(argv: list[str], *, cwd: Path | None, strip: bool = True) -> str:
    try:
        proc = subprocess.run(argv, cwd=cwd, capture_output=True, check=False, env=_env())
    except FileNotFoundError as e:
        raise WorkspaceError("the git program is not installed; install git 2.38 or later") from e
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").strip().splitlines()
        raise WorkspaceError(f"git {argv[1]} failed in {cwd}: {err[-1] if err else proc.returncode}")
    text = proc.stdout.decode("utf-8", errors="replace")
    return text.strip() if strip else text


def _raw_changes(rest: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    tokens = [t.strip("\n") for t in rest.split("\0")]
    tokens = [t for t in tokens if t]
    out = []
    for i in range(0, len(tokens) - 1, 2):
        meta, path = tokens[i], tokens[i + 1]
        colons = len(meta) - len(meta.lstrip(":"))
        fields = meta.lstrip(":").split()
        shas = fields[colons + 1: colons + 1 + colons + 1]
        out.append((path, tuple(shas[:-1]), shas[-1]))
    return tuple(out)

