"""How a meeting is recorded from the command line's pieces or from a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import Problem, ValidationFailed
from ..model import Attendee, Decision, Meeting
from .revision import Revision
from .workspace import Workspace, validated


def attendee_from(text: str) -> Attendee:
    """Return the attendee written as ``"Name|Institution|Role"`` (role optional).

    :raises ValidationFailed: the name or institution is missing.
    """
    name, _, rest = text.partition("|")
    institution, _, role = rest.partition("|")
    if not name.strip() or not institution.strip():
        raise ValidationFailed([Problem("invalid-value", f"attendee {text!r} needs a name and an institution",
                                        hint='write it as "Name|Institution|Role"')])
    return Attendee(name=name.strip(), institution=institution.strip(), role=role.strip() or None)


def meeting_from_options(meeting_id: str, date: dt.date, place: str, *, title: str | None, chair: str | None,
                         attendees: list[str], agenda: list[str], decisions: list[str],
                         outcome: str | None) -> Meeting:
    """Return the meeting described by the options of ``mou meeting add``.

    :raises ValidationFailed: an attendee or the id is malformed.
    """
    data = {"id": meeting_id, "date": date, "place": place, "title": title,
            "chair": attendee_from(chair) if chair else None,
            "attendees": [attendee_from(a) for a in attendees], "agenda": agenda,
            "decisions": [Decision(text=d) for d in decisions], "outcome": outcome}
    return validated(Meeting, {k: v for k, v in data.items() if v not in (None, [])})


def record_meeting(ws: Workspace, meeting: Meeting | None, *, source: Path | None = None) -> Revision:
    """Return the revision recording ``meeting`` (or the one in ``source``) with the draft in the folder.

    :raises ValidationFailed: the meeting file or the agreement breaks a rule.
    :raises WorkspaceError: the meeting is already recorded.
    """
    if meeting is None:
        assert source is not None
        from ..files import parse_meetings
        from ..files.yaml_read import YamlProblem, parse_yaml

        data = source.read_bytes()
        try:
            raw = parse_yaml(data, str(source))
        except YamlProblem as e:
            raise ValidationFailed([e.problem]) from None
        stem = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else source.stem
        meeting = parse_meetings({f"meetings/{stem}.yaml": data})[0]
    return ws.add_meeting(meeting, from_folder=True)
