"""How a Word file from the other side becomes an agreement: safely opened, read in each view of its
tracked changes, laid out into articles, clauses and points, and matched to the base revision.
"""

from __future__ import annotations

import io
import os
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path
from typing import Any

from .._io import Input, read_input
from ..errors import SourceError
from ..model import Agreement, text_in
from . import _ooxml
from ._build import Builder, build, head, hints, placeholder_party
from ._detect import detect
from ._front import Front, front
from ._heads import guess_language
from ._lines import Line, lines
from ._package import DEFAULT_LIMITS, Limits, check_docx, parse_xml, read_part, read_source
from ._result import ImportResult, Note, Proposal, TrackedChange, Unplaced, VariableEdit
from ._structure import ARTICLE_HEAD, Layout, layout
from ._words import account

_LANG_OF_WORD = {"pasal": "id", "article": "en", "section": "en", "clause": "en"}
_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


class DocxImporter:
    """Reads Word ``.docx`` files; the one importer of :data:`mou_kit.importers.IMPORTERS` for "docx"."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    def read(self, source: Path, *, base: Agreement | None = None, lang: str | None = None) -> ImportResult:
        """Return the agreement in the DOCX ``source``, nodes matched to ``base`` when given.

        :raises SourceError: the file is unsafe or not a DOCX, or it has no "Pasal N"/"Article N"
            heading (``source-no-articles``).
        """
        return read_docx(source, base=base, lang=lang, limits=self.limits)


def _open(data: bytes, name: str, limits: Limits) -> tuple[list[_ooxml.RawParagraph], dict[str, tuple[str, str]]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_docx(data, name, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise SourceError(f"{name}: python-docx cannot open it as a Word document ({e}); save it again "
                          "from Word as 'Word Document (.docx)'", code="source-not-docx") from e
    part = document.part
    numbering = part.numbering_part.element if _has_rel(part, "numbering") else None
    styles = part.styles.element if _has_rel(part, "styles") else None
    comments: dict[str, tuple[str, str]] = {}
    for rel in part.rels.values():
        if rel.reltype == _COMMENTS and not rel.is_external:
            partname = str(rel.target_part.partname).lstrip("/")
            comments = _ooxml.comments(parse_xml(read_part(data, partname, name, limits), partname, name))
    paragraphs = _ooxml.body_paragraphs(document.element.body, _ooxml.Numbering(numbering, styles))
    return paragraphs, comments


def _has_rel(part: Any, kind: str) -> bool:
    return any(rel.reltype.endswith(f"/{kind}") for rel in part.rels.values())


def _one_column(paragraphs: list[_ooxml.RawParagraph], lang: str | None) -> tuple[
        list[_ooxml.RawParagraph], Layout | None]:
    """Return the paragraphs of one column of a side-by-side file (``lang``'s, else the first) and its layout."""
    first: tuple[list[_ooxml.RawParagraph], Layout | None] = (paragraphs, None)
    for index in (0, 1):
        chosen = [replace(p, in_table=False) if p.column == index else p
                  for p in paragraphs if p.column in (None, index)]
        found = layout(lines(chosen, _ooxml.accepted), {})
        if found is None:
            continue
        if lang is None or _LANG_OF_WORD.get(found.language_word, lang) == lang:
            return chosen, found
        if first[1] is None:
            first = (chosen, found)
    return first


def _language(found: Layout, base: Agreement | None, lang: str | None, all_lines: list[Line]) -> str:
    if lang is not None:
        return lang
    guess = _LANG_OF_WORD.get(found.language_word) or guess_language(all_lines)
    if base is not None:
        return guess if guess in base.languages else base.main_language
    return guess or "en"


def read_docx(source: Input, *, base: Agreement | None = None, lang: str | None = None,
              limits: Limits = DEFAULT_LIMITS, name: str | None = None) -> ImportResult:
    """Return the agreement in the Word file ``source``, with notes, unplaced text and tracked changes.

    With ``base`` (the revision the file was made from) nodes keep their ids, texts printed as
    the base prints them keep its markup, and everything outside the body comes from ``base``.

    ``source`` is a path, ``bytes`` or a binary file object; ``name`` is what messages call it
    (default: the file's name).

    :raises SourceError: the file is unsafe, not a DOCX, or has no article headings.
    """
    if base is not None and not isinstance(base, Agreement):
        raise SourceError(f"base must be an Agreement, not {type(base).__name__}", code="invalid-value")
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        name = name or path.name
        if path.is_dir():
            raise SourceError(f"{name}: is a folder, not a Word file", code="file-unreadable", file=str(path))
        data = read_source(path, limits)
    else:
        data, name = read_input(source, name=name, error=SourceError, limit=limits.file_bytes, what="Word file")
    try:
        return _read(data, name, base, lang, limits)
    except SourceError as e:
        if e.file is None:
            e.file = name  # the place, as an attribute, not only at the start of the message
        raise


def _read(data: bytes, name: str, base: Agreement | None, lang: str | None, limits: Limits) -> ImportResult:
    detect(data, source=name)
    paragraphs, comments = _open(data, name, limits)
    found = layout(lines(paragraphs, _ooxml.accepted), {})
    if found is None:
        paragraphs, found = _one_column(paragraphs, lang)
    accepted = lines(paragraphs, _ooxml.accepted)
    if found is None:
        raise SourceError(f"{name}: no article heading ('Pasal 1', 'Article 1', a Heading style or a numbered "
                          "'1.' list) found, so no clause can be placed; check that it is an agreement",
                          code="source-no-articles")
    lang = _language(found, base, lang, accepted)
    read_front: Front | None = None
    if base is None:
        read_front = front(found, lang)
        start = Agreement.model_validate(read_front.data)
    else:
        start = base
    bookmark_ids = hints(base, lang)
    drift: list[Any] = []
    edits: list[VariableEdit] = []
    agreement, nodes, counts, found = _view(accepted, start, lang, bookmark_ids, name, drift, edits)
    if base is not None:
        agreement = _head(agreement, found, lang, base)
    result = ImportResult(agreement, name, lang, matched_by_id=counts[0], matched_by_similarity=counts[1],
                          new_nodes=counts[2], variables=edits)
    where = _places(nodes)
    for line, target, reason in found.unplaced:
        result.unplaced.append(Unplaced(line.index, line.text, _node_at(where, line.index) if target else None,
                                        reason))
    if read_front is not None:
        result.unplaced += [Unplaced(line.index, line.text, None, reason) for line, reason in read_front.noted]
        result.attention = read_front.attention + _headless(found)
    result.attention += [
        f"¶{parsed.line.index}: {node}: the edited {lang} text no longer shows {value!r}, the value of {expression}; "
        f"the variable and the other languages still say {value!r}: update the variable or the text"
        for parsed, node, expression, value in drift]
    result.words, extra = account(accepted, found, result.unplaced, read_front.structure if read_front else [])
    result.unplaced += extra
    for p in paragraphs:
        for cid in p.comments:
            if cid in comments:
                author, text = comments[cid]
                result.notes.append(Note(_node_at(where, p.index), author, text, p.index))
    result.changes = _changes(paragraphs, where)
    marks = [p.mark.author for p in paragraphs if p.mark is not None]
    if result.changes or marks:
        result.original = _view(lines(paragraphs, _ooxml.rejected), start, lang, bookmark_ids, name)[0]
        previous = result.original
        authors = list(dict.fromkeys([*(c.author for c in result.changes), *marks]))
        for k, author in enumerate(authors):
            view = _view(lines(paragraphs, _by(set(authors[:k + 1]))), previous, lang, bookmark_ids, name)[0]
            if base is not None:
                view = _head(view, found, lang, base)
            result.proposals.append(Proposal(author, party_of(author, start), view))
            previous = view
    return result


def _headless(found: Layout) -> list[str]:
    return [f"¶{a.line.index}: the article has no heading in the file; its heading is made from its first words"
            for a in found.articles if a.heading_line is None and a.children]


def _by(authors: set[str]) -> _ooxml.View:
    """Return the view accepting the tracked changes of ``authors`` and rejecting the others'."""
    def view(mark: _ooxml.TrackedMark) -> bool:
        return mark.author in authors

    return view


def _view(view_lines: list[Line], base: Agreement, lang: str, bookmark_ids: dict[str, tuple[str, str]],
          name: str, drift: list[Any] | None = None, edits: list[VariableEdit] | None = None,
          ) -> tuple[Agreement, dict[str, Any], tuple[int, int, int], Layout]:
    found = layout(view_lines, bookmark_ids)
    if found is None:
        raise SourceError(f"{name}: no article heading ('Pasal 1' or 'Article 1') is left once the tracked "
                          "changes are applied", code="source-no-articles")
    agreement, nodes, counts = build(found, base, lang, bookmark_ids, drift, edits)
    return agreement, nodes, counts, found


def _places(nodes: dict[str, Any]) -> list[tuple[int, str]]:
    out = []
    for nid, parsed in nodes.items():
        out.append((parsed.line.index, nid))
        if parsed.heading_line is not None:
            out.append((parsed.heading_line.index, nid))
    return sorted(out)


def _node_at(where: list[tuple[int, str]], index: int) -> str | None:
    k = bisect_right(where, (index, "\uffff"))
    return where[k - 1][1] if k else None


def _changes(paragraphs: list[_ooxml.RawParagraph], where: list[tuple[int, str]]) -> list[TrackedChange]:
    out: list[TrackedChange] = []
    for p in paragraphs:
        current: _ooxml.TrackedMark | None = None
        text = ""
        for piece in [*p.pieces, _ooxml.Piece("")]:
            if piece.change == current and current is not None:
                text += piece.text
                continue
            if current is not None and text.strip():
                out.append(TrackedChange(current.kind, current.author, current.date, text, p.index,
                                         _node_at(where, p.index)))
            current, text = piece.change, piece.text
    return out


def party_of(author: str, agreement: Agreement) -> str | None:
    """Return the id of the party whose id, name or short name is ``author``, else ``None``."""
    wanted = author.strip().casefold()
    for party in agreement.parties:
        names = {party.id}
        for value in (party.name, party.short_name):
            names |= {v for v in (value.values() if isinstance(value, dict) else [value])}
        if wanted in {n.casefold() for n in names}:
            return party.id
    return None


def _head(agreement: Agreement, found: Layout, lang: str, base: Agreement) -> Agreement:
    """Return ``agreement`` with the title and party names the title block shows, where they differ."""
    if not found.title:
        return agreement
    read = head(found, lang)
    b = Builder(base, lang, {})
    update: dict[str, Any] = {}
    subject = str(read["title"])
    if subject != "Imported agreement" and subject.upper() != b.printed(base.title, "").upper():
        update["title"] = _in_lang(base.title, subject, lang, base)
    names = [str(p["name"]) for p in read["parties"]]
    if len(names) == len(base.parties) and not all(placeholder_party(n) for n in names):
        parties = []
        for party, shown in zip(base.parties, names, strict=True):
            if shown.upper() != b.printed(party.name, party.id).upper() and not ARTICLE_HEAD.match(shown):
                party = party.model_copy(update={"name": _in_lang(party.name, shown, lang, base)})
            parties.append(party)
        update["parties"] = parties
    return agreement.model_copy(update=update) if update else agreement


def _in_lang(before: Any, new: str, lang: str, base: Agreement) -> Any:
    if isinstance(before, dict):
        return {**before, lang: new}
    if lang == base.main_language or text_in(before, lang, main=base.main_language) is not None:
        return new
    return {base.main_language: before, lang: new}
