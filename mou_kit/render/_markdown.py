"""How an agreement reads as Markdown: the outline with its numbers, every text escaped."""

from __future__ import annotations

import os
import re

from .._io import write_output
from ..errors import RenderError
from ..model import Agreement
from ._document import RevisionLike
from .outline import Outline, Para, PointBlock, Run

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$@~])")


def escape_md(text: str) -> str:
    """Return ``text`` with every Markdown-special character backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _runs(runs: list[Run]) -> str:
    return "".join(f"**{escape_md(r.text)}**" if r.bold and r.text.strip() else escape_md(r.text) for r in runs)


def _para(p: Para | None, indent: str = "") -> list[str]:
    if p is None:
        return []
    label = f"{escape_md(p.label)} " if p.label else ""
    return [f"{indent}{label}{_runs(p.runs)}", ""]


def _points(points: list[PointBlock], indent: str) -> list[str]:
    out: list[str] = []
    for p in points:
        out += [f"{indent}{escape_md(p.label)} {_runs(p.runs)}", ""]
        out += _points(p.points, indent + "    ")
    return out


def markdown_of(doc: Outline) -> str:
    """Return the Markdown of one outline."""
    out = [f"**{escape_md(line)}**  " for line in doc.title.lines + doc.title.numbers]
    out += [f"**{escape_md(doc.title.about)}**  ", f"**{escape_md(doc.title.subject)}**", ""]
    out += _para(doc.opening)
    for p in doc.parties:
        out += _para(p)
    out += _para(doc.together) + _para(doc.recitals_intro)
    for r in doc.recitals:
        out += _para(r)
    out += _para(doc.formula)
    for a in doc.articles:
        out += [f"## {escape_md(a.label)}", "", f"**{escape_md(a.heading)}**", ""]
        for c in a.clauses:
            out += [f"{escape_md(c.label) + ' ' if c.label else ''}{_runs(c.runs)}", ""]
            out += _points(c.points, "    " if c.label else "")
    out += _para(doc.closing)
    for s in doc.signatures:
        if s.custom:
            out += [*(f"{escape_md(x)}  " for x in s.above), "", "", *(f"{escape_md(x)}  " for x in s.below), ""]
            continue
        out += [f"**{escape_md(s.label)},**  ", f"{escape_md(s.position)}  ", "", "",
                f"**{escape_md(s.name or '(........)')}**  ", escape_md(s.rank_line), ""]
    for x in doc.annexes:
        out += [f"## {escape_md(x.label)}: {escape_md(x.title)}", ""]
        if x.runs:
            out += [_runs(x.runs), ""]
    return "\n".join(out).rstrip() + "\n"


def render_markdown(agreement: Agreement, path: str | os.PathLike[str] | None = None, *,
                    lang: str | None = None, revision: RevisionLike | None = None) -> str:
    """Return ``agreement`` as Markdown (one language after the other for "id+en").

    :raises MouKitError: unknown language (code ``unknown-language``).
    :raises TemplateError: a text cannot be rendered.
    """
    from ._document import prepare

    docs, info, _ = prepare(agreement, lang, revision=revision, folder=None, layout="sequential")
    head = f"<!-- {info.title} | {info.keywords} -->\n\n"
    text = head + "\n---\n\n".join(markdown_of(d) for d in docs)
    if path is not None:
        write_output(path, text.encode(), error=RenderError)
    return text
