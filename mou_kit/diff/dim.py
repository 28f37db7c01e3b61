"""The secretariat's Daftar Inventarisasi Masalah (DIM): one row per clause, one column per party.

Pure: it takes the old draft (Rumusan Semula), the agreed draft (Rumusan yang Disepakati), each
party's proposals (the agreement at the revision holding them, per node), the credits read from
the history, and the meeting's decisions. DIM numbers are counted on an anchor draft (the first
draft of the history) so that a clause keeps its number from draft to draft; a node the anchor
lacks takes the number of the node before it plus a letter ("12a"), as DIM practice does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from string import ascii_lowercase
from typing import Literal

from ..model import Agreement, Decision, Meeting
from ..model.locale import locale_for
from ..model.meeting import DecisionAspect, DecisionResult
from ._agreement import Side
from .change import NodeType, RevisionInfo

_CONNECTOR = re.compile(r"(?:\s*[;,.:]\s*(?:dan/atau|dan|atau|and/or|and|or)?)+\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DimProposal:
    """One party's cell in a row: its text, or ``None`` for "tetap" (it proposed nothing here)."""

    party: str
    text: str | None = None
    removed: bool = False
    outcome: Literal["taken", "merged", "not-taken"] | None = None
    """"taken": the agreed text is this proposal; "merged": the agreed text was reworded from it (the
    party is credited); "not-taken"; ``None``: nothing proposed, or the decision is pending."""

    @property
    def proposed(self) -> bool:
        """Whether the party proposed anything for this node."""
        return self.text is not None or self.removed


@dataclass(frozen=True, slots=True)
class DimRow:
    """One row of the DIM: a Pasal, ayat or huruf with every party's proposal and the result."""

    number: str
    node: str
    node_type: NodeType
    place: str
    old: str | None
    proposals: tuple[DimProposal, ...]
    agreed: str | None
    changed: bool
    credits: tuple[str, ...] = ()
    result: DecisionResult | None = None
    aspect: DecisionAspect | None = None
    decision: str = ""
    response: str = ""
    context: bool = False
    """A row shown only to place the rows below it (its Pasal or ayat), with nothing proposed."""


@dataclass(frozen=True, slots=True)
class DimParty:
    """A party as the DIM names it: its id, the short name heading its column and its full name."""

    id: str
    label: str
    name: str


@dataclass(frozen=True, slots=True)
class Dim:
    """The whole DIM: what the title block says and the rows, in the agreed draft's reading order."""

    lang: str
    kind: str
    title: str
    parties: tuple[DimParty, ...]
    rows: tuple[DimRow, ...]
    meeting: Meeting | None = None
    old_revision: RevisionInfo | None = None
    new_revision: RevisionInfo | None = None
    wording_only: tuple[str, ...] = field(default=())
    """Places whose only change moves punctuation or a connector ("; dan"), folded out of the table."""


def core(text: str | None) -> str | None:
    """Return ``text`` without its closing punctuation and list connector, to tell wording from substance."""
    if text is None:
        return None
    return " ".join(_CONNECTOR.sub("", text).split())


def build_dim(old: Agreement, new: Agreement, *, lang: str | None = None,
              proposals: Mapping[str, Mapping[str, Agreement]] | None = None,
              credits: Mapping[str, tuple[str, ...]] | None = None,
              decisions: Mapping[str, Decision] | None = None, meeting: Meeting | None = None,
              anchor: Agreement | None = None, old_revision: RevisionInfo | None = None,
              new_revision: RevisionInfo | None = None, unchanged: bool = False) -> Dim:
    """Return the DIM of ``old`` (Rumusan Semula) against ``new`` (Rumusan yang Disepakati).

    ``proposals`` maps party id -> node id -> the agreement at the revision holding that party's
    proposal for the node (the node missing there means the party proposed to remove it).
    ``unchanged`` adds each Pasal nobody touched as one "tetap" row.

    :raises MouKitError: ``lang`` has no form defined.
    """
    lang = lang or new.main_language
    locale_for(lang)
    proposals, credits, decisions = proposals or {}, credits or {}, decisions or {}
    a, b = Side(old, lang), Side(new, lang)
    sides: dict[int, Side] = {}
    for by_node in proposals.values():
        for agreement in by_node.values():
            sides.setdefault(id(agreement), Side(agreement, lang))
    order = _union([b, a, *sides.values()])
    parties = [p.id for p in new.parties] + [p.id for p in old.parties if p.id not in {q.id for q in new.parties}]
    parties += sorted(p for p in proposals if p not in parties)
    body = [n for n in order if _body(n, a, b, sides.values())]
    rows: dict[str, DimRow] = {}
    folded: list[str] = []
    for node in body:
        row = _row(node, a, b, parties, proposals, sides, credits, decisions.get(node))
        if row is None:
            continue
        if _wording_only(row) and node not in decisions:
            folded.append(row.place)
            continue
        rows[node] = row
    shown = _with_context(body, rows, a, b, sides.values(), parties, unchanged)
    numbers = dim_numbers([n.id for n in Side(anchor, lang).nodes] if anchor is not None else
                          [n.id for n in a.nodes], order)
    final = tuple(_numbered(r, numbers) for r in shown)
    return Dim(lang=lang, kind=locale_for(lang).kinds[new.kind]["title"], title=b.pick(new.title),
               parties=tuple(_party(pid, new, old, b) for pid in parties), rows=final, meeting=meeting,
               old_revision=old_revision, new_revision=new_revision, wording_only=tuple(folded))


def _party(pid: str, new: Agreement, old: Agreement, side: Side) -> DimParty:
    party = next((p for p in [*new.parties, *old.parties] if p.id == pid), None)
    if party is None:
        return DimParty(pid, pid, pid)
    return DimParty(pid, side.pick(party.short_name) or side.pick(party.name) or pid, side.pick(party.name))


def _union(sides: list[Side]) -> list[str]:
    """Return every node id of the sides in reading order: the first side's, then each other's after
    the node that precedes it there."""
    order: list[str] = []
    for side in sides:
        ids = [n.id for n in side.nodes]
        for index, node in enumerate(ids):
            if node in order:
                continue
            before = next((p for p in reversed(ids[:index]) if p in order), None)
            order.insert(order.index(before) + 1 if before is not None else 0, node)
    return order


def _body(node: str, *sides: Side | Iterable[Side]) -> bool:
    for side in _flat(sides):
        found = side.by_id.get(node)
        if found is not None:
            return found.type in (NodeType.ARTICLE, NodeType.CLAUSE, NodeType.POINT, NodeType.RECITAL)
    return False


def _flat(sides: tuple[Side | Iterable[Side], ...]) -> list[Side]:
    out: list[Side] = []
    for s in sides:
        out.extend([s] if isinstance(s, Side) else s)
    return out


def _text(side: Side, node: str) -> str | None:
    found = side.by_id.get(node)
    return side.text(found) if found is not None else None


def _place(node: str, a: Side, b: Side, others: Iterable[Side]) -> str:
    for side in (b, a, *others):
        found = side.by_id.get(node)
        if found is not None:
            return side.ref(found)
    return node


def _row(node: str, a: Side, b: Side, parties: list[str], proposals: Mapping[str, Mapping[str, Agreement]],
         sides: Mapping[int, Side], credits: Mapping[str, tuple[str, ...]], decision: Decision | None) -> DimRow | None:
    old_t, new_t = _text(a, node), _text(b, node)
    pending = decision is not None and decision.result == "pending"
    cells = []
    for party in parties:
        source = proposals.get(party, {}).get(node)
        text = _text(sides[id(source)], node) if source is not None else old_t
        if source is None or text == old_t:
            cells.append(DimProposal(party))
            continue
        outcome: Literal["taken", "merged", "not-taken"] | None = (
            None if pending else "taken" if text == new_t else "merged" if party in credits.get(node, ())
            else "not-taken")
        cells.append(DimProposal(party, text, removed=text is None, outcome=outcome))
    changed = old_t != new_t
    if not changed and not any(c.proposed for c in cells) and decision is None:
        return None
    type_ = next(s.by_id[node].type for s in (b, a, *sides.values()) if node in s.by_id)
    aspect = decision.aspect if decision is not None and decision.aspect else _aspect(old_t, new_t, cells)
    return DimRow(
        number="", node=node, node_type=type_, place=_place(node, a, b, sides.values()), old=old_t,
        proposals=tuple(cells), agreed=new_t, changed=changed, credits=tuple(credits.get(node, ())),
        result=decision.result if decision is not None else None, aspect=aspect,
        decision=decision.text if decision is not None else "",
        response=(decision.response or "") if decision is not None else "")


def _aspect(old_t: str | None, new_t: str | None, cells: list[DimProposal]) -> DecisionAspect | None:
    texts = [new_t, *(c.text for c in cells if c.proposed)]
    if old_t != new_t or any(c.proposed for c in cells):
        if old_t is not None and all(t is not None and core(t) == core(old_t) for t in texts):
            return "wording"
        return "substance"
    return None


def _wording_only(row: DimRow) -> bool:
    return row.aspect == "wording"


def _parent_chain(node: str, sides: list[Side]) -> list[str]:
    for side in sides:
        found = side.by_id.get(node)
        if found is not None:
            chain = []
            parent = found.parent
            while parent in side.by_id:
                chain.append(parent)
                parent = side.by_id[parent].parent
            return chain
    return []


def _with_context(body: list[str], rows: dict[str, DimRow], a: Side, b: Side, others: Iterable[Side],
                  parties: list[str], unchanged: bool) -> list[DimRow]:
    """Return the rows with the Pasal and ayat above each changed node as "tetap" context rows."""
    sides = [b, a, *others]
    wanted = set(rows)
    for node in list(rows):
        wanted.update(_parent_chain(node, sides))
    out = []
    for node in body:
        if node in rows:
            out.append(rows[node])
            continue
        found = next((s.by_id[node] for s in sides if node in s.by_id), None)
        if found is None:
            continue
        is_article = found.type == NodeType.ARTICLE
        if node in wanted or (unchanged and is_article):
            text = _text(b, node) if node in wanted else _subtree(b, node) or _text(a, node)
            out.append(DimRow(number="", node=node, node_type=found.type, place=_place(node, a, b, others),
                              old=text, proposals=tuple(DimProposal(p) for p in parties), agreed=text,
                              changed=False, context=True))
    return out


def _subtree(side: Side, node: str) -> str | None:
    found = side.by_id.get(node)
    return side.subtree_text(found) if found is not None else None


def dim_numbers(anchor: list[str], order: list[str]) -> dict[str, str]:
    """Return node id -> DIM number: the anchor's nodes count 1, 2, 3 ...; a node the anchor lacks
    takes the number of the anchored node before it in ``order`` plus a letter (12a, 12b ...)."""
    base = {node: str(i) for i, node in enumerate(anchor, 1)}
    out: dict[str, str] = {}
    last, extra = "0", 0
    for node in order:
        if node in base:
            last, extra = base[node], 0
            out[node] = last
            continue
        extra += 1
        out[node] = last + _letters(extra)
    for node, number in base.items():
        out.setdefault(node, number)
    return out


def _letters(n: int) -> str:
    text = ""
    while n:
        n, rest = divmod(n - 1, 26)
        text = ascii_lowercase[rest] + text
    return text


def _numbered(row: DimRow, numbers: Mapping[str, str]) -> DimRow:
    from dataclasses import replace

    return replace(row, number=numbers.get(row.node, "?"))
