"""How two edits of one agreement combine: a pure three-way merge of plain data, node by node and field by field.

Lists whose items all carry an ``id`` (articles, clauses, points, parties, recitals ...) merge
item by item, and their order merges as a list; mappings merge key by key; any other value
is taken from the side that changed it. A value changed differently on both sides is a
:class:`Conflict` naming the node, with the base, ours and theirs values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from ..errors import WorkspaceError

if TYPE_CHECKING:
    from ..model import Agreement
    from ._snapshot import Snapshots

ORDER: Final = "#order"
"""The last step of a conflict path about the order of a list rather than a value."""


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Final = _Absent()
"""A node or field that does not exist on one side."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """One node changed differently on both sides, with the three values (``None`` = absent)."""

    node: str
    path: tuple[str, ...]
    base: Any
    ours: Any
    theirs: Any

    @property
    def field(self) -> str:
        """The field of the node in conflict, e.g. ``text`` (empty when the whole node is)."""
        steps = list(self.path)
        if self.node in steps:
            steps = steps[len(steps) - steps[::-1].index(self.node):]
        return ".".join(steps)

    def to_dict(self) -> dict[str, Any]:
        """Return the conflict as JSON-ready data."""
        return {"node": self.node, "path": list(self.path), "base": self.base, "ours": self.ours,
                "theirs": self.theirs}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Conflict:
        """Return the conflict written by :meth:`to_dict`."""
        return cls(node=data["node"], path=tuple(data["path"]), base=data["base"], ours=data["ours"],
                   theirs=data["theirs"])


@dataclass(slots=True)
class MergeResult:
    """The merged data (ours where in conflict) and the conflicts, in document order."""

    data: Any
    conflicts: list[Conflict] = field(default_factory=list)


def merge(base: Any, ours: Any, theirs: Any, *, root: str = "agreement") -> MergeResult:
    """Return the three-way merge of ``ours`` and ``theirs`` against their common ``base``.

    Nothing is silently lost: every change made on one side only is in the result, and every
    node changed differently on both sides is reported (and holds ``ours`` in the result).
    """
    conflicts: list[Conflict] = []
    data = _merge(base, ours, theirs, (), root, conflicts)
    return MergeResult(None if data is ABSENT else data, conflicts)


def _shown(value: Any) -> Any:
    return None if value is ABSENT else value


def _merge(b: Any, o: Any, t: Any, path: tuple[str, ...], node: str, out: list[Conflict]) -> Any:
    if o == t and type(o) is type(t):
        return o
    if b == o and type(b) is type(o):
        return t
    if b == t and type(b) is type(t):
        return o
    if isinstance(b, dict) and isinstance(o, dict) and isinstance(t, dict):
        merged: dict[str, Any] = {}
        for key in _union(list(b), list(o), list(t)):
            value = _merge(b.get(key, ABSENT), o.get(key, ABSENT), t.get(key, ABSENT), (*path, key), node, out)
            if value is not ABSENT:
                merged[key] = value
        return merged
    if all(_keyed(v) for v in (b, o, t)):
        return _merge_keyed(b, o, t, path, node, out)
    out.append(Conflict(node, path, _shown(b), _shown(o), _shown(t)))
    return o


def _keyed(value: Any) -> bool:
    if not isinstance(value, list):
        return False
    ids = [v.get("id") if isinstance(v, dict) else None for v in value]
    return all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids)


def _union(*orders: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for order in orders:
        for key in order:
            seen.setdefault(key, None)
    return list(seen)


def _merge_keyed(b: list[dict[str, Any]], o: list[dict[str, Any]], t: list[dict[str, Any]],
                 path: tuple[str, ...], node: str, out: list[Conflict]) -> list[dict[str, Any]]:
    bm, om, tm = ({str(v["id"]): v for v in side} for side in (b, o, t))
    merged: dict[str, Any] = {}
    for key in _union(list(om), list(tm), list(bm)):
        value = _merge(bm.get(key, ABSENT), om.get(key, ABSENT), tm.get(key, ABSENT), (*path, key), key, out)
        if value is not ABSENT:
            merged[key] = value
    order = merge_order(list(bm), list(om), list(tm), set(merged))
    if order is None:
        keep = set(merged)
        out.append(Conflict(node, (*path, ORDER), [i for i in bm if i in keep], [i for i in om if i in keep],
                            [i for i in tm if i in keep]))
        order = place_new([i for i in om if i in keep], list(tm), keep)
    return [merged[key] for key in order]


def merge_order(base: list[str], ours: list[str], theirs: list[str], keep: set[str]) -> list[str] | None:
    """Return the merged order of ids (only those in ``keep``), or ``None`` when both sides reordered.

    The relative order of the ids all three sides share comes from the side that changed it;
    ids added on one side go after the id that precedes them there.
    """
    shared = keep & set(base) & set(ours) & set(theirs)
    fb, fo, ft = ([i for i in side if i in shared] for side in (base, ours, theirs))
    if fo == fb:
        primary, secondary = theirs, ours
    elif ft == fb or fo == ft:
        primary, secondary = ours, theirs
    else:
        return None
    return place_new([i for i in primary if i in keep], secondary, keep)


def place_new(result: list[str], other: list[str], keep: set[str]) -> list[str]:
    """Return ``result`` with the ids of ``other`` it lacks, each after its predecessor in ``other``."""
    result = list(result)
    for index, key in enumerate(other):
        if key not in keep or key in result:
            continue
        before = next((p for p in reversed(other[:index]) if p in result), None)
        result.insert(result.index(before) + 1 if before is not None else 0, key)
    for key in sorted(keep - set(result)):
        result.append(key)
    return result


def set_at(data: Any, path: Sequence[str], value: Any, *, order_hint: Sequence[str] = ()) -> Any:
    """Return ``data`` with the value at ``path`` replaced (``None`` removes the node or field).

    A path ending in :data:`ORDER` sets the order of the list before it to ``value``. A node
    added back is placed after its predecessor in ``order_hint``.
    """
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        copy = dict(data)
        if head == ORDER:
            raise KeyError(head)
        if not rest and value is None:
            copy.pop(head, None)
        else:
            copy[head] = set_at(copy.get(head), rest, value, order_hint=order_hint)
        return copy
    if isinstance(data, list):
        if head == ORDER:
            by_id = {str(v["id"]): v for v in data}
            return [by_id[i] for i in value if i in by_id] + [v for v in data if v["id"] not in value]
        items = list(data)
        index = next((i for i, v in enumerate(items) if v.get("id") == head), None)
        if index is None:
            if value is None:
                return items
            ids = [str(v["id"]) for v in items]
            order = place_new(ids, [*order_hint] if head in order_hint else [*ids, head], {*ids, head})
            by_id = {str(v["id"]): v for v in items}
            by_id[head] = set_at(None, rest, value, order_hint=order_hint) if rest else value
            return [by_id[i] for i in order]
        if not rest and value is None:
            del items[index]
        else:
            items[index] = set_at(items[index], rest, value, order_hint=order_hint)
        return items
    if data is None and rest:
        raise KeyError(head)
    return value


def merged_edit(snapshots: Snapshots, base: str | None, ours: Agreement, tip: str | None) -> Agreement:
    """Return the edit ``ours``, made on ``base``, merged with what ``tip`` committed since.

    :raises WorkspaceError: ``tip`` changed a node differently (code ``merge-conflict``, naming it).
    """
    from ..files import parse_agreement
    from ._records import agreement_data, agreement_from

    if base is None or tip is None:
        return ours
    theirs = parse_agreement(snapshots.files(tip, meetings=False))
    old = parse_agreement(snapshots.files(base, meetings=False))
    result = merge(agreement_data(old), agreement_data(ours), agreement_data(theirs))
    if result.conflicts:
        nodes = ", ".join(sorted({c.node for c in result.conflicts}))
        raise WorkspaceError(f"revision {tip[:10]} changed {nodes} differently since {base[:10]}; read the "
                             "agreement again, redo the edit and commit", code="merge-conflict",
                             node=result.conflicts[0].node)
    return agreement_from(result.data)
