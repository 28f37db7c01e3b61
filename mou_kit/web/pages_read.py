"""The pages that read: portfolio, agreement text, a node's history, timeline, comparisons and documents."""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import Response

from . import actions
from .folders import Root
from .numbered import page as numbered_page
from .views import page


def root_of(request: Request) -> Root:
    """Return the ROOT the app serves."""
    root: Root = request.app.state.root
    return root


def download(found: actions.Download, *, inline: bool = False) -> Response:
    """Return ``found`` as a response: shown in the browser (HTML reports) or saved under its file name."""
    disposition = "inline" if inline else "attachment"
    return Response(found.data, media_type=found.media,
                    headers={"content-disposition": f'{disposition}; filename="{found.filename}"'})


def portfolio(request: Request) -> Response:
    """Every agreement under ROOT, most urgent first: state, next deadline, last meeting, open items."""
    today = dt.date.today()
    rows, failed = request.app.state.statuses(today)
    root = root_of(request)
    return page(request, "portfolio.html", rows=[(root.name_of(r.path), r, r.days_left(today)) for r in rows],
                failed=[(f.path.name, f.error) for f in failed], root=root.path.name)


def agreement(request: Request) -> Response:
    """The numbered text in each language side by side, lint findings under their node."""
    name = request.path_params["name"]
    ref = request.query_params.get("ref") or "HEAD"
    draft, revision = actions.read(root_of(request), name, ref)
    return page(request, "agreement.html", name=name, agreement=draft, revision=revision,
                view=numbered_page(draft), ref=ref, tab="text")


def node_history(request: Request) -> Response:
    """The revisions that changed one node: revision, date, party, meeting, and the node's text then."""
    name, node = request.path_params["name"], request.path_params["node"]
    draft, found = actions.history(root_of(request), name, node)
    return page(request, "history.html", name=name, agreement=draft, node=node, entries=found, tab="text")


def timeline(request: Request) -> Response:
    """Revisions and meetings; two picked (or since the last meeting) to compare."""
    name = request.path_params["name"]
    found = actions.timeline(root_of(request), name)
    draft, _ = actions.read(root_of(request), name)
    preset = found.since_last()
    old = request.query_params.get("a") or (preset[0] if preset else None)
    new = request.query_params.get("b") or (preset[1] if preset else None)
    pairs = [(found.meetings[i - 1][0].id, m.id) for i, (m, _) in enumerate(found.meetings) if i > 0]
    return page(request, "timeline.html", name=name, agreement=draft, timeline=found, old=old, new=new,
                preset=preset, pairs=pairs, tab="timeline")


def compare(request: Request) -> Response:
    """A comparison of two revisions: the HTML report or DIM shown, the DOCX ones downloaded."""
    query = request.query_params
    kind = query.get("kind", "html")
    found = actions.compare(root_of(request), request.path_params["name"], query.get("a", ""), query.get("b", ""),
                            kind)
    return download(found, inline=kind in ("html", "dim", "json"))


def documents(request: Request) -> Response:
    """Downloads of any revision, the lifecycle and its moves, and the PDF verifier."""
    name = request.path_params["name"]
    draft, revision = actions.read(root_of(request), name)
    found = actions.timeline(root_of(request), name)
    return page(request, "documents.html", name=name, agreement=draft, revision=revision, timeline=found,
                moves=actions.moves(draft), kinds=actions.RENDERINGS, tab="documents", verification=None)


def render(request: Request) -> Response:
    """A signature-ready document of a revision, downloaded."""
    query = request.query_params
    found = actions.render(root_of(request), request.path_params["name"], query.get("ref") or "HEAD",
                           query.get("kind", "pdf"), lang=query.get("lang") or None)
    return download(found)
