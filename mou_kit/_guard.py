"""The argument check at the public API's edge: a value of the wrong type is a ``MouKitError``, not a crash deep inside.

Every function ``mou_kit`` exports is wrapped once, when first used (see ``__init__.py``). The
check reads the function's own type hints, so it says exactly what the signature says; hints
it cannot judge at run time (generic protocols, type variables) are let through.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal, TypeVar, Union

from .errors import MouKitError

_F = TypeVar("_F", bound=Callable[..., Any])
_C = TypeVar("_C", bound=type)
_PASS = object()


def guarded(function: _F) -> _F:
    """Return ``function`` checking its arguments against its type hints before it runs.

    :raises MouKitError: (when called) an argument has the wrong type (code ``invalid-value``).
    """
    signature = inspect.signature(function)
    hints: dict[str, Any] | None = None

    def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        nonlocal hints
        if hints is None:
            hints = _hints(function)
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as e:
            raise MouKitError(f"{function.__name__}(): {e}", code="invalid-value") from None
        for name, value in bound.arguments.items():
            hint = hints.get(name, _PASS)
            kind = signature.parameters[name].kind
            if hint is _PASS or kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
                continue
            if not fits(value, hint):
                raise MouKitError(f"{function.__name__}(): {name} must be {_shown(hint)}, not "
                                  f"{type(value).__name__} {_short(value)}", code="invalid-value")

    if inspect.iscoroutinefunction(function):
        @functools.wraps(function)
        async def call_async(*args: Any, **kwargs: Any) -> Any:
            check(args, kwargs)
            return await function(*args, **kwargs)

        return call_async  # type: ignore[return-value]

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        check(args, kwargs)
        return function(*args, **kwargs)

    return call  # type: ignore[return-value]


def guard_methods(cls: _C) -> _C:
    """Return ``cls`` with each public method (and class method) checking its arguments, as :func:`guarded` does."""
    for name, value in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(value, classmethod):
            setattr(cls, name, classmethod(guarded(value.__func__)))
        elif isinstance(value, types.FunctionType):
            setattr(cls, name, guarded(value))
    return cls


def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    """Return the parameter hints of ``function`` that can be evaluated (others are skipped)."""
    try:
        return typing.get_type_hints(function)
    except Exception:  # a hint naming something imported only for the type checker
        out: dict[str, Any] = {}
        module = inspect.getmodule(function)
        namespace = vars(module) if module else {}
        for name, raw in inspect.get_annotations(function).items():
            try:
                out[name] = eval(raw, namespace) if isinstance(raw, str) else raw
            except Exception:
                continue
        return out


def fits(value: Any, hint: Any) -> bool:
    """Return whether ``value`` fits the type hint ``hint`` (containers by their outer type only)."""
    if hint is Any or hint is object or isinstance(hint, TypeVar):
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return any(fits(value, arm) for arm in typing.get_args(hint))
    if origin is Literal:
        return value in typing.get_args(hint)
    if origin is typing.Annotated:
        return fits(value, typing.get_args(hint)[0])
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    target = origin or hint
    if target is os.PathLike:
        return isinstance(value, os.PathLike)
    if target in (typing.IO, typing.BinaryIO):
        return hasattr(value, "read")
    if target is Callable or target is typing.Callable or (getattr(target, "__module__", "") == "collections.abc" \
            and getattr(target, "__name__", "") == "Callable"):
        return callable(value)
    if isinstance(target, type):
        if getattr(target, "_is_protocol", False) and not getattr(target, "_is_runtime_protocol", False):
            return True
        try:
            if not isinstance(value, target):
                return False
        except TypeError:
            return True
        return _items_fit(value, target, typing.get_args(hint))
    return True


def _items_fit(value: Any, target: type, args: tuple[Any, ...]) -> bool:
    """Return whether the items of a container fit its hint's arguments (a text is not a list of names)."""
    if target is tuple and args and args[-1] is not Ellipsis:
        return len(value) == len(args) and all(fits(v, a) for v, a in zip(value, args, strict=True))
    if isinstance(value, Mapping):
        return len(args) != 2 or all(fits(k, args[0]) and fits(v, args[1]) for k, v in value.items())
    if target in (str, bytes) or not args:
        return True
    if isinstance(value, str | bytes):
        return False
    if isinstance(value, Iterator):
        return True  # checking would consume it
    try:
        return all(fits(item, args[0]) for item in value)
    except TypeError:
        return True


def _shown(hint: Any) -> str:
    from ._io import Input

    file = "a path, bytes or a binary file"
    if hint == Input:
        return file
    if typing.get_args(hint) == (Input,):
        return "a list of paths, bytes or binary files"
    text = str(hint).replace("<class '", "").replace("'>", "")
    return re.sub(r"\b(?:[a-z_]\w*\.)+(?=[A-Za-z_])", "", text)  # mou_kit.model.meeting.Meeting -> Meeting


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
