"""The JSON API under ``/api/``: the pages' operations for programs in any language (``/api/openapi.json``).

Each route reads JSON (or a multipart upload), calls :mod:`mou_kit.web.actions` as the page does,
and answers JSON, or the document's bytes; an error is ``{"error": {"code", "message", ...}}``
with a 4xx status. Every POST needs the header ``X-Requested-With`` (see :mod:`mou_kit.web.guard`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..errors import MouKitError
from ..workspace import Revision
from . import actions
from .numbered import page as numbered_page, plain
from .pages_read import download, root_of


def revision_row(revision: Revision) -> dict[str, Any]:
    """Return a revision as the API shows it (the fields of ``mou log --json``)."""
    return revision.model_dump(mode="json", exclude={"parents"}) | {"parents": list(revision.parents)}


async def _body(request: Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.body() or b"{}")
    except ValueError as e:
        raise MouKitError(f"the request body is not JSON: {e}", code="invalid-value") from None
    if not isinstance(data, dict):
        raise MouKitError("the request body must be a JSON object", code="invalid-value")
    return data


def _str(data: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise MouKitError(f"the request needs {key!r}", code="missing-key")
        return None
    if not isinstance(value, str):
        raise MouKitError(f"{key!r} must be a string, not {type(value).__name__}", code="invalid-value")
    return value


def _list(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MouKitError(f"{key!r} must be a list of strings", code="invalid-value")
    return value


def _date(value: str | None, key: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise MouKitError(f"{key}: {value!r} is not a date like 2023-07-18", code="invalid-value") from None


def agreements(request: Request) -> Response:
    """Every agreement under ROOT, most urgent first."""
    rows, failed = request.app.state.statuses(dt.date.today())
    root = root_of(request)
    return JSONResponse({"agreements": [{"name": root.name_of(r.path)} | r.to_dict() for r in rows],
                         "unreadable": [{"name": f.path.name, "error": f.error} for f in failed]})


def agreement(request: Request) -> Response:
    """The agreement at a revision: its data, its numbered rows per language and its lint findings."""
    name = request.path_params["name"]
    draft, revision = actions.read(root_of(request), name, request.query_params.get("ref") or "HEAD")
    view = numbered_page(draft)
    rows = [{"node": r.node, "kind": r.kind, "labels": r.labels, "texts": {k: plain(v) for k, v in r.texts.items()}}
            for r in view.rows]
    findings = [{"rule": f.rule, "name": f.name, "severity": str(f.severity), "node": f.node, "message": f.message}
                for fs in (*view.findings.values(), view.general) for f in fs]
    return JSONResponse({"name": name, "revision": revision_row(revision), "rows": rows, "findings": findings,
                         "agreement": draft.model_dump(mode="json", exclude_unset=True)})


def revisions(request: Request) -> Response:
    """The draft's revisions, newest first, or (``?node=``) those that changed one node."""
    node = request.query_params.get("node")
    name = request.path_params["name"]
    if node:
        _, found = actions.history(root_of(request), name, node)
        return JSONResponse({"revisions": [revision_row(r) | {"text": text} for r, text in found]})
    found_all = actions.timeline(root_of(request), name)
    return JSONResponse({"branch": found_all.branch, "revisions": [revision_row(r) for r in found_all.revisions]})


def meetings(request: Request) -> Response:
    """The meetings recorded, each with the revision its tag points at."""
    found = actions.timeline(root_of(request), request.path_params["name"])
    return JSONResponse({"meetings": [{"meeting": m.model_dump(mode="json", exclude_unset=True), "revision": sha}
                                      for m, sha in found.meetings]})


async def edit(request: Request) -> Response:
    """Change one node's text as a party, on the revision it was read at (409 when changed meanwhile)."""
    data = await _body(request)
    texts = data.get("texts")
    if not isinstance(texts, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
        raise MouKitError("'texts' must be an object of language -> text", code="invalid-value")
    revision = actions.edit(root_of(request), request.path_params["name"], node=_str(data, "node", required=True) or "",
                            party=_str(data, "party", required=True) or "", texts=texts,
                            read_at=_str(data, "read_at", required=True) or "", message=_str(data, "message"))
    return JSONResponse({"revision": revision_row(revision)}, status_code=201)


async def record(request: Request) -> Response:
    """Record a meeting with the draft's last revision, tagged meeting/<id>."""
    data = await _body(request)
    revision = actions.record(root_of(request), request.path_params["name"],
                              meeting_id=_str(data, "id", required=True) or "",
                              date=_date(_str(data, "date", required=True), "date") or dt.date.today(),
                              place=_str(data, "place", required=True) or "", title=_str(data, "title"),
                              chair=_str(data, "chair"), attendees=_list(data, "attendees"),
                              decisions=_list(data, "decisions"), responses=_list(data, "responses"),
                              outcome=_str(data, "outcome"))
    return JSONResponse({"meeting": revision.meeting, "tag": f"meeting/{revision.meeting}",
                         "revision": revision_row(revision)}, status_code=201)


def compare(request: Request) -> Response:
    """A comparison of two revisions as JSON, an HTML report, the DIM or the redline."""
    query = request.query_params
    kind = query.get("format", "json")
    return download(actions.compare(root_of(request), request.path_params["name"], query.get("a", ""),
                                    query.get("b", ""), kind), inline=kind != "redline" and kind != "dim-docx")


def render(request: Request) -> Response:
    """A signature-ready document of a revision."""
    query = request.query_params
    return download(actions.render(root_of(request), request.path_params["name"], query.get("ref") or "HEAD",
                                   query.get("format", "pdf"), lang=query.get("lang") or None))


async def advance(request: Request) -> Response:
    """Move the agreement to another lifecycle state."""
    data = await _body(request)
    revision, event = actions.advance(root_of(request), request.path_params["name"],
                                      state=_str(data, "state", required=True) or "", reason=_str(data, "reason"),
                                      date=_date(_str(data, "date"), "date"), party=_str(data, "party"))
    return JSONResponse({"previous": event.previous.value, "state": event.state.value,
                         "date": event.date.isoformat(), "revision": revision_row(revision)}, status_code=201)


async def _file(request: Request, part_size: int) -> tuple[Any, bytes, str, bytes | None]:
    from .pages_write import upload

    form = await request.form(max_part_size=part_size)
    found = await upload(form, "file")
    if found is None:
        await form.close()
        raise MouKitError("send the file as the multipart field 'file'", code="file-missing")
    roots = await upload(form, "trust")
    return form, found[0], found[1], roots[0] if roots else None


async def import_docx(request: Request) -> Response:
    """Read a Word file against the draft: a preview (``dry_run``, default) or, with ``base``, the commit."""
    form, data, filename, _ = await _file(request, request.app.state.limits.docx)
    name, party = request.path_params["name"], form.get("party") or None
    proposals = form.get("mode") == "proposals"
    base = form.get("base")
    if isinstance(base, str) and base:
        found = actions.import_commit(root_of(request), name, data, filename, party=party, as_proposals=proposals,
                                      base=base)
    else:
        found = actions.import_preview(root_of(request), name, data, filename, party=party, as_proposals=proposals)
    return JSONResponse({"base": found.base, "summary": found.summary, "notes": found.notes,
                         "revisions": [revision_row(r) for r in found.revisions]},
                        status_code=201 if found.revisions else 200)


async def verify(request: Request) -> Response:
    """Check a PDF's signatures and which revision of the agreement it is."""
    form, data, filename, roots = await _file(request, request.app.state.limits.pdf)
    found = actions.verify(root_of(request), request.path_params["name"], data, filename, trust=roots,
                           allow_unsigned=form.get("allow_unsigned") in ("1", "true", "on"),
                           allow_untrusted=form.get("allow_untrusted") in ("1", "true", "on"))
    return JSONResponse({"ok": found.ok, "revision": found.revision.id if found.revision else None,
                         "state": found.state.value if found.state else None,
                         "fingerprint": found.mark.fingerprint, "problems": found.problems,
                         "signatures": [{"party": c.party, "signer": c.signer, "ok": c.ok, "intact": c.intact,
                                         "trusted": c.trusted} for c in found.signatures]})


def openapi(request: Request) -> Response:
    """The OpenAPI description of this API."""
    from .openapi import document

    return JSONResponse(document())
