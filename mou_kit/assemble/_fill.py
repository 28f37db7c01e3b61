"""How a template's texts are checked and filled in: the needs of each text, and the Article it makes.

Every text goes through :func:`mou_kit.model.sandbox.build_environment` (sandboxed, strict).
Values are data, never templates: a value's ``{{ }}`` or ``<< >>`` is copied, not run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import TemplateError
from ..model import Article, Clause, Point, check_slug, locale_for, text_in
from ..model.sandbox import as_data, build_environment, compile_text, evaluate
from .template import Alternative, ClauseTemplate, TemplateArticle, TemplatePoint

if TYPE_CHECKING:
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

Where = tuple[str | int, ...]
_JINJA_NAMES = frozenset({"loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false",
                          "none", "True", "False", "None"})


@dataclass(frozen=True, slots=True)
class TemplateText:
    """One text of a template: where it sits (a path in the template file) and its markup."""

    where: Where
    lang: str | None
    text: str
    expression: bool = False


@dataclass(slots=True)
class Environments:
    """The sandboxed environments of one assembly, one per language and syntax, built on first use."""

    _cache: dict[tuple[str, str], SandboxedEnvironment] = field(default_factory=dict)

    def template(self, lang: str) -> SandboxedEnvironment:
        """Return the environment for library templates (``<< >>``) in ``lang``."""
        return self._get(lang, "template")

    def agreement(self, lang: str) -> SandboxedEnvironment:
        """Return the environment for agreement texts (``{{ }}``) in ``lang``."""
        return self._get(lang, "agreement")

    def _get(self, lang: str, syntax: str) -> SandboxedEnvironment:
        key = (lang, syntax)
        if key not in self._cache:
            self._cache[key] = build_environment(lang, syntax="template" if syntax == "template" else "agreement")
        return self._cache[key]


def alternative_texts(alt: Alternative, at: Where) -> Iterator[TemplateText]:
    """Yield every text of one alternative with its path (``at`` is the alternative's path)."""
    article = alt.article
    yield from _texts(article.heading, (*at, "article", "heading"))
    for c, clause in enumerate(article.clauses):
        where = (*at, "article", "clauses", c)
        yield TemplateText((*where, "id"), None, clause.id)
        if clause.when:
            yield TemplateText((*where, "when"), None, clause.when, expression=True)
        yield from _texts(clause.text, (*where, "text"))
        yield from _point_texts(clause.points, where)


def _point_texts(points: list[TemplatePoint], parent: Where) -> Iterator[TemplateText]:
    for p, point in enumerate(points):
        where = (*parent, "points", p)
        if point.when:
            yield TemplateText((*where, "when"), None, point.when, expression=True)
        if point.id is not None:
            yield TemplateText((*where, "id"), None, point.id)
        if point.text is not None:
            yield from _texts(point.text, (*where, "text"))
        yield from _point_texts(point.points, where)


def _texts(text: str | dict[str, str], where: Where) -> Iterator[TemplateText]:
    if isinstance(text, str):
        yield TemplateText(where, None, text)
    else:
        for lang, value in text.items():
            yield TemplateText((*where, lang), lang, value)


def template_texts(template: ClauseTemplate) -> Iterator[TemplateText]:
    """Yield every text of ``template``: conditions, then each alternative's texts."""
    for i, condition in enumerate(template.conditions):
        yield TemplateText(("conditions", i), None, condition, expression=True)
    for a, alt in enumerate(template.alternatives):
        yield from alternative_texts(alt, ("alternatives", a))


def parse(env: SandboxedEnvironment, item: TemplateText) -> nodes.Template:
    """Return the syntax tree of one template text.

    :raises jinja2.TemplateSyntaxError: the markup is not valid.
    """
    source = f"<< {item.text} >>" if item.expression else item.text
    return env.parse(source)


def unsafe_constructs(tree: nodes.Template) -> list[str]:
    """Return why ``tree`` is refused: imports, includes, or reaching for Python internals."""
    from jinja2 import nodes

    reasons: list[str] = []
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        tag = type(node).__name__.lower().replace("fromimport", "from-import")
        reasons.append(f"'{tag}' of another file is not allowed: a library template is self-contained")
    for attr in tree.find_all(nodes.Getattr):
        if attr.attr.startswith("_"):
            reasons.append(f"attribute {attr.attr!r} reaches for Python internals")
    for item in tree.find_all(nodes.Getitem):
        if isinstance(item.arg, nodes.Const) and isinstance(item.arg.value, str) and item.arg.value.startswith("_"):
            reasons.append(f"item {item.arg.value!r} reaches for Python internals")
    return reasons


def needed_names(tree: nodes.Template) -> set[str]:
    """Return the names a text uses that it does not set itself (Jinja's own globals left out)."""
    from jinja2 import meta

    return set(meta.find_undeclared_variables(tree)) - _JINJA_NAMES


@dataclass(frozen=True, slots=True)
class Context:
    """What the texts of one article see: the checked values and the agreement's facts."""

    values: dict[str, Any]
    kind: str
    parties: list[str]
    languages: list[str]

    def for_lang(self, lang: str) -> dict[str, Any]:
        """Return the values as a template in ``lang`` sees them (texts picked in ``lang``)."""
        out = {name: _pick(value, lang, self.main) for name, value in self.values.items()}
        out.update(doc=locale_for(lang).kinds[self.kind]["running"], lang=lang, languages=list(self.languages),
                   kind=self.kind, party_count=len(self.parties), parties=list(self.parties))
        return out

    @property
    def main(self) -> str:
        """The agreement's main language."""
        return self.languages[0]


def _pick(value: Any, lang: str, main: str) -> Any:
    if isinstance(value, dict) and value and all(isinstance(k, str) and len(k) <= 3 for k in value):
        return value.get(lang, value.get(main))
    if isinstance(value, list):
        return [_pick(v, lang, main) for v in value]
    if hasattr(value, "model_dump"):
        return _pick(value.model_dump(), lang, main)
    return value


class ArticleBuilder:
    """Fills in one template alternative for one agreement: build one per article."""

    def __init__(self, template: ClauseTemplate, alt: Alternative, context: Context, languages: list[str],
                 envs: Environments, *, article_id: str | None = None, source: str | None = None) -> None:
        self.template = template
        self.alt = alt
        self.context = context
        self.languages = languages
        self.envs = envs
        self.article_id = article_id
        self.source = source or template.ref
        self._per_lang = {lang: context.for_lang(lang) for lang in languages}

    def build(self) -> Article:
        """Return the article, every text filled in, its clauses recording their source.

        :raises TemplateError: a text cannot be filled in safely.
        """
        spec: TemplateArticle = self.alt.article
        clauses: list[Clause] = []
        for c, clause in enumerate(spec.clauses):
            where = f"clauses[{c}]"
            if clause.when and not self._truth(clause.when, where):
                continue
            points = self._points(clause.points, where)
            if clause.list_style:
                points = self._punctuate(points, clause.list_style)
            clauses.append(Clause(id=self._id(clause.id, where), text=self._text(clause.text, where),
                                  points=points, source=self.source))
        if not clauses:
            raise TemplateError(f"template {self.template.ref!r}: every clause's condition is false, so the "
                                "article would be empty; leave the article out instead", code="template-invalid")
        return Article(id=self.article_id or spec.id, heading=self._text(spec.heading, "heading"),
                       clauses=clauses, source=self.source)

    def truth(self, expression: str, where: str) -> bool:
        """Return whether a condition of the template holds for these values."""
        return self._truth(expression, where)

    def _points(self, points: list[TemplatePoint], where: str) -> list[Point]:
        out: list[Point] = []
        for p, point in enumerate(points):
            at = f"{where}.points[{p}]"
            if point.when and not self._truth(point.when, at):
                continue
            if point.each is not None:
                for item in self.context.values.get(point.each) or []:
                    data = item.model_dump() if hasattr(item, "model_dump") else dict(item)
                    out.append(Point(id=data["id"], text=self._value_text(data["text"])))
                continue
            assert point.id is not None and point.text is not None
            out.append(Point(id=self._id(point.id, at), text=self._text(point.text, at),
                             points=self._points(point.points, at)))
        return out

    def _punctuate(self, points: list[Point], style: str) -> list[Point]:
        out: list[Point] = []
        for i, point in enumerate(points):
            texts: dict[str, str] = {}
            for lang in self.languages:
                word = _connector(style, lang)
                body = _in(point.text, lang, self.context.main).rstrip().rstrip(";.,").rstrip()
                if i == len(points) - 1:
                    texts[lang] = body + "."
                elif i == len(points) - 2:
                    texts[lang] = f"{body}; {word}"
                else:
                    texts[lang] = body + ";"
            out.append(point.model_copy(update={"text": self._pack(texts)}))
        return out

    def _pack(self, texts: dict[str, str]) -> str | dict[str, str]:
        if len(self.languages) == 1:
            return texts[self.languages[0]]
        return texts

    def _value_text(self, value: str | dict[str, str]) -> str | dict[str, str]:
        return self._pack({lang: as_data(_in(value, lang, self.context.main)) for lang in self.languages})

    def _text(self, text: str | dict[str, str], where: str) -> str | dict[str, str]:
        out: dict[str, str] = {}
        for lang in self.languages:
            source = _in(text, lang, self.context.main)
            out[lang] = self._render(source, lang, where)
        return self._pack(out)

    def _id(self, value: str, where: str) -> str:
        node_id = self._render(value, self.context.main, f"{where}.id").strip()
        try:
            return check_slug(node_id)
        except ValueError as e:
            raise TemplateError(f"template {self.template.ref!r} {where}.id: {e}", code="template-invalid") from None

    def _render(self, text: str, lang: str, where: str) -> str:
        if "<<" not in text and "<%" not in text and "<#" not in text:
            return text
        return self._run(text, lang, where)

    def _truth(self, expression: str, where: str) -> bool:
        return self._run(f"<% if {expression} %>1<% endif %>", self.context.main, where) == "1"

    def _run(self, source: str, lang: str, where: str) -> str:
        ref = f"template {self.template.ref!r}, alternative {self.alt.id!r}, {where}"
        try:
            template = compile_text(self.envs.template(lang), source, "template-invalid")
            return evaluate(template, self._per_lang[lang], "template-invalid")
        except TemplateError as e:
            message = f"unsafe template ({ref}): {e.message}" if e.code == "template-unsafe" else f"{ref}: {e.message}"
            raise TemplateError(message, code=e.code, template=self.template.ref) from None


def _connector(style: str, lang: str) -> str:
    """Return the word before the last point of a list in ``lang``: "dan", "atau", "dan/atau"."""
    form = locale_for(lang)
    if style == "and":
        return form.list_and
    return form.phrases["list_or" if style == "or" else "list_and_or"]


def _in(text: str | dict[str, str], lang: str, main: str) -> str:
    return text_in(text, lang, main=main, fallback="any") or ""
