"""How a single YAML file that is not part of an agreement folder (answers, templates) is read.

The same safe reader as the agreement folder: size limit, no aliases, located errors. A
:class:`YamlDocument` keeps the bytes so later checks can point at the line of any value.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ErrorCode, Problem, ValidationFailed
from ..model.walk import format_path
from ._entries import read_plain
from ._limits import MAX_YAML_BYTES
from .problems import problems_from
from .yaml_read import YamlProblem, locate, parse_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """One YAML file as read: its name for messages, its bytes and the data it holds."""

    file: str
    data: bytes
    value: Any

    def problem(self, code: ErrorCode, message: str, path: tuple[str | int, ...] = (), *,
                hint: str | None = None) -> Problem:
        """Return a problem at ``path`` in this file, with its line and column when found."""
        pos = locate(self.data, path) if path else None
        return Problem(code, message, file=self.file, path=format_path(path) or None,
                       line=pos[0] if pos else None, column=pos[1] if pos else None, hint=hint)

    def problems_from(self, error: ValidationError, model: type[BaseModel],
                      at: tuple[str | int, ...] = ()) -> list[Problem]:
        """Return the located problems of a pydantic error for data found at ``at`` in this file."""
        return problems_from(error, model, self.file, self.data, at=at)

    def validate(self, model: type[M], at: tuple[str | int, ...] = (), value: Any = None) -> M:
        """Return ``value`` (default: the whole file) validated as ``model``.

        :raises ValidationFailed: with every problem, each at its line in this file.
        """
        raw = self.value if value is None and not at else value
        try:
            return model.model_validate(raw if raw is not None else {})
        except ValidationError as e:
            raise ValidationFailed(self.problems_from(e, model, at)) from None


def parse_yaml_document(data: bytes, file: str) -> YamlDocument:
    """Return the YAML document held in ``data`` (the bytes of ``file``, a name for messages).

    :raises ValidationFailed: the file is too large, not UTF-8, not valid YAML, or uses aliases.
    """
    try:
        return YamlDocument(file, data, parse_yaml(data, file))
    except YamlProblem as e:
        raise ValidationFailed([e.problem]) from None


def read_yaml_file(path: str | os.PathLike[str]) -> YamlDocument:
    """Return the YAML file at ``path``, read safely (size limit, no aliases, located errors).

    :raises ValidationFailed: the file is missing, a symbolic link, too large or not valid YAML.
    """
    target = Path(path)
    name = str(path)
    if not target.exists() and not target.is_symlink():
        raise ValidationFailed([Problem("file-missing", "file does not exist", file=name,
                                        hint="check the path")])
    data = read_plain(target, MAX_YAML_BYTES, hard_links=True)
    if isinstance(data, str):
        raise ValidationFailed([Problem("file-unreadable", f"file {data}", file=name,
                                        hint="give the path of a plain file")])
    if isinstance(data, int):
        raise ValidationFailed([Problem(
            "file-too-large", f"file is {data / 1_048_576:.1f} MiB, over the limit of "
            f"{MAX_YAML_BYTES // 1_048_576} MiB", file=name, hint="split it into smaller files")])
    return parse_yaml_document(data, name)
