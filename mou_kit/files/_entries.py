"""Which entries of an agreement folder are read: plain files and folders only, never followed links.

A symbolic link would let an agreement show, render and commit files from outside its folder; a
FIFO named ``articles/x.yaml`` would make every command wait forever; a device is no part of an
agreement either. Each is refused with one line. In an agreement repository (a folder with
``.git``) a hard link is refused too, since its data, shared with a name elsewhere, would be
recorded in the history; a plain folder is read as it is, because pip and uv install package data
(the examples) as hard links to their cache.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import Problem, ValidationFailed

_KINDS = {stat.S_IFLNK: "a symbolic link", stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket",
          stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}


def refusal(mode: int, links: int = 1) -> str | None:
    """Return why an entry with ``os.lstat`` ``mode`` (and hard-link count) is not a plain file, or ``None``."""
    kind = stat.S_IFMT(mode)
    if kind != stat.S_IFREG:
        return f"is {_KINDS.get(kind, 'not a plain file')}, not a plain file"
    if links > 1:
        return f"is a hard link ({links} names share its data), not a file of its own"
    return None


def check_folder(root: Path, rel: str) -> None:
    """Raise when the folder ``root/rel`` exists but is a link or not a folder.

    :raises ValidationFailed: one problem naming the folder.
    """
    try:
        info = os.lstat(root / rel)
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "a file")
        raise ValidationFailed([Problem(
            "file-unreadable", f"folder is {kind}, not a folder of the agreement", file=rel + "/",
            hint=f"replace it by a real folder holding the files (a link would reach outside {root})")])


def read_plain(path: Path, limit: int, *, hard_links: bool = False) -> bytes | int | str:
    """Return the bytes of the plain file ``path``; its size when over ``limit``; why it was refused.

    ``hard_links`` accepts a file that shares its data with another name (fine for a file read
    on its own, such as an answers file; not for a file inside an agreement folder).

    The file is opened without following links and without waiting on a pipe, then checked
    again on the open descriptor, so nothing swapped in between is read.
    """
    try:
        info = os.lstat(path)
    except OSError as e:
        return f"cannot be read ({e.strerror})"
    links = 1 if hard_links else info.st_nlink
    reason = refusal(info.st_mode, links)
    if reason is not None:
        return reason
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        return f"cannot be read ({e.strerror})"
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        reason = refusal(opened.st_mode, 1 if hard_links else opened.st_nlink)
        if reason is not None or (opened.st_ino, opened.st_dev) != (info.st_ino, info.st_dev):
            return reason or "changed while it was read"
        if opened.st_size > limit:
            return opened.st_size
        data = handle.read(limit + 1)
    return len(data) if len(data) > limit else data


def listing(root: Path, folder: str, limit: int) -> list[str]:
    """Return the ``*.yaml`` entries of ``root/folder`` as relative paths, sorted, at most ``limit + 1``.

    :raises ValidationFailed: the folder is a link or not a folder.
    """
    check_folder(root, folder)
    base = root / folder
    if not base.is_dir():
        return []
    names = sorted(entry.name for entry in os.scandir(base) if entry.name.endswith(".yaml"))
    return [f"{folder}/{n}" for n in names[: limit + 1]]
