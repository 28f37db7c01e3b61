"""How an outline reads as plain JSON data, the only form in which the typst template sees an agreement.

Texts stay strings in runs (``{"t": text, "b": bold, "r": ref}``); nothing here is markup, so
no clause text can ever become typst code.
"""

from __future__ import annotations

from typing import Any

from ._document import DocumentInfo
from .outline import AnnexBlock, ArticleBlock, Outline, Para, PointBlock, Run

Json = dict[str, Any]


class _Targets(set[str]):
    """The ids a document may link to; ``used`` collects those some run does link to."""

    def __init__(self, ids: set[str]) -> None:
        super().__init__(ids)
        self.used: set[str] = set()


def _runs(runs: list[Run], targets: _Targets) -> list[Json]:
    linked = [r.ref if r.ref in targets else None for r in runs]
    targets.used.update(ref for ref in linked if ref is not None)
    return [{"t": r.text, "b": r.bold, "r": ref} for r, ref in zip(runs, linked, strict=True)]


def _para(p: Para | None, targets: _Targets, place: str | None = None) -> Json | None:
    """``place`` names a paragraph without a node id (opening, closing...) for :data:`PLACES`."""
    if p is None:
        return None
    return {"label": p.label, "id": p.node or place, "runs": _runs(p.runs, targets)}


def _point(p: PointBlock, targets: _Targets) -> Json:
    return {"id": p.node, "label": p.label, "depth": p.depth, "runs": _runs(p.runs, targets),
            "points": [_point(q, targets) for q in p.points]}


def _article(a: ArticleBlock, targets: _Targets) -> Json:
    return {"id": a.node, "label": a.label, "heading": a.heading, "clauses": [
        {"id": c.node, "label": c.label, "runs": _runs(c.runs, targets),
         "points": [_point(p, targets) for p in c.points]} for c in a.clauses]}


def _annex(a: AnnexBlock, targets: _Targets) -> Json:
    return {"id": a.node, "label": a.label, "title": a.title, "runs": _runs(a.runs, targets)}


PLACES = ("_opening", "_together", "_recitals_intro", "_formula", "_closing")
"""The paragraphs without a node id that may start a page, as the pagination marks name them."""


def places_of(doc: Outline) -> set[str]:
    """Return every id that may start a page: the link targets, parties, recitals and :data:`PLACES`."""
    return targets_of(doc) | {p.node for p in [*doc.parties, *doc.recitals] if p.node} | set(PLACES)


def targets_of(doc: Outline) -> set[str]:
    """Return the ids a document marks as link targets: articles, clauses and points."""
    out: set[str] = set()

    def points(ps: list[PointBlock]) -> None:
        for p in ps:
            out.add(p.node)
            points(p.points)

    for a in doc.articles:
        out.add(a.node)
        for c in a.clauses:
            out.add(c.node)
            points(c.points)
    return out


def outline_data(doc: Outline, *, mark_all: bool = False) -> Json:
    """Return ``doc`` as JSON-ready data: every block, label and run, no markup.

    ``targets`` lists the ids some cross-reference points at, the places the template marks;
    with ``mark_all`` it lists every place a page may start at (:func:`places_of`).
    """
    targets = _Targets(targets_of(doc))
    loc = doc.locale
    data: Json = {
        "lang": doc.lang,
        "title": {"lines": doc.title.lines, "numbers": doc.title.numbers, "about": doc.title.about,
                  "subject": doc.title.subject},
        "opening": _para(doc.opening, targets, "_opening"),
        "parties": [_para(p, targets) for p in doc.parties],
        "together": _para(doc.together, targets, "_together"),
        "recitals_intro": _para(doc.recitals_intro, targets, "_recitals_intro"),
        "recitals": [_para(p, targets) for p in doc.recitals],
        "formula": _para(doc.formula, targets, "_formula"),
        "articles": [_article(a, targets) for a in doc.articles],
        "closing": _para(doc.closing, targets, "_closing"),
        "signatures": [{"party": s.party, "label": s.label, "institution": s.institution,
                        "position": s.position, "name": s.name, "rank_line": s.rank_line,
                        "on_behalf": s.on_behalf, "above": list(s.above), "below": list(s.below)}
                       for s in doc.signatures],
        "annexes": [_annex(a, targets) for a in doc.annexes],
        "meterai": doc.meterai,
        "meterai_text": loc.phrases["meterai"],
        "stamp": doc.stamp,
    }
    data["targets"] = sorted(places_of(doc) if mark_all else targets.used)
    return data


def document_data(docs: list[Outline], info: DocumentInfo, *, layout: str,
                  logos: list[str | None], mark_all: bool = False) -> Json:
    """Return everything the typst template draws: the outlines (one per language), layout, footer facts.

    ``layout`` is "single", "side-by-side" or "sequential"; ``logos`` are paths the template can read.
    """
    return {
        "layout": layout,
        "docs": [outline_data(d, mark_all=mark_all) for d in docs],
        "info": {"revision": info.revision.id, "fingerprint": info.fingerprint, "short": info.short,
                 "watermark": info.watermark, "page": info.page, "initials": info.initials,
                 "title": info.title, "subject": info.subject, "parties": info.parties,
                 "keywords": [info.keywords]},
        "logos": logos,
    }
