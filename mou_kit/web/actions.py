"""What the pages and the JSON API do, each one call (or a few) into mou_kit's public API.

Both front ends call these functions, so a page and its API route can never disagree. Nothing is
kept between requests: every call opens the agreement's repository, acts and closes it, so the
repositories are the only state and a restarted server has lost nothing.
"""

from __future__ import annotations

import base64
import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MouKitError, WorkspaceError
from ..model import Agreement, Meeting
from ..workspace import Revision, meeting_from_options, record_meeting
from .folders import Root

if TYPE_CHECKING:
    from ..lifecycle import Event
    from ..workflow import Verification

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA = {"pdf": "application/pdf", "docx": DOCX, "html": "text/html; charset=utf-8", "json": "application/json"}
RENDERINGS = ("pdf", "pdfa", "docx", "bilingual")
"""The documents the documents page offers; ``bilingual`` is the PDF in both languages side by side."""
COMPARISONS = ("html", "dim", "dim-docx", "redline", "json")


@dataclass(frozen=True, slots=True)
class Download:
    """A document to send: its bytes, media type and file name."""

    data: bytes
    media: str
    filename: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """The revisions of the draft branch, newest first, and the meetings with the revision each settled."""

    branch: str
    revisions: list[Revision]
    meetings: list[tuple[Meeting, str | None]]

    def since_last(self) -> tuple[str, str] | None:
        """Return (old, new) from the last meeting to the newest revision; before that meeting when none since."""
        tagged = [(m, sha) for m, sha in self.meetings if sha]
        if not tagged or not self.revisions:
            return None
        last, tip = tagged[-1], self.revisions[0].id
        if last[1] != tip:
            return last[0].id, tip
        return (tagged[-2][0].id, last[0].id) if len(tagged) > 1 else None


@dataclass(slots=True)
class Imported:
    """An import's preview or result: the diff lines, the importer's notes, the revisions committed."""

    base: str
    summary: list[str]
    notes: list[str]
    revisions: list[Revision] = field(default_factory=list)


def read(root: Root, name: str, ref: str = "HEAD") -> tuple[Agreement, Revision]:
    """Return the agreement ``name`` at ``ref`` and that revision."""
    with root.workspace(name) as ws:
        revision = ws.resolve(ref) if ref != "HEAD" else ws.log(limit=1)[0]
        return ws.read(revision.id), revision


def read_for(root: Root, name: str, party: str | None) -> tuple[Agreement, Revision]:
    """Return the agreement as ``party``'s proposal branch holds it (the draft where it has none) and its revision."""
    with root.workspace(name) as ws:
        draft = ws.read()
        names = [f"proposal/{p.id}" for p in draft.parties if p.id == party]
        for branch in names:
            try:
                revision = ws.resolve(branch)
            except WorkspaceError:
                break  # no proposal yet: the party starts from the draft
            return ws.read(revision.id), revision
        return draft, ws.log(limit=1)[0]


def history(root: Root, name: str, node: str, *, limit: int = 30) -> tuple[Agreement, list[tuple[Revision, object]]]:
    """Return the agreement and the revisions that changed ``node``, newest first, each with the node's text then."""
    with root.workspace(name) as ws:
        agreement = ws.read()
        if agreement.find(node) is None:
            raise MouKitError(f"no node has the id {node!r} in {name}", code="file-missing", node=node)
        out = []
        for revision in ws.log(node, limit=limit):
            found = ws.read(revision.id).find(node)
            out.append((revision, getattr(found, "text", None)))
        return agreement, out


def timeline(root: Root, name: str, *, limit: int = 200) -> Timeline:
    """Return the draft's revisions and meetings."""
    with root.workspace(name) as ws:
        tags = ws.meeting_tags()
        return Timeline(ws.branch, ws.log(limit=limit), [(m, tags.get(m.id)) for m in ws.meetings()])


def compare(root: Root, name: str, old: str, new: str, kind: str) -> Download:
    """Return the comparison of two revisions: HTML report, DIM (HTML or DOCX), redline DOCX or JSON diff."""
    from .. import diff_html, diff_json, diff_redline, diff_revisions, dim, write_dim
    from ..workspace.dim import meeting_facts

    if kind not in COMPARISONS:
        raise MouKitError(f"{kind!r} is not a comparison; choose one of {', '.join(COMPARISONS)}")
    with root.workspace(name) as ws:
        a, b = ws.resolve(old).id, ws.resolve(new).id  # names as the user gave them, "HEAD" as this branch's
        stem = f"{name}-{old}-{new}".replace("/", "-")
        if kind in ("dim", "dim-docx"):
            table = dim(ws, a, b)
            if kind == "dim":
                return Download(write_dim(table, format="html"), MEDIA["html"], f"{stem}.dim.html")
            return Download(write_dim(table, format="docx"), DOCX, f"{stem}.dim.docx")
        result = diff_revisions(ws, a, b, attribute=kind != "html")  # credits: as mou diff takes them
        if kind == "html":
            decisions, meeting = meeting_facts(ws, a, b)
            return Download(diff_html(result, decisions=decisions, meeting=meeting), MEDIA["html"], f"{stem}.html")
        if kind == "json":
            return Download(diff_json(result), MEDIA["json"], f"{stem}.json")
        return Download(diff_redline(ws.read(a), ws.read(b), result=result), DOCX, f"{stem}.redline.docx")


def edit(root: Root, name: str, *, node: str, party: str, texts: dict[str, str], read_at: str,
         message: str | None = None) -> Revision:
    """Return the revision on ``proposal/<party>`` changing ``node``'s text in the languages of ``texts``.

    The edit is made on the revision the editor read (``read_at``) and committed through
    :meth:`mou_kit.Workspace.commit`, which merges it clause by clause with what was committed
    since: an edit of another node lands, an edit of the same node meanwhile is refused
    (``merge-conflict`` naming the node), never overwritten.
    """
    branch = root.party_branch(name, party)
    with root.workspace(name, branch=branch) as ws:
        draft = ws.read(read_at)
        node_found = draft.find(node)
        if node_found is None or not hasattr(node_found, "text"):
            raise MouKitError(f"no clause, point or recital has the id {node!r} in {name}", code="file-missing",
                              node=node)
        unknown = sorted(set(texts) - set(draft.languages))
        if unknown:
            raise MouKitError(f"{', '.join(unknown)}: not a language of {name} ({', '.join(draft.languages)})",
                              code="unknown-language")
        for lang, text in texts.items():
            if text.strip():
                draft.set_text(node, text.strip(), lang=lang)
        return ws.commit(draft, message or f"Usulan {party}: {node}", proposed_by=party)


def changed_meanwhile(root: Root, name: str, node: str, lang: str) -> str:
    """Return the line telling an editor that ``node`` (named by its number as printed) changed since it was read."""
    from ..model import number
    from .strings import strings

    draft, _ = read(root, name)
    where = number(draft).ref(node, lang) if draft.find(node) is not None else node
    return strings(lang)["changed_meanwhile"].format(where=where, node=node)


def record(root: Root, name: str, *, meeting_id: str, date: dt.date, place: str, title: str | None,
           chair: str | None, attendees: list[str], decisions: list[str], responses: list[str],
           outcome: str | None) -> Revision:
    """Return the revision recording a meeting with the draft's last revision, tagged ``meeting/<id>``.

    ``chair`` and ``attendees`` are written ``Name|Institution|Role``, ``decisions``
    ``NODE=RESULT[/ASPECT]:TEXT`` and ``responses`` ``NODE=TEXT``, as ``mou meeting add`` takes them.
    """
    meeting = meeting_from_options(meeting_id, date, place, title=title, chair=chair, attendees=attendees,
                                   agenda=[], decisions=decisions, outcome=outcome, responses=responses)
    with root.workspace(name) as ws, root.workspace(name, branch=ws.branch) as draft:
        return record_meeting(draft, meeting, from_folder=False)


def _import(root: Root, name: str, data: bytes, filename: str, *, party: str | None, as_proposals: bool,
            dry_run: bool) -> Imported:
    from .. import import_revision

    safe = Path(filename).name if Path(filename).name.lower().endswith(".docx") else "upload.docx"
    with tempfile.TemporaryDirectory(prefix="mou-serve-") as tmp:  # only for this call: the bytes in a file
        path = Path(tmp) / safe
        path.write_bytes(data)
        with root.workspace(name) as ws:
            base = ws.log(limit=1)[0].id
        outcome = import_revision(root.folder(name), path, proposed_by=party, as_proposals=as_proposals,
                                  dry_run=dry_run)
    return Imported(base, outcome.summary, outcome.result.report(), outcome.revisions)


def import_preview(root: Root, name: str, data: bytes, filename: str, *, party: str | None,
                   as_proposals: bool) -> Imported:
    """Return what the Word file would change, committing nothing; ``base`` is the revision it was read against."""
    return _import(root, name, data, filename, party=party, as_proposals=as_proposals, dry_run=True)


def import_commit(root: Root, name: str, data: bytes, filename: str, *, party: str | None, as_proposals: bool,
                  base: str) -> Imported:
    """Commit the Word file previewed against ``base``; refused when the draft moved since the preview."""
    with root.workspace(name) as ws:
        tip = ws.log(limit=1)[0]
    if tip.id != base:
        raise WorkspaceError(f"{name}: revision {tip.short_id} was committed after the preview (made at "
                             f"{base[:10]}); preview the file again", code="merge-conflict")
    return _import(root, name, data, filename, party=party, as_proposals=as_proposals, dry_run=False)


def decode(field_value: str) -> bytes:
    """Return the file bytes a preview page sent back (base64).

    :raises MouKitError: the field is not base64.
    """
    try:
        return base64.b64decode(field_value, validate=True)
    except ValueError:
        raise MouKitError("the previewed file came back damaged; upload it again", code="source-invalid") from None


def render(root: Root, name: str, ref: str, kind: str, lang: str | None = None) -> Download:
    """Return a signature-ready document of the revision ``ref``: PDF, PDF/A, DOCX or the bilingual PDF."""
    from .. import render_docx, render_pdf

    if kind not in RENDERINGS:
        raise MouKitError(f"{kind!r} is not a document; choose one of {', '.join(RENDERINGS)}")
    agreement, revision = read(root, name, ref)
    if kind == "bilingual":
        lang = "+".join(agreement.languages)
    lang = lang or agreement.main_language
    stem, folder = f"{agreement.id}.{lang}.{revision.short_id}", root.folder(name)
    if kind == "docx":
        return Download(render_docx(agreement, lang=lang, folder=folder, revision=revision.short_id), DOCX,
                        f"{stem}.docx")
    data = render_pdf(agreement, lang=lang, folder=folder, pdfa=kind == "pdfa", revision=revision.short_id)
    return Download(data, MEDIA["pdf"], f"{stem}{'.pdfa' if kind == 'pdfa' else ''}.pdf")


def advance(root: Root, name: str, *, state: str, reason: str | None, date: dt.date | None,
            party: str | None) -> tuple[Revision, Event]:
    """Return the revision moving the draft to ``state`` (checked against the lifecycle's table and guards)."""
    from .. import advance_revision

    with root.workspace(name) as ws, root.workspace(name, branch=ws.branch) as draft:
        return advance_revision(draft, state, reason=reason, date=date, actor=party)


def moves(agreement: Agreement) -> list[str]:
    """Return the states the agreement may move to from where it is."""
    from ..lifecycle import allowed

    return [s.value for s in allowed(agreement.state)]


def verify(root: Root, name: str, data: bytes, filename: str, *, trust: bytes | None, allow_unsigned: bool,
           allow_untrusted: bool) -> Verification:
    """Return the verification of an uploaded PDF: its signatures and which revision of ``name`` it is."""
    from .. import verify_document

    return verify_document(data, trust=[trust] if trust else [], repository=root.folder(name),
                           name=Path(filename).name or "upload.pdf", allow_unsigned=allow_unsigned,
                           allow_untrusted=allow_untrusted or not trust)
