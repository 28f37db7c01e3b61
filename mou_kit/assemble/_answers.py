"""What an analyst answers to assemble a draft: the agreement's particulars, values, and articles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, PrivateAttr

from ..files import YamlDocument, read_yaml_file
from ..model.record import Record
from .template import AgreementEntry


class Answers(Record):
    """The answers file: which templates, which values, and the fields of ``agreement.yaml``."""

    template: str | None = Field(default=None, description="A whole-agreement template, e.g. 'nk-tripartit'.")
    library: list[str] = Field(default_factory=list,
                               description="Extra library folders, relative to the answers file.")
    agreement: dict[str, Any] = Field(description="The fields of agreement.yaml: id, languages, title, parties, ...")
    values: dict[str, Any] = Field(default_factory=dict,
                                   description="Values for the templates' variables, shared by every article.")
    articles: list[AgreementEntry] | None = Field(
        default=None, description="The articles, in order; default: the whole-agreement template's list.")
    _document: YamlDocument | None = PrivateAttr(default=None)
    _base: Path | None = PrivateAttr(default=None)

    @property
    def document(self) -> YamlDocument | None:
        """The file the answers were read from, for located messages; ``None`` when built in code."""
        return self._document

    def library_paths(self) -> list[Path]:
        """Return the ``library`` folders, resolved against the answers file's folder."""
        base = self._base or Path(".")
        return [base / p for p in self.library]


def read_answers(path: str | os.PathLike[str]) -> Answers:
    """Return the answers in the YAML file ``path``.

    :raises ValidationFailed: the file cannot be read or breaks the answers schema (all problems).
    """
    doc = read_yaml_file(path)
    answers = doc.validate(Answers)
    answers._document = doc
    answers._base = Path(path).parent
    return answers
