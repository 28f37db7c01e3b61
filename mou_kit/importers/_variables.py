"""An edited number that came from a variable, written back into the variable so every language follows.

A clause printing ``{{ term.duration_years | angka }}`` reads "5 (lima)" in the file; the other side
types "3 (tiga)". Left as a literal, the edited language would say 3 while ``en`` and every other
text using the variable still say 5. When the edit changed only the printed value, and one value
of the variable prints exactly the new words again, that value replaces the variable's and the
clause keeps its expression; otherwise the edit is reported as drift (see :mod:`._build`).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import MouKitError
from ..model import Agreement, TextRenderer
from ._result import VariableEdit

_PLAIN = re.compile(r"^\{\{\s*(?P<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*(?:\|\s*\w+\s*)?\}\}$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def new_printed(printed: str, value: str, text: str) -> str | None:
    """Return what ``text`` prints where ``printed`` printed ``value`` (once), when nothing else changed."""
    at = printed.find(value)
    before, after = printed[:at], printed[at + len(value):]
    if at < 0 or not text.startswith(before) or not text.endswith(after) or len(text) < len(before) + len(after):
        return None
    shown = text[len(before):len(text) - len(after)]
    return shown if shown.strip() else None


def _current(agreement: Agreement, path: str) -> tuple[object] | None:
    """Return (the value at ``path``,) when it is a number or a string this module can set, else ``None``."""
    if path.startswith("term."):
        field = path.removeprefix("term.")
        if agreement.term is None or field not in type(agreement.term).model_fields:
            return None
        value = getattr(agreement.term, field)
        return (value,) if isinstance(value, int) and not isinstance(value, bool) else None
    variable = agreement.variables.get(path)
    if variable is None or variable.type not in ("integer", "number", "string"):
        return None
    return (variable.value,)


def _with(agreement: Agreement, path: str, value: object) -> Agreement | None:
    """Return ``agreement`` with ``path`` set to ``value``, or ``None`` when the model refuses it."""
    try:
        if path.startswith("term."):
            assert agreement.term is not None
            data = agreement.term.model_dump()
            data[path.removeprefix("term.")] = value
            term = type(agreement.term).model_validate(data)
            return agreement.model_copy(update={"term": term})
        variables = dict(agreement.variables)
        old = variables[path]
        variables[path] = type(old).model_validate({**old.model_dump(), "value": value})
        return agreement.model_copy(update={"variables": variables})
    except (ValueError, TypeError, AssertionError):
        return None


def read_edit(agreement: Agreement, lang: str, expression: str, shown: str, *, node: str,
              paragraph: int, printed_old: str, refused: frozenset[str] = frozenset()) -> VariableEdit | None:
    """Return the edit of the variable ``expression`` prints, when one value of it prints ``shown``.

    Only a plain ``{{ name }}`` or ``{{ name | filter }}`` over a number (``term.*``, an integer
    or number variable) or a string variable is inverted; every candidate is checked by printing
    the expression again with it, so nothing is guessed. ``refused`` paths are never edited.
    """
    found = _PLAIN.match(expression.strip())
    if found is None:
        return None
    path = found["path"]
    now = None if path in refused else _current(agreement, path)
    if now is None:
        return None
    old = now[0]
    candidates: list[object] = []
    if isinstance(old, str):
        candidates.append(shown)
    else:
        for number in dict.fromkeys(_NUMBER.findall(shown)):
            candidates.append(int(number) if number.isdigit() else float(number.replace(",", ".")))
    for candidate in candidates:
        if candidate == old:
            continue
        changed = _with(agreement, path, candidate)
        if changed is None:
            continue
        try:
            again = TextRenderer(changed, lang).fill(expression, context=node)
        except MouKitError:
            continue
        if again == shown:
            return VariableEdit(node, paragraph, path, old, candidate, printed_old, shown)
    return None


def apply_edits(agreement: Agreement, edits: list[VariableEdit]) -> tuple[Agreement, list[VariableEdit]]:
    """Return ``agreement`` with each edited variable set, and the edits that disagree (not applied).

    Two texts giving one variable different values are both left out: the file does not say which.
    """
    by_path: dict[str, set[Any]] = {}
    for edit in edits:
        by_path.setdefault(edit.path, set()).add(edit.new)
    out = agreement
    for path, values in by_path.items():
        if len(values) == 1:
            out = _with(out, path, next(iter(values))) or out
    return out, [e for e in edits if len(by_path[e.path]) > 1]
