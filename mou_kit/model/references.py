"""How a clause text becomes printed text: ``{{ variables }}`` filled in, ``[[ids]]`` numbered.

A text is rendered in two steps: Jinja2's sandbox fills in the variables, then each
``[[id]]`` becomes a :class:`Segment` carrying the current number of its target, so a DOCX
renderer can write a REF field and a plain renderer just the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import Problem, TemplateError
from ._agreement import Agreement, AgreementHead
from .numbering import Numbering, number
from .sandbox import build_environment, compile_text, evaluate, failure
from .text import text_in

if TYPE_CHECKING:
    from jinja2 import Template
    from jinja2.sandbox import SandboxedEnvironment

REFERENCE = re.compile(r"\[\[\s*([^\[\]\s]*)\s*\]\]")
_JINJA_MARK = re.compile(r"\{\{|\{%|\{#")


def references(text: str) -> list[str]:
    """Return the ids cited as ``[[id]]`` in ``text``, in order."""
    return REFERENCE.findall(text)


def has_template(text: str) -> bool:
    """Whether ``text`` holds Jinja2 markup (``{{``, ``{%`` or ``{#``)."""
    return _JINJA_MARK.search(text) is not None


_SIMPLE_OUTPUT = re.compile(r"\{\{\s*([A-Za-z_]\w*)(?:\.[A-Za-z_]\w*)*(?:\s*\|\s*[A-Za-z_]\w*)*\s*\}\}")
_LITERALS = frozenset({"true", "false", "none", "True", "False", "None"})


def _simple_variables(text: str) -> set[str] | None:
    """Return the variables of a text whose only markup is ``{{ name.field | filter }}``, else ``None``."""
    if "{%" in text or "{#" in text:
        return None
    rest = _SIMPLE_OUTPUT.sub("", text)
    if "{{" in rest or "}}" in rest:
        return None
    return {m.group(1) for m in _SIMPLE_OUTPUT.finditer(text)} - _LITERALS


def variables_used(text: str, env: SandboxedEnvironment | None = None) -> set[str]:
    """Return the names of the variables ``text`` needs.

    Plain ``{{ name.field | filter }}`` outputs are read without Jinja2; anything else is
    parsed by Jinja2 (``env``, or a sandboxed environment built for the purpose).

    :raises TemplateError: the text is not valid template markup (code ``template-syntax``).
    """
    if not has_template(text):
        return set()
    simple = _simple_variables(text)
    if simple is not None:
        return simple
    from jinja2 import meta

    env = env or build_environment("id")
    try:
        return set(meta.find_undeclared_variables(env.parse(text)))
    except Exception as e:  # untrusted text: whatever Jinja2 raised becomes one error
        error = failure(e, "template-syntax")
        raise TemplateError(f"template markup error: {error.message}", code=error.code) from None


def context_values(agreement: AgreementHead) -> dict[str, Any]:
    """Return what ``{{ ... }}`` in the agreement's texts can see: its variables and its term."""
    values: dict[str, Any] = {k: v.value for k, v in agreement.variables.items()}
    if agreement.term is not None:
        values["term"] = agreement.term.model_dump()
    return values


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of printed text; ``ref`` is the id of the node it cites, or ``None`` for plain text."""

    text: str
    ref: str | None = None


class TextRenderer:
    """Renders the texts of one agreement in one language; build one per agreement and language."""

    def __init__(self, agreement: Agreement, lang: str, *, numbering: Numbering | None = None) -> None:
        self.agreement = agreement
        self.lang = lang
        self.numbering = numbering or number(agreement)
        self._env: SandboxedEnvironment | None = None
        self._compiled: dict[str, Template] = {}
        self._values: dict[str, Any] = context_values(agreement)

    @property
    def environment(self) -> SandboxedEnvironment:
        """The sandboxed Jinja2 environment, built on first use."""
        if self._env is None:
            self._env = build_environment(self.lang)
        return self._env

    def pick(self, text: str | dict[str, str] | None) -> str | None:
        """Return ``text`` in this renderer's language, or ``None`` when it lacks that language."""
        return text_in(text, self.lang, main=self.agreement.main_language)

    def fill(self, text: str, *, context: str | None = None) -> str:
        """Return ``text`` with its variables filled in (references left as ``[[id]]``).

        :raises TemplateError: bad markup, an undefined variable, or an unsafe operation.
        """
        if not has_template(text):
            return text
        where = f" in node {context!r}" if context else ""
        try:
            template = self._compiled.get(text)
            if template is None:
                template = compile_text(self.environment, text)
                self._compiled[text] = template
            return evaluate(template, self._values)
        except TemplateError as e:
            hint = ": define it under 'variables' in agreement.yaml" if e.code == "template-undefined" else ""
            prefix = "unsafe template" if e.code == "template-unsafe" else "template error"
            message = f"{e.message}{where}{hint}" if hint else f"{prefix}{where}: {e.message}"
            raise TemplateError(message, code=e.code, node=context) from None

    def segments(self, text: str, *, context: str | None = None) -> list[Segment]:
        """Return the printed form of ``text`` as plain and cross-reference segments.

        :raises TemplateError: as :meth:`fill`, or a ``[[id]]`` that names no node.
        """
        filled = self.fill(text, context=context)
        if "[[" not in filled:  # most texts cite nothing; the search alone was most of an outline's time
            return [Segment(filled)] if filled else []
        out: list[Segment] = []
        pos = 0
        for match in REFERENCE.finditer(filled):
            if match.start() > pos:
                out.append(Segment(filled[pos:match.start()]))
            target = match.group(1)
            try:
                out.append(Segment(self.numbering.ref(target, self.lang, context=context), target))
            except KeyError:
                raise TemplateError(
                    f"[[{target}]] in node {context!r} names no article, clause, point, party or annex",
                    code="dangling-reference", node=context,
                ) from None
            pos = match.end()
        if pos < len(filled):
            out.append(Segment(filled[pos:]))
        return out

    def render(self, text: str | dict[str, str] | None, *, context: str | None = None) -> str:
        """Return ``text`` in this language as printed, or ``""`` when it lacks this language."""
        chosen = self.pick(text)
        if chosen is None:
            return ""
        return "".join(s.text for s in self.segments(chosen, context=context))


def fill_problems(agreement: Agreement) -> list[Problem]:
    """Return one problem per text that cannot be filled in, in any of its languages.

    Each names the file and the place in it; ``mou validate`` reports them with the schema's problems,
    so a text that would fail (``{{ 1/0 }}``) or exceed a limit (``{{ 9**(9**9) }}``) is found before
    ``show`` or ``render`` meets it.
    """
    from .walk import format_path, iter_texts

    renderers: dict[str, TextRenderer] = {}
    main = agreement.main_language
    out: list[Problem] = []
    for item in iter_texts(agreement):
        versions = item.value.items() if isinstance(item.value, dict) else [(main, item.value)]
        for lang, raw in versions:
            if not has_template(raw):
                continue
            if lang not in renderers:
                renderers[lang] = TextRenderer(agreement, lang)
            try:
                renderers[lang].fill(raw, context=item.node)
            except TemplateError as e:
                path = item.path + ((lang,) if isinstance(item.value, dict) else ())
                file = "agreement.yaml"
                if path[0] == "articles" and isinstance(path[1], int):
                    file, path = f"articles/{agreement.articles[path[1]].id}.yaml", path[2:]
                out.append(Problem(e.code, e.message, file=file, path=format_path(path)))
    return out
