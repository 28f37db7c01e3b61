"""How a text in one or several languages is held, and how one language is picked from it."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import PlainValidator, WithJsonSchema

LANG_PATTERN = re.compile(r"^[a-z]{2,3}$")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters no text may hold: control characters other than tab and newline, lone surrogates and
non-characters, which break DOCX (XML), the comparison matrix and the terminal."""


def control_character(value: object, path: tuple[str | int, ...] = ()) -> tuple[tuple[str | int, ...], str] | None:
    """Return the path and the first forbidden character (:data:`CONTROL`) in ``value``'s strings, or ``None``."""
    if isinstance(value, str):
        found = CONTROL.search(value)
        return (path, found.group(0)) if found else None
    if isinstance(value, dict):
        for key, item in value.items():
            hit = control_character(key, path) or control_character(item, (*path, str(key)))
            if hit is not None:
                return hit
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            hit = control_character(item, (*path, i))
            if hit is not None:
                return hit
    return None


def _no_control(text: str) -> str:
    found = CONTROL.search(text)
    if found:
        raise ValueError(f"control character U+{ord(found.group(0)):04X} is not allowed in a text; "
                         "only tab and newline are")
    return text


def _check_text(value: object) -> str | dict[str, str]:
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("a text must not be empty")
        return _no_control(value)
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
            _no_control(text)
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


Fallback = Literal["none", "main", "any"]
"""Where :func:`text_in` looks when a text lacks the language asked for: nowhere, the main
language, or the main language and then the first language the text is written in."""


def text_in(text: str | dict[str, str] | None, lang: str, *, main: str | None,
            fallback: Fallback = "none") -> str | None:
    """Return the text in ``lang``, else as ``fallback`` says; ``None`` when nothing fits.

    A plain string counts as written in ``main``, the agreement's main language (in every
    language when ``main`` is ``None``). With a fallback an empty version counts as missing.
    This is the one language picker of the package: every layer picks a language through it.
    """
    if text is None:
        return None
    if isinstance(text, str):
        return text if lang == main or main is None or fallback != "none" else None
    if fallback == "none":
        return text.get(lang)
    found = text.get(lang) or (text.get(main) if main is not None else None)
    if not found and fallback == "any":
        found = next((v for v in text.values() if v), None)
    return found or None


def text_langs(text: str | dict[str, str] | None, *, main: str) -> set[str]:
    """Return the languages a text is written in (empty for ``None``)."""
    if text is None:
        return set()
    if isinstance(text, str):
        return {main}
    return set(text)
