"""How a file's structure becomes an agreement whose nodes keep the ids of the revision it came from.

A node keeps its id when our own bookmark names it, else when the diff's alignment
(``diff.match.align``) pairs it with a node of the base by similar text; only the rest get new
ids. A text printed exactly as the base prints it keeps the base's markup (variables,
cross-references, other languages).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from ..diff.match import align
from ..errors import MouKitError
from ..model import Agreement, Article, Clause, Point, Recital, number
from ..model.ids import bookmark_name, slugify
from ..model.locale import locale_for
from ..model.printed import PrintedText
from ..model.walk import iter_body, iter_ids
from ._lines import Line
from ._result import VariableEdit
from ._structure import Layout, Parsed
from ._variables import apply_edits, new_printed, read_edit

_VARIABLE = re.compile(r"\{\{.*?\}\}", re.S)
_PLACEHOLDER = "imported-node-"


def hints(base: Agreement | None, lang: str) -> dict[str, tuple[str, str]]:
    """Return bookmark name -> (node id, kind) for every node of ``base``."""
    if base is None:
        return {}
    out = {bookmark_name(lang, party.id): (party.id, "party") for party in base.parties}
    out.update({bookmark_name(lang, node.id): (node.id, node.kind) for node in iter_body(base)})
    return out


class Builder:
    """Turns one layout into an agreement against one base; build one per import and view."""

    def __init__(self, base: Agreement, lang: str, bookmark_ids: dict[str, tuple[str, str]]) -> None:
        self.base = base
        self.lang = lang
        self.bookmark_ids = bookmark_ids
        numbering = number(base)
        self.numbering = numbering
        self.drift: list[tuple[Parsed, str, str, str]] = []
        """Edited texts that lost a variable's value: (node read, node id, expression, value printed before)."""
        self.edits: list[VariableEdit] = []
        """Edited values written back into their variables (see :mod:`._variables`)."""
        self.refused: frozenset[str] = frozenset()
        self.print = PrintedText(base, lang, numbering=numbering)
        self.tr = self.print.own
        self.texts: dict[str, Any] = {node.id: node.text for node in iter_body(base)}
        self._fresh: Iterator[int] = itertools.count(1)
        self.nodes: dict[str, Parsed] = {}

    def printed(self, text: Any, node: str) -> str:
        """Return how the base prints ``text`` of ``node`` in the file's language (main one as fallback)."""
        return self.print.shown(text, context=node)

    def text(self, parsed: Parsed, node: str | None) -> Any:
        """Return the model text of ``parsed``: the base's own when printed alike, else the file's."""
        before = self.texts.get(node) if node else None
        heading = parsed.kind == "article"
        if before is not None:
            printed = self.printed(before, node or "")
            if printed == parsed.text or (heading and printed.upper() == parsed.text.upper()):
                return before
        new = self._restore(parsed, before, node)
        if heading and new.isupper():
            new = _recase(new, self.printed(before, node or "") if before is not None else "")
        if before is None:
            return new if self.lang == self.base.main_language else {self.lang: new}
        if isinstance(before, dict):
            return {**before, self.lang: new}
        return new if self.lang == self.base.main_language else {self.base.main_language: before, self.lang: new}

    def _restore(self, parsed: Parsed, before: Any, node: str | None) -> str:
        text = parsed.text
        groups: list[tuple[int, int, str]] = []
        for start, end, name in parsed.refs:
            known = self.bookmark_ids.get(name)
            if known is None:
                continue
            if groups and start - groups[-1][1] <= 12 and not re.search(r"[.;:,]", text[groups[-1][1]:start]):
                groups[-1] = (groups[-1][0], end, known[0])
            else:
                groups.append((start, end, known[0]))
        for start, end, target in reversed(groups):
            start = self._cited_from(text, start, end, target, node)
            text = f"{text[:start]}[[{target}]]{text[end:]}"
        raw = self.tr.pick(before) if before is not None else None
        if raw:
            printed = self.printed(before, node or "")
            for expression in sorted(set(_VARIABLE.findall(raw))):
                try:
                    value = self.tr.fill(expression, context=node)
                except MouKitError:
                    continue
                if value and text.count(value) == 1 and printed.count(value) == 1:
                    text = text.replace(value, expression)
                elif value and value not in text and printed.count(value) == 1:
                    shown = new_printed(printed, value, parsed.text)
                    edit = read_edit(self.base, self.lang, expression, shown, node=node or "",
                                     paragraph=parsed.line.index, printed_old=value, refused=self.refused) \
                        if shown and text.count(shown) == 1 else None
                    if edit is None:
                        self.drift.append((parsed, node or "", expression, value))
                    else:
                        self.edits.append(edit)
                        text = text.replace(edit.printed_new, expression)
        return text

    def _cited_from(self, text: str, start: int, end: int, target: str, node: str | None) -> int:
        """Return where the citation of ``target`` starts: our renderer prints "ayat " as text before the
        field "(1)", so the words before the field that belong to the citation go with it."""
        try:
            cited = self.numbering.ref(target, self.lang, context=node)
        except KeyError:
            return start
        shown = text[start:end]
        if cited.endswith(shown) and len(cited) > len(shown):
            lead = cited[:-len(shown)]
            if text[:start].endswith(lead):
                return start - len(lead)
        return start

    def fresh(self) -> str:
        """Return a placeholder id for a node not (yet) matched."""
        return f"{_PLACEHOLDER}{next(self._fresh)}"


def build(layout: Layout, base: Agreement, lang: str, bookmark_ids: dict[str, tuple[str, str]],
          drift: list[tuple[Parsed, str, str, str]] | None = None,
          edits: list[VariableEdit] | None = None) -> tuple[
        Agreement, dict[str, Parsed], tuple[int, int, int]]:
    """Return the agreement ``layout`` describes, nodes matched to ``base``, the node of each id,
    and how many nodes were matched by bookmark, by similarity, and are new. An edited value of a
    variable is written into the variable (added to ``edits``) when the edit changed only that
    value and the variable prints it again; other texts that lost a variable's value go to ``drift``.
    """
    b = Builder(base, lang, bookmark_ids)
    used: set[str] = set()
    kinds = {v[0]: v[1] for v in bookmark_ids.values()}

    def ident(parsed: Parsed, kind: str) -> str:
        hint = parsed.hint
        if hint is not None and hint not in used and kinds.get(hint) == kind:
            used.add(hint)
            b.nodes[hint] = parsed
            return hint
        new = b.fresh()
        b.nodes[new] = parsed
        return new

    def point(p: Parsed) -> dict[str, Any]:
        pid = ident(p, "point")
        return {"id": pid, "text": p, "points": [point(q) for q in p.children]}

    recitals = [{"id": ident(r, "recital"), "text": r} for r in layout.recitals]
    articles = []
    for a in layout.articles:
        aid = ident(a, "article")
        clauses = [{"id": ident(c, "clause"), "text": c, "points": [point(p) for p in c.children]}
                   for c in a.children]
        articles.append({"id": aid, "heading": a, "clauses": clauses})
    by_hint = len(used)
    draft = _assemble(base, recitals, articles, lambda p, nid: p.text or "-")
    rename: dict[str, str] = {}
    for new_id, old_id in align(base, draft).old_of.items():
        if new_id.startswith(_PLACEHOLDER) and old_id not in used:
            rename[new_id] = old_id
            used.add(old_id)
    taken = set(used) | {p.id for p in base.parties} | {a.id for a in base.annexes} | \
        {t.id for t in base.defined_terms}
    fresh = 0
    for _, nid in iter_ids(draft):
        if nid.startswith(_PLACEHOLDER) and nid not in rename:
            rename[nid] = _new_id(b.nodes[nid], taken)
            taken.add(rename[nid])
            fresh += 1
    nodes = {rename.get(k, k): v for k, v in b.nodes.items()}

    def text_of(parsed: Parsed, nid: str) -> Any:
        return b.text(parsed, rename.get(nid, nid)) if parsed.text else "-"

    agreement = _assemble(base, recitals, articles, text_of, rename)
    agreement, disagree = apply_edits(agreement, b.edits)
    if disagree:  # two texts give one variable different values: keep both as typed, and report them
        b.refused, b.edits, b.drift = frozenset(e.path for e in disagree), [], []
        agreement, _ = apply_edits(_assemble(base, recitals, articles, text_of, rename), b.edits)
    if drift is not None:
        drift += b.drift
    if edits is not None:
        edits += b.edits
    return agreement, nodes, (by_hint, len(rename) - fresh, fresh)


def _recase(heading: str, before: str) -> str:
    """Return an upper-case heading in the case the base wrote its words, new words capitalised."""
    known = {w.upper(): w for w in before.split()}
    words = heading.split(" ")
    return " ".join(known.get(w, w.capitalize() if i == 0 or len(w) > 3 else w.lower())
                    for i, w in enumerate(words))


def _new_id(parsed: Parsed, taken: set[str]) -> str:
    stem = slugify(" ".join(parsed.text.split()[:6]))[:40].strip("-") or parsed.kind
    if stem[0].isdigit() or stem in taken:
        stem = f"{parsed.kind}-{stem}"[:40].strip("-")
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def _assemble(base: Agreement, recitals: list[dict[str, Any]], articles: list[dict[str, Any]],
              text_of: Any, rename: dict[str, str] | None = None) -> Agreement:
    rename = rename or {}

    def rid(nid: str) -> str:
        return rename.get(nid, nid)

    def points(items: list[dict[str, Any]]) -> list[Point]:
        return [Point(id=rid(p["id"]), text=text_of(p["text"], p["id"]), points=points(p["points"]))
                for p in items]

    old_articles = {a.id: a for a in base.articles}
    old_clauses = {c.id: c for a in base.articles for c in a.clauses}
    built = []
    for a in articles:
        aid = rid(a["id"])
        clauses = [Clause(id=rid(c["id"]), text=text_of(c["text"], c["id"]), points=points(c["points"]),
                          source=old_clauses[rid(c["id"])].source if rid(c["id"]) in old_clauses else None)
                   for c in a["clauses"]]
        if not clauses:
            continue
        built.append(Article(id=aid, heading=text_of(a["heading"], a["id"]), clauses=clauses,
                             source=old_articles[aid].source if aid in old_articles else None))
    data = base.model_copy(update={
        "recitals": [Recital(id=rid(r["id"]), text=text_of(r["text"], r["id"])) for r in recitals],
        "articles": built,
    })
    return data


def placeholder_party(name: str) -> bool:
    """Return whether ``name`` is what an import calls a party it could not name ("PIHAK 1"), in any language."""
    from ..model.locale import available_languages

    for lang in available_languages():
        pattern = re.escape(locale_for(lang).party_placeholder).replace(r"\{n\}", r"\d+")
        if re.fullmatch(pattern, name):
            return True
    return False


def head(layout: Layout, lang: str) -> dict[str, Any]:
    """Return the data of an agreement head read from the title block alone (no base to start from)."""
    return read_title(layout, lang)[0]


_ASIDE = re.compile(r"^(dated|date|tanggal|dibuat|made)\b", re.I)


def read_title(layout: Layout, lang: str) -> tuple[dict[str, Any], list[Line]]:
    """Return the agreement head the title block shows, and its lines the head has no place for.

    The block reads: the kind ("NOTA KESEPAHAMAN"), BETWEEN/ANTARA names joined by AND/DENGAN,
    NUMBER/NOMOR lines (the parties' numbers, in order), ON/TENTANG and the subject. Without
    ON/TENTANG the lines before BETWEEN are the subject.
    """
    loc = locale_for(lang)
    lines = layout.title
    kind = next((k for k, v in loc.kinds.items() if lines and lines[0].text.strip().upper() == v["title"]), "")
    names: list[str] = []
    numbers: list[str] = []
    number_lines: list[Line] = []
    subject: list[str] = []
    lead: list[Line] = []
    unused: list[Line] = []
    stage = "start"
    for line in lines[1 if kind else 0:]:
        w = line.text.strip()
        upper = w.upper()
        if upper == loc.title["between"]:
            stage = "names"
            names.append("")
        elif upper in (loc.title["with"], loc.title["and"]) and stage == "names":
            names.append("")
        elif upper.startswith(loc.title["number"]):
            stage = "numbers"
            numbers.append(w[len(loc.title["number"]):].strip(" :"))
            number_lines.append(line)
        elif upper == loc.title["about"]:
            stage = "subject"
        elif _ASIDE.match(w) or stage == "numbers":
            stage = "aside"
            unused.append(line)
        elif stage == "names" and names:
            names[-1] = f"{names[-1]} {w}".strip()
        elif stage == "subject":
            subject.append(w)
        elif stage == "start":
            lead.append(line)
        else:
            unused.append(line)
    if not subject:
        subject = [line.text.strip() for line in lead]
        if not subject and kind:
            # a heading naming only the kind of document ("PERJANJIAN KERJA SAMA"): it is the title
            subject = [lines[0].text.strip()]
    else:
        unused += lead
    names = [n for n in names if n]
    if len(numbers) != len(names):
        unused += number_lines
    while len(names) < 2:
        names.append(loc.party_placeholder.format(n=len(names) + 1))
    parties, seen = [], set()
    for k, n in enumerate(names):
        pid = slugify(n)[:40].strip("-") or "party"
        while pid in seen:
            pid = f"{pid}-x"
        seen.add(pid)
        party: dict[str, Any] = {"id": pid, "name": n, "short_name": n}
        if len(numbers) == len(names) and numbers[k]:
            party["number"] = numbers[k]
        parties.append(party)
    title = " ".join(subject) or "Imported agreement"
    return ({"id": slugify(title)[:40].strip("-") or "imported", "kind": "mou", "languages": [lang],
             "title": title, "parties": parties}, sorted(unused, key=lambda line: line.index))
