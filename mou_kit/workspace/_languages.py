"""The rule that a revision never silently drops a language of a text (a plain string set on a bilingual field)."""

from __future__ import annotations

from ..errors import WorkspaceError
from ..model import Agreement
from ..model.text import text_langs
from ..model.walk import format_path, iter_texts


def keep_languages(base: Agreement | None, ours: Agreement) -> None:
    """Raise when a text of ``ours`` lacks a language the same text had in ``base``.

    Assigning ``clause.text = "..."`` on a clause written ``{id: ..., en: ...}`` would commit
    the clause with its other language gone; the edit is refused instead, naming the node.
    A language the agreement no longer lists may go.

    :raises WorkspaceError: code ``language-dropped``, with the node and the language.
    """
    if base is None:
        return
    before = {(t.node, t.path[-1]): text_langs(t.value, main=base.main_language) for t in iter_texts(base)}
    wanted = set(ours.languages)
    for text in iter_texts(ours):
        had = before.get((text.node, text.path[-1]))
        if had is None:
            continue
        lost = sorted((had - text_langs(text.value, main=ours.main_language)) & wanted)
        if lost:
            where = text.node or format_path(text.path)
            raise WorkspaceError(
                f"{format_path(text.path)}: the text of {where} would lose its {', '.join(lost)} version; "
                f"set it per language ({{'{ours.main_language}': ..., '{lost[0]}': ...}}, or "
                "Agreement.set_text(node, text, lang=...))", code="language-dropped", node=text.node)
