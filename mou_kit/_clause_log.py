"""``mou log --clause ID`` answered before typer, click, pydantic or pygit2 load (ADR 0088).

A clause's history is git's history of its article file, filtered by whether the clause's data
changed; which article holds the clause and what each version of it holds were remembered by the
full command (:mod:`mou_kit._node_cache`). So the answer costs a Python start-up, a few small reads
and one ``git log --raw`` of one file, printed exactly as the full command prints it. Anything this
module does not know for sure falls through to the full command, which then fills the cache: an
option it does not read, a revision other than HEAD, a detached HEAD, a commit not remembered, a
clause in no article or in two, a version not remembered, an escape character in a message, a git
failure.
"""

from __future__ import annotations

import os
import sys

from . import _gitlog, _node_cache

_GIT_ENV = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_INDEX_FILE",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES")
"""Variables that make git read another repository than the one pygit2 opens: the full command decides."""
_HEX = frozenset("0123456789abcdef")


def _options(args: list[str]) -> tuple[str, str, int | None] | None:
    """Return ``(clause, folder, limit)`` of ``log --clause ID [-C DIR] [-n N] [HEAD]``, or ``None``."""
    given: dict[str, str] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("--clause", "-C", "--directory", "-n") and rest:
            name, value = arg, rest.pop(0)
        elif arg.startswith(("--clause=", "--directory=")):
            name, _, value = arg.partition("=")
        elif arg.startswith(("-C", "-n")) and len(arg) > 2:
            name, value = arg[:2], arg[2:]
        elif arg == "HEAD":
            name, value = "ref", arg
        else:
            return None
        name = {"--directory": "-C"}.get(name, name)
        if name in given or not value or value.startswith("-"):
            return None
        given[name] = value
    limit = given.get("-n")
    if "--clause" not in given or (limit is not None and not (limit.isascii() and limit.isdigit())):
        return None
    return given["--clause"], given.get("-C", "."), None if limit is None else int(limit)


def _git(root: str, args: list[str]) -> str | None:
    """Return the output of ``git -C root ARGS`` (decoded as the workspace decodes it), ``None`` if it failed."""
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C")
    env["GIT_TERMINAL_PROMPT"] = "0"
    read, write = os.pipe()
    try:
        null = os.open(os.devnull, os.O_RDWR)
        try:
            pid = os.posix_spawnp("git", ["git", "-C", root, *args], env, file_actions=[
                (os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, write, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
        finally:
            os.close(null)
            os.close(write)
        chunks = []
        while chunk := os.read(read, 1 << 16):
            chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
    except OSError:
        return None
    finally:
        os.close(read)
    return b"".join(chunks).decode("utf-8", errors="replace") if os.waitstatus_to_exitcode(status) == 0 else None


def _branch_tip(gitdir: str) -> str | None:
    """Return the commit of the branch HEAD names, read as git stores it; ``None`` when detached or unusual."""
    try:
        with open(os.path.join(gitdir, "HEAD"), encoding="utf-8") as file:
            head = file.read()
        if not head.startswith("ref: refs/heads/") or not head.endswith("\n") or head.count("\n") != 1:
            return None
        ref = head[5:-1]
        with open(os.path.join(gitdir, "config"), encoding="utf-8") as file:
            if "[extensions" in file.read().lower():  # a format pygit2 may not open: the full command says
                return None
        if any(part in ("", ".", "..") for part in ref.split("/")):
            return None
        try:
            with open(os.path.join(gitdir, *ref.split("/")), encoding="utf-8") as file:
                sha = file.read().strip()
        except FileNotFoundError:
            sha = ""
            with open(os.path.join(gitdir, "packed-refs"), encoding="utf-8") as file:
                for line in file:
                    found, _, name = line.rstrip("\n").partition(" ")
                    if name == ref:
                        sha = found
    except (OSError, UnicodeDecodeError):
        return None
    return sha if len(sha) == 40 and _HEX.issuperset(sha) else None


def _line(sha: str, date: str, body: str, plain: bool) -> str | None:
    """Return the line ``mou log`` prints for a commit (``cli/revisions._line`` as ``typer.echo`` writes it),
    or ``None`` for a text holding an escape character (click strips what looks like a colour code from
    the whole line where the output is no terminal, and this module does not mirror that)."""
    if not (len(date) >= 16 and date[4] == "-" and date[10] == "T" and date[:4].isdigit()):
        return None
    text, trailers = _gitlog.parse_trailers(body)
    summary = text.split("\n", 1)[0]
    meeting = trailers.get("meeting") or ""
    party = trailers.get("proposed_by") or ("" if meeting else "party unknown")
    if "\x1b" in summary + meeting + party:
        return None
    colour = (lambda code, s: s) if plain else (lambda code, s: f"\x1b[{code}m{s}\x1b[0m")  # click.style's codes
    who = f" {colour(36, party)}" if party else ""
    where = f" {colour(35, f'meeting {meeting}')}" if meeting else ""
    return f"{colour(33, sha[:10])} {date[:10]} {date[11:16]}{who}{where}  {summary}"


def _plain_output() -> bool | None:
    """Return whether ``typer.echo`` writes stdout without colour (not a terminal), or ``None`` off POSIX."""
    if os.name != "posix":
        return None
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):
        return None


def answer(args: list[str]) -> bool:
    """Print ``mou log --clause ID [-C DIR] [-n N] [HEAD]`` from git and the node cache; return whether it
    did (``False``: run the full command, which prints the same or the error)."""
    options = _options(args)
    plain = _plain_output()
    backend = os.environ.get("MOU_GIT_BACKEND", "").strip().lower()
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if options is None or plain is None or backend not in ("", "gitpython") or encoding != "utf8" \
            or any(name in os.environ for name in _GIT_ENV):
        return False
    node, root, limit = options
    gitdir = os.path.join(root, ".git")
    sha = _branch_tip(gitdir) if os.path.isdir(gitdir) else None
    if sha is None:
        return False
    base = _node_cache.folder(gitdir)
    tip = _node_cache.read_tip(base, sha)
    holders = [path for path, nodes in (tip or {}).items() if node in nodes]
    if len(holders) != 1:
        return False
    path = holders[0]
    known = _node_cache.read_pack(base, path)
    known[_gitlog.ZERO_SHA] = {}
    out = _git(root, _gitlog.log_args(sha, [path]))
    if out is None:
        return False
    lines = []
    for commit, _, _, _, date, body, rest in _gitlog.records(out):
        for changed, olds, new in _gitlog.raw_changes(rest):
            if changed != path:
                continue
            now, before = known.get(new), [known.get(old) for old in (olds or (_gitlog.ZERO_SHA,))]
            if now is None or any(b is None for b in before):
                return False
            value = now.get(node)
            if all(b.get(node) != value for b in before if b is not None):
                line = _line(commit, date, body, plain)
                if line is None:
                    return False
                lines.append(line)
    lines = lines[:limit] if limit is not None else lines
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return True
