"""The JSON Schemas the package ships are the ones the models make (so reading them saves the work)."""

from __future__ import annotations

import typing

import pytest

from mou_kit.files.schema import FileKind, generated_schema_bytes, schema_bytes


@pytest.mark.parametrize("kind", typing.get_args(FileKind))
def test_shipped_schema_is_the_models_schema(kind: FileKind) -> None:
    assert schema_bytes(kind) == generated_schema_bytes(kind), "stale: run make schemas"
