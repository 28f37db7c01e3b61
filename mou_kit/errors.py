"""The one exception tree of mou_kit: every failure a user can cause is a ``MouKitError``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ErrorCode = Literal[
    "yaml-syntax",
    "yaml-alias",
    "duplicate-key",
    "file-too-large",
    "file-missing",
    "file-unreadable",
    "invalid-value",
    "unknown-key",
    "missing-key",
    "bad-id",
    "duplicate-id",
    "id-mismatch",
    "dangling-reference",
    "undefined-variable",
    "template-syntax",
    "article-file-missing",
    "article-file-unlisted",
    "unknown-language",
    "not-an-agreement",
    "template-unsafe",
    "template-undefined",
    "template-limit",
    "diff-failed",
    "render-failed",
    "lifecycle-illegal",
    "source-invalid",
    "workspace-failed",
    # clause library and assembly (assemble/)
    "template-invalid",
    "template-unknown",
    "answer-missing",
    "answer-invalid",
    # diff (issue 4)
    "diff-json-invalid",
    "diff-unknown-source",
    # workspace (git): revisions, meetings, proposals, remotes
    "merge-conflict",
    "merge-pending",
    "meeting-exists",
    "remote-rejected",
    "revision-unknown",
    "nothing-to-commit",
    "exists",
    "not-a-repository",
    "base-unknown",
    "language-dropped",
    "lock-timeout",
    # render: signature-ready documents
    "asset-missing",
    "reference-docx-invalid",
    "engine-missing",
    # lifecycle, signing and verifying
    "lifecycle-guard",
    "text-frozen",
    "signing-unavailable",
    "signature-invalid",
    "signing-failed",
    "certificate-invalid",
    "pdf-damaged",
    # importers: outside files (DOCX) read as revisions
    "source-not-docx",
    "source-too-large",
    "source-unsafe",
    "source-no-articles",
]
"""The closed set of error codes; each has a section in ``docs/errors.md``."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an agreement: what, where, and how to fix it."""

    code: ErrorCode
    message: str
    file: str | None = None
    path: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file or "<agreement>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.path:
            where += f": {self.path}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return f"{text} [{self.code}]"


class MouKitError(Exception):
    """Root of every error mou_kit raises on purpose.

    Besides the ``code``, an error carries where it happened when there is such a place, as
    attributes a program can read without parsing the message: ``file`` (a path or the display
    name given with bytes), ``node`` (a node id), ``template`` (a library template) and ``line``.
    """

    code: ErrorCode = "invalid-value"

    def __init__(self, message: str, *, code: ErrorCode | None = None, file: str | None = None,
                 node: str | None = None, template: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.file = file
        self.node = node
        self.template = template
        self.line = line

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls: type[MouKitError], state: dict[str, object]) -> MouKitError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class ValidationFailed(MouKitError):
    """Raised when an agreement or one of its files breaks one or more rules; holds them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        head = self.problems[0] if self.problems else None
        super().__init__("\n".join(str(p) for p in self.problems), code=head.code if head else "invalid-value",
                         file=head.file if head else None, line=head.line if head else None)


class TemplateError(MouKitError):
    """Raised when a clause text or library template cannot be rendered safely."""

    code: ErrorCode = "template-syntax"


class DiffError(MouKitError):
    """Raised when two agreements or revisions cannot be compared."""

    code: ErrorCode = "diff-failed"


class RenderError(MouKitError):
    """Raised when a document cannot be written in the requested format."""

    code: ErrorCode = "render-failed"


class LifecycleError(MouKitError):
    """Raised when a lifecycle transition is not allowed from the current state."""

    code: ErrorCode = "lifecycle-illegal"


class SourceError(MouKitError):
    """Raised when an outside file (DOCX, PDF) cannot be read as an agreement."""

    code: ErrorCode = "source-invalid"


class WorkspaceError(MouKitError):
    """Raised when a git operation on an agreement repository fails."""

    code: ErrorCode = "workspace-failed"


class SigningError(MouKitError):
    """Raised when a PDF cannot be signed or its signatures cannot be checked."""

    code: ErrorCode = "signing-failed"
