"""``-`` as a file name: standard input for a file a command reads, standard output for one it writes.

The library takes paths or returns bytes; where it needs a path, the stream is spooled through a
temporary file named ``stdin<suffix>`` (so a message about it says where the data came from).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DASH = "-"
"""The file name meaning standard input or standard output."""


def is_dash(path: Path | str | None) -> bool:
    """Return whether ``path`` is ``-`` (a stream, not a file)."""
    return path is not None and str(path) == DASH


def read_bytes(path: Path | str) -> bytes:
    """Return the bytes of the file ``path``, or of standard input for ``-``."""
    if is_dash(path):
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


@contextmanager
def _spooled(name: str, suffix: str) -> Iterator[Path]:
    """Yield a path ``<name><suffix>`` in a temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=f"mou-{name}-") as folder:
        yield Path(folder) / f"{name}{suffix}"


@contextmanager
def input_path(path: Path | str, suffix: str = "") -> Iterator[Path]:
    """Yield a path holding the input ``path``: the file itself, or standard input spooled to a temporary file."""
    if not is_dash(path):
        yield Path(path)
        return
    with _spooled("stdin", suffix) as spooled:
        with spooled.open("wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        yield spooled


@contextmanager
def optional_input_path(path: Path | str | None, suffix: str = "") -> Iterator[Path | None]:
    """Yield :func:`input_path` of ``path``, or ``None`` when no path was given."""
    if path is None:
        yield None
        return
    with input_path(path, suffix) as found:
        yield found


@contextmanager
def output_path(path: Path | str, suffix: str = "") -> Iterator[Path]:
    """Yield a path to write the output ``path`` to: the file itself, or a temporary file copied to stdout."""
    if not is_dash(path):
        yield Path(path)
        return
    with _spooled("stdout", suffix) as spooled:
        yield spooled
        write(DASH, spooled.read_bytes())


def write(path: Path | str, data: bytes | str) -> None:
    """Write ``data`` to the file ``path``, or to standard output for ``-`` (text as UTF-8)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if is_dash(path):
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    Path(path).write_bytes(raw)


def existing(value: Path | None) -> Path | None:
    """Check, as typer's ``exists=True`` would, that the file ``value`` exists, ``-`` always passing.

    (typer's own check compares the converted ``Path`` with ``"-"``, so it refuses ``-``.)
    """
    if value is not None and not is_dash(value) and not Path(value).exists():
        import typer

        raise typer.BadParameter(f"file {str(value)!r} does not exist.")
    return value


def all_existing(values: list[Path] | None) -> list[Path] | None:
    """:func:`existing` for an option given several times."""
    for value in values or []:
        existing(value)
    return values
