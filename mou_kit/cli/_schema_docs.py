"""docs/cli-json.md and docs/cli-json/*.schema.json, written from the models in ``_schemas.py``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ._json import VERSIONS, schema_id
from ._schemas import DOCUMENTS, json_schema, schema_file, schema_text


def _label(prop: dict[str, Any]) -> str:
    """Return a short type name for one property of a JSON Schema ("string or null", "list of Revision")."""
    if "const" in prop:
        return f"`{json.dumps(prop['const'])}`"
    if "$ref" in prop:
        return str(prop["$ref"]).rsplit("/", 1)[-1]
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    for key in ("anyOf", "oneOf"):
        if key in prop:
            return " or ".join(_label(p) for p in prop[key])
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_label(prop.get('items', {}))}"
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return f"map to {_label(prop['additionalProperties'])}"
    return "null" if kind == "null" else str(kind)


def _describe(prop: dict[str, Any], schema: dict[str, Any]) -> str:
    """Return the description of a property: its own, else that of the model it refers to (first line)."""
    if "description" in prop:
        return str(prop["description"])
    for inner in (prop, prop.get("items", {}), *prop.get("anyOf", [])):
        if "$ref" in inner:
            found = schema.get("$defs", {}).get(str(inner["$ref"]).rsplit("/", 1)[-1], {})
            return str(found.get("description", "")).split("\n", 1)[0]
    return ""


def markdown() -> str:
    """Return docs/cli-json.md: the convention, then one section per command with its keys and schema file."""
    lines = [
        "# JSON output of `mou`",
        "",
        "<!-- Written by `python -m mou_kit.cli._schemas docs`; a test fails when it is stale. -->",
        "",
        "Every command a script would call takes `--json` and then prints one JSON object on stdout.",
        "Its first two keys name its form: `\"schema\": \"mou-kit/<command>\"` (`mou-kit/meeting-list` for",
        "`mou meeting list`) and `\"version\"`, a whole number raised whenever a key is added, removed or",
        "changes meaning; a script should check both. Status lines (`wrote …`) go to stderr, never into",
        "the JSON. When a command fails it prints the `mou-kit/error` document instead (still on stdout)",
        "and exits 1, as it does without `--json`; a usage error (exit 2) stays text on stderr.",
        "`mou diff --format json` is the same as `mou diff --json`; `mou portfolio --html` prints HTML.",
        "",
        "Each form's full JSON Schema (draft 2020-12) is a file in `docs/cli-json/`, generated from",
        "the models in `mou_kit/cli/_schemas.py`; `tests/cli/test_json.py` runs every command with",
        "`--json` and validates what it prints against that file.",
        "",
    ]
    for command, model in DOCUMENTS.items():
        title = "Failure of any command" if command == "error" else f"`mou {command} --json`"
        schema = json_schema(command)
        lines += [f"## {title}", "", f"`{schema_id(command)}` version {VERSIONS[command]}: {model.__doc__}",
                  f"Schema: [cli-json/{schema_file(command)}](cli-json/{schema_file(command)}).", "",
                  "| key | type | |", "| --- | --- | --- |"]
        for key, prop in schema["properties"].items():
            lines.append(f"| `{key}` | {_label(prop)} | {_describe(prop, schema)} |")
        lines.append("")
    return "\n".join(lines)


def write_docs(folder: Path) -> None:
    """Write cli-json.md and cli-json/*.schema.json into the docs folder ``folder``."""
    (folder / "cli-json").mkdir(exist_ok=True)
    (folder / "cli-json.md").write_text(markdown(), encoding="utf-8")
    for command in DOCUMENTS:
        (folder / "cli-json" / schema_file(command)).write_text(schema_text(command), encoding="utf-8")
