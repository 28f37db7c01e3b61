"""How an outline reads as plain JSON data, the only form in which the typst template sees an agreement.

Texts stay strings in runs (``{"t": text, "b": bold, "r": ref}``); nothing here is markup, so
no clause text can ever become typst code.
"""

from __future__ import annotations

from typing import Any

from .document import DocumentInfo
from .outline import AnnexBlock, ArticleBlock, Outline, Para, PointBlock, Run

Json = dict[str, Any]


def _runs(runs: list[Run], targets: set[str]) -> list[Json]:
    return [{"t": r.text, "b": r.bold, "r": r.ref if r.ref in targets else None} for r in runs]


def _para(p: Para | None, targets: set[str]) -> Json | None:
    if p is None:
        return None
    return {"label": p.label, "id": p.node, "runs": _runs(p.runs, targets)}


def _point(p: PointBlock, targets: set[str]) -> Json:
    return {"id": p.node, "label": p.label, "depth": p.depth, "runs": _runs(p.runs, targets),
            "points": [_point(q, targets) for q in p.points]}


def _article(a: ArticleBlock, targets: set[str]) -> Json:
    return {"id": a.node, "label": a.label, "heading": a.heading, "clauses": [
        {"id": c.node, "label": c.label, "runs": _runs(c.runs, targets),
         "points": [_point(p, targets) for p in c.points]} for c in a.clauses]}


def _annex(a: AnnexBlock, targets: set[str]) -> Json:
    return {"id": a.node, "label": a.label, "title": a.title, "runs": _runs(a.runs, targets)}


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


def _referenced(data: Any) -> set[str]:
    """Return the ids that the runs anywhere in ``data`` point at."""
    if isinstance(data, list):
        return set().union(*map(_referenced, data)) if data else set()
    if not isinstance(data, dict):
        return set()
    own = {data["r"]} if "t" in data and data.get("r") else set()
    return own.union(*map(_referenced, data.values()))


def outline_data(doc: Outline) -> Json:
    """Return ``doc`` as JSON-ready data: every block, label and run, no markup.

    ``targets`` lists the ids some cross-reference points at, the places the template marks.
    """
    targets = targets_of(doc)
    loc = doc.locale
    data: Json = {
        "lang": doc.lang,
        "title": {"lines": doc.title.lines, "numbers": doc.title.numbers, "about": doc.title.about,
                  "subject": doc.title.subject},
        "opening": _para(doc.opening, targets),
        "parties": [_para(p, targets) for p in doc.parties],
        "together": _para(doc.together, targets),
        "recitals_intro": _para(doc.recitals_intro, targets),
        "recitals": [_para(p, targets) for p in doc.recitals],
        "formula": _para(doc.formula, targets),
        "articles": [_article(a, targets) for a in doc.articles],
        "closing": _para(doc.closing, targets),
        "signatures": [{"party": s.party, "label": s.label, "institution": s.institution,
                        "position": s.position, "name": s.name, "rank_line": s.rank_line,
                        "on_behalf": s.on_behalf}
                       for s in doc.signatures],
        "annexes": [_annex(a, targets) for a in doc.annexes],
        "meterai": doc.meterai,
        "meterai_text": loc.phrases["meterai"],
        "stamp": doc.stamp,
    }
    data["targets"] = sorted(_referenced(data))
    return data


def document_data(docs: list[Outline], info: DocumentInfo, *, layout: str,
                  logos: list[str | None]) -> Json:
    """Return everything the typst template draws: the outlines (one per language), layout, footer facts.

    ``layout`` is "single", "side-by-side" or "sequential"; ``logos`` are paths the template can read.
    """
    return {
        "layout": layout,
        "docs": [outline_data(d) for d in docs],
        "info": {"revision": info.revision, "fingerprint": info.fingerprint, "short": info.short,
                 "watermark": info.watermark, "page": info.page, "initials": info.initials,
                 "title": info.title, "subject": info.subject, "parties": info.parties,
                 "keywords": [info.keywords]},
        "logos": logos,
    }
