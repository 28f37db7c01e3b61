"""The git backend built on GitPython: in-memory trees, compare-and-swap ref moves, one ``Repo`` per open."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import WorkspaceError
from ._gitcli import GitCli, commit_text, nest, run_git, tag_text

if TYPE_CHECKING:
    import git

_TREE = 0o040000
_BLOB = 0o100644


def _git_module() -> Any:
    try:
        import git
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise WorkspaceError(f"git is not usable here: {e}; install git (2.38 or later) or set "
                             "GIT_PYTHON_GIT_EXECUTABLE") from e
    return git


class GitPythonStorage(GitCli):
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
        run_git(["git", "init", "-q", "-b", branch, str(path)], cwd=None)
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
            raise WorkspaceError(f"{path}: not a mou repository (no .git)", code="not-a-repository", file=str(path)
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

        nested = nest(changes)
        tree = build(self._commit_tree(base) if base else None, nested) or put(b"tree", b"")
        author, committer = self._identities()
        sha = put(b"commit", commit_text(tree=tree.hex(), parents=parents, author=author, committer=committer,
                                         message=message, when=when))
        mdb.stream_copy(mdb.sha_iter(), self._repo.odb)
        return sha.hex()

    def write_tag(self, *, name: str, target: str, message: str, when: dt.datetime | None = None) -> str:
        """Return a new annotated tag object ``name`` on the commit ``target`` (no ref is made)."""
        from gitdb.base import IStream
        from gitdb.db.mem import MemoryDB

        _, tagger = self._identities()
        data = tag_text(name=name, target=target, tagger=tagger, message=message, when=when)
        mdb = MemoryDB()
        sha = bytes(mdb.store(IStream(b"tag", len(data), io.BytesIO(data))).binsha)
        mdb.stream_copy(mdb.sha_iter(), self._repo.odb)
        return sha.hex()

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
