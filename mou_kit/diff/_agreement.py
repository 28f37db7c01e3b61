"""The front door of the diff: which changes turn one agreement into another, node by node."""

from __future__ import annotations

from ..model import Agreement, number
from ..model.locale import locale_for
from ..model.numbering import Numbering
from ..model.printed import PrintedText
from ..model.text import text_in
from ._head import Picker, head_changes, value_changes
from ._nodes import RECITALS, Node, flatten
from .alignment import Alignment
from .change import AgreementDiff, Change, ChangeKind, NodeType, RevisionInfo
from .match import align_nodes
from .words import word_ops


class Side:
    """One agreement seen by the diff: its numbering, its nodes and how it prints a node."""

    def __init__(self, agreement: Agreement, lang: str) -> None:
        self.agreement = agreement
        self.lang = lang
        self.numbering: Numbering = number(agreement)
        self.nodes = flatten(agreement, self.numbering)
        self.by_id = {n.id: n for n in self.nodes}
        self.order = {n.id: i for i, n in enumerate(self.nodes)}
        self.printed = PrintedText(agreement, lang, numbering=self.numbering)

    def pick(self, text: str | dict[str, str] | None) -> str:
        """Return a plain text (a title, a name) in the diff's language, else the main one, else ""."""
        return text_in(text, self.lang, main=self.agreement.main_language, fallback="main") or ""

    def text(self, node: Node) -> str:
        """Return the node's text as printed, in the diff's language or else the main one."""
        return self.printed.shown(node.text, context=node.id)

    def subtree_text(self, node: Node) -> str:
        """Return the node's text followed by each node below it, labelled, one per line."""
        lines = [self.text(node)]
        inside = {node.id}
        for other in self.nodes[self.order[node.id] + 1:]:
            if other.parent not in inside:
                break
            inside.add(other.id)
            label = self.numbering.label(other.id, self.lang)
            lines.append(f"{label} {self.text(other)}".strip())
        return "\n".join(lines)

    def ref(self, node: Node) -> str:
        """Return how a reader cites the node: "Pasal 3 ayat (2)", "Konsiderans huruf b"."""
        if node.type == NodeType.RECITAL:
            label = self.numbering.label(node.id, self.lang).strip(".() ")
            return str(locale_for(self.lang).report["recital_ref"]).format(label=label)
        return self.numbering.ref(node.id, self.lang)


def diff(old: Agreement, new: Agreement, *, lang: str | None = None,
         old_revision: RevisionInfo | None = None, new_revision: RevisionInfo | None = None,
         similarity: bool = True) -> AgreementDiff:
    """Return the changes that turn ``old`` into ``new``, in reading order.

    Nodes pair by id; nodes left over pair by similar text when ``similarity`` is on (each such
    change carries its confidence). Texts and citations are in ``lang`` (default: the new
    agreement's main language).

    :raises MouKitError: ``lang`` has no form defined (code ``unknown-language``).
    """
    lang = lang or new.main_language
    locale_for(lang)
    a, b = Side(old, lang), Side(new, lang)
    alignment = align_nodes(a.nodes, b.nodes, similarity=similarity)
    party_refs = {p.id: b.numbering.ref(p.id, lang) for p in new.parties}
    party_refs.update({p.id: a.numbering.ref(p.id, lang) for p in old.parties if p.id not in party_refs})
    changes = list(head_changes(old, new, lang, party_refs))
    changes += _body_changes(a, b, alignment)
    changes += value_changes(old, new, lang)
    pick = Picker(new, lang)
    names = {p.id: pick(p.short_name) or p.id for p in old.parties}
    names.update({p.id: pick(p.short_name) or p.id for p in new.parties})
    return AgreementDiff(old_id=old.id, new_id=new.id, lang=lang, changes=tuple(changes),
                         warnings=tuple(_warnings(old, new, a, b, alignment)),
                         old_revision=old_revision, new_revision=new_revision, party_names=names,
                         alignment=alignment)


def _body_changes(a: Side, b: Side, alignment: Alignment) -> list[Change]:
    keyed: list[tuple[float, Change]] = []
    for node in b.nodes:
        old_id = alignment.old_of.get(node.id)
        if old_id is None:
            if node.parent in b.by_id and node.parent not in alignment.old_of:
                continue
            keyed.append((b.order[node.id], Change(
                ChangeKind.ADDED, node.type, node.id, new_address=node.address, new_ref=b.ref(node),
                new_text=b.subtree_text(node))))
            continue
        before = a.by_id[old_id]
        change = _matched(before, node, a, b, node.id in alignment.moved, alignment.confidence.get(node.id, 1.0))
        if change is not None:
            keyed.append((b.order[node.id], change))
    for node in a.nodes:
        if node.id in alignment.new_of:
            continue
        if node.parent in a.by_id and node.parent not in alignment.new_of:
            continue
        keyed.append((_removed_position(node, a, b, alignment), Change(
            ChangeKind.REMOVED, node.type, node.id, old_address=node.address, old_ref=a.ref(node),
            old_text=a.subtree_text(node))))
    keyed.sort(key=lambda item: item[0])
    return [change for _, change in keyed]


def _matched(before: Node, after: Node, a: Side, b: Side, is_moved: bool, confidence: float) -> Change | None:
    reworded = before.text != after.text
    renumbered = before.address != after.address
    if not (reworded or renumbered or is_moved):
        return None
    kind = ChangeKind.MOVED if is_moved else ChangeKind.REWORDED if reworded else ChangeKind.RENUMBERED
    old_text = a.text(before) if kind != ChangeKind.RENUMBERED else None
    new_text = b.text(after) if kind != ChangeKind.RENUMBERED else None
    ops = tuple(word_ops(old_text, new_text)) if reworded and old_text is not None and new_text is not None else ()
    return Change(
        kind, after.type, after.id, old_node=before.id if before.id != after.id else None,
        old_address=before.address, new_address=after.address, old_ref=a.ref(before), new_ref=b.ref(after),
        old_text=old_text, new_text=new_text, ops=ops, confidence=confidence,
        also_reworded=is_moved and reworded,
    )


def _removed_position(node: Node, a: Side, b: Side, alignment: Alignment) -> float:
    """Return where a removed node is listed: just after the nearest earlier old node that survived."""
    index = a.order[node.id]
    for earlier in reversed(a.nodes[:index]):
        new_id = alignment.new_of.get(earlier.id)
        if new_id is not None:
            return b.order[new_id] + 0.5
    return -0.5 if node.parent != RECITALS else -1.5


def _warnings(old: Agreement, new: Agreement, a: Side, b: Side, alignment: Alignment) -> list[str]:
    out = []
    if old.id != new.id:
        out.append(f"comparing two different agreements ({old.id!r} and {new.id!r}): nodes are paired "
                   "by id where they share one and by similar text otherwise")
    if alignment.by_similarity:
        out.append(f"{alignment.by_similarity} nodes with different ids were paired by similar text; "
                   "each such change shows its confidence")
    if alignment.skipped:
        out.append("too many unpaired nodes to compare by similarity: they are shown as removed and added")
    smaller = min(len(a.nodes), len(b.nodes))
    if smaller and len(alignment.new_of) < 0.3 * smaller:
        out.append(f"only {len(alignment.new_of)} of {smaller} nodes could be paired: the agreements look unrelated")
    return out
