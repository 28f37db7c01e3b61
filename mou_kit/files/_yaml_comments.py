"""Which comments a person wrote in a YAML file, and to which key or list item each belongs.

A full-line comment belongs to the node that starts on the next content line; a comment at
the end of a line belongs to the node on that line. List items are named by their ``id``,
so a comment follows its clause when clauses are reordered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

PathKey = tuple[str | int, ...]
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Comments:
    """Comments of one file: before a node, at the end of a node's line, and after the last node."""

    before: dict[PathKey, list[str]] = field(default_factory=dict)
    end_of_line: dict[PathKey, str] = field(default_factory=dict)
    trailing: list[str] = field(default_factory=list)


def _item_key(node: yaml.Node, index: int) -> str | int:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return index


def _walk(node: yaml.Node, path: PathKey, starts: dict[int, PathKey],
          ends: dict[int, tuple[PathKey, int]], inside: set[int]) -> None:
    if isinstance(node, yaml.ScalarNode) and node.end_mark.line > node.start_mark.line:
        inside.update(range(node.start_mark.line + 1, node.end_mark.line + 1))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, str(key.value))
            starts.setdefault(key.start_mark.line, child)
            if isinstance(value, yaml.ScalarNode) and value.end_mark.line == key.start_mark.line:
                ends[key.start_mark.line] = (child, value.end_mark.column)
            elif value.start_mark.line != key.start_mark.line or isinstance(value, yaml.ScalarNode):
                ends.setdefault(key.start_mark.line, (child, key.end_mark.column + 1))
            elif isinstance(value, yaml.SequenceNode | yaml.MappingNode) and value.flow_style:
                ends[key.start_mark.line] = (child, value.end_mark.column)
            _walk(value, child, starts, ends, inside)
    elif isinstance(node, yaml.SequenceNode) and not node.flow_style:
        for index, item in enumerate(node.value):
            child = (*path, _item_key(item, index))
            starts.setdefault(item.start_mark.line, child)
            if isinstance(item, yaml.ScalarNode) and item.end_mark.line == item.start_mark.line:
                ends.setdefault(item.start_mark.line, (child, item.end_mark.column))
            _walk(item, child, starts, ends, inside)


def extract_comments(data: bytes, *, skip_first: str = "") -> Comments:
    """Return the comments of a YAML text, each tied to the node it belongs to.

    ``skip_first`` drops a first line starting with it (the schema line, written anew on save).
    An unreadable text has no comments.
    """
    out = Comments()
    body = data.partition(b"\n")[2] if skip_first and data.startswith(skip_first.encode()) else data
    if b"#" not in body:  # no comment but the schema line: nothing to keep, and no need to compose the file
        return out
    try:
        text = data.decode("utf-8")
        root = yaml.compose(text, Loader=_Loader)
    except (UnicodeDecodeError, yaml.YAMLError):
        return out
    starts: dict[int, PathKey] = {}
    ends: dict[int, tuple[PathKey, int]] = {}
    inside: set[int] = set()
    if root is not None:
        _walk(root, (), starts, ends, inside)
    lines = text.split("\n")
    pending: list[str] = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        if (number == 0 and skip_first and line.startswith(skip_first)) or number in inside:
            continue
        if stripped.startswith("#"):
            pending.append(stripped)
            continue
        if not stripped:
            continue
        if number in starts and pending:
            out.before.setdefault(starts[number], []).extend(pending)
            pending = []
        if number in ends:
            path, column = ends[number]
            rest = line[column:].lstrip().removeprefix(":").lstrip()
            if rest.startswith("#"):
                out.end_of_line[path] = rest
    out.trailing = pending
    return out
