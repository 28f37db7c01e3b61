"""Which rules across nodes an agreement breaks: duplicate ids, dangling references, unknown variables.

Field-level rules live on the pydantic models; these need the whole agreement. Every problem
is collected, none is raised, so a user sees them all at once.
"""

from __future__ import annotations

from ..errors import Problem, TemplateError
from ._agreement import Agreement
from .locale import available_languages
from .numbering import number
from .references import context_values, has_template, references, variables_used
from .walk import Path, format_path, iter_ids, iter_texts, point_depth

MAX_POINT_DEPTH = 3


def check(agreement: Agreement) -> list[Problem]:
    """Return every cross-node problem of ``agreement`` (empty when it is consistent)."""
    problems: list[Problem] = []
    known = available_languages()
    for i, lang in enumerate(agreement.languages):
        if lang not in known:
            problems.append(Problem(
                "unknown-language", f"language {lang!r} has no form defined",
                path=f"languages[{i}]", hint=f"use one of {', '.join(known)}"))
    seen: dict[str, Path] = {}
    for path, node_id in iter_ids(agreement):
        if node_id in seen:
            problems.append(Problem(
                "duplicate-id", f"id {node_id!r} is already used at {format_path(seen[node_id])}",
                path=format_path(path), hint="give every node its own id"))
        else:
            seen[node_id] = path
    if len(agreement.parties) > 10:
        problems.append(Problem("invalid-value", "more than 10 parties cannot be labelled", path="parties"))
    numbering = number(agreement)
    defined = set(context_values(agreement))
    for node_text in iter_texts(agreement):
        value = node_text.value
        versions: list[tuple[str | None, str]] = list(value.items()) if isinstance(value, dict) else [(None, value)]
        for text_lang, text in versions:
            if "[[" not in text and not has_template(text):
                continue
            where = format_path(node_text.path + ((text_lang,) if text_lang else ()))
            for target in references(text):
                if target not in numbering:
                    problems.append(Problem(
                        "dangling-reference", f"[[{target}]] names no article, clause, point, party or annex",
                        path=where, hint="fix the id or remove the reference"))
            if not has_template(text):
                continue
            try:
                needed = variables_used(text)
            except TemplateError as e:
                problems.append(Problem("template-syntax", e.message, path=where, hint="write variables as {{ name }}"))
                continue
            for name in sorted(needed - defined):
                hint = ("add a 'term' section to agreement.yaml" if name == "term"
                        else f"add '{name}' under 'variables' in agreement.yaml")
                problems.append(Problem(
                    "undefined-variable", f"variable {name!r} is not defined", path=where, hint=hint))
    for a, article in enumerate(agreement.articles):
        for c, clause in enumerate(article.clauses):
            if point_depth(clause.points) > MAX_POINT_DEPTH:
                problems.append(Problem(
                    "invalid-value", f"points nest deeper than {MAX_POINT_DEPTH} levels",
                    path=format_path(("articles", a, "clauses", c, "points")),
                    hint="split the clause or flatten the list"))
    return problems
