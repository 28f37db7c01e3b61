"""How a commit records a revision: its trailers, and the blame entry that names one (``Revision`` itself
lives in :mod:`mou_kit.model.revision`)."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict

from .._gitlog import TRAILER_KEYS as TRAILER_KEYS, parse_trailers as parse_trailers
from ..model.record import Record
from ..model.revision import Revision as Revision


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


def revision_of(sha: str, *, parents: tuple[str, ...], author: str, date: dt.datetime, message: str) -> Revision:
    """Return the :class:`Revision` of a commit read from the backend."""
    text, trailers = parse_trailers(message)
    return Revision(id=sha, short_id=sha[:10], date=date, author=author, message=text, parents=parents,
                    **trailers)
