"""How ``mou`` help reads, as git/ruff/uv users expect: metavars in capitals, old option spellings hidden.

typer shows ``<str>`` and ``{path}``; every parameter of every command goes through
:func:`restyle` once, when its command is built, and is then shown as ``TEXT``, ``PATH``, ``FILE``
or its own ``NAME`` (arguments), choices as ``[a|b]``. An option may keep an older name for
scripts (``--party`` is also ``--proposed-by``); such names parse but are not shown.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperOption

HIDDEN_ALIASES = frozenset({"--proposed-by", "--by", "--field", "--out"})
"""Older spellings of an option, still accepted so existing scripts and docs work, left out of help."""

_NAMES = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "file": "FILE", "dir": "DIR", "path": "PATH"}


def capital(label: str) -> str:
    """Return typer's type label (``<str>``, ``<list[str]>``, ``<a|b>``) as a capitals metavar (TEXT, [a|b])."""
    inner = label.strip("<>")
    if inner.startswith("list[") and inner.endswith("]"):
        inner = inner[5:-1]
    if "|" in inner:
        return f"[{inner}]"
    return _NAMES.get(inner, inner.upper())


class _Argument(TyperArgument):
    """An argument shown by its name in capitals (PDF, [REF], WORDS...), without a type label beside it."""

    @property
    def display_name_raw(self) -> str:
        return self.metavar or (self.name or "").upper()

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class _Option(TyperOption):
    """An option whose value shows in capitals and whose older names stay out of the help."""

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.metavar is not None:
            return self.metavar
        label = capital(str(self.display_type(ctx)))
        return label + ("..." if self.nargs != 1 else "")

    def get_help_record(self, ctx: Any) -> tuple[str, str] | None:
        shown = [name for name in self.opts if name not in HIDDEN_ALIASES]
        if shown == self.opts:
            return super().get_help_record(ctx)
        every, self.opts = self.opts, shown
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = every


def restyle(command: Any) -> Any:
    """Give every parameter of ``command`` (and of its subcommands) the look above; return ``command``."""
    for param in getattr(command, "params", []):
        restyle_param(param)
    for sub in getattr(command, "commands", {}).values():
        restyle(sub)
    return command


def restyle_param(param: Any) -> None:
    """Switch one typer parameter to the class of its kind above (same data, other display methods)."""
    if type(param) is TyperArgument:
        param.__class__ = _Argument
    elif type(param) is TyperOption:
        param.__class__ = _Option
