"""What changed outside the body: title, date and place, parties, signatories, variables and term."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Agreement, Party
from ..model.text import text_in
from .change import Change, ChangeKind, NodeType
from .words import word_ops

_PARTY_FIELDS = ("name", "short_name", "number", "address", "represented_by", "logo")
_SIGNATORY_FIELDS = ("name", "position", "rank", "id_label", "id_number")


class Picker:
    """Picks a text in the diff's language from either side, falling back to the side's main language."""

    def __init__(self, agreement: Agreement, lang: str) -> None:
        self.agreement = agreement
        self.lang = lang

    def __call__(self, value: Any) -> str | None:
        """Return ``value`` as display text: a Text in the diff's language, anything else as ``str``."""
        if value is None:
            return None
        if isinstance(value, str | dict):
            main = self.agreement.main_language
            return text_in(value, self.lang, main=main, fallback="main") or str(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        if hasattr(value, "isoformat"):
            return str(value.isoformat())
        return str(value)


def _ops(old: str | None, new: str | None) -> tuple[Any, ...]:
    if old is None or new is None:
        return ()
    return tuple(word_ops(old, new))


def head_changes(old: Agreement, new: Agreement, lang: str, refs: dict[str, str]) -> Iterator[Change]:
    """Yield the changes to the title, the date and place, the parties and signatories.

    ``refs`` maps a party id to how the new (else old) agreement cites it ("PIHAK KEDUA").
    """
    po, pn = Picker(old, lang), Picker(new, lang)
    if old.title != new.title:
        a, b = po(old.title), pn(new.title)
        yield Change(ChangeKind.TITLE_CHANGED, NodeType.TITLE, "title", field="title",
                     old_text=a, new_text=b, ops=_ops(a, b))
    for name in ("date", "place"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            a, b = po(before), pn(after)
            yield Change(ChangeKind.DATE_CHANGED, NodeType.DATE, name, field=name,
                         old_text=a, new_text=b, ops=_ops(a, b) if name == "place" else ())
    yield from _party_changes(old, new, po, pn, refs)


def _party_changes(old: Agreement, new: Agreement, po: Picker, pn: Picker,
                   refs: dict[str, str]) -> Iterator[Change]:
    old_parties = {p.id: (i, p) for i, p in enumerate(old.parties)}
    new_ids = [p.id for p in new.parties]
    common_old = [p.id for p in old.parties if p.id in new_ids]
    common_new = [i for i in new_ids if i in old_parties]
    for index, party in enumerate(new.parties):
        if party.id not in old_parties:
            yield Change(ChangeKind.ADDED, NodeType.PARTY, party.id, new_address=f"p{index + 1}",
                         new_ref=refs.get(party.id), new_text=pn(party.name))
            continue
        old_index, before = old_parties[party.id]
        if common_old.index(party.id) != common_new.index(party.id):
            yield Change(ChangeKind.MOVED, NodeType.PARTY, party.id, old_address=f"p{old_index + 1}",
                         new_address=f"p{index + 1}", new_ref=refs.get(party.id),
                         old_text=po(before.name), new_text=pn(party.name))
        yield from _fields(before, party, po, pn, refs.get(party.id))
    for party_id, (old_index, before) in old_parties.items():
        if party_id not in new_ids:
            yield Change(ChangeKind.REMOVED, NodeType.PARTY, party_id, old_address=f"p{old_index + 1}",
                         old_ref=refs.get(party_id), old_text=po(before.name))


def _fields(before: Party, after: Party, po: Picker, pn: Picker, ref: str | None) -> Iterator[Change]:
    for name in _PARTY_FIELDS:
        a, b = getattr(before, name), getattr(after, name)
        if a != b:
            ta, tb = po(a), pn(b)
            yield Change(ChangeKind.PARTY_CHANGED, NodeType.PARTY, after.id, field=name, old_ref=ref,
                         new_ref=ref, old_text=ta, new_text=tb, ops=_ops(ta, tb))
    sa, sb = before.signatory, after.signatory
    if sa == sb:
        return
    if sa is None or sb is None:
        yield Change(ChangeKind.SIGNATORY_CHANGED, NodeType.PARTY, after.id, field="signatory", old_ref=ref,
                     new_ref=ref, old_text=sa.name if sa else None, new_text=sb.name if sb else None)
        return
    for name in _SIGNATORY_FIELDS:
        a, b = getattr(sa, name), getattr(sb, name)
        if a != b:
            ta, tb = po(a), pn(b)
            yield Change(ChangeKind.SIGNATORY_CHANGED, NodeType.PARTY, after.id, field=f"signatory.{name}",
                         old_ref=ref, new_ref=ref, old_text=ta, new_text=tb, ops=_ops(ta, tb))


def value_changes(old: Agreement, new: Agreement, lang: str) -> Iterator[Change]:
    """Yield the changes to variable values and to the term (duration, renewal, notice...)."""
    po, pn = Picker(old, lang), Picker(new, lang)
    for name in sorted(set(old.variables) | set(new.variables)):
        a, b = old.variables.get(name), new.variables.get(name)
        if a is None or b is None or a.value != b.value or a.type != b.type:
            yield Change(ChangeKind.VARIABLE_CHANGED, NodeType.VARIABLE, name, field="value",
                         old_text=po(a.value) if a else None, new_text=pn(b.value) if b else None)
    ta = old.term.model_dump() if old.term else {}
    tb = new.term.model_dump() if new.term else {}
    for name in sorted(set(ta) | set(tb)):
        if ta.get(name) != tb.get(name):
            yield Change(ChangeKind.TERM_CHANGED, NodeType.TERM, "term", field=name,
                         old_text=po(ta.get(name)), new_text=pn(tb.get(name)))
