"""mkdocs hook: the API reference lists exactly the names ``mou_kit`` exports, from its own table.

``docs/reference.md`` holds a marker; each build replaces it with one mkdocstrings block per public
name, grouped by the layer it lives in, so a name added to ``mou_kit._EXPORTS`` appears without a
hand-written line and a removed one disappears.
"""

from __future__ import annotations

from typing import Any

MARKER = "<!-- api-reference -->"


def reference_markdown() -> str:
    """Return the Markdown of every public name, one section per module, in the table's order."""
    import mou_kit

    sections = []
    for module, names in mou_kit._EXPORTS.items():
        title = f"`mou_kit{module}`"
        blocks = [f"::: mou_kit{module}.{name}\n    options:\n      heading_level: 3" for name in names.split()]
        sections.append(f"## {title}\n\n" + "\n\n".join(blocks))
    return "\n\n".join(sections) + "\n"


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Fill the marker of the reference page; leave every other page as it is."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, reference_markdown())
