"""What a negotiation meeting records: when, where, who, the agenda and what was decided."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .ids import Slug

DecisionResult = Literal["agreed", "agreed-with-changes", "pending", "deleted", "reformulated"]


class Attendee(BaseModel):
    """A person at a meeting, with the institution and the role they came in."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    institution: str
    role: str | None = None
    party: Slug | None = Field(default=None, description="The party id the attendee speaks for, if any.")


class Decision(BaseModel):
    """One outcome of a meeting, optionally about one node of the agreement."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    text: str
    node: Slug | None = Field(default=None, description="The article, clause or point it concerns.")
    result: DecisionResult | None = None


class Meeting(BaseModel):
    """A negotiation meeting, stored as ``meetings/<id>.yaml`` beside the draft it settled."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: Slug
    title: str | None = None
    date: dt.date
    place: str
    chair: Attendee | None = None
    attendees: list[Attendee] = Field(default_factory=list)
    agenda: list[str] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    outcome: str | None = None
