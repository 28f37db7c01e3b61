"""JSON for programs: every ``--json`` document names its schema and version, and failures are JSON too.

Each document is one object whose first keys are ``"schema": "mou-kit/<command>"`` and
``"version": N`` (the form ``mou diff`` already used); the schemas live in ``_schemas.py`` as
pydantic models and are published in docs/cli-json.md. This module imports no pydantic.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

from ..errors import MouKitError, ValidationFailed

VERSIONS: dict[str, int] = {
    "validate": 1, "lint": 1, "show": 1, "diff": 2, "new": 2, "commit": 1, "log": 1, "blame": 1,
    "meeting add": 1, "meeting list": 1, "meeting show": 1, "propose": 1, "merge": 1, "resolve": 1,
    "sync": 1, "render": 1, "advance": 1, "status": 1, "portfolio": 1, "sign": 1, "verify": 1,
    "import": 1, "library list": 1, "library search": 1, "library show": 1, "library update": 1, "assemble": 1,
    "calendar": 1, "error": 1,
}
"""The version of each command's JSON document; bump it whenever a key is added, removed or changes meaning."""

JSON_KEY = "mou.json"
"""The key in the click context's ``meta`` that says ``--json`` was given (so errors come out as JSON)."""
COMMAND_KEY = "mou.command"
"""The key in the click context's ``meta`` naming the command that runs ("meeting list")."""


def schema_id(command: str) -> str:
    """Return the schema name of ``command``'s document: ``mou-kit/meeting-list`` for ``meeting list``."""
    return "mou-kit/" + command.replace(" ", "-")


def dumps(data: Any) -> str:
    """Return ``data`` as indented JSON text ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def document(command: str, data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` headed by the schema name and version of ``command``."""
    return {"schema": schema_id(command), "version": VERSIONS[command], **data}


def emit(command: str, data: dict[str, Any]) -> None:
    """Print ``command``'s JSON document holding ``data`` on stdout."""
    sys.stdout.write(dumps(document(command, data)))


def problem_dict(problem: Any) -> dict[str, Any]:
    """Return one :class:`~mou_kit.errors.Problem` as JSON-ready data."""
    return asdict(problem)


def error_document(command: str, error: MouKitError) -> dict[str, Any]:
    """Return the ``mou-kit/error`` document for ``error`` raised by ``command``."""
    problems = error.problems if isinstance(error, ValidationFailed) else []
    message = f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found" if problems else error.message
    return document("error", {"command": command, "code": error.code, "message": message,
                              "problems": [problem_dict(p) for p in problems]})
