"""The JSON Schemas the package ships are the ones the models make (so reading them saves the work)."""

from __future__ import annotations

import typing

import pytest

from mou_kit.files.schema import FileKind, generated_schema_bytes, schema_bytes


@pytest.mark.parametrize("kind", typing.get_args(FileKind))
def test_shipped_schema_is_the_models_schema(kind: FileKind) -> None:
    assert schema_bytes(kind) == generated_schema_bytes(kind), "stale: run make schemas"


@pytest.mark.parametrize("kind", typing.get_args(FileKind))
def test_examples_point_at_the_same_schemas(kind: FileKind) -> None:
    from tests.conftest import EXAMPLES

    for folder in sorted(p for p in EXAMPLES.iterdir() if (p / ".mou" / "schema").is_dir()):
        assert (folder / ".mou" / "schema" / f"{kind}.json").read_bytes() == schema_bytes(kind), \
            f"{folder.name}: stale schema, run make schemas"
