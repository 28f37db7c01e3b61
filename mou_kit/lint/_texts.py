"""Which texts the drafting checks read: every text of an agreement, in each language, filled in."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import TemplateError
from ..model import Agreement, TextRenderer
from ..model.walk import format_path, iter_texts


@dataclass(frozen=True, slots=True)
class LangText:
    """One text in one language: where it is, its node, its markup and its filled-in form."""

    path: str
    node: str | None
    kind: str
    lang: str
    raw: str
    filled: str


def _kind(path: tuple[str | int, ...]) -> str:
    if path[0] == "title":
        return "title"
    if path[0] in ("recitals", "defined_terms", "annexes"):
        return str(path[0])
    if path[-1] == "heading":
        return "heading"
    return "point" if "points" in path else "clause"


def lang_texts(agreement: Agreement) -> list[LangText]:
    """Return every text of ``agreement`` in each language it is written in, with variables filled in
    (a text whose variables cannot be filled keeps its markup)."""
    renderers = {lang: TextRenderer(agreement, lang) for lang in agreement.languages}
    main = agreement.main_language
    out: list[LangText] = []
    for item in iter_texts(agreement):
        versions = item.value.items() if isinstance(item.value, dict) else [(main, item.value)]
        for lang, raw in versions:
            renderer = renderers.get(lang)
            try:
                filled = renderer.fill(raw) if renderer else raw
            except TemplateError:
                filled = raw
            path = item.path + ((lang,) if isinstance(item.value, dict) else ())
            out.append(LangText(format_path(path), item.node, _kind(item.path), lang, raw, filled))
    return out
