"""How a text in one or several languages is held, and how one language is picked from it."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import PlainValidator, WithJsonSchema

LANG_PATTERN = re.compile(r"^[a-z]{2,3}$")


def _check_text(value: object) -> str | dict[str, str]:
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("a text must not be empty")
        return value
    if isinstance(value, dict):
        if not value:
            raise ValueError("a text in several languages needs at least one language")
        for lang, text in value.items():
            if not isinstance(lang, str) or not LANG_PATTERN.match(lang):
                raise ValueError(
                    f"{lang!r} is not a language code: use two or three lower-case letters "
                    "such as 'id' or 'en'"
                )
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the {lang!r} text must be a non-empty string, not {text!r}")
        return dict(value)
    raise ValueError(
        f"expected a text, or a mapping of language codes to texts like {{id: ..., en: ...}}, "
        f"not {type(value).__name__} {value!r}"
    )


_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z]{2,3}$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
        },
    ],
    "description": "A text, or the same text in several languages: {id: ..., en: ...}.",
}

Text = Annotated[str | dict[str, str], PlainValidator(_check_text), WithJsonSchema(_TEXT_SCHEMA)]
"""A text: a plain string (in the agreement's main language) or ``{id: "...", en: "..."}``."""


def text_in(text: str | dict[str, str] | None, lang: str, *, main: str) -> str | None:
    """Return the text in ``lang``, or ``None`` when it has no version in that language.

    A plain string counts as written in ``main``, the agreement's main language.
    """
    if text is None:
        return None
    if isinstance(text, str):
        return text if lang == main else None
    return text.get(lang)


def text_langs(text: str | dict[str, str] | None, *, main: str) -> set[str]:
    """Return the languages a text is written in (empty for ``None``)."""
    if text is None:
        return set()
    if isinstance(text, str):
        return {main}
    return set(text)
