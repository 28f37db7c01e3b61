"""How a YAML file from outside is read safely: size limit, safe loader, no aliases, located errors.

Reads use PyYAML's C loader for speed; only when something is wrong is the text composed again
to find the line and column of the offending key.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Problem
from ..model.text import control_character
from ..model.walk import format_path
from ._limits import MAX_YAML_BYTES

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoAliasLoader(_Loader):  # type: ignore[misc]
    """A safe loader that refuses anchors reused as aliases (the "billion laughs" attack), keys given
    twice, and scalars Python cannot hold (``2023-02-30``, a 5,000-digit integer)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasFound(node.start_mark)
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, yaml.Node] = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                if key.value in seen:
                    raise _Duplicate(key.value, seen[key.value].start_mark, key.start_mark)
                seen[key.value] = key
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        digits = sum(c.isdigit() for c in str(node.value))
        if digits > MAX_INT_DIGITS:
            raise _BadScalar(node.start_mark, f"a number of {digits} digits is more than the {MAX_INT_DIGITS} "
                                              "allowed", "put it in quotes if it is a text, such as an id number")
        try:
            return super().construct_yaml_int(node)  # type: ignore[no-any-return]
        except ValueError as e:
            raise _BadScalar(node.start_mark, f"{node.value!r} is not a number ({e})", "write a whole number") from None

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as e:
            raise _BadScalar(node.start_mark, f"{node.value} is not a date ({e})",
                             "write a real date as YYYY-MM-DD") from None


_NoAliasLoader.add_constructor("tag:yaml.org,2002:int", _NoAliasLoader.construct_yaml_int)
_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp)
_NoAliasLoader.add_constructor("tag:yaml.org,2002:map", _NoAliasLoader.construct_yaml_map)

MAX_INT_DIGITS = 30
"""Most digits of a number in a YAML file: amounts and years fit; id numbers belong in quotes."""


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.mark = mark


class _Duplicate(Exception):
    def __init__(self, key: str, first: yaml.Mark, second: yaml.Mark) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


class _BadScalar(Exception):
    def __init__(self, mark: yaml.Mark, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


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
        value = yaml.load(text, Loader=_NoAliasLoader)
    except _AliasFound as e:
        raise YamlProblem(Problem(
            "yaml-alias", "YAML anchors and aliases (&name / *name) are not allowed", file=file,
            line=e.mark.line + 1, column=e.mark.column + 1, hint="write the value out in full")) from None
    except _Duplicate as e:
        raise YamlProblem(Problem(
            "duplicate-key", f"key {e.key!r} is given twice, on lines {e.first.line + 1} and {e.second.line + 1}",
            file=file, line=e.second.line + 1, column=e.second.column + 1,
            hint="keep one of them; YAML would silently use the last")) from None
    except _BadScalar as e:
        raise YamlProblem(Problem("invalid-value", e.message, file=file, line=e.mark.line + 1,
                                  column=e.mark.column + 1, hint=e.hint)) from None
    except yaml.reader.ReaderError as e:
        line, column = _position(text, e.position)
        raise YamlProblem(Problem(
            "invalid-value", f"control character U+{e.character:04X} is not allowed" if isinstance(e.character, int)
            else "unreadable character", file=file, line=line, column=column,
            hint="delete it; only tab and newline may appear in a text")) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlProblem(Problem(
            "yaml-syntax", f"invalid YAML: {' '.join(str(e.problem or e.context).split())}", file=file,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
            hint="check indentation and quoting around this place")) from None
    except yaml.YAMLError as e:
        raise YamlProblem(Problem("yaml-syntax", f"invalid YAML: {' '.join(str(e).split())}", file=file)) from None
    except RecursionError:
        raise YamlProblem(Problem("yaml-syntax", "invalid YAML: nested too deeply", file=file,
                                  hint="write at most a few levels of nesting")) from None
    found = control_character(value)
    if found is not None:
        path, char = found
        pos = locate(data, path)
        raise YamlProblem(Problem(
            "invalid-value", f"control character U+{ord(char):04X} is not allowed", file=file,
            path=format_path(path) or None, line=pos[0] if pos else None, column=pos[1] if pos else None,
            hint="delete it; only tab and newline may appear in a text"))
    return value


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


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
