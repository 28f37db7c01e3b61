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
    # render: signature-ready documents
    "asset-missing",
    "reference-docx-invalid",
    "engine-missing",
    # lifecycle, signing and verifying
    "lifecycle-guard",
    "text-frozen",
    "signing-unavailable",
    "signature-invalid",
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
    """Root of every error mou_kit raises on purpose."""

    code: ErrorCode = "invalid-value"

    def __init__(self, message: str, *, code: ErrorCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

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
        first = self.problems[0].code if self.problems else "invalid-value"
        super().__init__("\n".join(str(p) for p in self.problems), code=first)


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
