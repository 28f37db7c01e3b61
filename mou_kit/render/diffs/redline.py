"""The redline: a DOCX of the new draft whose native tracked changes lead back to the old one.

Paragraphs of both drafts are aligned by key (see ``_redline_blocks``); a paragraph in both is
diffed word by word into ``w:ins``/``w:del`` runs, a paragraph in one draft only is inserted or
deleted whole, and a node that moved becomes a ``w:moveFrom``/``w:moveTo`` pair of ranges sharing
a name. Numbers are real Word list numbering, and a cross-reference cites its target as the
new draft numbers it on both sides, so renumbering produces no revision at all. Author is the
proposing party, date the revision's date.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, Literal

from ...diff import AgreementDiff, RevisionInfo
from ...diff.alignment import Alignment
from ...diff.match import align
from ...diff.words import opcodes
from ...errors import RenderError
from ...model import Agreement, number
from ...model.locale import locale_for
from ...ooxml import tracked as ox
from ...ooxml.names import qn
from ._redline_blocks import Block, Ref, Token, blocks, list_levels

if TYPE_CHECKING:
    from docx.document import Document

Role = Literal["same", "ins", "del", "moveFrom", "moveTo"]

_INDENT = {0: 0, 1: 567, 2: 1134, 3: 1701, 4: 2268, 5: 2835}


@dataclass(frozen=True, slots=True)
class _Row:
    """One paragraph of the merged document: its role and the old and/or new block."""

    role: Role
    old: Block | None
    new: Block | None
    group: str | None = None


def _merge(old: list[Block], new: list[Block], moved_ids: set[str]) -> list[_Row]:
    """Return the merged paragraph order: anchors in common order, old-only before new-only between them."""
    def is_moved(block: Block) -> str | None:
        return next((o for o in block.owners if o in moved_ids), None)

    new_keys = {b.key for b in new}
    old_keys = {b.key for b in old}
    anchors_old = [b.key for b in old if b.key in new_keys and not is_moved(b)]
    anchors_new = [b.key for b in new if b.key in old_keys and not is_moved(b)]
    anchored: set[str] = set()
    for m in SequenceMatcher(None, anchors_old, anchors_new, autojunk=False).get_matching_blocks():
        anchored.update(anchors_old[m.a:m.a + m.size])
    rows: list[_Row] = []

    def one_side(block: Block, in_other: set[str], moved_role: Role, plain_role: Role, old_side: bool) -> _Row:
        role = moved_role if block.key in in_other else plain_role
        group = (is_moved(block) or block.key) if role == moved_role else None
        return _Row(role, block if old_side else None, None if old_side else block, group)

    new_index = {b.key: k for k, b in enumerate(new)}
    i = j = 0
    for k, b in enumerate([*old, None]):
        if b is not None and b.key not in anchored:
            continue
        stop_new = new_index[b.key] if b is not None else len(new)
        rows += [one_side(x, new_keys, "moveFrom", "del", True) for x in old[i:k]]
        rows += [one_side(x, old_keys, "moveTo", "ins", False) for x in new[j:stop_new]]
        if b is not None:
            rows.append(_Row("same", b, new[stop_new]))
        i, j = k + 1, stop_new + 1
    return rows


class _Writer:
    """Writes merged rows into a python-docx document as paragraphs with revision marks."""

    def __init__(self, document: Document, lang: str, revisions: ox.Revisions,
                 authors: Mapping[str, str] | None = None) -> None:
        self.default_author = revisions.author
        self.authors = dict(authors or {})
        self.body = document.element.body
        self.sect = self.body.find(qn("w:sectPr"))
        self.rev = revisions
        numbering = document.part.numbering_part.element
        self.lists = {}
        for name, levels in list_levels(locale_for(lang)).items():
            lv = []
            for ilvl, (fmt, text) in enumerate(levels):
                center = name == "body" and ilvl == 0
                lv.append(ox.Level(fmt, text, _INDENT.get(ilvl + 1, 2835) if name == "body" else 567, 567, center))
            self.lists[name] = ox.add_list(numbering, lv)
        self.moves: dict[str, str] = {}
        self.formats: dict[ox.ParaFormat, Any] = {}
        self.open_range: tuple[str, str, str] | None = None

    def fmt(self, block: Block) -> ox.ParaFormat:
        num = (self.lists[block.list], block.level) if block.list else None
        indent = _INDENT.get(block.level, 0) if block.list is None and block.level > 1 else 0
        return ox.ParaFormat(num=num, center=block.center, bold=block.bold, indent=indent,
                             space_after=0 if block.key.startswith(("title:", "number:", "article:")) else 120)

    def _runs(self, tokens: tuple[Token, ...] | list[Token], bold: bool, deleted: bool) -> list[Any]:
        text = "".join(t.text if isinstance(t, Ref) else t for t in tokens)
        return [ox.text_run(text, deleted=deleted, bold=bold)] if text else []

    def _close_range(self) -> None:
        if self.open_range is not None:
            kind, range_id, _ = self.open_range
            self.last_p.append(ox.range_end(kind, range_id))  # type: ignore[arg-type]
            self.open_range = None

    def write(self, row: _Row) -> None:
        block = row.new or row.old
        assert block is not None
        self.rev.author = next((self.authors[o] for o in block.owners if o in self.authors), self.default_author)
        kind = row.role if row.role in ("moveFrom", "moveTo") else None
        if self.open_range is not None and (kind is None or (kind, row.group) != self.open_range[::2]):
            self._close_range()
        p = ox.new_paragraph(self.fmt(block), self.formats)
        self.sect.addprevious(p)
        if kind is not None and self.open_range is None:
            group = row.group or block.key
            name = self.moves.setdefault(group, f"mouMove{len(self.moves) + 1}")
            start, range_id = ox.range_start(kind, name, self.rev)
            p.find(qn("w:pPr")).addnext(start)
            self.open_range = (kind, range_id, group)
        self.last_p = p
        if row.role == "same":
            self._same(p, row.old, row.new)  # type: ignore[arg-type]
        elif row.role in ("ins", "moveTo"):
            runs = self._runs(block.tokens, block.bold, False)
            if runs:
                p.append(ox.wrap(runs, row.role, self.rev))
            ox.mark_paragraph(p, "ins", self.rev)
        else:
            runs = self._runs(block.tokens, block.bold, row.role == "del")
            if runs:
                p.append(ox.wrap(runs, row.role, self.rev))
            ox.mark_paragraph(p, "del", self.rev)

    def _same(self, p: Any, old: Block, new: Block) -> None:
        if self.fmt(old) != self.fmt(new):
            ox.change_properties(p, self.fmt(old), self.rev)
        if old.tokens == new.tokens:
            for r in self._runs(new.tokens, new.bold, False):
                p.append(r)
            return
        a, b = old.tokens, new.tokens
        for tag, i1, i2, j1, j2 in opcodes(a, b):
            if tag == "equal":
                for r in self._runs(b[j1:j2], new.bold, False):
                    p.append(r)
                continue
            if i2 > i1:
                p.append(ox.wrap(self._runs(a[i1:i2], old.bold, True), "del", self.rev))
            if j2 > j1:
                p.append(ox.wrap(self._runs(b[j1:j2], new.bold, False), "ins", self.rev))

    def finish(self) -> None:
        self._close_range()
        self.sect.addprevious(ox.new_paragraph(ox.ParaFormat()))


def _author(agreement: Agreement, old: Agreement, info: RevisionInfo | None, lang: str) -> str:
    if info is None or not info.proposed_by:
        return "mou_kit"
    from ...model.text import text_in

    for party in (*agreement.parties, *old.parties):
        if party.id == info.proposed_by:
            main = agreement.main_language
            return text_in(party.short_name, lang, main=main, fallback="main") or party.id
    return info.proposed_by


def build_redline(old: Agreement, new: Agreement, *, lang: str | None = None,
                  revision: RevisionInfo | None = None,
                  proposers: Mapping[str, tuple[str, ...]] | None = None,
                  alignment: Alignment | None = None) -> Document:
    """Return a python-docx Document of ``new`` with tracked changes from ``old``.

    Revisions carry the proposing party as author: the parties whose proposals gave the node its
    text (``proposers``: node id -> party ids, from the history; "A / B" for a compromise), else the
    party of ``revision``
    ("mou_kit" when unknown), and the revision's date (none when unknown, so the same drafts
    always give the same file). Nodes pair and move as ``alignment`` says (the diff's own,
    :attr:`AgreementDiff.alignment`); without one they are aligned here as the diff would.

    :raises MouKitError: ``lang`` has no form defined, or a text cannot be rendered.
    """
    from docx import Document as new_document

    lang = lang or new.main_language
    if alignment is None:
        alignment = align(old, new)
    new_numbering = number(new)
    rows = _merge(blocks(old, lang, rename=alignment.renamed, cite=new_numbering),
                  blocks(new, lang, numbering=new_numbering), set(alignment.moved) | _moved_parties(old, new))
    stamp = None
    if revision is not None and revision.date is not None:
        stamp = dt.datetime.combine(revision.date, dt.time(0, 0)).strftime("%Y-%m-%dT%H:%M:%SZ")
    document = new_document()
    revisions = ox.Revisions(author=_author(new, old, revision, lang), date=stamp)
    authors = {node: " / ".join(_author(new, old, RevisionInfo(id="", proposed_by=party), lang) for party in parties)
               for node, parties in (proposers or {}).items() if parties}
    writer = _Writer(document, lang, revisions, authors)
    for row in rows:
        writer.write(row)
    writer.finish()
    props = document.core_properties
    props.title = f"{new.id}: redline"
    props.author = writer.default_author
    return document


def _moved_parties(old: Agreement, new: Agreement) -> set[str]:
    a = [p.id for p in old.parties if p.id in {q.id for q in new.parties}]
    b = [p.id for p in new.parties if p.id in set(a)]
    if a == b:
        return set()
    kept: set[str] = set()
    for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        kept.update(b[m.b:m.b + m.size])
    return {f"party:{p}" for p in b if p not in kept}


def write_redline(old: Agreement, new: Agreement, path: str | os.PathLike[str], *, lang: str | None = None,
                  revision: RevisionInfo | None = None, diff: AgreementDiff | None = None) -> None:
    """Write the redline DOCX of ``old`` -> ``new`` to ``path`` (see :func:`build_redline`).

    ``diff`` lends its language, new revision (author, date) and per-node proposers when
    ``lang``/``revision`` are not given.

    :raises RenderError: the file cannot be written.
    """
    from ..._io import write_output

    write_output(path, redline_bytes(old, new, result=diff, lang=lang, revision=revision), error=RenderError)


def redline_bytes(old: Agreement, new: Agreement, *, result: AgreementDiff | None = None, lang: str | None = None,
                  revision: RevisionInfo | None = None) -> bytes:
    """Return the redline DOCX of ``old`` -> ``new`` as bytes; ``result`` lends its language, new revision,
    proposers and alignment (see :func:`mou_kit.diff_redline`, the public door).

    :raises MouKitError: ``lang`` has no form defined, or a text cannot be rendered.
    """
    import io

    proposers = alignment = None
    if result is not None:
        lang = lang or result.lang
        revision = revision or result.new_revision
        proposers = result.proposers
        alignment = result.alignment
    document = build_redline(old, new, lang=lang, revision=revision, proposers=proposers, alignment=alignment)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
