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


def generated_schema_bytes(kind: FileKind) -> bytes:
    """Return the JSON Schema of ``kind`` made from the models now, as canonical bytes."""
    return (json.dumps(json_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()


@cache
def schema_bytes(kind: FileKind) -> bytes:
    """Return the JSON Schema of ``kind`` as the canonical bytes written under ``.mou/schema/``.

    The package ships them (``mou_kit/schemas/``, made by ``make schemas`` and
    checked against the models by the tests), so a command that writes an agreement does not
    spend ~60 ms building them from the models; a checkout without them builds them.
    """
    from importlib.resources import files

    shipped = files("mou_kit").joinpath("schemas", f"{kind}.json")
    try:
        return shipped.read_bytes()
    except OSError:
        return generated_schema_bytes(kind)


def write_shipped_schemas() -> list[str]:
    """Write ``mou_kit/schemas/<kind>.json`` from the models; return the files that changed."""
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "schemas"
    folder.mkdir(exist_ok=True)
    changed = []
    for kind in FILE_MODELS:
        target = folder / f"{kind}.json"
        data = generated_schema_bytes(kind)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
            changed.append(str(target))
    return changed


def schema_header(kind: FileKind, depth: int) -> str:
    """Return the first line of a saved file, pointing editors at its schema.

    ``depth`` is how many folders below the agreement folder the file sits.
    """
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{kind}.json"
