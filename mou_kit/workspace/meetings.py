"""How a meeting is recorded from the command line's pieces or from a file."""

from __future__ import annotations

import datetime as dt
from difflib import get_close_matches
from pathlib import Path

from ..errors import Problem, ValidationFailed
from ..files import load
from ..model import Agreement, Attendee, Decision, Meeting, match_attendees
from ..model.meeting import decision_from
from ._attribution import PROPOSAL_REFS
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


def decisions_from(decisions: list[str], responses: list[str]) -> list[Decision]:
    """Return the decisions written as ``NODE=RESULT[/ASPECT]:TEXT`` (or plain text), with the responses
    written as ``NODE=TEXT`` attached to the decision on that node.

    :raises ValidationFailed: a result, aspect or response is malformed.
    """
    answers: dict[str, str] = {}
    for item in responses:
        node, sep, text = item.partition("=")
        if not sep or not node.strip():
            raise ValidationFailed([Problem("invalid-value", f"response {item!r} names no clause",
                                            hint='write it as NODE="Tanggapan ..."')])
        answers[node.strip()] = text.strip().strip('"')
    out = []
    for item in decisions:
        try:
            out.append(decision_from(item, responses=answers))
        except ValueError as e:
            raise ValidationFailed([Problem("invalid-value", f"decision {item!r}: {e}",
                                            hint='write it as NODE=disepakati:"text"')]) from None
    decided = {d.node for d in out}
    out += [Decision(text="", node=node, response=text) for node, text in answers.items() if node not in decided]
    return out


def meeting_from_options(meeting_id: str, date: dt.date, place: str, *, title: str | None, chair: str | None,
                         attendees: list[str], agenda: list[str], decisions: list[str],
                         outcome: str | None, responses: list[str] | None = None) -> Meeting:
    """Return the meeting described by the options of ``mou meeting add``.

    :raises ValidationFailed: an attendee, a decision or the id is malformed.
    """
    data = {"id": meeting_id, "date": date, "place": place, "title": title,
            "chair": attendee_from(chair) if chair else None,
            "attendees": [attendee_from(a) for a in attendees], "agenda": agenda,
            "decisions": decisions_from(decisions, responses or []), "outcome": outcome}
    given = {k: v for k, v in data.items() if v not in (None, [])}
    return validated(Meeting, given, file=f"meetings/{meeting_id}.yaml")


def record_meeting(ws: Workspace, meeting: Meeting | None, *, source: Path | None = None,
                   from_folder: bool = True) -> Revision:
    """Return the revision recording ``meeting`` (or the one in ``source``) with the draft in the folder,
    or with the branch's last revision (``from_folder=False``, or a workspace opened on a branch that
    is not checked out).

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
    folder = from_folder and ws.storage.work_tree is not None and ws.checked_out
    draft = load(ws.storage.work_tree) if folder and ws.storage.work_tree is not None else ws.read()
    _check_nodes(ws, meeting, draft)
    meeting = match_attendees(meeting, [(p.id, (p.name, p.short_name)) for p in draft.parties])
    return ws.add_meeting(meeting, from_folder=True) if folder else ws.add_meeting(meeting, agreement=draft)


def _check_nodes(ws: Workspace, meeting: Meeting, draft: Agreement) -> None:
    """Refuse a decision about a node that is neither in the draft nor in any party's proposal."""
    from ..model.walk import iter_ids

    known = {node for _, node in iter_ids(draft)}
    for tip in ws.storage.refs(PROPOSAL_REFS):
        known |= {node for _, node in iter_ids(ws.read(tip.removeprefix("refs/heads/")))}
    for i, decision in enumerate(meeting.decisions):
        if decision.node is not None and decision.node not in known:
            close = get_close_matches(decision.node, sorted(known), n=3)
            hint = f"did you mean {', '.join(close)}?" if close else "see the agreement's node ids"
            raise ValidationFailed([Problem("dangling-reference", f"decision about {decision.node!r}: no article, "
                                            "clause or point has that id in the draft or in a proposal",
                                            file=f"meetings/{meeting.id}.yaml", path=f"decisions[{i}].node",
                                            hint=hint)])
