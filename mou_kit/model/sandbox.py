"""The one place that configures Jinja2: a sandboxed, strict, bounded environment for clause texts.

Both ``{{ variable }}`` in an agreement and the clause library's templates render here, so
the safety rules (sandbox, strict undefined, no file access, the limits of
:mod:`mou_kit.model.bounds`) hold everywhere. :func:`compile_text` and :func:`evaluate` turn
every failure, whatever Python raised inside, into one :class:`~mou_kit.errors.TemplateError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import wraps
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ErrorCode, TemplateError
from . import bounds
from .words import in_words, long_date, month_name, weekday_name, with_words

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Template
    from jinja2.sandbox import SandboxedEnvironment


Syntax = Literal["agreement", "template"]
TEMPLATE_DELIMITERS = ("<<", ">>", "<%", "%>", "<#", "#>")
"""Delimiters of clause-library templates (variable, block, comment), so ``{{ ... }}`` stays for the agreement."""
_AGREEMENT_DELIMITERS = ("{{", "}}", "{%", "%}", "{#", "#}")
_AGREEMENT_MARK = re.compile(r"\{([{%#])")


def as_data(value: Any) -> Any:
    """Return ``value`` so that agreement markup in it (``{{``, ``{%``, ``{#``) prints literally.

    Used on every value a library template writes out: a value from the answers is data, so
    ``{{ 9**(9**9) }}`` given as a value must reach the agreement as text, never as markup.
    """
    if isinstance(value, str) and "{" in value:
        return _AGREEMENT_MARK.sub(lambda m: "{{ '{" + m.group(1) + "' }}", value)
    return value


def _bad_value(message: str) -> Exception:
    from jinja2.exceptions import FilterArgumentError

    return FilterArgumentError(message)


def _as_date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise _bad_value(f"filter {name!r} needs a date such as 2024-01-31, not {value!r}") from None


def _whole(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _bad_value(f"filter {name!r} needs a whole number, not {value!r}")
    try:
        number = int(value)
    except (ValueError, OverflowError):
        raise _bad_value(f"filter {name!r} needs a whole number, not {value!r}") from None
    if abs(number) >= 10**27:
        raise _bad_value(f"filter {name!r} writes numbers below 10^27 in words, not {number}")
    return number


def _own_filters(lang: str) -> dict[str, Callable[[Any], str]]:
    filters: dict[str, Callable[[Any], str]] = {
        "words": lambda n: in_words(_whole(n, "words"), lang),
        "with_words": lambda n: with_words(_whole(n, "with_words"), lang),
        "weekday": lambda d: weekday_name(_as_date(d, "weekday"), lang),
        "month": lambda d: month_name(_as_date(d, "month"), lang),
        "long_date": lambda d: long_date(_as_date(d, "long_date"), lang),
    }
    for alias, name in (("terbilang", "words"), ("angka", "with_words"), ("hari", "weekday"),
                        ("bulan", "month"), ("tanggal", "long_date")):
        filters[alias] = filters[name]
    return filters


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Return ``func`` charged to the budget, its widths bounded and its result measured."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        bounds.tick()
        value = args[skip] if len(args) > skip else None
        rest = [*args[skip + 1:], *kwargs.values()]
        for arg in rest:
            bounds.check_width(arg, f"filter {name!r}")
        bounds.before_filter(name, value, rest)
        return bounds.after_value(func(*args, **kwargs), f"result of filter {name!r}")

    return guarded


def _bounded(value: Iterable[Any]) -> Iterator[Any]:
    """Yield the items of a ``{% for %}`` loop, each charged as a step."""
    for item in value:
        bounds.tick()
        yield item


def _output(context: Any, value: Any) -> Any:
    """Charge what one ``{{ }}`` (or piece of text inside a loop) writes out."""
    budget = bounds.current()
    if budget is not None:
        budget.write(len(value) if isinstance(value, str) else 1)
    return value


def _concat(values: list[Any]) -> str:
    """Join the operands of ``~``, refusing a result over the string limit."""
    parts = [v if isinstance(v, str) else str(bounds.check_size(v, "operand")) for v in values]
    bounds.tick()
    if sum(len(p) for p in parts) > bounds.MAX_STRING:
        raise bounds.LimitExceeded(f"'~' would build more than {bounds.MAX_STRING:,} characters")
    return "".join(parts)


def _environment_class() -> type[SandboxedEnvironment]:
    """Return the bounded sandbox class, built on first use so that Jinja2 loads only when needed."""
    global _CLASS
    if _CLASS is None:
        _CLASS = _make_class()
    return _CLASS


_CLASS: type[SandboxedEnvironment] | None = None


def _make_class() -> type[SandboxedEnvironment]:
    import types

    from jinja2 import Template, nodes
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedTemplate(Template):
        """A template whose :meth:`render` runs under a fresh budget and the environment's total time."""

        def render(self, *args: Any, **kwargs: Any) -> str:
            env: Any = self.environment
            left = bounds.MAX_TOTAL_SECONDS - env.mou_spent
            if left <= 0:
                raise bounds.LimitExceeded(f"the texts took longer than {bounds.MAX_TOTAL_SECONDS:g} s together")
            token = bounds.start(min(bounds.MAX_SECONDS, left))
            try:
                return "".join(self.root_render_func(self.new_context(dict(*args, **kwargs))))
            finally:
                env.mou_spent += bounds.finish(token)

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        """Jinja2's immutable sandbox with every costly operation charged and bounded."""

        template_class = BoundedTemplate
        intercepted_binops = frozenset({"+", "*", "/", "//", "%", "**"})
        mou_spent = 0.0

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            bounds.before_binop(operator, left, right)
            return bounds.after_value(self.binop_table[operator](left, right), "result")

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            bounds.tick()
            if isinstance(__obj, types.BuiltinFunctionType | types.BuiltinMethodType):
                for arg in (*args, *kwargs.values()):
                    bounds.check_width(arg, f"{getattr(__obj, '__name__', 'call')}()")
                owner = getattr(__obj, "__self__", None)
                if isinstance(owner, str):
                    bounds.before_str_method(owner, __obj.__name__, args)
            result = super().call(__context, __obj, *args, **kwargs)
            return bounds.after_value(result, "result")

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is not None:
                bounds.check_brace_format(value.__self__)
            return wrapped

        def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
            tree: nodes.Template = _rewrite(nodes, super()._parse(source, name, filename))
            return tree

    return BoundedSandbox


def _rewrite(nodes: Any, node: Any) -> Any:
    """Return ``node`` with every loop, output and ``~`` routed through the budget's filters.

    ``{% for %}`` iterates through ``mou_bounded``; each piece of ``{{ }}`` output and of literal
    text through ``mou_output`` / ``mou_text`` (context filters, so never folded at compile time);
    ``a ~ b`` through ``mou_concat``.
    """
    for field_name in node.fields:
        child = getattr(node, field_name, None)
        if isinstance(child, nodes.Node):
            setattr(node, field_name, _rewrite(nodes, child))
        elif isinstance(child, list):
            setattr(node, field_name, [_rewrite(nodes, c) if isinstance(c, nodes.Node) else c for c in child])

    def through(name: str, arg: Any) -> Any:
        return nodes.Filter(arg, name, [], [], None, None, lineno=node.lineno)

    if isinstance(node, nodes.For):
        node.iter = through("mou_bounded", node.iter)
    elif isinstance(node, nodes.Output):
        node.nodes = [through("mou_text", nodes.Const(n.data, lineno=n.lineno)) if isinstance(n, nodes.TemplateData)
                      else through("mou_output", n) for n in node.nodes]
    elif isinstance(node, nodes.Concat):
        return through("mou_concat", nodes.List(node.nodes, lineno=node.lineno))
    return node


def _budget_filters(syntax: Syntax) -> dict[str, Callable[..., Any]]:
    """Return the filters the rewritten tree calls; in library templates ``<< value >>`` is data."""
    from jinja2.utils import pass_context

    def written(context: Any, value: Any) -> Any:
        return _output(context, as_data(value) if syntax == "template" else value)

    return {"mou_bounded": _bounded, "mou_concat": _concat, "mou_text": pass_context(_output),
            "mou_output": pass_context(written)}


def build_environment(lang: str, *, loader: BaseLoader | None = None,
                      syntax: Syntax = "agreement") -> SandboxedEnvironment:
    """Return a sandboxed, bounded Jinja2 environment for ``lang`` with strict undefined variables.

    ``syntax="template"`` reads clause-library templates: ``<< name >>`` and ``<% if %>`` are
    filled in at assembly, while ``{{ name }}`` passes through as the agreement's own variable;
    a value written out by ``<< >>`` is data (:func:`as_data`).

    Filters: ``words`` ("delapan belas"), ``terbilang`` (the same, Indonesian name),
    ``with_words`` / ``angka`` ("3 (tiga)"), ``weekday`` / ``hari``, ``month`` / ``bulan``,
    ``long_date`` / ``tanggal`` ("18 Juli 2023"). Without a ``loader`` no template can import or
    include another, and none can read a file.
    """
    from jinja2 import StrictUndefined

    delimiters = TEMPLATE_DELIMITERS if syntax == "template" else _AGREEMENT_DELIMITERS
    cls = _environment_class()
    env = cls(
        undefined=StrictUndefined,
        autoescape=False,
        loader=loader,
        keep_trailing_newline=True,
        auto_reload=False,
        variable_start_string=delimiters[0], variable_end_string=delimiters[1],
        block_start_string=delimiters[2], block_end_string=delimiters[3],
        comment_start_string=delimiters[4], comment_end_string=delimiters[5],
    )
    env.globals.pop("lipsum", None)
    env.filters.update(_own_filters(lang))
    env.filters = {name: _guard_filter(name, func) for name, func in env.filters.items()}
    env.filters.update(_budget_filters(syntax))
    return env


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def failure(error: BaseException, runtime_code: ErrorCode) -> TemplateError:
    """Return the :class:`TemplateError` for anything raised while compiling or evaluating a text.

    Limits give ``template-limit``, the sandbox's refusals ``template-unsafe``, undefined names
    ``template-undefined``, broken markup ``template-syntax``; anything else Python raised
    inside the text (``1/0``, ``'a' - 1``) gives ``runtime_code``.
    """
    from jinja2 import TemplateError as JinjaError, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(error, TemplateError):
        return error
    if isinstance(error, bounds.LimitExceeded):
        return TemplateError(_one_line(str(error)), code="template-limit")
    if isinstance(error, OverflowError) and "MAX_RANGE" in str(error):
        return TemplateError(f"range() is limited to {bounds.MAX_STEPS:,} items", code="template-limit")
    if isinstance(error, RecursionError | MemoryError):
        return TemplateError("the text calls itself too deeply or builds too much", code="template-limit")
    if isinstance(error, SecurityError):
        return TemplateError(_one_line(str(error)), code="template-unsafe")
    if isinstance(error, UndefinedError):
        return TemplateError(_one_line(error.message or str(error)), code="template-undefined")
    if isinstance(error, TemplateSyntaxError):
        return TemplateError(_one_line(error.message or str(error)), code="template-syntax")
    if isinstance(error, JinjaError):
        return TemplateError(_one_line(str(error)), code=runtime_code)
    name = type(error).__name__
    return TemplateError(_one_line(f"{name}: {error}" if str(error) else name), code=runtime_code)


def compile_text(env: SandboxedEnvironment, source: str, runtime_code: ErrorCode = "template-syntax") -> Template:
    """Return ``source`` compiled in ``env``.

    :raises TemplateError: broken markup, or a constant the limits refuse.
    """
    try:
        return env.from_string(source)
    except Exception as e:  # untrusted text: whatever Python raised becomes one located error
        raise failure(e, runtime_code) from None


def evaluate(template: Template, values: Mapping[str, Any], runtime_code: ErrorCode = "template-syntax") -> str:
    """Return ``template`` rendered with ``values`` under the limits.

    :raises TemplateError: any failure inside the text, never a Python exception or a hang.
    """
    try:
        return template.render(values)
    except Exception as e:  # untrusted text: whatever Python raised becomes one located error
        raise failure(e, runtime_code) from None
