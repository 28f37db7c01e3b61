"""Whole-paragraph tracked changes written the way LibreOffice and Word write them.

A deleted paragraph has its runs in ``w:del`` (``w:delText``) and its paragraph mark deleted
(``w:pPr/w:rPr/w:del``); an inserted one the same with ``w:ins``; a move wraps the old place in
``w:moveFrom`` and the new one in ``w:moveTo``, the bookmark going with the text; a split is a
new paragraph mark, inserted, in the middle of a paragraph; a join is a paragraph mark deleted.
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

from mou_kit.importers._ooxml import W

DATE = "2026-12-01T09:00:00Z"
_IDS = itertools.count(5000)


def _mark(p: Any, kind: str, author: str) -> None:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = p.makeelement(f"{W}pPr", {})
        p.insert(0, ppr)
    rpr = ppr.find(f"{W}rPr")
    if rpr is None:
        rpr = ppr.makeelement(f"{W}rPr", {})
        ppr.append(rpr)
    rpr.append(rpr.makeelement(f"{W}{kind}", {f"{W}id": str(next(_IDS)), f"{W}author": author, f"{W}date": DATE}))


def _wrap_runs(p: Any, kind: str, author: str) -> None:
    """Put every top-level run and field of ``p`` inside one ``w:<kind>`` per run."""
    for child in list(p):
        if child.tag not in (f"{W}r", f"{W}fldSimple", f"{W}hyperlink"):
            continue
        wrapper = child.makeelement(f"{W}{kind}", {f"{W}id": str(next(_IDS)), f"{W}author": author,
                                                   f"{W}date": DATE})
        child.addprevious(wrapper)
        wrapper.append(child)
        if kind in ("del", "moveFrom"):
            for t in child.iter(f"{W}t"):
                t.tag = f"{W}delText"
            for t in child.iter(f"{W}instrText"):
                t.tag = f"{W}delInstrText"


def delete_paragraph(p: Any, author: str) -> None:
    """Delete paragraph ``p`` whole, as a tracked deletion by ``author`` (text and paragraph mark)."""
    _wrap_runs(p, "del", author)
    _mark(p, "del", author)


def insert_paragraph(after: Any, text: str, author: str, like: Any | None = None) -> Any:
    """Insert a paragraph holding ``text`` after ``after`` (formatted as ``like``) as a tracked insertion."""
    model = like if like is not None else after
    new = after.makeelement(f"{W}p", {})
    ppr = model.find(f"{W}pPr")
    if ppr is not None:
        new.append(copy.deepcopy(ppr))
        for old in new.findall(f"{W}pPr/{W}rPr"):
            old.getparent().remove(old)
    run = new.makeelement(f"{W}r", {})
    t = run.makeelement(f"{W}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
    t.text = text
    run.append(t)
    new.append(run)
    _wrap_runs(new, "ins", author)
    _mark(new, "ins", author)
    after.addnext(new)
    return new


def move_paragraph(p: Any, after: Any, author: str) -> Any:
    """Move paragraph ``p`` to just after ``after`` as a tracked move; its bookmarks go with it."""
    moved = copy.deepcopy(p)
    for bookmark in [*p.iter(f"{W}bookmarkStart"), *p.iter(f"{W}bookmarkEnd")]:
        bookmark.getparent().remove(bookmark)
    _wrap_runs(p, "moveFrom", author)
    _mark(p, "moveFrom", author)
    for old in moved.findall(f"{W}pPr/{W}rPr"):
        old.getparent().remove(old)
    _wrap_runs(moved, "moveTo", author)
    _mark(moved, "moveTo", author)
    after.addnext(moved)
    return moved


def split_paragraph(p: Any, anchor: str, author: str) -> Any:
    """Split ``p`` just before ``anchor`` (inside one run): the first part gets a new, inserted mark."""
    for t in p.iter(f"{W}t"):
        if t.text and anchor in t.text:
            break
    else:
        raise LookupError(anchor)
    run = t.getparent()
    at = t.text.index(anchor)
    second = copy.deepcopy(p)
    for bookmark in [*second.iter(f"{W}bookmarkStart"), *second.iter(f"{W}bookmarkEnd")]:
        bookmark.getparent().remove(bookmark)
    # the second paragraph keeps the runs from the anchor on, the first the runs before it
    runs_first = [r for r in p if r.tag == f"{W}r"]
    index = runs_first.index(run)
    runs_second = [r for r in second if r.tag == f"{W}r"]
    for r in runs_first[index + 1:]:
        p.remove(r)
    for r in runs_second[:index]:
        second.remove(r)
    second_t = next(runs_second[index].iter(f"{W}t"))
    second_t.text = t.text[at:]
    t.text = t.text[:at].rstrip()
    _mark(p, "ins", author)
    p.addnext(second)
    return second


def join_paragraphs(p: Any, author: str) -> None:
    """Join ``p`` with the paragraph after it: its paragraph mark deleted, as a tracked change."""
    _mark(p, "del", author)


def replace_text(p: Any, old: str, new: str, author: str) -> None:
    """Replace ``old`` by ``new`` in ``p`` as a tracked deletion and insertion (``old`` inside one run)."""
    from mou_kit.demo.counterpart import track_delete

    track_delete(p, old, author, id_=next(_IDS))
    deleted = next(el for el in p.iter(f"{W}del") if "".join(x.text or "" for x in el.iter(f"{W}delText")) == old)
    run = copy.deepcopy(next(deleted.iter(f"{W}r")))
    for child in list(run):
        if child.tag != f"{W}rPr":
            run.remove(child)
    t = run.makeelement(f"{W}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
    t.text = new
    run.append(t)
    wrapper = run.makeelement(f"{W}ins", {f"{W}id": str(next(_IDS)), f"{W}author": author, f"{W}date": DATE})
    wrapper.append(run)
    deleted.addnext(wrapper)
