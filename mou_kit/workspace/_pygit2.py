"""The git backend built on pygit2 (libgit2): objects, refs and the index in-process, no git child per commit.

Objects are serialised exactly as the GitPython backend does (``_gitcli.commit_text``), so
both backends make the same commit from the same input. What libgit2 does not do as git
does — history with rename-free path filtering, fetch, push with a lease, checkout and
``for-each-ref`` listings — runs the git program through :class:`GitCli`, as the GitPython
backend does.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import WorkspaceError
from ._gitcli import GitCli, commit_text, identities, nest, tag_text
from ._storage import RefUpdate

if TYPE_CHECKING:
    import pygit2

_TREE = 0o040000
_BLOB = 0o100644
_HEX = frozenset("0123456789abcdef")
REF_LOCKS = "mou/ref-locks"


class _Moved(Exception):
    """A ref was not at the value the caller expected (the compare of compare-and-swap failed)."""


def available() -> bool:
    """Return whether pygit2 1.19 or later (reference transactions) can be imported here."""
    try:
        import pygit2
    except ImportError:
        return False
    return hasattr(pygit2.Repository, "transaction")


class Pygit2Storage(GitCli):
    """A repository opened through pygit2; close it (or use the workspace as a context manager).

    Not constructed directly: use :meth:`init` or :meth:`open`.
    """

    def __init__(self, repo: pygit2.Repository) -> None:
        self._repo = repo
        self._who: tuple[str, str] | None = None
        self.git_dir = Path(repo.path)
        self.work_tree: Path | None = None if repo.is_bare or not repo.workdir else Path(repo.workdir)

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def init(cls, path: Path, *, branch: str = "main") -> Pygit2Storage:
        """Return a new repository with a working tree at ``path``.

        :raises WorkspaceError: libgit2 cannot create it.
        """
        import pygit2

        try:
            repo = pygit2.init_repository(str(path), bare=False, initial_head=branch)
        except (pygit2.GitError, OSError) as e:
            raise WorkspaceError(f"{path}: cannot create a git repository: {e}") from e
        return cls(repo)

    @classmethod
    def open(cls, path: Path) -> Pygit2Storage:
        """Return the repository at ``path`` (a working tree or a bare repository).

        :raises WorkspaceError: there is no git repository at ``path``.
        """
        import pygit2
        from pygit2.enums import RepositoryOpenFlag

        try:
            repo = pygit2.Repository(str(path), RepositoryOpenFlag.NO_SEARCH)
        except (pygit2.GitError, OSError) as e:
            if "not found" in str(e).lower() or isinstance(e, FileNotFoundError):
                raise WorkspaceError(f"{path}: not a mou repository (no .git)", code="not-a-repository", file=str(path)
                                     ) from e
            raise WorkspaceError(f"{path}: cannot open the repository: {e}; check that you own it, or set "
                                 "MOU_GIT_BACKEND=gitpython to use git itself") from e
        return cls(repo)

    def close(self) -> None:
        """Release the repository's files (pack maps, index, config)."""
        self._repo.free()

    # ------------------------------------------------------------ refs

    def ref_sha(self, ref: str) -> str | None:
        """Return the commit ``ref`` points at (tags peeled), or ``None`` when it does not exist."""
        import pygit2

        try:
            found = self._repo.references.get(ref)
            if found is None:
                return None
            return str(found.peel(pygit2.Commit).id)
        except (pygit2.GitError, KeyError, ValueError):
            return None

    def head_ref(self) -> str | None:
        """Return the branch HEAD points at, or ``None`` when HEAD is detached."""
        from pygit2.enums import ReferenceType

        head = self._repo.references.get("HEAD")
        if head is None or head.type != ReferenceType.SYMBOLIC:
            return None
        return str(head.target)

    def rev_parse(self, name: str) -> str | None:
        """Return the commit ``name`` names (a full commit id in-process, anything else through git)."""
        if len(name) == 40 and _HEX.issuperset(name):
            import pygit2

            try:
                return str(self._repo[name].peel(pygit2.Commit).id)
            except (KeyError, ValueError, pygit2.GitError, pygit2.InvalidSpecError):
                return None
        return super().rev_parse(name)

    def update_refs(self, updates: Sequence[RefUpdate], *, message: str) -> bool:
        """Move every ref in one libgit2 transaction; ``False`` (and none moved) when one is not at ``old``.

        Each ref is locked first (the ``.lock`` files git itself uses), then compared with its
        expected value while locked, then all are written: compare-and-swap against git and
        other mou processes alike. A ref locked by someone else counts as moved (retry).
        """
        import pygit2

        self._clear_stale_locks()
        self._note_locks(updates)
        try:
            with self._repo.transaction() as txn:
                for u in updates:
                    txn.lock_ref(u.ref)
                for u in updates:
                    found = self._repo.references.get(u.ref)
                    if (None if found is None else str(found.target)) != u.old:
                        raise _Moved(u.ref)
                for u in updates:
                    # signature=None: libgit2 takes the reflog identity from the config (pygit2
                    # 1.21 cannot pass a Signature here: its _pointer is bytes, not a cdata pointer)
                    txn.set_target(u.ref, u.new, message=message)
        except _Moved:
            return False
        except (pygit2.GitError, OSError) as e:
            if "lock" in str(e).lower():
                return False
            raise WorkspaceError(f"{self.git_dir}: moving {', '.join(u.ref for u in updates)} failed: {e}") from e
        finally:
            self._lock_note(os.getpid()).unlink(missing_ok=True)
        return True

    def _lock_note(self, pid: int) -> Path:
        return self.git_dir / REF_LOCKS / f"{pid}.json"

    def _note_locks(self, updates: Sequence[RefUpdate]) -> None:
        """Write which ref locks this process is about to take, so a writer after a crash may remove them.

        The ref locks are taken in this process (git's ``update-ref`` child outlived a killed
        parent and removed its own), so a SIGKILL can leave ``refs/heads/B.lock`` behind.
        """
        note = self._lock_note(os.getpid())
        note.parent.mkdir(parents=True, exist_ok=True)
        tmp = note.with_suffix(".tmp")
        tmp.write_text(json.dumps([u.ref for u in updates]), encoding="utf-8")
        tmp.replace(note)

    def _clear_stale_locks(self) -> None:
        """Remove the ref locks noted by mou processes now gone: the note is the evidence they held them."""
        from ._publish import process_alive

        folder = self.git_dir / REF_LOCKS
        if not folder.is_dir():
            return
        for note in folder.iterdir():
            pid = int(note.name.split(".")[0]) if note.name.split(".")[0].isdigit() else None
            if pid is None or pid == os.getpid() or process_alive(pid):
                continue  # our own note may belong to another thread's workspace
            if note.suffix == ".json":
                try:
                    refs = [str(ref) for ref in json.loads(note.read_text(encoding="utf-8"))]
                except (OSError, ValueError, TypeError):
                    refs = []
                for ref in refs:
                    (self.git_dir / f"{ref}.lock").unlink(missing_ok=True)
            note.unlink(missing_ok=True)

    # ------------------------------------------------------------ objects

    def blob_ids(self, commit: str) -> dict[str, str]:
        """Return ``{path: blob id}`` for every file of the commit's tree."""
        import pygit2

        out: dict[str, str] = {}
        stack: list[tuple[str, Any]] = [("", self._repo[commit].peel(pygit2.Tree))]
        while stack:
            prefix, tree = stack.pop()
            for entry in tree:
                if entry.filemode == _TREE:
                    stack.append((f"{prefix}{entry.name}/", self._repo[entry.id]))
                else:
                    out[prefix + str(entry.name)] = str(entry.id)
        return out

    def blob(self, blob_id: str) -> bytes:
        """Return the content of the blob ``blob_id``."""
        return bytes(self._repo[blob_id].read_raw())

    def write_commit(self, *, base: str | None, changes: Mapping[str, bytes | None], parents: Sequence[str],
                     message: str, when: dt.datetime | None = None) -> str:
        """Return a new commit: the tree of ``base`` with ``changes`` applied, only changed trees rebuilt."""
        import pygit2
        from pygit2.enums import ObjectType

        repo = self._repo

        def build(tree: Any, edits: dict[str, Any]) -> Any:
            builder = repo.TreeBuilder(tree) if tree is not None else repo.TreeBuilder()
            for name, value in edits.items():
                old = builder.get(name)
                if old is not None and (value is None or isinstance(value, dict)):
                    builder.remove(name)
                if isinstance(value, dict):
                    sub = build(repo[old.id] if old is not None and old.filemode == _TREE else None, value)
                    if sub is not None:
                        builder.insert(name, sub, _TREE)
                elif value is not None:
                    builder.insert(name, repo.create_blob(value), _BLOB)
            return builder.write() if len(builder) else None

        nested = nest(changes)
        root = repo[base].peel(pygit2.Tree) if base else None
        tree = build(root, nested) or repo.TreeBuilder().write()
        author, committer = self._identities()
        text = commit_text(tree=str(tree), parents=parents, author=author, committer=committer, message=message,
                           when=when)
        return str(repo.odb.write(ObjectType.COMMIT, text))

    def write_tag(self, *, name: str, target: str, message: str, when: dt.datetime | None = None) -> str:
        """Return a new annotated tag object ``name`` on the commit ``target`` (no ref is made)."""
        from pygit2.enums import ObjectType

        data = tag_text(name=name, target=target, tagger=self._identities()[1], message=message, when=when)
        return str(self._repo.odb.write(ObjectType.TAG, data))

    def _identities(self) -> tuple[str, str]:
        if self._who is None:
            config = self._repo.config

            def value(key: str) -> str | None:
                try:
                    return str(config[key])
                except KeyError:
                    return None

            self._who = identities(value)
        return self._who

    # ------------------------------------------------------------ index

    def sync_index(self, paths: Sequence[str]) -> None:
        """Record the working tree's ``paths`` in the index, in-process (others, staged or not, stay).

        :raises WorkspaceError: the index is locked or cannot be written.
        """
        if self.work_tree is None or not paths:
            return
        import pygit2

        try:
            index = self._repo.index
            index.read(True)
            for path in paths:
                if (self.work_tree / path).is_file():
                    index.add(path)
                elif path in index:
                    index.remove(path)
            index.write()
        except (pygit2.GitError, OSError) as e:
            if "lock" in str(e).lower():
                raise WorkspaceError(f"{self.git_dir / 'index'}: cannot update the index: {e}") from e
            super().sync_index(paths)  # an index libgit2 cannot handle (split index, sparse): git can
