"""What a negotiation meeting records: when, where, who, the agenda and what was decided per clause."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from ._day import Day
from .ids import Slug
from .record import Record
from .text import Text

DecisionResult = Literal["agreed", "agreed-with-changes", "not-agreed", "pending", "deleted", "reformulated"]
"""The result of a decision about a clause, as stored (the DIM prints disepakati, tidak disepakati ...)."""
DecisionAspect = Literal["substance", "wording"]
"""What a decision settles: the substance, or only the wording (redaksional)."""

RESULT_WORDS: dict[str, DecisionResult] = {
    "disepakati": "agreed", "agreed": "agreed",
    "disepakati-dengan-perubahan": "agreed-with-changes", "agreed-with-changes": "agreed-with-changes",
    "tidak-disepakati": "not-agreed", "not-agreed": "not-agreed", "ditolak": "not-agreed",
    "pending": "pending", "ditunda": "pending",
    "dihapus": "deleted", "deleted": "deleted",
    "dirumuskan-kembali": "reformulated", "dirumuskan-ulang": "reformulated", "reformulated": "reformulated",
}
"""What a secretariat writes for a result (Indonesian or English, spaces as hyphens) -> the stored value."""

ASPECT_WORDS: dict[str, DecisionAspect] = {
    "substansi": "substance", "substance": "substance", "redaksional": "wording", "wording": "wording",
}
"""What a secretariat writes for the aspect a decision settles -> the stored value."""


class Attendee(Record):
    """A person at a meeting, with the institution and the role they came in."""

    name: str
    institution: str
    role: str | None = None
    party: Slug | None = Field(default=None, description="The party id the attendee speaks for, if any.")


class Decision(Record):
    """One outcome of a meeting, optionally about one node of the agreement (a row of the DIM)."""

    text: str
    node: Slug | None = Field(default=None, description="The article, clause or point it concerns.")
    result: DecisionResult | None = None
    aspect: DecisionAspect | None = Field(
        default=None, description="Whether the decision settles substance or only wording (redaksional).")
    response: str | None = Field(
        default=None, description="The response (Tanggapan) the other parties gave to the proposals.")


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

    def decided(self) -> dict[str, Decision]:
        """Return node id -> the meeting's last decision about that node."""
        return {d.node: d for d in self.decisions if d.node is not None}


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _names(values: Iterable[Text | None]) -> list[str]:
    out: list[str] = []
    for value in values:
        if isinstance(value, str):
            out.append(_words(value))
        elif isinstance(value, dict):
            out.extend(_words(v) for v in value.values())
    return [n for n in out if n]


def party_of_institution(institution: str, parties: Iterable[tuple[str, Iterable[Text | None]]]) -> str | None:
    """Return the id of the one party whose name or short name the institution names, else ``None``.

    "Biro Operasi Polda Kalbar" names the party whose short name is "Polda Kalbar"; an
    institution naming no party, or more than one, is left unmatched rather than guessed.
    """
    said = f" {_words(institution)} "
    found = {pid for pid, names in parties
             if any(f" {n} " in said or said.strip() == n for n in _names(names))}
    return found.pop() if len(found) == 1 else None


def match_attendees(meeting: Meeting, parties: Iterable[tuple[str, Iterable[Text | None]]]) -> Meeting:
    """Return ``meeting`` with each attendee (and the chair) lacking a party matched to one by institution.

    ``parties`` gives each party id with its names (full and short, any language).
    """
    known = list(parties)

    def matched(person: Attendee | None) -> Attendee | None:
        if person is None or person.party is not None:
            return person
        party = party_of_institution(person.institution, known)
        return person if party is None else person.model_copy(update={"party": party})

    return meeting.model_copy(update={"chair": matched(meeting.chair),
                                      "attendees": [matched(a) for a in meeting.attendees]})


_DECISION = re.compile(r"^\s*(?P<node>[a-z0-9][a-z0-9-]*)\s*=\s*(?P<result>[A-Za-z -]+?)"
                       r"(?:\s*/\s*(?P<aspect>[A-Za-z]+))?\s*(?::\s*(?P<text>.*))?$", re.DOTALL)


def decision_from(text: str, *, responses: dict[str, str] | None = None) -> Decision:
    """Return the decision written as ``NODE=RESULT[/ASPECT]:TEXT`` (or plain ``TEXT``, about no node).

    RESULT is Indonesian or English: disepakati, tidak-disepakati, dirumuskan-kembali, pending,
    dihapus (agreed, not-agreed, reformulated ...); ASPECT is substansi or redaksional.
    ``responses`` (node -> text) adds the Tanggapan for the node.

    :raises ValueError: ``NODE=`` is given but the result or the aspect is not one the DIM knows.
    """
    found = _DECISION.match(text)
    if found is None:
        return Decision(text=text.strip())
    result_word = found["result"].strip().lower().replace(" ", "-")
    result = RESULT_WORDS.get(result_word)
    if result is None:
        raise ValueError(f"{found['result'].strip()!r} is not a result; write one of "
                         + ", ".join(sorted({k for k in RESULT_WORDS if "-" in k or k.isalpha()})))
    aspect = None
    if found["aspect"]:
        aspect = ASPECT_WORDS.get(found["aspect"].lower())
        if aspect is None:
            raise ValueError(f"{found['aspect']!r} is not an aspect; write substansi or redaksional")
    node = found["node"]
    body = (found["text"] or "").strip().strip('"').strip()
    return Decision(text=body, node=node, result=result, aspect=aspect, response=(responses or {}).get(node))
