"""Reading and writing the files a caller names: a path, ``bytes`` or a binary file object in; a path out, safely."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, TypeAlias

from .errors import ErrorCode, MouKitError

Input: TypeAlias = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]
"""A file given as a path, its content, or an open binary file (read from where it stands)."""


def read_input(source: Input, *, name: str | None = None, error: type[MouKitError] = MouKitError,
               limit: int | None = None, what: str = "file") -> tuple[bytes, str]:
    """Return the bytes of ``source`` and the name messages use for it (``name``, else the path or ``<bytes>``).

    A temporary file's random name never needs to reach a message: pass ``name``.

    :raises MouKitError: (of class ``error``) the path does not exist (``file-missing``), is a folder,
        cannot be read, or the object is neither bytes nor a binary file (``file-unreadable``); the
        content is larger than ``limit`` (``file-too-large``).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data, shown = bytes(source), name or "<bytes>"
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        shown = name or str(path)
        data = _read_path(path, shown, error, what)
    elif hasattr(source, "read"):
        shown = name or str(getattr(source, "name", None) or "<stream>")
        try:
            data = source.read() if limit is None else source.read(limit + 1)
        except (OSError, ValueError) as e:
            raise error(f"{shown}: cannot read the {what} ({e})", code="file-unreadable", file=shown) from e
        if not isinstance(data, bytes):
            raise error(f"{shown}: the {what} must be opened in binary mode ('rb')", code="file-unreadable",
                        file=shown)
    else:
        raise error(f"expected a path, bytes or a binary file for the {what}, not {type(source).__name__}",
                    code="file-unreadable", file=name)
    if limit is not None and len(data) > limit:
        raise error(f"{shown}: the {what} is larger than {limit // 1_000_000} MB", code=_too_large(error),
                    file=shown)
    return data, shown


def _too_large(error: type[MouKitError]) -> ErrorCode:
    return "source-too-large" if error.__name__ == "SourceError" else "file-too-large"


def _read_path(path: Path, shown: str, error: type[MouKitError], what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as e:
        raise error(f"{shown}: no such {what}", code="file-missing", file=shown) from e
    except IsADirectoryError as e:
        raise error(f"{shown}: is a folder, not a {what}", code="file-unreadable", file=shown) from e
    except OSError as e:
        raise error(f"{shown}: cannot read the {what} ({e.strerror or e})", code="file-unreadable",
                    file=shown) from e


def write_output(path: str | os.PathLike[str], data: bytes, *, error: type[MouKitError] = MouKitError) -> Path:
    """Write ``data`` to ``path`` whole or not at all (a temporary file beside it, then renamed); return the path.

    :raises MouKitError: (of class ``error``) the folder does not exist (``file-missing``), or
        the file cannot be written (``file-unreadable``).
    """
    if not isinstance(path, str | os.PathLike):
        raise error(f"expected a path to write to, not {type(path).__name__}", code="invalid-value")
    target = Path(path)
    if not target.parent.is_dir():
        raise error(f"{target}: the folder {target.parent} does not exist; create it first", code="file-missing",
                    file=str(target))
    if target.is_dir():
        raise error(f"{target}: is a folder; give a file name", code="file-unreadable", file=str(target))
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    except OSError as e:
        partial.unlink(missing_ok=True)
        raise error(f"{target}: cannot write the file ({e.strerror or e})", code="file-unreadable",
                    file=str(target)) from e
    return target


def remember_file(target: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (a temporary file beside it, then renamed); a failure is ignored.

    For answers kept to save work (in a git directory): a read-only repository or a full disk
    costs the next reader a recomputation, nothing more.
    """
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
