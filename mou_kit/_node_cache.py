"""What history remembers of each article blob, on disk in the git directory: per node id, a digest of its data.

History compares one node across the blobs of its article file; parsing a blob's YAML costs ~1.5 ms,
reading what was remembered of it ~30 µs. A blob id names its content, so an entry never goes stale;
what history makes of the content depends on the code, so entries live under a folder named by
:func:`mou_kit._code.code_key` (``<gitdir>/mou/nodes/<key>/<2 hex>/<38 hex>``). Each file is written
whole (a temporary file, then a rename), names its blob in its first line and ends with ``end``: a
torn, foreign or damaged file reads as absent and is written again. Standard library only: the
``mou log --clause`` start-up path reads it before typer loads (ADR 0088).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs ~7 ms at start-up; the annotations are never evaluated
    from typing import Any

FOLDER = os.path.join("mou", "nodes")
LISTING = "tip"
"""The article files of the last branch tip the start-up path read (saves it a ``git ls-tree``)."""
ZERO = "0" * 40
"""The blob id git prints for a file that is absent on one side of a change."""
FORMAT = 1
"""Raise when what an entry holds, or how a digest is made, changes."""
HEADER = "mou-nodes"
MAX_BYTES = 1 << 20
"""An entry larger than this is neither read nor written (an article's is a few kilobytes)."""
MAX_ENTRIES = 16_384
"""When a folder holds this many entries (~4 KB each on disk), it is emptied before the next is written."""


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


def read_listing(base: str, commit: str) -> str | None:
    """Return the listing remembered for ``commit`` by :func:`write_listing`, or ``None``."""
    try:
        with open(os.path.join(base, LISTING), "rb") as file:
            raw = file.read(MAX_BYTES + 1)
        head, _, rest = raw.decode("utf-8", "surrogatepass").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(raw) > MAX_BYTES or head != f"{HEADER} {FORMAT} {commit}" or not rest.endswith("\nend\n"):
        return None
    return rest[:-5]


def write_listing(base: str, commit: str, listing: str) -> None:
    """Remember one text (a tree listing) for the commit ``commit``, in place of the one before; failures ignored."""
    raw = f"{HEADER} {FORMAT} {commit}\n{listing}\nend\n".encode("utf-8", "surrogatepass")
    if len(raw) <= MAX_BYTES:
        _write(base, LISTING, raw)


def _write(base: str, name: str, raw: bytes, *, made: set[str] | None = None) -> None:
    """Write ``raw`` as ``base/name`` whole (a temporary file, then a rename); any failure is ignored.

    ``made`` holds the folders this process already made, so a thousand entries cost no thousand ``mkdir``.
    """
    try:
        target = os.path.join(base, name)
        folder = os.path.dirname(target)
        if made is None or folder not in made:
            os.makedirs(folder, exist_ok=True)
            if made is not None:
                made.add(folder)
        temporary = f"{target}.{os.getpid()}.tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, raw)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except OSError:
        return


def read(base: str, blob: str) -> dict[str, str] | None:
    """Return what is remembered of ``blob`` in the folder ``base``, or ``None`` (absent, damaged, foreign)."""
    try:
        with open(os.path.join(base, blob[:2], blob[2:]), "rb") as file:
            raw = file.read(MAX_BYTES + 1)
        lines = raw.decode("utf-8", "surrogatepass").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(raw) > MAX_BYTES or lines[0] != f"{HEADER} {FORMAT} {blob}" or lines[-2:] != ["end", ""]:
        return None
    found: dict[str, str] = {}
    for line in lines[1:-2]:
        digest, tab, node = line.partition("\t")
        if not tab or not digest:
            return None
        found[node] = digest
    return found


class Writer:
    """Writes entries into one folder, keeping it bounded: the first write of a process counts the
    entries, and a full folder (or one left by other code) is emptied first."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._checked = False
        self._made: set[str] = set()

    def write(self, blob: str, digests: dict[str, str]) -> None:
        """Remember ``digests`` for ``blob``; ids that cannot be written on one line, or any failure, leave it out."""
        if len(blob) < 4 or any(c not in "0123456789abcdef" for c in blob) or any("\n" in n for n in digests):
            return
        data = "".join([f"{HEADER} {FORMAT} {blob}\n", *(f"{d}\t{n}\n" for n, d in digests.items()), "end\n"])
        raw = data.encode("utf-8", "surrogatepass")
        if len(raw) > MAX_BYTES:
            return
        try:
            self._bound()
        except OSError:
            return
        _write(self.base, os.path.join(blob[:2], blob[2:]), raw, made=self._made)

    def _bound(self) -> None:
        if self._checked:
            return
        self._checked = True
        import shutil

        parent = os.path.dirname(self.base)
        for other in os.listdir(parent) if os.path.isdir(parent) else ():
            if os.path.join(parent, other) != self.base:  # entries of other code: never read again
                shutil.rmtree(os.path.join(parent, other), ignore_errors=True)
        count = 0
        for sub in os.listdir(self.base) if os.path.isdir(self.base) else ():
            path = os.path.join(self.base, sub)
            count += len(os.listdir(path)) if os.path.isdir(path) else 0
        if count >= MAX_ENTRIES:
            shutil.rmtree(self.base, ignore_errors=True)
