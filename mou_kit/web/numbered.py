"""The agreement as the agreement page shows it: one row per numbered node, each language in its column.

The rows come from :func:`mou_kit.render.outline`, the outline every document is laid out from,
so the page shows the numbers and words the PDF and DOCX print.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..lint import Finding, lint
from ..model import Agreement, number
from ..render import Outline, outline
from ..render.outline import ClauseBlock, Para, PointBlock, Run


@dataclass(frozen=True, slots=True)
class Row:
    """One numbered node: its id, kind (recital, article, clause, point), depth and, per language, label and runs."""

    node: str
    kind: str
    depth: int
    labels: dict[str, str] = field(default_factory=dict)
    texts: dict[str, list[Run]] = field(default_factory=dict)
    editable: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    """What the agreement page shows: the title in each language, the rows, and the lint findings by node."""

    languages: list[str]
    titles: dict[str, list[str]]
    rows: list[Row]
    findings: dict[str, list[Finding]]
    general: list[Finding]


def _flat(found: Outline) -> list[tuple[str, str, int, str, list[Run], bool]]:
    """Return (node, kind, depth, label, runs, editable) for every numbered node of one outline, in order."""
    out: list[tuple[str, str, int, str, list[Run], bool]] = []

    def points(items: list[PointBlock]) -> None:
        for p in items:
            out.append((p.node, "point", 1 + p.depth, p.label, p.runs, True))
            points(p.points)

    def clause(c: ClauseBlock) -> None:
        out.append((c.node, "clause", 1, c.label, c.runs, True))
        points(c.points)

    recital: Para
    for recital in found.recitals:
        if recital.node:
            out.append((recital.node, "recital", 0, recital.label, recital.runs, True))
    for article in found.articles:
        out.append((article.node, "article", 0, article.label, [Run(article.heading, bold=True)], False))
        for c in article.clauses:
            clause(c)
    return out


def page(agreement: Agreement) -> Page:
    """Return the agreement page of ``agreement``: its languages side by side and its lint findings inline."""
    numbering = number(agreement)
    languages = list(agreement.languages)
    rows: dict[str, Row] = {}
    titles: dict[str, list[str]] = {}
    for lang in languages:
        found = outline(agreement, lang, numbering=numbering)
        titles[lang] = [*found.title.lines, found.title.about, found.title.subject]
        for node, kind, depth, label, runs, editable in _flat(found):
            row = rows.setdefault(node, Row(node, kind, depth, editable=editable))
            row.labels[lang] = label
            row.texts[lang] = runs
    by_node: dict[str, list[Finding]] = defaultdict(list)
    general: list[Finding] = []
    for finding in lint(agreement):
        if finding.node is not None and finding.node in rows:
            by_node[finding.node].append(finding)
        else:
            general.append(finding)
    return Page(languages, titles, list(rows.values()), dict(by_node), general)


def plain(runs: list[Run]) -> str:
    """Return the text of ``runs`` (for the JSON API)."""
    return "".join(r.text for r in runs)
