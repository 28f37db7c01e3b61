"""How a pydantic validation error becomes problems a person can act on: file, line, key and fix.

Each error is located in the YAML text it came from, named with a stable code, and given a hint:
the closest known key for a typo, the keys allowed at that place, how to write the value.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..model import slugify
from ..model.walk import format_path
from .yaml_read import locate, locate_key

_HINTS = {
    "string_type": "put the value in quotes",
    "int_type": "write a whole number",
    "int_parsing": "write a whole number",
    "date_type": "write the date as YYYY-MM-DD",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
    "literal_error": None,
    "list_type": "write a list, one '- item' per line",
    "dict_type": "write a mapping of 'key: value' lines",
    "model_type": "write a mapping of 'key: value' lines",
    "too_short": None,
    "bool_type": "write true or false",
}


def problems_from(error: ValidationError, model: type[BaseModel], file: str, data: bytes,
                   *, at: tuple[str | int, ...] = ()) -> list[Problem]:
    """Return one located problem per pydantic error; ``at`` is where ``model``'s data sits in the file."""
    out: list[Problem] = []
    for item in error.errors(include_url=False):
        inner = tuple(item["loc"])
        loc = (*at, *inner)
        kind = item["type"]
        message = str(item["msg"]).removeprefix("Value error, ")
        hint = _HINTS.get(kind)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            pos = locate_key(data, loc[:-1], key)
            allowed = _allowed_keys(model, inner[:-1])
            close = difflib.get_close_matches(key, allowed, n=1)
            out.append(Problem(
                "unknown-key", f"unknown key {key!r}", file=file, path=format_path(loc),
                line=pos[0] if pos else None, column=pos[1] if pos else None,
                hint=(f"did you mean {close[0]!r}? " if close else "")
                + (f"allowed here: {', '.join(allowed)}" if allowed else "remove it")))
            continue
        if kind == "missing":
            pos = locate(data, loc[:-1])
            out.append(Problem(
                "missing-key", f"required key {loc[-1]!r} is missing", file=file, path=format_path(loc),
                line=pos[0] if pos else None, column=pos[1] if pos else None,
                hint=f"add '{loc[-1]}: ...'"))
            continue
        code: Any = "bad-id" if (loc and loc[-1] == "id") or "is not a slug" in message else "invalid-value"
        if code == "bad-id":
            suggestion = slugify(str(item.get("input", ""))) or "pasal-1"
            hint = f"rename it, e.g. to {suggestion!r}"
        elif hint is None:
            hint = "the JSON Schema (mou_kit.json_schema) shows what this key takes"
        pos = locate(data, loc)
        shown = item.get("input")
        if kind not in ("value_error", "assertion_error") and not isinstance(shown, dict | list):
            message = f"{message}, got {shown!r}"
        out.append(Problem(
            code, message, file=file, path=format_path(loc) or None,
            line=pos[0] if pos else None, column=pos[1] if pos else None, hint=hint))
    return out


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
