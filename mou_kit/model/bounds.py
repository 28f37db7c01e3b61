"""How much one template evaluation may cost: integer size, string length, steps and time.

A clause text is untrusted: ``{{ 9**(9**9) }}`` or two nested loops over ``range(100000)`` would
otherwise hang every command that renders it, and ``'a' * 300000000`` would take a gigabyte.
The sandbox (:mod:`mou_kit.model.sandbox`) charges each operator, call, filter, loop iteration
and output to a :class:`Budget` and refuses, before the work is done, whatever would exceed it.
"""

from __future__ import annotations

import re
import string
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

MAX_INT_BITS = 256
"""Largest integer a template may compute (about 77 decimal digits): money, counts and years fit."""

MAX_STRING = 100_000
"""Longest string or list (in characters or items, nested ones added up) a template may build."""

MAX_WIDTH = 10_000
"""Largest width, count or repeat a template may pass to a method or filter (``center``, ``indent``)."""

MAX_STEPS = 100_000
"""Most loop iterations, calls and operations in one evaluation of one text."""

MAX_OUTPUT = 1_000_000
"""Most characters one evaluation may write out, counted across loops and macros."""

MAX_SECONDS = 2.0
"""Longest one evaluation may run, a backstop behind the counted limits."""

MAX_TOTAL_SECONDS = 10.0
"""Longest all evaluations through one environment (one agreement and language) may run together."""


class LimitExceeded(Exception):
    """Raised inside a template evaluation that would go over one of the limits above."""


@dataclass(slots=True)
class Budget:
    """What one evaluation has spent so far: steps and output characters, against a deadline."""

    deadline: float
    steps: int = 0
    output: int = 0
    started: float = field(default_factory=time.monotonic)

    def tick(self, steps: int = 1) -> None:
        """Charge ``steps``; raise when the step or time limit is reached."""
        self.steps += steps
        if self.steps > MAX_STEPS:
            raise LimitExceeded(f"the text takes more than {MAX_STEPS:,} steps (loop iterations, calls and "
                                "operations); simplify its loops")
        if not self.steps & 0x3F and time.monotonic() > self.deadline:
            raise LimitExceeded(f"the text takes longer than {MAX_SECONDS:g} s to evaluate; simplify it")

    def write(self, size: int) -> None:
        """Charge ``size`` characters of output."""
        self.output += size
        if self.output > MAX_OUTPUT:
            raise LimitExceeded(f"the text writes more than {MAX_OUTPUT:,} characters; shorten its loops")
        self.tick()


_BUDGET: ContextVar[Budget | None] = ContextVar("mou_kit_template_budget", default=None)


def current() -> Budget | None:
    """Return the budget of the evaluation running now, ``None`` outside one (e.g. compile-time folding)."""
    return _BUDGET.get()


def start(seconds: float = MAX_SECONDS) -> Any:
    """Start a fresh budget for one evaluation; return the token :func:`finish` takes."""
    return _BUDGET.set(Budget(deadline=time.monotonic() + seconds))


def finish(token: Any) -> float:
    """End the evaluation started with ``token``; return how long it ran, in seconds."""
    budget = _BUDGET.get()
    _BUDGET.reset(token)
    return time.monotonic() - budget.started if budget is not None else 0.0


def tick(steps: int = 1) -> None:
    """Charge ``steps`` to the running evaluation, if any."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick(steps)


def size(value: Any, limit: int = MAX_STRING) -> int:
    """Return the size of ``value`` (characters of strings, items of containers, nested ones added up).

    Counting stops a little past ``limit``, so a huge value costs no more than a small one to measure.
    """
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, list | tuple | set | frozenset | dict):
        total = len(value)
        for item in (value.items() if isinstance(value, dict) else value):
            if total > limit:
                break
            total += size(item, limit - total)
        return total
    return 1


def check_size(value: Any, what: str = "value") -> Any:
    """Return ``value`` when it is within :data:`MAX_STRING`; raise otherwise."""
    if size(value) > MAX_STRING:
        raise LimitExceeded(f"the {what} would be longer than {MAX_STRING:,} characters or items")
    return value


def check_int(value: int, what: str = "number") -> int:
    """Return ``value`` when it has at most :data:`MAX_INT_BITS` bits; raise otherwise."""
    if value.bit_length() > MAX_INT_BITS:
        raise LimitExceeded(f"the {what} would have more than {MAX_INT_BITS * 3 // 10} digits")
    return value


def check_width(value: Any, what: str) -> None:
    """Raise when an integer argument (a width, count or repeat) is over :data:`MAX_WIDTH`."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise LimitExceeded(f"{what} is given {value}, more than the {MAX_WIDTH:,} a text may use")


def _repeat(seq: Any, times: Any) -> None:
    if isinstance(times, int) and not isinstance(times, bool) and size(seq) * max(times, 0) > MAX_STRING:
        raise LimitExceeded(f"repeating would build more than {MAX_STRING:,} characters or items")


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")


def check_percent_format(pattern: str) -> None:
    """Raise when a ``%`` format string asks for a width that is too large or given by an argument."""
    for match in _PERCENT_SPEC.finditer(pattern):
        for part in match.groups():
            if part == "*" or (part and int(part[:7]) > MAX_WIDTH):
                raise LimitExceeded(f"the format {match.group(0)!r} asks for a width over {MAX_WIDTH:,}")


def check_brace_format(pattern: str) -> None:
    """Raise when a ``str.format`` pattern asks for a width over :data:`MAX_WIDTH` or a computed one."""
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError as e:
        raise LimitExceeded(f"the format {pattern[:40]!r} is not valid: {e}") from None
    for _, _, spec, _ in fields:
        if not spec:
            continue
        if "{" in spec:
            raise LimitExceeded("a format width may not be computed from an argument")
        for digits in re.findall(r"\d+", spec):
            if int(digits[:7]) > MAX_WIDTH:
                raise LimitExceeded(f"the format spec {spec!r} asks for a width over {MAX_WIDTH:,}")


def before_binop(operator: str, left: Any, right: Any) -> None:
    """Raise when ``left <operator> right`` would build too large a number, string or list."""
    tick()
    for operand in (left, right):
        if isinstance(operand, int) and not isinstance(operand, bool):
            check_int(operand, "operand")
    if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        if abs(left) > 1 and right * max(abs(left).bit_length() - 1, 1) > MAX_INT_BITS:
            raise LimitExceeded(f"the power would have more than {MAX_INT_BITS * 3 // 10} digits")
    elif operator == "*":
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_INT_BITS + 1:
                raise LimitExceeded(f"the product would have more than {MAX_INT_BITS * 3 // 10} digits")
        elif isinstance(right, int):
            _repeat(left, right)
        elif isinstance(left, int):
            _repeat(right, left)
    elif operator == "+" and not isinstance(left, int | float):
        if size(left) + size(right) > MAX_STRING:
            raise LimitExceeded(f"joining would build more than {MAX_STRING:,} characters or items")
    elif operator == "%" and isinstance(left, str):
        check_percent_format(left)


def _at_most(worst: int, what: str) -> None:
    if worst > MAX_STRING * 10:
        raise LimitExceeded(f"{what} would build more than {MAX_STRING:,} characters")


def before_filter(name: str, value: Any, rest: list[Any]) -> None:
    """Raise when the filter ``name`` on ``value`` with arguments ``rest`` would build too much."""
    if name == "replace" and len(rest) >= 2:
        _at_most(size(value) * (size(rest[1]) + 1), "filter 'replace'")
    elif name == "indent" and isinstance(value, str):
        width = rest[0] if rest and isinstance(rest[0], int) else 4
        _at_most(value.count("\n") * abs(width) * 10, "filter 'indent'")
    elif name == "format" and isinstance(value, str):
        check_percent_format(value)


def before_str_method(owner: str, name: str, args: tuple[Any, ...]) -> None:
    """Raise when the string method ``owner.name(*args)`` would build too much (its widths are checked apart)."""
    if name == "replace":
        _at_most(len(owner) * (size(args[1]) + 1 if len(args) > 1 else 1), "replace()")
    elif name == "join" and args:
        _at_most(size(args[0]) * (len(owner) + 1), "join()")
    elif name == "expandtabs":
        _at_most(owner.count("\t") * (args[0] if args and isinstance(args[0], int) else 8), "expandtabs()")


def after_value(value: Any, what: str) -> Any:
    """Return ``value`` when a number or string built by the template is within the limits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return check_int(value, what)
    if isinstance(value, str | list | tuple | dict | set):
        return check_size(value, what)
    return value
