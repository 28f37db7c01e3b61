"""How a commit records a revision: its trailers, and the blame entry that names one (``Revision`` itself
lives in :mod:`mou_kit.model.revision`)."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict

from ..model.record import Record
from ..model.revision import Revision as Revision

TRAILER_KEYS = {"proposed-by": "proposed_by", "meeting": "meeting", "stage": "stage"}
"""The commit trailers mou_kit writes and reads, by lower-case key."""


class BlameEntry(Record):
    """Which revision last changed one node of the agreement, and the party and meeting behind it."""

    model_config = ConfigDict(frozen=True)

    node: str
    article: str
    revision: Revision


def with_trailers(message: str, *, proposed_by: str | None, meeting: str | None, stage: str | None) -> str:
    """Return ``message`` followed by the ``Proposed-by``/``Meeting``/``Stage`` trailers that are set."""
    body = message.strip()
    trailers = [f"{key}: {value}" for key, value in
                (("Proposed-by", proposed_by), ("Meeting", meeting), ("Stage", stage)) if value]
    if not trailers:
        return body + "\n"
    return f"{body}\n\n" + "\n".join(trailers) + "\n"


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


def revision_of(sha: str, *, parents: tuple[str, ...], author: str, date: dt.datetime, message: str) -> Revision:
    """Return the :class:`Revision` of a commit read from the backend."""
    text, trailers = parse_trailers(message)
    return Revision(id=sha, short_id=sha[:10], date=date, author=author, message=text, parents=parents,
                    **trailers)
