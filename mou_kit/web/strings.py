"""The interface's words in Indonesian and English (``web/locale/*.toml``) and which one a request wants."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from starlette.requests import Request

LANGUAGES = ("id", "en")
"""The interface languages; Indonesian first: it is the default."""
COOKIE = "mou_lang"


@cache
def strings(lang: str) -> Mapping[str, str]:
    """Return the words of the interface in ``lang`` (one of :data:`LANGUAGES`)."""
    source = resources.files("mou_kit.web") / "locale" / f"{lang}.toml"
    return MappingProxyType(tomllib.loads(source.read_text(encoding="utf-8")))


def chosen(request: Request) -> tuple[str, bool]:
    """Return the language for ``request`` and whether it was chosen now (``?lang=``, to be kept in a cookie).

    ``?lang=`` wins, then the cookie, then the browser's Accept-Language, then Indonesian.
    """
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked, True
    kept = request.cookies.get(COOKIE)
    if kept in LANGUAGES:
        return kept, False
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code, False
    return LANGUAGES[0], False
