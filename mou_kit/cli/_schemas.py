"""The JSON Schema of every ``--json`` document, as pydantic models: one source for the docs and the tests.

``docs/cli-json.md`` is written from :data:`DOCUMENTS` by ``python -m mou_kit.cli._schemas docs``, and a
test runs every command with ``--json`` and validates what it prints against the schema here, so
the documented form and the printed one cannot drift apart. Loaded by tests and docs only.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..assemble.template import AgreementTemplate, ClauseTemplate
from ..diff.change import ChangeKind, NodeType
from ..diff.words import OpKind
from ..errors import ErrorCode
from ..lifecycle.dates import DeadlineKind
from ..lint.finding import Severity
from ..model import Agreement, LifecycleState, Meeting
from ..workspace import Revision
from ._json import VERSIONS, schema_id


class Part(BaseModel):
    """A part of a document: a closed object (no key beyond those listed)."""

    model_config = ConfigDict(extra="forbid")


class Problem(Part):
    """One thing wrong with an agreement: what, where (file, line, column, path in the data) and how to fix it."""

    code: ErrorCode
    message: str
    file: str | None
    path: str | None
    line: int | None
    column: int | None
    hint: str | None


class Finding(Part):
    """One drafting finding of ``mou lint``."""

    rule: str
    name: str
    severity: Severity
    message: str
    node: str | None
    path: str | None
    hint: str | None
    details: list[str]


class Counts(Part):
    """How many findings of each severity."""

    error: int
    warning: int
    info: int


class BlameRow(Part):
    """The revision that last changed one node."""

    node: str
    article: str
    revision: Revision


class MeetingRow(Part):
    """A recorded meeting and the revision (commit id) its tag points to (``null``: untagged)."""

    meeting: Meeting
    revision: str | None


class Conflict(Part):
    """A node both sides changed differently: its id, the path to the field, and the three values."""

    node: str
    path: list[str | int]
    base: Any
    ours: Any
    theirs: Any


class TemplateRow(Part):
    """One template of the clause library, as listed."""

    id: str
    version: str
    kind: Literal["article", "agreement"]
    category: str
    title: str | dict[str, str]
    languages: list[str]
    alternatives: list[str]


class Deadline(Part):
    """One dated event of the agreement's term."""

    kind: DeadlineKind
    date: dt.date
    summary: str


class Link(Part):
    """The agreement this one belongs to (an MoU's implementing arrangement, a renewal)."""

    kind: str
    id: str


class Since(Part):
    """The lifecycle move that brought the agreement to its state."""

    date: dt.date
    revision: str | None
    reason: str | None


class LastMeeting(Part):
    """The newest meeting recorded."""

    id: str
    date: dt.date


class Status(Part):
    """Where one agreement stands."""

    id: str
    title: str
    parties: list[str]
    state: LifecycleState
    link: Link | None
    since: Since | None
    path: str
    revision: str | None
    last_meeting: LastMeeting | None
    next_deadline: Deadline | None
    deadlines: list[Deadline]
    open: list[str]


class Unreadable(Part):
    """A folder of the portfolio that could not be read, and why."""

    path: str
    error: str


class Signature(Part):
    """One signature of the PDF as checked."""

    field: str
    party: str
    signer: str
    time: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool | None
    later_changes: str
    ok: bool


class DiffSide(Part):
    """One side of a diff: the agreement id and, for a revision, its commit, date, party and meeting."""

    agreement: str
    revision: str | None
    date: dt.date | None
    proposed_by: str | None
    meeting: str | None


class WordOp(Part):
    """A stretch of text kept, deleted or inserted."""

    op: OpKind
    text: str


class Change(Part):
    """One change of one node (see docs/diff-json.md)."""

    kind: ChangeKind
    node_type: NodeType
    node: str
    old_node: str | None
    field: str | None
    old_address: str | None
    new_address: str | None
    old_ref: str | None
    new_ref: str | None
    old_text: str | None
    new_text: str | None
    ops: list[WordOp]
    confidence: float
    also_reworded: bool


def document(command: str, summary: str, /, **fields: Any) -> type[BaseModel]:
    """Return the model of ``command``'s document: its schema name and version, then ``fields``."""
    name = "".join(word.title() for word in command.split()) + "Document"
    head: dict[str, Any] = {
        "schema_name": (Literal[schema_id(command)], Field(alias="schema", description="The form of this document.")),
        "version": (Literal[VERSIONS[command]], Field(description="The version of the form.")),
    }
    model: type[BaseModel] = create_model(name, __config__=ConfigDict(extra="forbid", title=name), __doc__=summary,
                                          **head, **fields)
    return model


DOCUMENTS: dict[str, type[BaseModel]] = {
    "validate": document(
        "validate", "Whether the agreement in the folder is valid; when it is not, every problem (exit code 1).",
        valid=(bool, ...), id=(str | None, ...), articles=(int | None, ...), clauses=(int | None, ...),
        parties=(int | None, ...), problems=(list[Problem], ...)),
    "lint": document(
        "lint", "The drafting findings (exit code 1 when one is an error).",
        agreement=(str, ...), counts=(Counts, ...), findings=(list[Finding], ...)),
    "show": document(
        "show", "The agreement as numbered text in one language, and as data.",
        id=(str, ...), revision=(str | None, Field(description="The revision shown (short id); null: the folder.")),
        lang=(str, ...), text=(str, ...), agreement=(Agreement, ...)),
    "diff": document(
        "diff", "What changed between two drafts, clause by clause (docs/diff-json.md explains every key).",
        old=(DiffSide, ...), new=(DiffSide, ...), lang=(str, ...), party_names=(dict[str, str], ...),
        proposers=(dict[str, str], ...), warnings=(list[str], ...), changes=(list[Change], ...)),
    "new": document(
        "new", "The agreement folder created, its branch and first revision; from a Word file also its "
        "language, the words placed and noted, the import notes and what a human must still do.",
        path=(str, ...), branch=(str, ...), revision=(Revision, ...), lang=(str | None, None),
        words=(dict[str, int] | None, None), notes=(list[str], []), attention=(list[str], [])),
    "commit": document("commit", "The revision recorded.", revision=(Revision, ...)),
    "log": document("log", "The revisions, newest first.", revisions=(list[Revision], ...)),
    "blame": document("blame", "For each node, the revision that last changed it.", entries=(list[BlameRow], ...)),
    "meeting add": document(
        "meeting add", "The meeting recorded, its tag and the revision holding it.",
        meeting=(str, ...), tag=(str, ...), revision=(Revision, ...)),
    "meeting list": document("meeting list", "The meetings recorded.", meetings=(list[MeetingRow], ...)),
    "meeting show": document(
        "meeting show", "One meeting and the revision it settled.", meeting=(Meeting, ...), revision=(str, ...)),
    "propose": document("propose", "The branch of a party's proposal, now checked out.",
                        party=(str, ...), branch=(str, ...)),
    "merge": document(
        "merge", "What merging a branch did; conflicts to settle with `mou resolve` (exit code 1).",
        revision=(str | None, ...), fast_forward=(bool, ...), up_to_date=(bool, ...),
        conflicts=(list[Conflict], ...)),
    "resolve": document(
        "resolve", "The node settled and the nodes still in conflict.",
        node=(str, ...), take=(str, Field(description="ours, theirs, or the file the text came from (- for stdin).")),
        pending=(list[str], ...)),
    "sync": document(
        "sync", "What syncing with a remote did (exit code 1 on conflicts).",
        remote=(str, ...), branch=(str, ...), fast_forward=(bool, ...), merged=(Revision | None, ...),
        pushed=(bool, ...), conflicts=(list[Conflict], ...)),
    "render": document(
        "render", "The document written.",
        path=(str, ...), format=(Literal["docx", "pdf", "html", "md"], ...), lang=(str, ...), agreement=(str, ...),
        revision=(str | None, ...), bytes=(int, ...)),
    "advance": document(
        "advance", "The lifecycle move, recorded as a revision.",
        previous=(LifecycleState, ...), state=(LifecycleState, ...), date=(dt.date, ...), party=(str | None, ...),
        reason=(str | None, ...), revision=(Revision, ...)),
    "status": document("status", "Where the agreement stands.", **{
        name: (info.annotation, ...) for name, info in Status.model_fields.items()}),
    "portfolio": document(
        "portfolio", "Every agreement under a folder, most urgent first, and the folders that could not be read.",
        agreements=(list[Status], ...), unreadable=(list[Unreadable], ...)),
    "sign": document("sign", "The signed PDF written.", path=(str, ...), party=(str, ...), bytes=(int, ...)),
    "verify": document(
        "verify", "Each signature of a PDF and which revision it is (exit code 1 on any problem).",
        file=(str, ...), ok=(bool, ...), revision_in_metadata=(str | None, ...), fingerprint=(str | None, ...),
        revision=(str | None, ...), state=(LifecycleState | None, ...), signatures=(list[Signature], ...),
        problems=(list[str], ...)),
    "import": document(
        "import", "What reading a Word file changed, and the revisions committed (none on a dry run).",
        dry_run=(bool, ...), notes=(list[str], ...), summary=(list[str], ...), revisions=(list[Revision], ...)),
    "library list": document("library list", "The templates of the library (newest version of each).",
                             templates=(list[TemplateRow], ...)),
    "library search": document("library search", "The templates holding every word.",
                               words=(list[str], ...), templates=(list[TemplateRow], ...)),
    "library show": document(
        "library show", "One template as the library holds it (see docs/templates.md).",
        template=(ClauseTemplate | AgreementTemplate, Field(discriminator="kind"))),
    "library update": document(
        "library update", "The files a newer template changed, and the revision recording them.",
        node=(str, ...), changed=(list[str], ...),
        revision=(str | None, Field(description="The revision made; null outside a repository or when nothing "
                                                "changed."))),
    "assemble": document(
        "assemble", "The agreement assembled from the answers, and the files written (none without -o).",
        id=(str, ...), output=(str | None, ...), files=(list[str], ...), agreement=(Agreement, ...)),
    "calendar": document(
        "calendar", "The iCalendar file written and the events it holds (none before the agreement has dates).",
        path=(str, ...), events=(list[Deadline], ...)),
    "error": document(
        "error", "Printed instead of a command's own document when it fails with --json (exit code 1).",
        command=(str, Field(description="The command that failed, e.g. 'meeting list'.")), code=(ErrorCode, ...),
        message=(str, ...), problems=(list[Problem], ...)),
}
"""Every command's document model, in the order docs/cli-json.md lists them."""


def json_schema(command: str) -> dict[str, Any]:
    """Return the JSON Schema of ``command``'s document, as published."""
    return DOCUMENTS[command].model_json_schema(by_alias=True, mode="serialization")


def schema_file(command: str) -> str:
    """Return the file name, under docs/cli-json/, of ``command``'s JSON Schema."""
    return f"{schema_id(command).split('/', 1)[1]}.schema.json"


def schema_text(command: str) -> str:
    """Return the text of ``command``'s published JSON Schema file."""
    return json.dumps(json_schema(command), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    import sys

    from ._schema_docs import write_docs

    write_docs(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
