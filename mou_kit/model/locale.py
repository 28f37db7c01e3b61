"""The form of each language (labels, numbering styles, fixed phrases), read from ``locale/*.toml``.

The data lives in TOML files shipped with the package so that adding a language or a house
style is an edit to data, not to code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import MouKitError


@dataclass(frozen=True, slots=True)
class PointStyle:
    """How one level of points is counted, printed and cited."""

    style: str
    label: str
    ref: str


@dataclass(frozen=True, slots=True)
class Locale:
    """The form of one language: read it with :func:`locale_for`, do not build it yourself."""

    lang: str
    name: str
    babel: str
    num2words: str
    kinds: dict[str, dict[str, str]]
    title: dict[str, str]
    ordinals: tuple[str, ...]
    first_alternative: str
    party_label: str
    all_parties: str
    one_party: str
    list_and: str
    article: str
    clause: str
    recital: PointStyle
    points: tuple[PointStyle, ...]
    ref_article: str
    ref_clause: str
    ref_local_article: str
    annex: str
    omit_common: bool
    phrases: dict[str, str]
    party_placeholder: str
    """What an import calls a party it cannot name: ``"PIHAK {n}"``."""
    report: dict[str, Any]
    """The words of the diff reports and the DIM (``[report]``; English where a language has none)."""

    def phrase(self, key: str, **values: object) -> str:
        """Return the fixed phrase ``key`` with ``values`` filled in."""
        return self.phrases[key].format(**values)

    def label(self, index: int, *, first: str = "KESATU") -> str:
        """Return the label of the party at ``index`` (0-based): "PIHAK KESATU", "SECOND PARTY".

        ``first`` is the house-style word for the first party ("KESATU" or "PERTAMA").
        """
        if index >= len(self.ordinals):
            raise MouKitError(
                f"the {self.name} form names at most {len(self.ordinals)} parties",
                code="invalid-value",
            )
        ordinal = self.ordinals[index]
        if index == 0 and first == "PERTAMA":
            ordinal = self.first_alternative
        return self.party_label.format(ordinal=ordinal)


def available_languages() -> list[str]:
    """Return the language codes that have a locale file."""
    root = resources.files("mou_kit") / "locale"
    return sorted(p.name.removesuffix(".toml") for p in root.iterdir() if p.name.endswith(".toml"))


@cache
def locale_for(lang: str) -> Locale:
    """Return the form of ``lang`` ("id", "en").

    :raises MouKitError: no locale file exists for ``lang`` (code ``unknown-language``).
    """
    source = resources.files("mou_kit") / "locale" / f"{lang}.toml"
    if not source.is_file():
        raise MouKitError(
            f"language {lang!r} has no form defined; use one of {', '.join(available_languages())}",
            code="unknown-language",
        )
    data: dict[str, Any] = tomllib.loads(source.read_text(encoding="utf-8"))
    num = data["numbering"]
    return Locale(
        lang=lang,
        name=data["name"],
        babel=data["babel"],
        num2words=data["num2words"],
        kinds=data["kinds"],
        title=data["title"],
        ordinals=tuple(data["parties"]["ordinals"]),
        first_alternative=data["parties"]["first_alternative"],
        party_label=data["parties"]["label"],
        all_parties=data["parties"]["all"],
        one_party=data["parties"]["one"],
        list_and=data["parties"]["list_and"],
        article=num["article"],
        clause=num["clause"],
        recital=PointStyle(num["recital"]["style"], num["recital"]["label"], ""),
        points=tuple(PointStyle(p["style"], p["label"], p["ref"]) for p in num["points"]),
        ref_article=num["ref_article"],
        ref_clause=num["ref_clause"],
        ref_local_article=num["ref_local_article"],
        annex=num["annex"],
        omit_common=num["omit_common"],
        phrases=data["phrases"],
        party_placeholder=data["parties"]["placeholder"],
        report=data.get("report") or locale_for("en").report,
    )
