"""How data becomes canonical YAML bytes, keeping the comments a person wrote in the old file.

Canonical means: keys in the models' field order, two-space indents, long or multi-line texts
as literal block scalars, nothing added that the user did not change. Saving unchanged data
over its own canonical output gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml import YAML

BLOCK_AT = 72
"""Strings longer than this, or holding a line break, are written as ``|`` block scalars."""


def _yaml() -> YAML:
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100_000
    y.allow_unicode = True
    return y


def _plain(value: Any) -> Any:
    """Return ``value`` with enums as their values and tuples as lists."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _build(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        return CommentedMap((k, _build(v)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_build(v) for v in value)
        if value and all(isinstance(v, str) and len(v) < 20 for v in value) and len(value) <= 8:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and _wants_block(value):
        return LiteralScalarString(value)
    return value


def _wants_block(text: str) -> bool:
    if "\n" not in text and len(text) <= BLOCK_AT:
        return False
    # Literal blocks cannot hold some characters or edge spaces exactly; keep those quoted.
    if text != text.strip(" ") or any((ord(c) < 32 and c not in "\n") or c in "\x7f\ufeff" for c in text):
        return False
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        return False
    lines = text.split("\n")
    return not any(line != line.rstrip() for line in lines) and not text.endswith("\n")


def _same(old: Any, new: Any) -> bool:
    return type(old) is type(new) and old == new


def _merge(old: Any, new: Any) -> Any:
    """Return ``new`` written into ``old`` (a ruamel round-trip node) so that old comments stay."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, dict) and isinstance(old, CommentedMap):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else _build(value)
        for key in new:
            old.move_to_end(key)
        return old
    if isinstance(new, list) and isinstance(old, CommentedSeq):
        keyed = all(isinstance(v, dict) and "id" in v for v in new) and all(
            isinstance(v, CommentedMap) and "id" in v for v in old)
        by_key = {(v["id"] if keyed else i): (i, v) for i, v in enumerate(old)}
        seq = CommentedSeq()
        for j, value in enumerate(new):
            hit = by_key.get(value["id"] if keyed else j)
            if hit is None:
                seq.append(_build(value))
                continue
            i, previous = hit
            seq.append(_merge(previous, value))
            if i in old.ca.items:
                seq.ca.items[j] = old.ca.items[i]
        seq.ca.comment = old.ca.comment
        if old.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if _same(_unstyled(old), new):
        return old
    return _build(new)


def _unstyled(value: Any) -> Any:
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool | int | float | dt.date):
        return value
    return value


def dump_yaml(data: Mapping[str, Any], *, header: str, previous: bytes | None = None) -> bytes:
    """Return ``data`` as canonical YAML, under the comment line ``header``.

    With ``previous`` (the file's current bytes) the comments in it are carried over to the
    nodes that still exist.
    """
    y = _yaml()
    new = _plain(data)
    root: Any = None
    text = previous.decode("utf-8", errors="replace") if previous is not None and b"#" in previous else ""
    if text.startswith("# yaml-language-server:"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    if "#" in text:  # a comment besides the schema line: worth the slow round-trip load
        try:
            old = y.load(text)
        except Exception:
            old = None
        if old is not None:
            root = _merge(old, new)
    if root is None:
        root = _build(new)
    out = io.StringIO()
    out.write(header + "\n")
    y.dump(root, out)
    return out.getvalue().encode("utf-8")
