"""Links between agreements: a PKS implements an MoU, an addendum amends an agreement."""

from __future__ import annotations

import pytest

from mou_kit.lifecycle import link_problems, parent_of
from mou_kit.model import LifecycleState as S
from tests.builders import build


@pytest.mark.parametrize(("fields", "states", "expected"), [
    ({}, {}, []),
    ({"kind": "pks", "implements": "mou-1"}, {}, ["implements mou-1, which is not in this portfolio"]),
    ({"kind": "pks", "implements": "mou-1"}, {"mou-1": S.IN_FORCE}, []),
    ({"kind": "pks", "implements": "mou-1"}, {"mou-1": S.EXPIRED}, ["implements mou-1, which is expired"]),
    ({"kind": "addendum", "amends": "mou-1", "state": "signed", "date": "2024-01-02"}, {"mou-1": S.AGREED},
     ["amends mou-1, which is only agreed: it must be signed first"]),
    ({"kind": "addendum", "amends": "mou-1", "state": "terminated"}, {"mou-1": S.TERMINATED}, []),
])
def test_link_problems(fields: dict[str, object], states: dict[str, S], expected: list[str]) -> None:
    assert link_problems(build(**fields), states) == expected


def test_parent_of() -> None:
    assert parent_of(build(kind="pks", implements="mou-1")) == ("implements", "mou-1")
    assert parent_of(build()) is None
