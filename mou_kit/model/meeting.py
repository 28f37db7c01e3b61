"""What a negotiation meeting records: when, where, who, the agenda and what was decided."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .day import Day
from .ids import Slug
from .record import Record

DecisionResult = Literal["agreed", "agreed-with-changes", "pending", "deleted", "reformulated"]


class Attendee(Record):
    """A person at a meeting, with the institution and the role they came in."""

    name: str
    institution: str
    role: str | None = None
    party: Slug | None = Field(default=None, description="The party id the attendee speaks for, if any.")


class Decision(Record):
    """One outcome of a meeting, optionally about one node of the agreement."""

    text: str
    node: Slug | None = Field(default=None, description="The article, clause or point it concerns.")
    result: DecisionResult | None = None


class Meeting(Record):
    """A negotiation meeting, stored as ``meetings/<id>.yaml`` beside the draft it settled."""

    id: Slug
    title: str | None = None
    date: Day
    place: str
    chair: Attendee | None = None
    attendees: list[Attendee] = Field(default_factory=list)
    agenda: list[str] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    outcome: str | None = None
