"""How a YAML file from outside is read safely: size limit, safe loader, no aliases, located errors.

Reads use PyYAML's C loader for speed; only when something is wrong is the text composed again
to find the line and column of the offending key.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Problem
from .limits import MAX_YAML_BYTES

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoAliasLoader(_Loader):  # type: ignore[misc]
    """A safe loader that refuses anchors reused as aliases (the "billion laughs" attack)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasFound(node.start_mark)
        return super().construct_object(node, deep)


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.mark = mark


class YamlProblem(Exception):
    """Raised by :func:`parse_yaml` with the one problem that stopped the file being read."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def parse_yaml(data: bytes, file: str) -> Any:
    """Return the data in ``data``, the bytes of ``file`` (a path shown in messages).

    :raises YamlProblem: the file is too large, not UTF-8, not valid YAML, or uses aliases.
    """
    if len(data) > MAX_YAML_BYTES:
        raise YamlProblem(Problem(
            "file-too-large", f"file is {len(data) / 1_048_576:.1f} MiB, over the limit of "
            f"{MAX_YAML_BYTES // 1_048_576} MiB", file=file,
            hint="split long texts into several clauses or move annexes to annexes/"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise YamlProblem(Problem(
            "file-unreadable", f"file is not UTF-8 text (byte {e.start})", file=file,
            hint="save it as UTF-8")) from None
    try:
        return yaml.load(text, Loader=_NoAliasLoader)
    except _AliasFound as e:
        raise YamlProblem(Problem(
            "yaml-alias", "YAML anchors and aliases (&name / *name) are not allowed", file=file,
            line=e.mark.line + 1, column=e.mark.column + 1, hint="write the value out in full")) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlProblem(Problem(
            "yaml-syntax", f"invalid YAML: {e.problem or e.context}", file=file,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
            hint="check indentation and quoting around this place")) from None
    except yaml.YAMLError as e:
        raise YamlProblem(Problem("yaml-syntax", f"invalid YAML: {e}", file=file)) from None


def locate(data: bytes, path: tuple[str | int, ...]) -> tuple[int, int] | None:
    """Return the 1-based (line, column) of the node at ``path`` in a YAML text, or the
    deepest existing ancestor; ``None`` when the text cannot be composed.
    """
    try:
        node = yaml.compose(data.decode("utf-8"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    if node is None:
        return None
    for part in path:
        child = _child(node, part)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                child: yaml.Node = value
                return child
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item: yaml.Node = node.value[part]
        return item
    return None


def locate_key(data: bytes, path: tuple[str | int, ...], key: str) -> tuple[int, int] | None:
    """Return the (line, column) of the key ``key`` inside the mapping at ``path``."""
    try:
        node = yaml.compose(data.decode("utf-8"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    for part in path:
        child = _child(node, part) if node is not None else None
        if child is None:
            return None
        node = child
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k.start_mark.line + 1, k.start_mark.column + 1
    return None
