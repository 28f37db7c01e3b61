"""A remembered ``mou validate`` success, answered without importing pydantic (ADR 0086).

``mou validate`` of an unchanged folder gives the same answer every time, but checking costs
~200 ms of imports (pydantic and the models alone ~170 ms) against ~10 ms for Python to start.
After a success the command stores its output under ``.mou/cache/`` (git-ignored by a
``.gitignore`` inside it), keyed by a digest of everything the answer depends on: the content of
every file in the folder (``.git`` and the cache aside) and whether ``.git`` exists; mou_kit's
version and the size and time of every file of the installed package; the Python version and the
names (with versions) of the installed distributions; and the ``MOU*`` environment variables.
Only successes of agreements whose text is not frozen are stored (a frozen text is compared with
git history, which the key does not cover), so any change to anything the check reads gives a
new key and a full check. This module imports only the standard library.
"""

from __future__ import annotations

import os
import sys

CACHE_DIR = os.path.join(".mou", "cache")
CACHE_FILE = "validate.json"
_SKIP = {".git", CACHE_DIR}


def _folder_digest(root: str, digest: object) -> bool:
    """Feed every file under ``root`` (path and content) to ``digest``; ``False`` where one cannot be read."""
    update = digest.update  # type: ignore[attr-defined]
    stack = [""]
    while stack:
        rel = stack.pop()
        try:
            entries = sorted(os.scandir(os.path.join(root, rel)), key=lambda e: e.name)
        except OSError:
            return False
        for entry in entries:
            name = os.path.join(rel, entry.name)
            if name in _SKIP:
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(name)
                continue
            # a link, pipe, socket or device is refused by the check (ADR 0056): always check those again
            if not entry.is_file(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_nlink > 1:
                return False
            try:
                with open(entry.path, "rb") as file:
                    data = file.read()
            except OSError:
                return False
            update(b"F%d:%s\0%d:" % (len(name), name.encode("utf-8", "surrogateescape"), len(data)))
            update(data)
    update(b"git:%d" % os.path.exists(os.path.join(root, ".git")))
    return True


def key(root: str) -> str | None:
    """Return the digest of everything ``mou validate`` of ``root`` depends on, ``None`` if a file is unreadable."""
    import hashlib

    digest = hashlib.sha256()
    if not _folder_digest(root, digest):
        return None
    from ._code import code_key

    digest.update(code_key().encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def store(root: str, before: str | None, text: str, json_text: str) -> None:
    """Remember a success of ``root`` as its plain ``text`` and ``--json`` document, if the folder
    still has the key ``before`` it had when the check began; a folder that cannot be written to is
    left alone."""
    import json

    if before is None or key(root) != before:
        return  # changed while it was checked (or unreadable): nothing to remember
    folder = os.path.join(root, CACHE_DIR)
    try:
        os.makedirs(folder, exist_ok=True)
        ignore = os.path.join(folder, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w", encoding="utf-8") as file:
                file.write("# written by mou validate; safe to delete\n*\n")
    except OSError:
        return
    from pathlib import Path

    from ._io import remember_file  # here: the check already ran, so its imports are paid

    remember_file(Path(folder, CACHE_FILE), json.dumps({"key": before, "text": text, "json": json_text}).encode())


def _plain_terminal() -> bool | None:
    """Return whether stdout wants plain text (``True``), colour as rich gives it (``False``), or ``None``
    when rich's choice depends on more than this module reads."""
    if os.name != "posix" or any(k in os.environ for k in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")):
        return None
    if not sys.stdout.isatty():
        return True
    return "NO_COLOR" in os.environ or os.environ.get("TERM", "") in ("", "dumb", "unknown")


def answer(args: list[str]) -> bool:
    """Print the remembered answer of ``mou validate [-C DIR] [--json]`` if the folder is unchanged;
    return whether it did (``False``: run the full check)."""
    import json

    root, as_json, rest = ".", False, list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--json":
            as_json = True
        elif arg in ("-C", "--directory") and rest:
            root = rest.pop(0)
        elif arg.startswith("--directory="):
            root = arg.partition("=")[2]
        else:
            return False
    plain = _plain_terminal()
    if plain is None or not os.path.isdir(root):
        return False
    try:
        with open(os.path.join(root, CACHE_DIR, CACHE_FILE), encoding="utf-8") as file:
            stored = json.load(file)
    except (OSError, ValueError):
        return False
    if not isinstance(stored, dict) or stored.get("key") != key(root):
        return False
    text, json_text = stored.get("text"), stored.get("json")
    if not isinstance(text, str) or not isinstance(json_text, str):
        return False
    if as_json:
        sys.stdout.write(json_text)
    else:
        sys.stdout.write(("ok" if plain else "\x1b[32mok\x1b[0m") + text + "\n")
    return True
