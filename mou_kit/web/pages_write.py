"""The pages that write: edit a node as a party, record a meeting, import a Word file, advance, verify.

Every POST reads its form through :func:`~mou_kit.web.views.posted` (the CSRF check) and calls one
function of :mod:`mou_kit.web.actions`; a user error comes back as its line on the page.
"""

from __future__ import annotations

import base64
import datetime as dt

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import MouKitError
from . import actions
from .pages_read import root_of
from .strings import chosen
from .views import lines, page, posted, status_of, text

RESULTS = ("disepakati", "tidak-disepakati", "dirumuskan-kembali", "pending", "dihapus")
ASPECTS = ("substansi", "redaksional")
DECISION_ROWS = 4


def edit_form(request: Request, party: str | None, *, status: int = 200, errors: list[str] | None = None,
              texts: dict[str, str] | None = None) -> Response:
    """The node's text in each language as the chosen party's branch holds it, and the revision it was read at."""
    name, node = request.path_params["name"], request.path_params["node"]
    shown, at = actions.read_for(root_of(request), name, party)
    found = shown.find(node)
    if found is None or not hasattr(found, "text"):
        raise MouKitError(f"no clause, point or recital has the id {node!r} in {name}", code="file-missing",
                          node=node)
    current = found.text
    values = {lang: (current.get(lang, "") if isinstance(current, dict) else
                     (current if lang == shown.main_language else "")) for lang in shown.languages}
    return page(request, "edit.html", status=status, name=name, agreement=shown, node=node, party=party or "",
                current=values, texts=texts or values, read_at=at.id, revision=at, errors=errors or [],
                saved=request.query_params.get("saved"), tab="text")


def edit(request: Request) -> Response:
    """Show the edit form of a node (GET ?party=)."""
    return edit_form(request, request.query_params.get("party") or None)


async def edit_post(request: Request) -> Response:
    """Commit the node's new text as a revision on the party's proposal branch.

    A refused edit (changed meanwhile, invalid) shows the form again with the words typed kept,
    the current text beside them, and the error naming the node.
    """
    form = await posted(request)
    name, node = request.path_params["name"], request.path_params["node"]
    party = text(form, "party")
    texts = {key.removeprefix("text_"): str(value) for key, value in form.multi_items()
             if key.startswith("text_") and isinstance(value, str)}
    try:
        if party is None:
            raise MouKitError("choose the party proposing the change", code="missing-key")
        revision = actions.edit(root_of(request), name, node=node, party=party, texts=texts,
                                read_at=text(form, "read_at") or "", message=text(form, "message"))
    except MouKitError as error:
        if error.code in ("file-missing", "bad-id"):
            raise  # no such agreement or node: nothing to show the form for
        shown = lines(error)
        if error.code == "merge-conflict" and error.node:
            shown.insert(0, actions.changed_meanwhile(root_of(request), name, error.node, chosen(request)[0]))
        return edit_form(request, party, status=status_of(error), errors=shown, texts=texts)
    target = request.url_for("edit", name=name, node=node).include_query_params(party=party, saved=revision.short_id)
    return RedirectResponse(str(target), status_code=303)


def meeting(request: Request) -> Response:
    """The form recording a meeting: date, place, chair, attendees and decisions per clause."""
    name = request.path_params["name"]
    draft, revision = actions.read(root_of(request), name)
    from .numbered import page as numbered

    nodes = [(row.node, " ".join(filter(None, [row.labels.get(draft.main_language, ""), row.node])))
             for row in numbered(draft).rows if row.editable]
    today = dt.date.today().isoformat()
    return page(request, "meeting.html", name=name, agreement=draft, revision=revision, nodes=nodes,
                results=RESULTS, aspects=ASPECTS, rows=DECISION_ROWS, today=today,
                recorded=request.query_params.get("recorded"), tab="meeting")


async def meeting_post(request: Request) -> Response:
    """Record the meeting with the draft's last revision, tagged meeting/<id>."""
    form = await posted(request)
    name = request.path_params["name"]
    day = text(form, "date") or ""
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        raise MouKitError(f"{day!r} is not a date like 2023-07-18", code="invalid-value") from None
    chair = "|".join(text(form, f"chair_{k}") or "" for k in ("name", "institution", "role")).rstrip("|")
    attendees = [line.strip() for line in (text(form, "attendees") or "").splitlines() if line.strip()]
    decisions, responses = [], []
    for node, result, aspect, words, answer in zip(*(form.getlist(f"decision_{k}") for k in
                                                     ("node", "result", "aspect", "text", "response")), strict=False):
        node, words, answer = str(node).strip(), str(words).strip(), str(answer).strip()
        if node and (result or words):
            decisions.append(f"{node}={result}{'/' + str(aspect) if aspect else ''}:{words}" if result else
                             f"{node}=pending:{words}")
        elif words:
            decisions.append(words)
        if node and answer:
            responses.append(f"{node}={answer}")
    revision = actions.record(root_of(request), name, meeting_id=text(form, "id") or "", date=date,
                              place=text(form, "place") or "", title=text(form, "title"),
                              chair=chair if chair.strip("|") else None, attendees=attendees, decisions=decisions,
                              responses=responses, outcome=text(form, "outcome"))
    target = request.url_for("meeting", name=name).include_query_params(recorded=revision.meeting or "")
    return RedirectResponse(str(target), status_code=303)


def importer(request: Request) -> Response:
    """The upload form for a counterpart's Word file."""
    name = request.path_params["name"]
    draft, revision = actions.read(root_of(request), name)
    return page(request, "import.html", name=name, agreement=draft, revision=revision, preview=None,
                done=request.query_params.get("done"), tab="import")


async def upload(form: FormData, field: str) -> tuple[bytes, str] | None:
    """Return the bytes and name of the file in ``field`` (its spooled copy closed at once), or ``None``."""
    item = form.get(field)
    if not isinstance(item, UploadFile):
        return None
    try:
        return (await item.read(), item.filename) if item.filename else None
    finally:
        await item.close()


async def import_preview(request: Request) -> Response:
    """Read the uploaded file against the draft and show what it would change; nothing is committed."""
    form = await posted(request)
    name = request.path_params["name"]
    sent = await upload(form, "file")
    if sent is None:
        raise MouKitError("choose a Word file (.docx) to import", code="file-missing")
    data, filename = sent
    party, proposals = text(form, "party"), form.get("mode") == "proposals"
    found = actions.import_preview(root_of(request), name, data, filename, party=party, as_proposals=proposals)
    draft, revision = actions.read(root_of(request), name)
    return page(request, "import.html", name=name, agreement=draft, revision=revision, preview=found, done=None,
                filename=filename, party=party or "", mode="proposals" if proposals else "accept",
                payload=base64.b64encode(data).decode(), tab="import")


async def import_commit(request: Request) -> Response:
    """Commit the previewed file (sent back by the preview page), or discard it."""
    limits = request.app.state.limits
    form = await posted(request, part_size=limits.docx * 4 // 3 + 4)
    name = request.path_params["name"]
    if form.get("action") != "commit":
        return RedirectResponse(str(request.url_for("importer", name=name).include_query_params(done="discarded")),
                                status_code=303)
    data = actions.decode(text(form, "payload") or "")
    found = actions.import_commit(root_of(request), name, data, text(form, "filename") or "upload.docx",
                                  party=text(form, "party"), as_proposals=form.get("mode") == "proposals",
                                  base=text(form, "base") or "")
    done = ",".join(r.short_id for r in found.revisions) or "none"
    return RedirectResponse(str(request.url_for("importer", name=name).include_query_params(done=done)),
                            status_code=303)


async def advance(request: Request) -> Response:
    """Move the agreement to another lifecycle state (the guards decide), recorded as a revision."""
    form = await posted(request)
    name = request.path_params["name"]
    day = text(form, "date")
    try:
        date = dt.date.fromisoformat(day) if day else None
    except ValueError:
        raise MouKitError(f"{day!r} is not a date like 2023-08-01", code="invalid-value") from None
    revision, event = actions.advance(root_of(request), name, state=text(form, "state") or "",
                                      reason=text(form, "reason"), date=date, party=text(form, "party"))
    moved = f"{event.previous.value}->{event.state.value}@{revision.short_id}"
    return RedirectResponse(str(request.url_for("documents", name=name).include_query_params(moved=moved)),
                            status_code=303)


async def verify(request: Request) -> Response:
    """Check an uploaded PDF: its signatures and which revision it is; the result on the documents page."""
    limits = request.app.state.limits
    form = await posted(request, part_size=limits.pdf)
    name = request.path_params["name"]
    sent = await upload(form, "file")
    if sent is None:
        raise MouKitError("choose a PDF to verify", code="file-missing")
    trust = await upload(form, "trust")
    found = actions.verify(root_of(request), name, sent[0], sent[1], trust=trust[0] if trust else None,
                           allow_unsigned=form.get("allow_unsigned") == "on",
                           allow_untrusted=form.get("allow_untrusted") == "on")
    draft, revision = actions.read(root_of(request), name)
    return page(request, "documents.html", name=name, agreement=draft, revision=revision,
                timeline=actions.timeline(root_of(request), name), moves=actions.moves(draft),
                kinds=actions.RENDERINGS, tab="documents", verification=found)
