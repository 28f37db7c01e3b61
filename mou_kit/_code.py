"""What the running mou_kit is: its version, its package files, Python and the installed distributions.

Answers remembered on disk (``mou validate``'s success, a repository's status) are keyed by
:func:`code_key`, so a new version, an edited checkout or an upgraded dependency never reads an
answer older code gave. Standard library only: ``mou validate`` reads it before typer loads.
"""

from __future__ import annotations

import functools
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs ~7 ms at start-up; the annotations are never evaluated
    from typing import Any


def digest(data: bytes = b"") -> Any:
    """Return a 32-byte BLAKE2b hash of ``data`` (``update`` adds more): from ``_blake2`` where the build has
    it, which loads in microseconds where ``hashlib`` first loads OpenSSL (~3 ms of a start-up path)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without the module
        from hashlib import blake2b
    return blake2b(data, digest_size=32)


@functools.cache
def _installed() -> str:
    """Return the package files (size and time), Python and the installed distributions, read once per process."""
    hashed = digest(f"{sys.version}\0{sys.executable}\0".encode())
    package = os.path.dirname(os.path.abspath(__file__))
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            stat = os.stat(path)
            hashed.update(f"{path[len(package) + 1:]}\0{stat.st_size}\0"  # the path inside the package
                          f"{stat.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
    for entry in sys.path:  # a dist-info folder's name carries its version: an upgrade changes the key
        if os.path.basename(entry) in ("site-packages", "dist-packages") and os.path.isdir(entry):
            hashed.update("\0".join(sorted(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info",
                                                                                      ".pth"))))
                          .encode("utf-8", "surrogateescape"))
    return hashed.hexdigest()  # type: ignore[no-any-return]


def code_key() -> str:
    """Return mou_kit's version, :func:`_installed` and the ``MOU*`` environment variables as one string."""
    version = getattr(sys.modules[__package__ or "mou_kit"], "__version__", "")
    mou_env = "\0".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("MOU"))
    return f"{version}\0{_installed()}\0{mou_env}"
