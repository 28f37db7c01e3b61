"""What a diff between two agreements holds: a ChangeSet of Changes, and its JSON form.

The kinds of change form a closed enum; every change names the node, its old and new
address and citation, and its old and new text. ``to_dict``/``from_dict`` write and read a
versioned JSON form with a fixed key order and reject keys they do not know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from ..errors import DiffError
from ..model.revision import RevisionInfo as RevisionInfo
from .alignment import Alignment
from .words import OpKind, WordOp

SCHEMA_VERSION = 3
"""Version of the JSON form; bumped whenever a key is added, removed or changes meaning."""


class ChangeKind(StrEnum):
    """What happened to a node or a field between the old and the new agreement."""

    ADDED = "added"
    REMOVED = "removed"
    REWORDED = "reworded"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    VARIABLE_CHANGED = "variable-changed"
    PARTY_CHANGED = "party-changed"
    SIGNATORY_CHANGED = "signatory-changed"
    DATE_CHANGED = "date-changed"
    TERM_CHANGED = "term-changed"
    TITLE_CHANGED = "title-changed"


class NodeType(StrEnum):
    """What sort of thing changed."""

    ARTICLE = "article"
    CLAUSE = "clause"
    POINT = "point"
    RECITAL = "recital"
    PARTY = "party"
    VARIABLE = "variable"
    TERM = "term"
    DATE = "date"
    TITLE = "title"


@dataclass(frozen=True, slots=True)
class Change:
    """One change: built by :func:`mou_kit.diff.diff`, not by hand.

    ``node`` is the node's id in the new agreement (the old id when it was removed);
    ``old_node`` is set only when a similarity match paired nodes with different ids.
    Addresses are "3.2.1" (article, clause, points) or "r2" for the second recital;
    ``old_ref``/``new_ref`` cite the node as a reader does ("Pasal 3 ayat (2)").
    """

    kind: ChangeKind
    node_type: NodeType
    node: str
    old_node: str | None = None
    field: str | None = None
    old_address: str | None = None
    new_address: str | None = None
    old_ref: str | None = None
    new_ref: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    ops: tuple[WordOp, ...] = ()
    confidence: float = 1.0
    also_reworded: bool = False

    @property
    def ref(self) -> str:
        """How a reader finds the node: the new citation, else the old one, else the node id."""
        return self.new_ref or self.old_ref or self.node


@dataclass(frozen=True, slots=True)
class AgreementDiff:
    """The changes from an old agreement to a new one, in the order a reader meets them."""

    old_id: str
    new_id: str
    lang: str
    changes: tuple[Change, ...] = ()
    warnings: tuple[str, ...] = ()
    old_revision: RevisionInfo | None = None
    new_revision: RevisionInfo | None = None
    party_names: Mapping[str, str] = field(default_factory=dict)
    proposers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    alignment: Alignment | None = field(default=None, compare=False, repr=False)
    """How the nodes paired and which moved, as the diff computed it (``None`` when read back from JSON)."""

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def proposers_of(self, change: Change) -> tuple[str, ...]:
        """Return the ids of the parties whose proposals ``change`` came from: from the node's own
        history when the diff came from a repository (several when a compromise settled competing
        texts), else the new revision's party; empty when unknown."""
        found = tuple(self.proposers.get(change.node, ()))
        if not found and self.new_revision is not None and self.new_revision.proposed_by:
            found = (self.new_revision.proposed_by,)
        return found

    def proposer_of(self, change: Change) -> str | None:
        """Return the id of the first party :meth:`proposers_of` names, or ``None``."""
        found = self.proposers_of(change)
        return found[0] if found else None

    @property
    def real(self) -> list[Change]:
        """The changes a reader must look at: everything except mere renumbering."""
        return [c for c in self.changes if c.kind != ChangeKind.RENUMBERED]

    @property
    def renumbered(self) -> list[Change]:
        """The nodes whose number changed and nothing else."""
        return [c for c in self.changes if c.kind == ChangeKind.RENUMBERED]

    def to_dict(self) -> dict[str, Any]:
        """Return the diff as JSON-ready data with a fixed key order (see ``docs/diff-json.md``)."""
        return {
            "schema": "mou-kit/diff",
            "version": SCHEMA_VERSION,
            "old": _revision_dict(self.old_id, self.old_revision),
            "new": _revision_dict(self.new_id, self.new_revision),
            "lang": self.lang,
            "party_names": dict(self.party_names),
            "proposers": {node: list(parties) for node, parties in self.proposers.items()},
            "warnings": list(self.warnings),
            "changes": [_change_dict(c) for c in self.changes],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AgreementDiff:
        """Return the diff written by :meth:`to_dict`.

        :raises DiffError: a key is unknown or missing, or the version is not supported.
        """
        _keys(data, _TOP_KEYS, "diff")
        if data["schema"] != "mou-kit/diff" or data["version"] != SCHEMA_VERSION:
            raise DiffError(
                f"diff JSON is {data['schema']!r} version {data['version']!r}; this mou_kit reads "
                f"'mou-kit/diff' version {SCHEMA_VERSION}", code="diff-json-invalid")
        old_id, old_rev = _revision_from(data["old"], "old")
        new_id, new_rev = _revision_from(data["new"], "new")
        return cls(
            old_id=old_id, new_id=new_id, lang=data["lang"],
            changes=tuple(_change_from(c, i) for i, c in enumerate(data["changes"])),
            warnings=tuple(data["warnings"]), old_revision=old_rev, new_revision=new_rev,
            party_names=dict(data["party_names"]), proposers={str(n): tuple(p) for n, p in data["proposers"].items()},
        )


_TOP_KEYS = ("schema", "version", "old", "new", "lang", "party_names", "proposers", "warnings", "changes")
_REVISION_KEYS = ("agreement", "revision", "date", "proposed_by", "meeting")
_CHANGE_KEYS = ("kind", "node_type", "node", "old_node", "field", "old_address", "new_address",
                "old_ref", "new_ref", "old_text", "new_text", "ops", "confidence", "also_reworded")
_OP_KEYS = ("op", "text")


def _keys(data: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    if not isinstance(data, Mapping):
        raise DiffError(f"diff JSON: {where} must be an object, not {type(data).__name__}",
                        code="diff-json-invalid")
    unknown = [k for k in data if k not in allowed]
    missing = [k for k in allowed if k not in data]
    if unknown:
        raise DiffError(f"diff JSON: unknown key {unknown[0]!r} in {where}; allowed: {', '.join(allowed)}",
                        code="diff-json-invalid")
    if missing:
        raise DiffError(f"diff JSON: missing key {missing[0]!r} in {where}", code="diff-json-invalid")


def _revision_dict(agreement_id: str, info: RevisionInfo | None) -> dict[str, Any]:
    return {
        "agreement": agreement_id,
        "revision": info.id if info else None,
        "date": info.date.isoformat() if info and info.date else None,
        "proposed_by": info.proposed_by if info else None,
        "meeting": info.meeting if info else None,
    }


def _revision_from(data: Mapping[str, Any], where: str) -> tuple[str, RevisionInfo | None]:
    _keys(data, _REVISION_KEYS, where)
    info = None
    if data["revision"] is not None:
        date = dt.date.fromisoformat(data["date"]) if data["date"] else None
        info = RevisionInfo(data["revision"], date, data["proposed_by"], data["meeting"])
    return data["agreement"], info


def _change_dict(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "node_type": change.node_type.value,
        "node": change.node,
        "old_node": change.old_node,
        "field": change.field,
        "old_address": change.old_address,
        "new_address": change.new_address,
        "old_ref": change.old_ref,
        "new_ref": change.new_ref,
        "old_text": change.old_text,
        "new_text": change.new_text,
        "ops": [{"op": op.op.value, "text": op.text} for op in change.ops],
        "confidence": round(change.confidence, 4),
        "also_reworded": change.also_reworded,
    }


def _change_from(data: Mapping[str, Any], index: int) -> Change:
    where = f"changes[{index}]"
    _keys(data, _CHANGE_KEYS, where)
    ops = []
    for j, op in enumerate(data["ops"]):
        _keys(op, _OP_KEYS, f"{where}.ops[{j}]")
        ops.append(WordOp(_enum(OpKind, op["op"], f"{where}.ops[{j}].op"), op["text"]))
    return Change(
        kind=_enum(ChangeKind, data["kind"], f"{where}.kind"),
        node_type=_enum(NodeType, data["node_type"], f"{where}.node_type"),
        node=data["node"], old_node=data["old_node"], field=data["field"],
        old_address=data["old_address"], new_address=data["new_address"],
        old_ref=data["old_ref"], new_ref=data["new_ref"],
        old_text=data["old_text"], new_text=data["new_text"], ops=tuple(ops),
        confidence=float(data["confidence"]), also_reworded=bool(data["also_reworded"]),
    )


_E = TypeVar("_E", bound=StrEnum)


def _enum(cls: type[_E], value: Any, where: str) -> _E:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise DiffError(f"diff JSON: {value!r} at {where} is not one of: {allowed}",
                        code="diff-json-invalid") from None
