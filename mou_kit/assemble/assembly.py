"""How a draft is assembled: answers + library -> a checked Agreement, every gap reported at once."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..errors import ErrorCode, MouKitError, Problem, ValidationFailed
from ..model import Agreement, AgreementHead, Article, check
from ._answers import Answers, read_answers
from ._fill import ArticleBuilder, Context, Environments, alternative_texts, needed_names
from ._library import Library, load_library
from .template import AgreementEntry, AgreementTemplate, ClauseTemplate

Where = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    entry: AgreementEntry
    where: Where
    values_at: Where


class _Problems:
    """Collects problems located in the answers file."""

    def __init__(self, answers: Answers) -> None:
        self.doc = answers.document
        self.items: list[Problem] = []

    def add(self, code: ErrorCode, message: str, where: Where, hint: str) -> None:
        if self.doc is not None:
            self.items.append(self.doc.problem(code, message, where, hint=hint))
        else:
            path = "".join(f"[{w}]" if isinstance(w, int) else f".{w}" for w in where).lstrip(".")
            self.items.append(Problem(code, message, file="<answers>", path=path or None, hint=hint))

    def pydantic(self, error: ValidationError, model: Any, at: Where, code: ErrorCode | None = None) -> None:
        if self.doc is not None:
            found = self.doc.problems_from(error, model, at)
        else:
            found = [Problem("invalid-value", str(e["msg"]), file="<answers>",
                             path=".".join(str(x) for x in (*at, *e["loc"]))) for e in error.errors(include_url=False)]
        for p in found:
            self.items.append(Problem(code or p.code, p.message, file=p.file, path=p.path, line=p.line,
                                      column=p.column, hint=p.hint))


def assemble(answers: Answers, library: Library | None = None) -> Agreement:
    """Return the agreement the answers describe, each article made from its library template.

    Every article and clause records its template as ``source`` (``id@version``, plus
    ``#alternative`` when not the first). All missing or invalid answers are reported together.

    :raises ValidationFailed: with every problem, each naming the place in the answers file and the fix.
    :raises TemplateError: a template cannot be filled in safely.
    """
    library = library if library is not None else load_library(answers.library_paths())
    problems = _Problems(answers)
    frame = _agreement_template(answers, library, problems)
    head_data = {**(frame.defaults if frame else {}), **answers.agreement}
    if frame is not None:
        head_data.setdefault("kind", frame.agreement_kind)
    head_data.pop("articles", None)
    head = _head(head_data, problems)
    if frame is not None and frame.parties and head is not None and len(head.parties) != frame.parties:
        problems.add("answer-invalid", f"template {frame.ref!r} is made for {frame.parties} parties; the answers "
                     f"name {len(head.parties)}", ("agreement", "parties"),
                     "choose a template for that many parties, or list the articles yourself")
    entries = _entries(answers, frame, problems)
    languages = head.languages if head else list(head_data.get("languages") or ["id"])
    kind = head.kind if head else str(head_data.get("kind", "mou"))
    parties = [p.id for p in head.parties] if head else []
    agreement_names = (set(head.variables) | ({"term"} if head.term else set())) if head else set()
    term = head.term.model_dump() if head and head.term else {}
    envs = Environments()
    declared_names: set[str] = set()
    articles: list[Article] = []
    for item in entries:
        article = _article(item, answers, library, problems, envs, declared_names,
                           languages=languages, kind=kind, parties=parties,
                           agreement_names=agreement_names, term=term)
        if article is not None:
            articles.append(article)
    for name in sorted(set(answers.values) - declared_names):
        close = difflib.get_close_matches(name, sorted(declared_names), n=1)
        problems.add("answer-invalid", f"value {name!r} is used by no article",
                     ("values", name), f"did you mean {close[0]!r}?" if close else "remove it or fix its name")
    if problems.items or head is None:
        raise ValidationFailed(problems.items)
    agreement = Agreement.model_validate({**head.model_dump(exclude_unset=True), "articles": articles})
    after = [_from_agreement(p) for p in check(agreement)]
    if after:
        raise ValidationFailed(after)
    return agreement


def assemble_file(path: str | os.PathLike[str], *, library_paths: list[str] | None = None) -> Agreement:
    """Return the agreement assembled from the answers file ``path`` and the configured library.

    :raises ValidationFailed: the answers or a template break a rule (every problem at once).
    """
    answers = read_answers(path)
    library = load_library([*answers.library_paths(), *(library_paths or [])])
    return assemble(answers, library)


def _from_agreement(problem: Problem) -> Problem:
    return Problem(problem.code, problem.message, file="<assembled agreement>", path=problem.path,
                   hint=(problem.hint or "") + "; fix the answers or the template that made this text")


def _agreement_template(answers: Answers, library: Library, problems: _Problems) -> AgreementTemplate | None:
    if answers.template is None:
        if answers.articles is None:
            problems.add("answer-missing", "the answers name no articles", ("articles",),
                         "add 'template: <agreement template>' or an 'articles' list")
        return None
    try:
        frame = library.get(answers.template)
    except MouKitError as e:
        problems.add("template-unknown", e.message, ("template",), "the library lists its templates")
        return None
    if not isinstance(frame, AgreementTemplate):
        problems.add("template-unknown", f"{answers.template!r} is an article template",
                     ("template",), "name a whole-agreement template, or list it under 'articles'")
        return None
    return frame


def _head(data: dict[str, Any], problems: _Problems) -> AgreementHead | None:
    try:
        return AgreementHead.model_validate(data)
    except ValidationError as e:
        problems.pydantic(e, AgreementHead, ("agreement",), "answer-invalid")
        return None


def _entries(answers: Answers, frame: AgreementTemplate | None, problems: _Problems) -> list[_Entry]:
    if answers.articles is not None:
        return [_Entry(e, ("articles", i), ("articles", i, "values")) for i, e in enumerate(answers.articles)]
    if frame is None:
        return []
    return [_Entry(e, ("template",), ("values",)) for e in frame.articles]


def _article(item: _Entry, answers: Answers, library: Library, problems: _Problems, envs: Environments,
             declared_names: set[str], *, languages: list[str], kind: str, parties: list[str],
             agreement_names: set[str], term: dict[str, Any]) -> Article | None:
    entry = item.entry
    try:
        template = library.article(entry.template)
    except MouKitError as e:
        problems.add("template-unknown", e.message, (*item.where, "template") if item.where[0] == "articles"
                     else item.where, "the library lists its templates")
        return None
    label = f"article {entry.id or template.alternatives[0].article.id!r} ({template.ref})"
    alt = template.alternative(entry.alternative)
    if alt is None:
        names = ", ".join(a.id for a in template.alternatives)
        problems.add("template-unknown", f"{label} has no alternative {entry.alternative!r}",
                     (*item.where, "alternative"), f"choose one of: {names}")
        return None
    missing = [lang for lang in languages if lang not in template.languages]
    if missing:
        problems.add("template-invalid", f"{label} has no {', '.join(missing)} text", item.where,
                     "choose a template in the agreement's languages, or translate it in your library")
        return None
    declared = {v.name for v in template.variables}
    declared_names.update(declared)
    given = {k: v for k, v in answers.values.items() if k in declared}
    given.update(entry.values)
    model = template.values_model()
    try:
        values = dict(model.model_validate(given))
    except ValidationError as e:
        _value_problems(e, template, label, item, problems)
        return None
    _agreement_gaps(template, alt.id, label, item, problems, envs, agreement_names, term)
    source = template.ref if alt.id == template.alternatives[0].id else f"{template.ref}#{alt.id}"
    builder = ArticleBuilder(template, alt, Context(values, kind, parties, languages), languages, envs,
                             article_id=entry.id, source=source)
    conditions = [*template.conditions, *([entry.when] if entry.when else [])]
    if not all(builder.truth(c, "conditions") for c in conditions):
        return None
    return builder.build()


def _value_problems(error: ValidationError, template: ClauseTemplate, label: str, item: _Entry,
                    problems: _Problems) -> None:
    variables = {v.name: v for v in template.variables}
    for err in error.errors(include_url=False):
        name = str(err["loc"][0]) if err["loc"] else ""
        var = variables.get(name)
        if err["type"] == "missing" and var is not None:
            description = var.description if isinstance(var.description, str) else next(iter(var.description.values()))
            problems.add("answer-missing", f"{label} needs {name!r} ({var.type}): {description}",
                         item.values_at, f"add '{name}: {_short(var.example)}'")
        elif err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(name, list(variables), n=1)
            problems.add("answer-invalid", f"{label} has no variable {name!r}", (*item.values_at, name),
                         f"did you mean {close[0]!r}?" if close else f"its variables: {', '.join(variables) or 'none'}")
        else:
            where = (*item.values_at, *err["loc"])
            example = f"e.g. {_short(var.example)}" if var else "the template shows an example"
            problems.add("answer-invalid", f"{label}: {name!r} {err['msg']}", where, f"give a {var.type if var else ''}"
                         f" value, {example}")


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _agreement_gaps(template: ClauseTemplate, alt_id: str, label: str, item: _Entry, problems: _Problems,
                    envs: Environments, agreement_names: set[str], term: dict[str, Any]) -> None:
    """Report the agreement-level ``{{ names }}`` the article's texts need but the answers lack."""
    from jinja2 import nodes

    alt = template.alternative(alt_id)
    assert alt is not None
    needs: set[str] = set()
    term_fields: set[str] = set()
    for text in alternative_texts(alt, ()):
        if text.expression or "{{" not in text.text:
            continue
        tree = envs.agreement(text.lang or template.languages[0]).parse(text.text)
        needs |= needed_names(tree)
        for node in tree.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name == "term":
                term_fields.add(node.attr)
    for name in sorted(needs - agreement_names):
        hint = "add a 'term' section under 'agreement'" if name == "term" else \
            f"add '{name}' under 'agreement.variables'"
        problems.add("answer-missing", f"{label} uses the agreement variable {{{{ {name} }}}}",
                     ("agreement",), hint)
    if "term" in agreement_names:
        for name in sorted(f for f in term_fields if term.get(f) is None):
            problems.add("answer-missing", f"{label} uses {{{{ term.{name} }}}}, which the term does not set",
                         ("agreement", "term"), f"add '{name}: ...' under agreement.term")


EXAMPLE_PARTIES = ("party-1", "party-2", "party-3")
"""Party ids a template's examples may cite as ``[[party-1]]``; :func:`render_example` uses them."""


def render_example(template: ClauseTemplate, *, alternative: str | None = None,
                   languages: list[str] | None = None, kind: str = "mou") -> Article:
    """Return the article ``template`` makes from its example values (agreement ``{{ }}`` kept as is).

    :raises TemplateError: the alternative is unknown or a text cannot be filled in.
    :raises pydantic.ValidationError: an example does not fit its variable.
    """
    from ..errors import TemplateError

    alt = template.alternative(alternative)
    if alt is None:
        names = ", ".join(a.id for a in template.alternatives)
        raise TemplateError(f"template {template.ref!r} has no alternative {alternative!r} (choose one of: {names})",
                            code="template-unknown")
    langs = languages or list(template.languages)
    values = dict(template.values_model().model_validate({v.name: v.example for v in template.variables}))
    context = Context(values, kind, list(EXAMPLE_PARTIES), langs)
    return ArticleBuilder(template, alt, context, langs, Environments()).build()
