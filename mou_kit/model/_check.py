"""Which rules across nodes an agreement breaks: duplicate ids, dangling references, unknown variables.

Field-level rules live on the pydantic models; these need the whole agreement. Every problem
is collected, none is raised, so a user sees them all at once. Each problem is made by one
function here, which :func:`check` and the change-limited check (``facts.check_change``) share.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable, Iterator
from dataclasses import dataclass

from ..errors import Problem, TemplateError
from ._agreement import Agreement, AgreementHead
from .locale import available_languages
from .numbering import number
from .references import context_values, has_template, references, variables_used
from .walk import Path, format_path, iter_ids, iter_texts, point_depth

MAX_POINT_DEPTH = 3


@dataclass(frozen=True, slots=True)
class TextFacts:
    """One language version of a text that holds ``[[references]]`` or template markup.

    ``where`` is its place (language included) relative to the agreement or, in ``facts``, to
    its article; ``syntax`` the template-syntax message when its markup does not parse.
    """

    where: Path
    refs: tuple[str, ...]
    template: bool
    variables: tuple[str, ...]
    syntax: str | None


def text_facts(where: Path, value: str | dict[str, str]) -> Iterator[TextFacts]:
    """Yield the facts of each language version of the text at ``where`` that holds markup."""
    versions: Iterable[tuple[str | None, str]] = value.items() if isinstance(value, dict) else [(None, value)]
    for lang, text in versions:
        template = has_template(text)
        if "[[" not in text and not template:
            continue
        variables: tuple[str, ...] = ()
        syntax = None
        if template:
            try:
                variables = tuple(sorted(variables_used(text)))
            except TemplateError as e:
                syntax = e.message
        yield TextFacts((*where, lang) if lang else where, tuple(references(text)), template, variables, syntax)


def text_problems(text: TextFacts, where: Path, known: Container[str], defined: Collection[str]) -> list[Problem]:
    """Return the problems of one text at ``where``: ids no node has, bad markup, undefined variables."""
    at = format_path(where)
    out = [Problem("dangling-reference", f"[[{target}]] names no article, clause, point, party or annex",
                   path=at, hint="fix the id or remove the reference")
           for target in text.refs if target not in known]
    if text.syntax is not None:
        out.append(Problem("template-syntax", text.syntax, path=at, hint="write variables as {{ name }}"))
        return out
    for name in text.variables:
        if name not in defined:
            hint = ("add a 'term' section to agreement.yaml" if name == "term"
                    else f"add '{name}' under 'variables' in agreement.yaml")
            out.append(Problem("undefined-variable", f"variable {name!r} is not defined", path=at, hint=hint))
    return out


def duplicate(node_id: str, path: Path, first: Path) -> Problem:
    """Return the problem of ``node_id`` at ``path`` already used at ``first``."""
    return Problem("duplicate-id", f"id {node_id!r} is already used at {format_path(first)}",
                   path=format_path(path), hint="give every node its own id")


def too_deep(article: int, clause: int) -> Problem:
    """Return the problem of the clause whose points nest deeper than :data:`MAX_POINT_DEPTH` levels."""
    return Problem("invalid-value", f"points nest deeper than {MAX_POINT_DEPTH} levels",
                   path=format_path(("articles", article, "clauses", clause, "points")),
                   hint="split the clause or flatten the list")


def head_problems(head: AgreementHead) -> tuple[list[Problem], list[Problem]]:
    """Return the problems of ``agreement.yaml`` alone: unknown languages, and too many parties."""
    known = available_languages()
    languages = [Problem("unknown-language", f"language {lang!r} has no form defined", path=f"languages[{i}]",
                         hint=f"use one of {', '.join(known)}")
                 for i, lang in enumerate(head.languages) if lang not in known]
    parties = [Problem("invalid-value", "more than 10 parties cannot be labelled", path="parties")
               ] if len(head.parties) > 10 else []
    return languages, parties


def check(agreement: Agreement) -> list[Problem]:
    """Return every cross-node problem of ``agreement`` (empty when it is consistent)."""
    languages, parties = head_problems(agreement)
    problems = list(languages)
    seen: dict[str, Path] = {}
    for path, node_id in iter_ids(agreement):
        if node_id in seen:
            problems.append(duplicate(node_id, path, seen[node_id]))
        else:
            seen[node_id] = path
    problems += parties
    numbering = number(agreement)
    defined = set(context_values(agreement))
    for node_text in iter_texts(agreement):
        for text in text_facts(node_text.path, node_text.value):
            problems += text_problems(text, text.where, numbering, defined)
    for a, article in enumerate(agreement.articles):
        for c, clause in enumerate(article.clauses):
            if clause.points and point_depth(clause.points) > MAX_POINT_DEPTH:
                problems.append(too_deep(a, c))
    return problems
