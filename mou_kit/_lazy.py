"""A package's public names imported on first use (PEP 562), so a command pays only for the modules it runs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from types import ModuleType


class LazyPackage(ModuleType):
    """A package whose public names are imported from their modules when first read.

    A name may also be the name of the submodule that defines it (``portfolio`` in
    ``workflow/portfolio.py``): importing that submodule would bind the module over the
    function, so binding a submodule to a public name is ignored.
    """

    _homes: dict[str, str]
    _wrap: Callable[[object], object] | None

    def __getattr__(self, name: str) -> object:
        home = self._homes.get(name)
        if home is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        value = getattr(import_module(home, self.__name__), name)
        if self._wrap is not None:
            value = self._wrap(value)
        super().__setattr__(name, value)
        return value

    def __dir__(self) -> list[str]:
        return sorted({*self.__dict__, *self._homes})

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, ModuleType) and name in self._homes:
            return
        super().__setattr__(name, value)


def lazy_package(package: str, homes: dict[str, str], *, wrap: Callable[[object], object] | None = None) -> None:
    """Make the imported package ``package`` import each name of ``homes`` (name → relative module) on first use.

    ``wrap``, when given, sees each value once before it is kept (the front door guards its functions).
    """
    module = sys.modules[package]
    module.__class__ = LazyPackage
    object.__setattr__(module, "_homes", homes)
    object.__setattr__(module, "_wrap", wrap)
