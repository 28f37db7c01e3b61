"""What history remembers of each article blob, on disk in the git directory: per node id, a digest of its data.

History compares one node across the versions (blobs) of its article file; parsing a blob's YAML
costs ~0.3–1.5 ms, reading what was remembered of it a few microseconds. A blob id names its
content, so an entry never goes stale; what history makes of the content depends on the code, so
entries live under a folder named by :func:`mou_kit._code.code_key`
(``<gitdir>/mou/nodes/<key>/``), in one *pack* per article path (the blobs history met at that path,
so a clause's history is one file to read) and one *tip* (which article of a commit holds which
nodes, so the clause's file is found without git). Each file is written whole (a temporary file,
then a rename) and ends with a checksum of its body: a torn, damaged or foreign file reads as
empty and is written again. Standard library only: the ``mou log --clause`` start-up path reads it
before typer loads (ADR 0088).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs ~7 ms at start-up; the annotations are never evaluated
    from typing import Any

FOLDER = os.path.join("mou", "nodes")
PACKS = "paths"
TIP = "tip"
FORMAT = 2
"""Raise when what an entry holds, or how a digest is made, changes."""
HEADER = "mou-nodes"
MAX_BYTES = 8 << 20
"""A pack or tip larger than this is not read, and one that would grow past it starts again empty."""
MAX_PACKS = 4_096
"""When a folder holds this many packs, it is emptied before the next is written."""


class _Unclear(Exception):
    """A value whose equality a digest cannot stand for (NaN equals nothing, not even itself)."""


def _canon(value: Any, memo: dict[int, str]) -> str:
    """Return a string that two values share exactly when Python finds them equal (``1 == 1.0 == True``,
    mappings in any order, aware times by their instant); raise :class:`_Unclear` for NaN or a type
    YAML does not make."""
    kind = type(value)
    if kind is str:  # most values: tested first
        return f"S{len(value)}:{value}"
    if kind is dict and id(value) not in memo:
        out = f"D{len(value)}:" + "".join(sorted([_canon(k, memo) + _canon(v, memo) for k, v in value.items()]))
        memo[id(value)] = out
        return out
    if value is None:
        return "N;"
    if isinstance(value, bool | int):
        return f"I{int(value)};"
    if isinstance(value, float):
        if value != value:
            raise _Unclear
        return f"I{int(value)};" if value.is_integer() else f"F{value!r};"
    if isinstance(value, str):
        return f"S{len(value)}:{value}"
    if isinstance(value, bytes):
        return f"B{len(value)}:{value.hex()}"
    key = id(value)
    if key in memo:
        return memo[key]
    if isinstance(value, dict):
        items = sorted(_canon(k, memo) + _canon(v, memo) for k, v in value.items())
        out = f"D{len(items)}:" + "".join(items)
    elif isinstance(value, list | tuple):
        out = f"{'L' if isinstance(value, list) else 'T'}{len(value)}:" + "".join(_canon(v, memo) for v in value)
    elif isinstance(value, set | frozenset):
        out = f"E{len(value)}:" + "".join(sorted(_canon(v, memo) for v in value))
    else:
        import datetime as dt

        if isinstance(value, dt.datetime):
            aware = value.tzinfo is not None and value.utcoffset() is not None
            out = (f"A{value.astimezone(dt.UTC).replace(tzinfo=None).isoformat()};" if aware
                   else f"W{value.isoformat()};")
        elif isinstance(value, dt.date):
            out = f"Y{value.isoformat()};"
        else:
            raise _Unclear
    memo[key] = out
    return out


def node_digests(data: Any, blob: str) -> dict[str, str]:
    """Return ``{node id: digest of its data}`` for the article, clauses and points in an article's plain data.

    Nodes are found as history always found them: depth first through ``clauses`` then ``points``,
    the first of a repeated id kept. Equal digests mean equal data; a node holding NaN gets a digest
    naming the blob (NaN equals nothing, but a blob is its own content).
    """
    import hashlib

    found: dict[str, str] = {}
    memo: dict[int, str] = {}
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            node = item.get("id")
            if isinstance(node, str) and node not in found:
                try:
                    text = _canon(item, memo).encode("utf-8", "surrogatepass")
                    found[node] = hashlib.blake2b(text, digest_size=16).hexdigest()
                except _Unclear:
                    found[node] = f"?{blob}"
            for key in ("points", "clauses"):
                children = item.get(key)
                if isinstance(children, list):
                    stack.extend(reversed(children))
    return found


def folder(gitdir: str | os.PathLike[str]) -> str:
    """Return the folder of this code's entries in the repository whose git directory is ``gitdir``."""
    from ._code import code_key, digest

    name = digest(f"{code_key()}\0{FORMAT}".encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return os.path.join(os.fspath(gitdir), FOLDER, name)


def _checksum(body: bytes) -> str:
    from ._code import digest

    return str(digest(body).hexdigest()[:32])


def _read(target: str, title: str) -> str | None:
    """Return the body of the file ``target`` if its first line is ``title`` and its checksum holds, else ``None``."""
    try:
        with open(target, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError:
        return None
    cut = raw.rfind(b"\nend ")
    if len(raw) > MAX_BYTES or cut < 0 or raw[cut + 5:] != f"{_checksum(raw[:cut + 1])}\n".encode():
        return None
    try:
        text = raw[:cut + 1].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    first, _, body = text.partition("\n")
    return body if first == title else None


def _write(target: str, title: str, body: str) -> None:
    """Write ``body`` under ``title`` as ``target`` whole (a temporary file, then a rename); failures are ignored."""
    from pathlib import Path

    from ._io import remember_file  # here: only history writes, never the start-up path that reads

    raw = f"{title}\n{body}".encode("utf-8", "surrogatepass")
    raw += f"end {_checksum(raw)}\n".encode()
    if len(raw) <= MAX_BYTES:
        remember_file(Path(target), raw)


def _pack_name(path: str) -> str:
    from ._code import digest

    return str(digest(path.encode("utf-8", "surrogatepass")).hexdigest()[:32])


def read_pack(base: str, path: str) -> dict[str, dict[str, str]]:
    """Return ``{blob: {node id: digest}}`` remembered for the article path ``path`` (empty when none or damaged)."""
    body = _read(os.path.join(base, PACKS, _pack_name(path)), f"{HEADER} {FORMAT} pack {path}")
    found: dict[str, dict[str, str]] = {}
    nodes: dict[str, str] = {}
    for line in (body or "").split("\n")[:-1]:
        if line[:1] == "@":
            nodes = found[line[1:]] = {}
        else:
            digest, _, node = line.partition("\t")
            nodes[node] = digest
    return found


def _pack_lines(entries: dict[str, dict[str, str]]) -> str:
    return "".join(f"@{blob}\n" + "".join(f"{d}\t{n}\n" for n, d in nodes.items()) for blob, nodes in entries.items())


def read_tip(base: str, commit: str) -> dict[str, list[str]] | None:
    """Return each article path of the commit ``commit`` with the node ids it holds, ``None`` if not remembered."""
    body = _read(os.path.join(base, TIP), f"{HEADER} {FORMAT} tip {commit}")
    if body is None:
        return None
    return {path: nodes for path, *nodes in (line.split("\0") for line in body.split("\n")[:-1])}


class Packs:
    """The packs of one folder as history uses them: each read whole on first use, and written back once
    (:meth:`flush`) with the entries added meanwhile."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._read: dict[str, dict[str, dict[str, str]]] = {}
        self._added: dict[str, dict[str, dict[str, str]]] = {}

    def get(self, path: str, blob: str) -> dict[str, str] | None:
        """Return what is remembered of ``blob`` met at ``path``, or ``None``."""
        if path not in self._read:
            self._read[path] = read_pack(self.base, path)
        return self._read[path].get(blob)

    def add(self, path: str, blob: str, nodes: dict[str, str]) -> None:
        """Remember ``nodes`` for ``blob`` met at ``path`` (written by :meth:`flush`)."""
        self._read.setdefault(path, {})[blob] = nodes
        self._added.setdefault(path, {})[blob] = nodes

    def flush(self, *, tip: tuple[str, dict[str, list[str]]] | None = None) -> None:
        """Write every pack that gained entries (and the ``(commit, {path: node ids})`` tip, if given);
        ids or paths that cannot be written on one line are left out, and a full folder is emptied first."""
        added = {path: {blob: nodes for blob, nodes in entries.items() if _plain(blob, *nodes)}
                 for path, entries in self._added.items() if _plain(path)}
        self._added = {}
        if not any(added.values()) and tip is None:
            return
        self._bound()
        for path, entries in added.items():
            if entries:
                old = read_pack(self.base, path)
                body = _pack_lines({**old, **entries})
                if len(body) > MAX_BYTES // 2:  # grown too large: what this process met, nothing older
                    body = _pack_lines(entries)
                _write(os.path.join(self.base, PACKS, _pack_name(path)), f"{HEADER} {FORMAT} pack {path}", body)
        if tip is not None and _plain(tip[0], *tip[1], *(n for nodes in tip[1].values() for n in nodes)):
            body = "".join("\0".join([path, *nodes]) + "\n" for path, nodes in tip[1].items())
            _write(os.path.join(self.base, TIP), f"{HEADER} {FORMAT} tip {tip[0]}", body)

    def _bound(self) -> None:
        import shutil

        parent = os.path.dirname(self.base)
        try:
            for other in os.listdir(parent) if os.path.isdir(parent) else ():
                if os.path.join(parent, other) != self.base:  # entries of other code: never read again
                    shutil.rmtree(os.path.join(parent, other), ignore_errors=True)
            packs = os.path.join(self.base, PACKS)
            if os.path.isdir(packs) and len(os.listdir(packs)) >= MAX_PACKS:
                shutil.rmtree(packs, ignore_errors=True)
        except OSError:
            return


def _plain(*texts: str) -> bool:
    """Return whether every text can be written inside one line of a pack or tip."""
    return not any("\n" in t or "\0" in t for t in texts)
