"""What each cell of the DIM says, in runs with a mark, shared by its HTML and DOCX forms.

A run's mark is "" (plain), "ins" (inserted words), "del" (deleted words), "em" (a note such as
"tetap"), "b" (bold: a Pasal heading, a result) or "small" (a credit line).
"""

from __future__ import annotations

import datetime as dt

from ...diff import OpKind, word_ops
from ...diff.change import NodeType
from ...diff.dim import Dim, DimProposal, DimRow
from ...model import Meeting
from ._diff_words import dim_words, results

Run = tuple[str, str]
Cell = list[Run]

def words(lang: str) -> dict[str, str]:
    """Return the DIM's words in ``lang`` (English for a language without its own)."""
    return dim_words(lang)


def headings(dim: Dim) -> list[str]:
    """Return the column headings: number, place, old wording, one per party, response, agreed, remarks."""
    w = words(dim.lang)
    return [w["number"], w["place"], w["old"], *(w["proposal"].format(party=p.label) for p in dim.parties),
            w["response"], w["agreed"], w["note"]]


def title_lines(dim: Dim) -> list[str]:
    """Return the formal title: DIM, the draft's kind, its parties (ANTARA … DENGAN … DAN …), TENTANG, title."""
    from ...model.locale import locale_for

    loc, w = locale_for(dim.lang), words(dim.lang)
    lines = [w["heading"], f"{w['draft']} {dim.kind}"]
    for i, party in enumerate(dim.parties):
        lines += [loc.title["between"] if i == 0 else loc.title["with"] if i == 1 else loc.title["and"],
                  party.name.upper()]
    return [*lines, loc.title["about"], dim.title.upper()]


def meeting_line(meeting: Meeting | None, lang: str) -> str:
    """Return "Rapat pembahasan …, Selasa, 18 Juli 2023, Ruang Rapat …, Pontianak", or ""."""
    if meeting is None:
        return ""
    from ...model.words import long_date, weekday_name

    title = meeting.title or words(lang)["meeting"]
    return f"{title}, {weekday_name(meeting.date, lang)}, {long_date(meeting.date, lang)}, {meeting.place}"


def attendance(dim: Dim) -> str:
    """Return who attended, grouped by the party each speaks for: "Polda Kalbar: A (pimpinan rapat), B; …"."""
    meeting = dim.meeting
    if meeting is None:
        return ""
    w = words(dim.lang)
    groups: dict[str, list[str]] = {}
    people = [(meeting.chair, True)] if meeting.chair else []
    people += [(a, False) for a in meeting.attendees]
    labels = {p.id: p.label for p in dim.parties}
    for person, chairs in people:
        assert person is not None
        key = labels.get(person.party or "", w["others"])
        name = person.name if person.party else f"{person.name} ({person.institution})"
        groups.setdefault(key, []).append(f"{name} ({w['chair']})" if chairs else name)
    order = [p.label for p in dim.parties if p.label in groups] + ([w["others"]] if w["others"] in groups else [])
    return f"{w['attendees']}: " + "; ".join(f"{k}: {', '.join(groups[k])}" for k in order) + "."


def _marked(old: str | None, new: str) -> Cell:
    if old is None:
        return [(new, "ins")]
    out: Cell = []
    for op in word_ops(old, new):
        out.append((op.text, "" if op.op == OpKind.EQUAL else "ins" if op.op == OpKind.INSERT else "del"))
    return out


def _proposal(row: DimRow, cell: DimProposal, w: dict[str, str]) -> Cell:
    if not cell.proposed:
        return [(w["same"], "em")]
    out: Cell = [(w["removed"], "em")] if cell.text is None else _marked(row.old, cell.text)
    if cell.outcome is not None:
        out.append((f"\n({w[cell.outcome]})", "em"))
    return out


def _note(row: DimRow, dim: Dim) -> Cell:
    w = words(dim.lang)
    out: Cell = []
    if row.result:
        out.append((results(dim.lang)[row.result], "b"))
    if row.aspect:
        aspect = w[row.aspect]
        out.append((f" ({aspect})" if row.result else aspect, "" if row.result else "em"))
    if row.decision:
        out.append((("\n" if out else "") + row.decision, ""))
    if row.credits:
        names = ", ".join(next((p.label for p in dim.parties if p.id == c), c) for c in row.credits)
        out.append((("\n" if out else "") + w["credit"].format(parties=names), "small"))
    return out


def row_cells(row: DimRow, dim: Dim) -> list[Cell]:
    """Return the cells of one row, in the order of :func:`headings`."""
    w = words(dim.lang)
    place: Cell = [(row.place, "b" if row.node_type == NodeType.ARTICLE else "")]
    if row.context:
        old: Cell = [(row.old or "", "b" if row.node_type == NodeType.ARTICLE else "")]
        same: Cell = [(w["same"], "em")]
        return [[(row.number, "")], place, old, *([same] * len(dim.parties)), [], same, []]
    old = [(row.old, "b" if row.node_type == NodeType.ARTICLE else "")] if row.old is not None else \
        [(w["absent"], "em")]
    if row.agreed is None:
        agreed: Cell = [(w["removed"], "em")]
    elif not row.changed:
        agreed = [(w["same"], "em")]
    else:
        agreed = _marked(row.old, row.agreed)
    return [[(row.number, "")], place, old, *(_proposal(row, c, w) for c in row.proposals),
            [(row.response, "")] if row.response else [], agreed, _note(row, dim)]


def sources_line(dim: Dim) -> str:
    """Return which revisions the two wordings come from, for the note under the table."""
    def name(info: object) -> str:
        rev = getattr(info, "id", None)
        day = getattr(info, "date", None)
        meeting = getattr(info, "meeting", None)
        bits = [b for b in (meeting, rev, day.isoformat() if isinstance(day, dt.date) else None) if b]
        return " ".join(bits) if bits else "-"

    if dim.old_revision is None and dim.new_revision is None:
        return ""
    return words(dim.lang)["sources"].format(old=name(dim.old_revision), new=name(dim.new_revision))
