"""The one place that configures Jinja2: a sandboxed, strict environment for clause texts.

Both ``{{ variable }}`` in an agreement and the clause library's templates render here, so
the safety rules (sandbox, strict undefined, no file access) hold everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from .words import in_words, long_date, month_name, weekday_name, with_words

if TYPE_CHECKING:
    from jinja2 import BaseLoader
    from jinja2.sandbox import SandboxedEnvironment


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


Syntax = Literal["agreement", "template"]
TEMPLATE_DELIMITERS = ("<<", ">>", "<%", "%>", "<#", "#>")
"""Delimiters of clause-library templates (variable, block, comment), so ``{{ ... }}`` stays for the agreement."""
_AGREEMENT_DELIMITERS = ("{{", "}}", "{%", "%}", "{#", "#}")


def build_environment(lang: str, *, loader: BaseLoader | None = None,
                      syntax: Syntax = "agreement") -> SandboxedEnvironment:
    """Return a sandboxed Jinja2 environment for ``lang`` with strict undefined variables.

    ``syntax="template"`` reads clause-library templates: ``<< name >>`` and ``<% if %>`` are
    filled in at assembly, while ``{{ name }}`` passes through as the agreement's own variable.

    Filters: ``words`` ("delapan belas"), ``terbilang`` (the same, Indonesian name),
    ``with_words`` / ``angka`` ("3 (tiga)"), ``weekday`` / ``hari``, ``month`` / ``bulan``,
    ``long_date`` / ``tanggal`` ("18 Juli 2023"). Without a ``loader`` no template can import or
    include another, and none can read a file.
    """
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    delimiters = TEMPLATE_DELIMITERS if syntax == "template" else _AGREEMENT_DELIMITERS
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        loader=loader,
        keep_trailing_newline=True,
        auto_reload=False,
        variable_start_string=delimiters[0], variable_end_string=delimiters[1],
        block_start_string=delimiters[2], block_end_string=delimiters[3],
        comment_start_string=delimiters[4], comment_end_string=delimiters[5],
    )
    filters: dict[str, Any] = {
        "words": lambda n: in_words(int(n), lang),
        "with_words": lambda n: with_words(int(n), lang),
        "weekday": lambda d: weekday_name(_as_date(d), lang),
        "month": lambda d: month_name(_as_date(d), lang),
        "long_date": lambda d: long_date(_as_date(d), lang),
    }
    filters["terbilang"] = filters["words"]
    filters["angka"] = filters["with_words"]
    filters["hari"] = filters["weekday"]
    filters["bulan"] = filters["month"]
    filters["tanggal"] = filters["long_date"]
    env.filters.update(filters)
    return env
