"""What a revision is, in every layer: a dated commit of an agreement (:class:`Revision`, read from git by
the workspace) and the short form a diff, a redline or a rendered document names it by (:class:`RevisionInfo`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import ConfigDict

from ..errors import MouKitError
from .record import Record


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """Which revision one side of a diff is: its name or commit, date, proposing party and meeting."""

    id: str
    date: dt.date | None = None
    proposed_by: str | None = None
    meeting: str | None = None

    @classmethod
    def of(cls, revision: str | Revision | RevisionInfo) -> RevisionInfo:
        """Return the short form of ``revision``: a name (``"v1"``, a commit) as given, a
        :class:`Revision` by :meth:`Revision.info`, a :class:`RevisionInfo` itself."""
        if isinstance(revision, RevisionInfo):
            return revision
        if isinstance(revision, Revision):
            return revision.info()
        if not isinstance(revision, str):
            raise MouKitError(f"a revision is a name, a Revision or a RevisionInfo, not {type(revision).__name__}",
                              code="invalid-value")
        return cls(id=revision)


class Revision(Record):
    """A dated revision of an agreement (one commit); made by the workspace, not by users."""

    model_config = ConfigDict(frozen=True)

    id: str
    short_id: str
    date: dt.datetime
    author: str
    message: str
    parents: tuple[str, ...] = ()
    proposed_by: str | None = None
    meeting: str | None = None
    stage: str | None = None

    def info(self) -> RevisionInfo:
        """Return the short form a diff names this revision by: short id, day, party and meeting."""
        return RevisionInfo(id=self.short_id, date=self.date.date(), proposed_by=self.proposed_by,
                            meeting=self.meeting)

    @property
    def summary(self) -> str:
        """The first line of the message (empty when there is none)."""
        return self.message.split("\n", 1)[0]
