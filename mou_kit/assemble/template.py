"""What a clause template is: an article pattern with typed variables, alternatives and guidance.

Templates are data (YAML files in a library). Their texts use ``<< name >>`` for values filled
in at assembly and keep ``{{ name }}`` for the agreement's own variables (docs/adr/0041).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, model_validator

from ..model import Slug, Text
from ..model.record import Record
from ..model.text import LANG_PATTERN

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
VariableType = Literal["string", "integer", "number", "date", "boolean", "text", "ref", "points"]
ListStyle = Literal["and", "or", "and-or"]
BUILT_INS = ("doc", "lang", "languages", "kind", "party_count", "parties")
"""Names every template text can use without declaring them (see ``docs/templates.md``)."""


def _semver(value: str) -> str:
    if not SEMVER.match(value):
        raise ValueError(f"version {value!r} is not a semantic version such as '1.0.0'")
    return value


Version = Annotated[str, AfterValidator(_semver)]


def version_key(version: str) -> tuple[int, ...]:
    """Return ``"1.10.0"`` as ``(1, 10, 0)`` so versions sort by number."""
    return tuple(int(p) for p in version.split("."))


class PointItem(Record):
    """One item of a ``points`` variable: an id and its text, e.g. one scope item."""

    id: Slug
    text: Text


class TemplateVariable(Record):
    """A value the analyst supplies when the template is used, with its type and an example."""

    name: str
    type: VariableType = "string"
    description: Text
    example: Any = Field(description="A value that shows the form; every template renders with its examples.")
    default: Any = Field(default=None, description="Used when the answers give no value; empty means required.")

    @model_validator(mode="after")
    def _name_is_identifier(self) -> TemplateVariable:
        if not _NAME.match(self.name):
            raise ValueError(f"variable name {self.name!r} must be lower-case letters, digits and '_'")
        if self.name in BUILT_INS:
            raise ValueError(f"variable name {self.name!r} is built in; choose another name")
        return self

    @property
    def required(self) -> bool:
        """Whether the answers must give a value (the variable has no default)."""
        return self.default is None


_PYTHON_TYPES: dict[str, Any] = {
    "string": str,
    "integer": int,
    "number": float,
    "date": dt.date,
    "boolean": bool,
    "text": Text,
    "ref": Slug,
    "points": list[PointItem],
}


def values_model(name: str, variables: list[TemplateVariable]) -> type[BaseModel]:
    """Return a pydantic model that checks the values given for ``variables``.

    Unknown names are refused; a variable without a default is required.
    """
    fields: dict[str, Any] = {}
    for var in variables:
        annotation = _PYTHON_TYPES[var.type]
        description = var.description if isinstance(var.description, str) else next(iter(var.description.values()))
        if var.required:
            fields[var.name] = (annotation, Field(description=description))
        else:
            fields[var.name] = (annotation, Field(default=var.default, description=description))
    model: type[BaseModel] = create_model(
        f"Values_{name.replace('-', '_')}", __config__=ConfigDict(extra="forbid", strict=False), **fields)
    return model


class TemplatePoint(Record):
    """A point in a template: a fixed point, or ``each: <points variable>`` for a list of them."""

    id: str | None = None
    text: Text | None = None
    points: list[TemplatePoint] = Field(default_factory=list)
    each: str | None = Field(default=None, description="A 'points' variable whose items become points here.")
    when: str | None = Field(default=None, description="A condition; the point is left out when it is false.")

    @model_validator(mode="after")
    def _fixed_or_each(self) -> TemplatePoint:
        if self.each is None and (self.id is None or self.text is None):
            raise ValueError("a point needs 'id' and 'text', or 'each: <points variable>'")
        if self.each is not None and (self.id is not None or self.text is not None or self.points):
            raise ValueError("a point with 'each' takes its ids and texts from the variable: remove id/text/points")
        return self


class TemplateClause(Record):
    """A clause (ayat) in a template: its id, text, points and an optional condition."""

    model_config = ConfigDict(populate_by_name=True)

    id: str
    text: Text
    points: list[TemplatePoint] = Field(default_factory=list)
    list_style: ListStyle | None = Field(
        default=None, alias="list",
        description="Punctuate the points as a list: ';' after each, '; dan'/'; atau' before the last.")
    when: str | None = None


class TemplateArticle(Record):
    """The article a template produces: default id, heading and clauses."""

    id: Slug
    heading: Text
    clauses: list[TemplateClause] = Field(min_length=1)


class Alternative(Record):
    """One negotiating position of a template (e.g. standard or strict confidentiality)."""

    id: Slug
    title: Text
    guidance: Text | None = None
    fallback: Slug | None = Field(default=None, description="The alternative to offer when this one is refused.")
    article: TemplateArticle


class ChangeNote(Record):
    """What changed in one version of a template, shown when an agreement drifts behind it."""

    version: Version
    note: Text


class AgreementEntry(Record):
    """One article of an agreement, by the template that makes it (in answers and agreement templates)."""

    template: str = Field(description="A template id, or 'id@1.2.0' for one version.")
    id: Slug | None = Field(default=None, description="The article id; default: the template's.")
    alternative: Slug | None = None
    values: dict[str, Any] = Field(default_factory=dict)
    when: str | None = None


class ClauseTemplate(Record):
    """A reusable, versioned, bilingual article template (a ``ClauseTemplate`` of the library)."""

    id: Slug
    version: Version
    kind: Literal["article"] = "article"
    title: Text
    category: str
    languages: list[str] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)
    guidance: Text | None = None
    variables: list[TemplateVariable] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list, description="Conditions, all true for the article to be used.")
    changelog: list[ChangeNote] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _article_shorthand(cls, data: Any) -> Any:
        if isinstance(data, dict) and "article" in data:
            data = dict(data)
            if "alternatives" in data:
                raise ValueError("give either 'article' or 'alternatives', not both")
            data["alternatives"] = [{"id": "standard", "title": data.get("title", "standard"),
                                     "article": data.pop("article")}]
        return data

    @model_validator(mode="after")
    def _consistent(self) -> ClauseTemplate:
        for lang in self.languages:
            if not LANG_PATTERN.match(lang):
                raise ValueError(f"{lang!r} is not a language code such as 'id' or 'en'")
        names = [v.name for v in self.variables]
        if len(set(names)) != len(names):
            raise ValueError(f"variables {names} name a variable twice")
        alts = [a.id for a in self.alternatives]
        if len(set(alts)) != len(alts):
            raise ValueError(f"alternatives {alts} name an alternative twice")
        for alt in self.alternatives:
            if alt.fallback is not None and alt.fallback not in alts:
                raise ValueError(f"alternative {alt.id!r} falls back to {alt.fallback!r}, which is not one of {alts}")
        return self

    @property
    def ref(self) -> str:
        """The template as ``id@version``, the form recorded in an article's ``source``."""
        return f"{self.id}@{self.version}"

    def alternative(self, alt_id: str | None) -> Alternative | None:
        """Return the alternative ``alt_id`` (the first when ``None``), or ``None`` when it has none such."""
        if alt_id is None:
            return self.alternatives[0]
        return next((a for a in self.alternatives if a.id == alt_id), None)

    def values_model(self) -> type[BaseModel]:
        """Return the pydantic model that checks the values given for this template."""
        return values_model(self.id, self.variables)


class AgreementTemplate(Record):
    """A whole-agreement template: the kind, form defaults and the list of articles to assemble."""

    id: Slug
    version: Version
    kind: Literal["agreement"] = "agreement"
    title: Text
    category: str = "agreement"
    languages: list[str] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)
    guidance: Text | None = None
    agreement_kind: Literal["mou", "pks", "addendum"] = "mou"
    parties: int | None = Field(default=None, ge=2, le=10, description="How many parties the form is made for.")
    defaults: dict[str, Any] = Field(
        default_factory=dict, description="Default fields of agreement.yaml (closing, style, term, ...).")
    changelog: list[ChangeNote] = Field(default_factory=list)
    articles: list[AgreementEntry] = Field(min_length=1)

    @property
    def ref(self) -> str:
        """The template as ``id@version``."""
        return f"{self.id}@{self.version}"


Template = ClauseTemplate | AgreementTemplate
