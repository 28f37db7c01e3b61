"""What an agreement is: its parties, recitals, articles, terms, variables and form settings."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal, cast

from pydantic import BaseModel, Field, PrivateAttr, field_validator, model_validator

from ._article import Article, Clause, Point
from ._day import Day
from ._party import Party
from ._state import LifecycleState
from .ids import FolderPath, Slug
from .record import Record
from .text import LANG_PATTERN, Text

AgreementKind = Literal["mou", "pks", "addendum"]
VariableType = Literal["string", "integer", "number", "date", "boolean"]
VariableValue = bool | int | float | dt.date | str
_VARIABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


class Recital(Record):
    """A recital ("bahwa ...;" / "WHEREAS ..."), lettered at render time."""

    id: Slug
    text: Text


class DefinedTerm(Record):
    """A term the agreement defines and then uses with its capitalisation."""

    id: Slug
    term: Text
    definition: Text | None = None
    defined_in: Slug | None = Field(default=None, description="The node whose text defines the term.")


class Annex(Record):
    """An annex (Lampiran): a title and either inline text or a file under ``annexes/``."""

    id: Slug
    title: Text
    text: Text | None = None
    file: FolderPath | None = Field(default=None, description="Path under annexes/, e.g. 'annexes/rencana-aksi.pdf'.")


class Variable(Record):
    """A typed value that clause texts use as ``{{ name }}``."""

    type: VariableType = "string"
    value: VariableValue
    description: str | None = None

    @model_validator(mode="after")
    def _value_matches_type(self) -> Variable:
        expected: dict[str, tuple[type, ...]] = {
            "string": (str,),
            "integer": (int,),
            "number": (int, float),
            "date": (dt.date,),
            "boolean": (bool,),
        }
        ok = isinstance(self.value, expected[self.type])
        if self.type in ("integer", "number") and isinstance(self.value, bool):
            ok = False
        if not ok:
            raise ValueError(f"value {self.value!r} is not of type {self.type!r}")
        return self


class Term(Record):
    """How long the agreement runs: start, duration or end, renewal and notice."""

    effective_date: Day | None = Field(
        default=None, description="When it takes effect; empty means on the date of signing."
    )
    duration_years: int | None = Field(default=None, ge=1, le=99)
    duration_months: int | None = Field(default=None, ge=1, le=1200)
    end_date: Day | None = None
    renewal: Literal["none", "by-agreement", "automatic"] = "by-agreement"
    notice_days: int | None = Field(default=None, ge=0, le=3650, description="Notice before the end or termination.")
    evaluation_months: int | None = Field(
        default=None, ge=1, le=1200, description="How often the parties evaluate the cooperation."
    )


SIGNATURE_FIELDS = ("party", "PARTY", "label", "name", "position")
"""What a line of ``closing.signature_lines`` may name in braces, filled per party when rendered."""
_FIELD = re.compile(r"\{([A-Za-z_]+)\}")


class Closing(Record):
    """How the agreement is executed: number of originals, meterai, official stamps, and for an
    agreement written in another form (imported), its own closing words and signature block."""

    copies: int | None = Field(default=None, ge=1, le=100, description="Originals made; empty means one per party.")
    meterai: bool = Field(default=False, description="Whether each original carries a duty stamp (meterai).")
    stamp: bool = Field(default=True, description="Whether each signature carries the official stamp (cap dinas).")
    text: Text | None = Field(default=None, description=(
        "The closing paragraph in the agreement's own words; empty prints the form's "
        "('Demikian Nota Kesepahaman ini dibuat dalam rangkap ...')."))
    signature_lines: list[Text] = Field(default_factory=list, max_length=20, description=(
        "Each party's signature block as lines, the signing space before the line naming {name}; "
        "{party} / {PARTY} (its name / in capitals), {label} (PIHAK KESATU), {name} and {position} (its "
        "signatory's) are filled in. Empty prints the form's block."))

    @field_validator("signature_lines")
    @classmethod
    def _known_fields(cls, value: list[Text]) -> list[Text]:
        for line in value:
            for text in ([line] if isinstance(line, str) else line.values()):
                unknown = [f for f in _FIELD.findall(text) if f not in SIGNATURE_FIELDS]
                if unknown:
                    raise ValueError(f"{{{unknown[0]}}} is not a field of a signature line; the fields are "
                                     + ", ".join(f"{{{f}}}" for f in SIGNATURE_FIELDS))
        return value


class HouseStyle(Record):
    """Form choices that differ between institutions, all attested in practice."""

    first_party_label: Literal["KESATU", "PERTAMA"] = "KESATU"
    date_digits: bool = Field(default=False, description="Add '(18-07-2023)' after the date in words.")
    bilingual_layout: Literal["side-by-side", "sequential"] = "side-by-side"


class AgreementHead(Record):
    """Everything about an agreement except its articles: the content of ``agreement.yaml``."""

    id: Slug
    kind: AgreementKind = "mou"
    implements: Slug | None = Field(default=None, description="For a PKS: the id of the MoU it implements.")
    amends: Slug | None = Field(default=None, description="For an addendum: the id of the agreement it amends.")
    languages: list[str] = Field(min_length=1, description="Languages of the text, the main one first.")
    title: Text = Field(description="The subject, printed after TENTANG / ON.")
    place: Text | None = Field(default=None, description="Place of signing.")
    date: Day | None = Field(default=None, description="Date of signing; empty while in draft.")
    state: LifecycleState = LifecycleState.DRAFT
    parties: list[Party] = Field(min_length=2)
    recitals: list[Recital] = Field(default_factory=list)
    defined_terms: list[DefinedTerm] = Field(default_factory=list)
    variables: dict[str, Variable] = Field(default_factory=dict)
    term: Term | None = None
    closing: Closing = Field(default_factory=Closing)
    style: HouseStyle = Field(default_factory=HouseStyle)
    annexes: list[Annex] = Field(default_factory=list)

    @field_validator("languages")
    @classmethod
    def _languages_are_codes(cls, value: list[str]) -> list[str]:
        for lang in value:
            if not LANG_PATTERN.match(lang):
                raise ValueError(f"{lang!r} is not a language code such as 'id' or 'en'")
        if len(set(value)) != len(value):
            raise ValueError(f"languages {value} name a language twice")
        return value

    @field_validator("variables")
    @classmethod
    def _variable_names(cls, value: dict[str, Variable]) -> dict[str, Variable]:
        for name in value:
            if not _VARIABLE_NAME.match(name):
                raise ValueError(
                    f"variable name {name!r} must be lower-case letters, digits and '_' (e.g. 'jangka_waktu')"
                )
        return value

    @model_validator(mode="after")
    def _links_match_kind(self) -> AgreementHead:
        if self.kind == "pks" and self.implements is None:
            raise ValueError("a PKS names the MoU it implements: add 'implements: <mou-id>'")
        if self.kind == "addendum" and self.amends is None:
            raise ValueError("an addendum names the agreement it amends: add 'amends: <agreement-id>'")
        return self

    @property
    def main_language(self) -> str:
        """The language a plain-string text is written in (the first of ``languages``)."""
        return self.languages[0]


class Agreement(AgreementHead):
    """An agreement (the work): typed data from which every document is rendered.

    Build one with :func:`mou_kit.load` or by constructing it; it is a plain, editable object,
    validated again before anything is saved or committed.
    """

    articles: list[Article] = Field(default_factory=list)
    _read_at: str | None = PrivateAttr(default=None)

    @property
    def read_at(self) -> str | None:
        """The commit id of the revision this agreement was read from (``None``: not read from a workspace).

        Like an ETag: :meth:`mou_kit.Workspace.commit` merges against it, so an edit made
        meanwhile by another writer is kept. Copies (``model_copy``) keep it.
        """
        return self._read_at

    def __eq__(self, other: object) -> bool:
        """Two agreements are equal when their data is; where they were read from does not count."""
        if not isinstance(other, BaseModel):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def find(self, node_id: str) -> Party | Recital | DefinedTerm | Annex | Article | Clause | Point | None:
        """Return the node (party, recital, defined term, annex, article, clause or point) with the id ``node_id``.

        ``None`` when no node has it. The node is the object inside this agreement: editing it
        edits the agreement.
        """
        from .walk import iter_ids  # the one walk over every node with an id

        for path, found in iter_ids(self):
            if found == node_id:
                node: Any = self
                for part in path[:-1]:
                    node = node[part] if isinstance(part, int) else getattr(node, part)
                return cast("Party | Recital | DefinedTerm | Annex | Article | Clause | Point", node)
        return None

    def set_text(self, node_id: str, text: str, *, lang: str | None = None, field: str = "text") -> None:
        """Set the ``field`` text of the node ``node_id`` in one language (default: the main one), keeping the others.

        Assigning a plain string to a bilingual text would drop its other languages; this sets
        one language only.

        :raises MouKitError: no node has that id, the node has no such text field, or ``text`` is
            empty (code ``invalid-value``).
        """
        from ..errors import MouKitError

        node = self.find(node_id)
        if node is None or field not in type(node).model_fields or field in ("id", "points", "clauses"):
            raise MouKitError(f"no node with the id {node_id!r} has a text {field!r}", node=str(node_id))
        if not isinstance(text, str) or not text.strip():
            raise MouKitError(f"the text of {node_id!r} must be a non-empty string, not {text!r}", node=node_id)
        lang = lang or self.main_language
        current = getattr(node, field)
        if isinstance(current, dict):
            value: str | dict[str, str] = {**current, lang: text}
        elif isinstance(current, str) and lang != self.main_language:
            value = {self.main_language: current, lang: text}
        elif len(self.languages) > 1 and lang != self.main_language:
            value = {lang: text}
        else:
            value = text
        setattr(node, field, value)
