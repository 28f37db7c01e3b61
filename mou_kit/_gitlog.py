"""``git log`` as mou_kit reads it: the format asked for, the records and raw changes it prints, the trailers.

One reader for both the workspace's backends and the ``mou log --clause`` start-up path (ADR 0088),
which answers before typer, pydantic or pygit2 load: standard library only, no ``re`` needed.
"""

from __future__ import annotations

from collections.abc import Iterator

LOG_FORMAT = "--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B%x1f"
"""One record per commit: id, parents, author name and email, strict ISO date, message, then its raw changes."""
RAW_OPTIONS = ("--raw", "-c", "--no-abbrev")
"""With a path: the blobs each commit changed it from (one per parent, ``-c`` for merges) and to."""
TRAILER_KEYS = {"proposed-by": "proposed_by", "meeting": "meeting", "stage": "stage"}
"""The commit trailers mou_kit writes and reads, by lower-case key."""

ZERO_SHA = "0" * 40
"""The id git prints for a side of a change where the file is absent."""
Change = tuple[str, tuple[str, ...], str]
"""``(path, old blob ids (one per parent), new blob id)``; :data:`ZERO_SHA` means absent."""


def log_args(rev: str, paths: tuple[str, ...] | list[str], *, max_count: int | None = None,
             until: str | None = None) -> list[str]:
    """Return the arguments of ``git log`` that :func:`records` reads (raw changes when ``paths`` are given)."""
    args = ["log", LOG_FORMAT, "-z"]
    if max_count is not None:
        args.append(f"--max-count={max_count}")
    if until:
        args.append(f"--until={until}")
    if paths:
        args += RAW_OPTIONS
    return [*args, "--end-of-options", rev, "--", *paths]


Record = tuple[str, str, str, str, str, str, str]
"""``(sha, parents, author, email, ISO date, message, raw changes)`` of one commit."""


def records(out: str) -> Iterator[Record]:
    """Yield the record of each commit ``git log`` printed."""
    for chunk in out.split("\x1e")[1:]:
        sha, parents, name, email, date, body, rest = chunk.split("\x1f", 6)
        yield sha, parents, name, email, date, body, rest


def streamed(chunks: Iterator[bytes]) -> Iterator[Record]:
    """Yield the record of each commit as soon as ``git log``'s output ``chunks`` hold all of it (the next
    record has begun, or the output ended): a reader that stops early has not waited for the rest."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")  # as run_git decodes the whole
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk)
        cut = pending.rfind("\x1e")
        if cut > 0:
            yield from records(pending[:cut])
            pending = pending[cut:]
    yield from records(pending + decoder.decode(b"", final=True))


def raw_changes(rest: str) -> tuple[Change, ...]:
    """Return the changes of one commit's ``--raw -c -z`` lines."""
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


def parse_trailers(message: str) -> tuple[str, dict[str, str]]:
    """Return the message without its last paragraph of known trailers, and those trailers by field name."""
    text = message.rstrip("\n")
    head, sep, last = text.rpartition("\n\n")
    found: dict[str, str] = {}
    for line in last.splitlines():
        key, colon, value = line.partition(":")
        field = TRAILER_KEYS.get(key.strip().lower())
        if not colon or field is None:
            if colon and "-" in key.strip() and " " not in key.strip():
                continue  # another tool's trailer (Signed-off-by): keep reading ours
            return text, {}
        found[field] = value.strip()
    if not sep:
        return (text, found) if not found else ("", found)
    return head, found
