"""The portfolio as the server shows it: each repository's status read again only when its refs changed.

A status depends on the branch's revisions, the meeting tags and a merge in progress; all of them
live in files under the git directory whose size, time and inode change with every write (git
and mou_kit replace ref files, never edit them in place). The memory is only a shortcut in front
of each repository's own status cache (``.git/mou/status.json``, ADR 0082): a restarted server
reads those small files again and shows the same.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

from ..workflow import Status, agreement_status, portfolio
from ..workflow.portfolio import Unreadable
from ..workflow.status import status_files

Key = tuple[dt.date, tuple[tuple[str, int, int, int], ...]]


def _stamp(path: Path) -> tuple[str, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return str(path), st.st_mtime_ns, st.st_size, st.st_ino


def refs_key(folder: Path) -> tuple[tuple[str, int, int, int], ...] | None:
    """Return what changes whenever the repository at ``folder`` gets a revision, tag, branch or merge state.

    ``None`` for a plain folder (no git directory of its own): it is read every time.
    """
    files = status_files(folder)
    if files is None:
        return None
    stamps = [_stamp(f) for f in files]
    return tuple(s for s in stamps if s is not None)


class Statuses:
    """The portfolio of a root, remembering each repository's status until its refs change."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._known: dict[Path, tuple[Key, Status]] = {}
        self._lock = threading.Lock()

    def read(self, folder: Path, today: dt.date) -> Status:
        """Return the status of ``folder`` on ``today``, from memory when nothing in its repository changed."""
        refs = refs_key(folder)
        if refs is None:
            return agreement_status(folder, today=today)
        key = (today, refs)
        with self._lock:
            known = self._known.get(folder)
        if known is not None and known[0] == key:
            return known[1]
        found = agreement_status(folder, today=today)
        with self._lock:
            self._known[folder] = (key, found)
        return found

    def warm(self) -> None:
        """Start reading every status on a background thread (a server's start-up; failures wait for the page)."""
        def scan() -> None:
            try:
                self(dt.date.today())
            except Exception:  # the portfolio page will say what is wrong
                return

        threading.Thread(target=scan, name="mou-serve-warm", daemon=True).start()

    def __call__(self, today: dt.date) -> tuple[list[Status], list[Unreadable]]:
        """Return every agreement's status, most urgent first, and the folders that could not be read."""
        return portfolio(self.root, today=today, reader=self.read)
