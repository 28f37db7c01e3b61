"""The base of mou_kit's models: unknown keys are errors, validators are built on first use."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A pydantic model that forbids keys it does not define (a typo is an error, not ignored data).

    Validators and serializers are built when a model is first used, not at import, so
    ``import mou_kit`` and commands that never touch a model stay fast.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)
