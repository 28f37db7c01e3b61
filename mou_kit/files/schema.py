"""What each file of an agreement folder holds, as pydantic models and JSON Schemas for editors."""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..model import AgreementHead, Article, Meeting, Slug

FileKind = Literal["agreement", "article", "meeting"]
SCHEMA_DIR = ".mou/schema"


class AgreementFile(AgreementHead):
    """The content of ``agreement.yaml``: the agreement without its articles, which it lists by id."""

    articles: list[Slug] = Field(
        default_factory=list, description="The order of the articles: ids of files under articles/."
    )


FILE_MODELS: dict[FileKind, type[BaseModel]] = {
    "agreement": AgreementFile,
    "article": Article,
    "meeting": Meeting,
}


def json_schema(kind: FileKind) -> dict[str, Any]:
    """Return the JSON Schema of one kind of file (``agreement``, ``article`` or ``meeting``).

    :raises MouKitError: ``kind`` is none of them (code ``invalid-value``).
    """
    if kind not in FILE_MODELS:
        from ..errors import MouKitError

        raise MouKitError(f"no schema for {kind!r}; the kinds are {', '.join(FILE_MODELS)}", code="invalid-value")
    schema = FILE_MODELS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"mou_kit {kind} file"
    return schema


@cache
def schema_bytes(kind: FileKind) -> bytes:
    """Return the JSON Schema of ``kind`` as the canonical bytes written under ``.mou/schema/``."""
    return (json.dumps(json_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()


def schema_header(kind: FileKind, depth: int) -> str:
    """Return the first line of a saved file, pointing editors at its schema.

    ``depth`` is how many folders below the agreement folder the file sits.
    """
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{kind}.json"
