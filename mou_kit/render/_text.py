"""How an agreement reads as numbered plain text, for the terminal and for golden-file tests."""

from __future__ import annotations

import textwrap

from ..model import Agreement
from .outline import ClauseBlock, Outline, Para, PointBlock, outline, plain

INDENT = 4


def _wrap(text: str, width: int, indent: int, label: str = "") -> list[str]:
    prefix = " " * indent
    if label:
        first = prefix + label.ljust(INDENT - 1) + " " if len(label) < INDENT else prefix + label + " "
        hanging = " " * len(first)
    else:
        first = hanging = prefix
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=hanging,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def _center(text: str, width: int) -> list[str]:
    return [line.center(width).rstrip() for line in textwrap.wrap(text, width=width)]


def _points(points: list[PointBlock], width: int, indent: int) -> list[str]:
    out: list[str] = []
    for p in points:
        out += _wrap(plain(p.runs), width, indent, p.label)
        out += _points(p.points, width, indent + INDENT)
    return out


def _clause(c: ClauseBlock, width: int) -> list[str]:
    indent = INDENT if c.label else 0
    out = _wrap(plain(c.runs), width, 0, c.label) if c.label else _wrap(plain(c.runs), width, 0)
    return out + _points(c.points, width, indent)


def _para(p: Para, width: int, indent: int = 0) -> list[str]:
    return _wrap(plain(p.runs), width, indent, p.label)


def lines_of(doc: Outline, *, width: int = 88) -> list[str]:
    """Return the outline as wrapped lines of text, numbered as printed."""
    out: list[str] = []
    for line in doc.title.lines:
        out += _center(line, width)
    for number_line in doc.title.numbers:
        out += _center(number_line, width)
    out += _center(doc.title.about, width) + _center(doc.title.subject, width) + [""]
    out += [*_para(doc.opening, width), ""]
    for party in doc.parties:
        out += [*_para(party, width), ""]
    out += [*_para(doc.together, width), ""]
    if doc.recitals_intro:
        out += _para(doc.recitals_intro, width)
        for recital in doc.recitals:
            out += _para(recital, width)
        out += [""]
    out += [*_para(doc.formula, width), ""]
    for article in doc.articles:
        out += _center(article.label, width) + _center(article.heading, width)
        for clause in article.clauses:
            out += _clause(clause, width)
        out += [""]
    out += [*_para(doc.closing, width), ""]
    for sig in doc.signatures:
        if sig.custom:
            out += [*sig.above, "", "", *sig.below, ""]
            continue
        out += [f"{sig.label},", sig.position, "", "", sig.name or "(........)"]
        if sig.rank_line:
            out.append(sig.rank_line)
        out.append("")
    for annex in doc.annexes:
        out += _center(f"{annex.label}", width) + _center(annex.title, width)
        if annex.runs:
            out += _wrap(plain(annex.runs), width, 0)
        out += [""]
    while out and not out[-1]:
        out.pop()
    return out


MIN_WIDTH = 40
"""The narrowest text :func:`render_text` lays out (labels and indents need room)."""


def render_text(agreement: Agreement, lang: str | None = None, *, width: int = 88) -> str:
    """Return ``agreement`` as numbered plain text in ``lang`` (default: its main language).

    :raises MouKitError: ``lang`` has no form defined, or ``width`` is under 40 (``invalid-value``).
    :raises TemplateError: a text cannot be rendered.
    """
    if width < MIN_WIDTH:
        from ..errors import MouKitError

        raise MouKitError(f"a text width of {width} is too narrow; give at least {MIN_WIDTH}", code="invalid-value")
    return "\n".join(lines_of(outline(agreement, lang or agreement.main_language), width=width)) + "\n"
