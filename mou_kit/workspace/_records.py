"""What plain data read from a revision or built in memory becomes: an agreement or a meeting, its problems
named by the file it will be saved as, or by the revision that holds it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ValidationFailed
from ..files import AGREEMENT_FILE
from ..model import Agreement

_T = TypeVar("_T")
_M = TypeVar("_M", bound=BaseModel)


def agreement_data(agreement: Agreement) -> dict[str, Any]:
    """Return the agreement as plain JSON-ready data, holding only the fields that are set."""
    return agreement.model_dump(mode="json", exclude_unset=True)


def validated(model: type[_M], data: Any, *, file: str = "agreement.yaml") -> _M:
    """Return ``model`` built from plain ``data``, which will be saved as ``file`` (the name its problems give).

    :raises ValidationFailed: with one problem per invalid field.
    """
    try:
        return model.model_validate(data)
    except ValidationError as e:
        from ..files.problems import problems_from  # the one translation of pydantic's errors

        raise ValidationFailed(problems_from(e, model, file, b"")) from None


def agreement_from(data: Any) -> Agreement:
    """Return the agreement held in plain ``data``.

    :raises ValidationFailed: the data is not a valid agreement.
    """
    return validated(Agreement, data)


def _at_revision(sha: str, parse: Callable[[], _T]) -> _T:
    """Return ``parse()``; its problems name the revision as git does (``REV:agreement.yaml:12``).

    A revision made with plain git can hold an invalid file: every command that reads it then says
    which revision, so it can be listed apart, reverted or fixed.
    """
    try:
        return parse()
    except ValidationFailed as failed:
        raise ValidationFailed([dataclasses.replace(p, file=f"{sha[:10]}:{p.file or AGREEMENT_FILE}")
                                for p in failed.problems]) from None
