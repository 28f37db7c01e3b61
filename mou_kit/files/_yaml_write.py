"""How data becomes canonical YAML bytes, keeping the comments a person wrote in the old file.

Canonical means: keys in the models' field order, two-space indents, sequences indented under
their key, short lists of words in flow style, long or multi-line texts as ``|-`` literal
blocks, and a string quoted exactly when PyYAML (our reader) or a YAML 1.2 editor would read
it as something other than that string. Writing is our own small emitter (see
``docs/adr/0002-own-canonical-yaml-emitter.md``): it is fast and its output is the same
whether or not the old file had comments.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

from ._yaml_comments import Comments, PathKey, extract_comments

BLOCK_AT = 72
"""Strings longer than this, or holding a line break, are written as ``|-`` block scalars."""

_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")
_QUOTE_ESCAPE = re.compile(
    "[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")
_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")
_YAML12_NOT_STR = re.compile(
    r"^(?:[-+]?(?:\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
    r"|\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+)"
    r"|true|false|yes|no|on|off|y|n|null|~|<<|=)$",
    re.IGNORECASE,
)


def _plain_ok(text: str, *, flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _SPECIAL_START or _NON_PRINTABLE.search(text):
        return False
    if "\n" in text or "\t" in text or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(c in text for c in ",[]{}"):
        return False
    return not _YAML12_NOT_STR.match(text) and _resolves_to_str(text)


def _resolves_to_str(text: str) -> bool:
    """Whether PyYAML, our reader, reads the plain scalar ``text`` back as a string."""
    import yaml

    table = yaml.resolver.Resolver.yaml_implicit_resolvers
    resolvers = [*table.get(text[:1], []), *table.get(None, [])]
    return not any(regexp.match(text) for _tag, regexp in resolvers)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _quoted(text: str) -> str:
    body = json.dumps(text, ensure_ascii=False)
    return _QUOTE_ESCAPE.sub(_escape, body)


def _block_ok(text: str) -> bool:
    if "\n" not in text and len(text) <= BLOCK_AT:
        return False
    if text.endswith("\n") or text.startswith((" ", "\n")) or "\r" in text or "\t" in text:
        return False
    if _NON_PRINTABLE.search(text.replace("\n", "")):
        return False
    return all(line == line.rstrip() for line in text.split("\n"))


def scalar(value: Any, *, flow: bool = False) -> str:
    """Return the YAML text of one scalar value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        if "e" in text and "." not in text.split("e")[0]:
            mantissa, exponent = text.split("e")
            text = f"{mantissa}.0e{exponent if exponent[0] in '+-' else '+' + exponent}"
        return text
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return scalar(value.value, flow=flow)
    text = str(value)
    return text if _plain_ok(text, flow=flow) else _quoted(text)


def _flow_ok(items: list[Any]) -> bool:
    return 0 < len(items) <= 8 and all(isinstance(v, str) and len(v) < 20 for v in items)


class _Emitter:
    def __init__(self, comments: Comments) -> None:
        self.lines: list[str] = []
        self.comments = comments
        self.used: set[PathKey] = set()

    def before(self, path: PathKey, indent: int) -> None:
        notes = self.comments.before.get(path)
        if notes:
            self.used.add(path)
            self.lines.extend(" " * indent + note for note in notes)

    def eol(self, path: PathKey) -> str:
        note = self.comments.end_of_line.get(path)
        if note is None:
            return ""
        self.used.add(("eol", *path))
        return "  " + note

    def mapping(self, data: Mapping[str, Any], indent: int, path: PathKey) -> None:
        for key, value in data.items():
            child = (*path, key)
            self.before(child, indent)
            self.value(" " * indent + scalar(key) + ":", value, indent, child)

    def value(self, prefix: str, value: Any, indent: int, path: PathKey) -> None:
        if isinstance(value, Mapping) and value:
            self.lines.append(prefix + self.eol(path))
            self.mapping(value, indent + 2, path)
        elif isinstance(value, list) and value:
            if _flow_ok(value):
                self.lines.append(f"{prefix} [{', '.join(scalar(v, flow=True) for v in value)}]{self.eol(path)}")
            else:
                self.lines.append(prefix + self.eol(path))
                self.sequence(value, indent + 2, path)
        elif isinstance(value, Mapping):
            self.lines.append(f"{prefix} {{}}{self.eol(path)}")
        elif isinstance(value, list):
            self.lines.append(f"{prefix} []{self.eol(path)}")
        elif isinstance(value, str) and _block_ok(value):
            self.lines.append(f"{prefix} |-{self.eol(path)}")
            pad = " " * (indent + 2)
            self.lines.extend(pad + line if line else "" for line in value.split("\n"))
        else:
            self.lines.append(f"{prefix} {scalar(value)}{self.eol(path)}")

    def sequence(self, items: list[Any], indent: int, path: PathKey) -> None:
        for index, item in enumerate(items):
            key = item["id"] if isinstance(item, Mapping) and isinstance(item.get("id"), str) else index
            child = (*path, key)
            self.before(child, indent)
            if isinstance(item, Mapping) and item:
                start = len(self.lines)
                self.mapping(item, indent + 2, child)
                first = self.lines[start]
                self.lines[start] = " " * indent + "- " + first[indent + 2:]
            elif isinstance(item, list) and item:
                self.lines.append(" " * indent + "-" + self.eol(child))
                self.sequence(item, indent + 2, child)
            else:
                start = len(self.lines)
                self.value(" " * indent + "-", item, indent, child)
                self.lines[start] = self.lines[start].replace("- ", "- ", 1)


def _plain(value: Any) -> Any:
    """Return ``value`` with enums as their values and tuples as lists."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def dump_yaml(data: Mapping[str, Any], *, header: str, previous: bytes | None = None) -> bytes:
    """Return ``data`` as canonical YAML under the comment line ``header``.

    With ``previous`` (the file's current bytes), the comments a person wrote in it are written
    again before, or at the end of, the same keys and list items (items are followed by id); a
    comment whose node is gone is kept at the end of the file.
    """
    comments = extract_comments(previous, skip_first=header.split(":", 1)[0]) if previous else Comments()
    emitter = _Emitter(comments)
    emitter.lines.append(header)
    emitter.before((), 0)
    emitter.mapping(_plain(data), 0, ())
    orphans = [note for path, notes in comments.before.items() if path not in emitter.used for note in notes]
    orphans += [note for path, note in comments.end_of_line.items() if ("eol", *path) not in emitter.used]
    orphans += comments.trailing
    if orphans:
        emitter.lines.extend(orphans)
    return ("\n".join(emitter.lines) + "\n").encode("utf-8")
