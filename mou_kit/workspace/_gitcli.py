"""What every git backend does through the git program: history, remotes, refs listing, checkout, identities."""

from __future__ import annotations

import datetime as dt
import getpass
import os
import re
import socket
import subprocess
from collections.abc import Callable, Generator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .._gitlog import Record, log_args, raw_changes, records, streamed
from ..errors import WorkspaceError
from ._storage import RawCommit, RefUpdate

_CAS_FAILED = re.compile(r"cannot lock ref|is at .* but expected|reference already exists|unable to resolve reference")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./@{}~^:+-]*$")


def stamp(when: dt.datetime | None) -> str:
    """Return ``when`` (default: now) as git writes a date in a commit: ``<seconds> +HHMM``."""
    moment = when or dt.datetime.now().astimezone()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{int(moment.timestamp())} {sign}{minutes // 60:02d}{minutes % 60:02d}"


def commit_text(*, tree: str, parents: Sequence[str], author: str, committer: str, message: str,
                when: dt.datetime | None) -> bytes:
    """Return the raw bytes of a commit object, as every backend serialises it."""
    moment = stamp(when)
    text = f"tree {tree}\n" + "".join(f"parent {p}\n" for p in parents)
    text += f"author {author} {moment}\ncommitter {committer} {moment}\n\n{message}"
    return text.encode("utf-8")


def tag_text(*, name: str, target: str, tagger: str, message: str, when: dt.datetime | None) -> bytes:
    """Return the raw bytes of an annotated tag object on the commit ``target``."""
    return f"object {target}\ntype commit\ntag {name}\ntagger {tagger} {stamp(when)}\n\n{message}".encode()


def nest(changes: Mapping[str, bytes | None]) -> dict[str, Any]:
    """Return ``{"a/b.yaml": x}`` as ``{"a": {"b.yaml": x}}``: the trees a commit must rebuild."""
    nested: dict[str, Any] = {}
    for path, data in changes.items():
        *dirs, leaf = path.split("/")
        node = nested
        for d in dirs:
            node = node.setdefault(d, {})
        node[leaf] = data
    return nested


def identities(config: Callable[[str], str | None]) -> tuple[str, str]:
    """Return ``(author, committer)`` as ``Name <email>``, as git picks them.

    The environment (``GIT_AUTHOR_NAME`` …) wins over ``user.name``/``user.email`` from
    ``config``; without either, the login name at the host name, as GitPython does.
    """
    def one(kind: str) -> str:
        user = os.environ.get("USER") or os.environ.get("USERNAME") or _login()
        name = os.environ.get(f"GIT_{kind}_NAME") or config("user.name") or user
        email = os.environ.get(f"GIT_{kind}_EMAIL") or config("user.email") or f"{user}@{socket.gethostname()}"
        return f"{name} <{email}>"

    return one("AUTHOR"), one("COMMITTER")


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - a user without a passwd entry
        return "unknown"


class GitCli:
    """The part of a backend that runs the git program (``git_dir`` and ``work_tree`` set by the subclass)."""

    git_dir: Path
    work_tree: Path | None

    def _identities(self) -> tuple[str, str]:
        """Return ``(author, committer)`` as ``Name <email>`` (each backend reads them its own way)."""
        raise NotImplementedError

    def author(self) -> str:
        """Return the name new commits are authored by (from the environment or git config)."""
        return self._identities()[0].rsplit(" <", 1)[0]

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

    def log(self, rev: str, *, paths: Sequence[str] = (), max_count: int | None = None,
            since_until: tuple[str | None, str | None] = (None, None)) -> list[RawCommit]:
        """Return the commits reachable from ``rev``, newest first; with ``paths``, their changed blobs."""
        out = self._git(*log_args(rev, list(paths), max_count=max_count, until=since_until[1]), strip=False)
        return [_raw_commit(record, changes=bool(paths)) for record in records(out)]

    def history(self, rev: str, path: str) -> Generator[RawCommit, None, None]:
        """Yield the commits that changed ``path`` from ``rev`` back, newest first, with their changed blobs,
        as git prints them: closing the iterator early stops git where it is (blame's early stop).

        :raises WorkspaceError: git failed.
        """
        argv = ["git", *log_args(rev, [path])]
        try:
            process = subprocess.Popen(argv, cwd=self.work_tree or self.git_dir, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, env=_env())
        except FileNotFoundError as e:
            raise WorkspaceError("the git program is not installed; install git 2.38 or later") from e
        assert process.stdout is not None
        stdout = process.stdout
        try:
            chunks = iter(lambda: os.read(stdout.fileno(), 1 << 16), b"")
            for record in streamed(chunks):
                yield _raw_commit(record, changes=True)
            if process.wait() != 0:
                run_git(argv, cwd=self.work_tree or self.git_dir)  # raises with git's own message
                raise WorkspaceError(f"git log failed in {self.work_tree or self.git_dir}")
        finally:
            if process.poll() is None:
                process.kill()
            stdout.close()
            process.wait()

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

    def _git(self, *args: str, strip: bool = True) -> str:
        cwd = self.work_tree or self.git_dir
        return run_git(["git", *args], cwd=cwd, strip=strip)


def _raw_commit(record: Record, *, changes: bool) -> RawCommit:
    sha, parents, name, email, date, body, rest = record
    return RawCommit(sha=sha, parents=tuple(parents.split()), author=name, email=email,
                     date=dt.datetime.fromisoformat(date), message=body, changes=raw_changes(rest) if changes else ())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C")
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env


def run_git(argv: list[str], *, cwd: Path | None, strip: bool = True) -> str:
    """Return the output of the git command ``argv`` run in ``cwd``.

    :raises WorkspaceError: git is missing or the command failed (its last error line is named).
    """
    try:
        proc = subprocess.run(argv, cwd=cwd, capture_output=True, check=False, env=_env())
    except FileNotFoundError as e:
        raise WorkspaceError("the git program is not installed; install git 2.38 or later") from e
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").strip().splitlines()
        raise WorkspaceError(f"git {argv[1]} failed in {cwd}: {err[-1] if err else proc.returncode}")
    text = proc.stdout.decode("utf-8", errors="replace")
    return text.strip() if strip else text

