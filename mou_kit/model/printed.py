"""How a node's text is printed in one language, falling back to the main language where a text lacks it.

Every layer that prints a node (the diff, the outline the renderers share, the importer that
compares a file's words with the base) prints it through :class:`PrintedText`, so the fallback
and the error rule live in one place.
"""

from __future__ import annotations

from ..errors import MouKitError
from ._agreement import Agreement
from .numbering import Numbering, number
from .references import TextRenderer


class PrintedText:
    """Prints the texts of one agreement in ``lang``, else in its main language; one per agreement and language."""

    def __init__(self, agreement: Agreement, lang: str, *, numbering: Numbering | None = None) -> None:
        self.agreement = agreement
        self.lang = lang
        self.numbering = numbering or number(agreement)
        self.own = TextRenderer(agreement, lang, numbering=self.numbering)
        main = agreement.main_language
        self.main = self.own if main == lang else TextRenderer(agreement, main, numbering=self.numbering)

    def renderer(self, text: str | dict[str, str] | None) -> TextRenderer:
        """Return the renderer that prints ``text``: this language's when the text has it, else the main one's."""
        return self.own if self.own.pick(text) is not None else self.main

    def pick(self, text: str | dict[str, str] | None) -> str | None:
        """Return the raw ``text`` in this language, else the main one; ``None`` when it has neither."""
        return self.renderer(text).pick(text)

    def render(self, text: str | dict[str, str] | None, *, context: str | None = None) -> str:
        """Return ``text`` as printed (variables filled, references cited), ``""`` for no text.

        :raises TemplateError: a variable is undefined, a reference names no node.
        """
        return self.renderer(text).render(text, context=context)

    def shown(self, text: str | dict[str, str] | None, *, context: str | None = None) -> str:
        """Return ``text`` as printed, or its raw form where it cannot be printed (a diff or an import
        must still show a text whose variable was removed)."""
        renderer = self.renderer(text)
        try:
            return renderer.render(text, context=context)
        except MouKitError:
            return renderer.pick(text) or ""
