"""Diffing revision names through the RevisionSource seam, with a fake store."""

from __future__ import annotations

import datetime as dt

import pytest

from mou_kit import Agreement, WorkspaceError
from mou_kit.diff import RevisionInfo, RevisionSource, diff_revisions
from tests.diff.pairs import all_kinds


class FakeSource:
    """Two revisions in memory, named like meetings."""

    def __init__(self) -> None:
        old, new = all_kinds()
        self.agreements = {"rapat-1": old, "rapat-2": new}

    def read(self, name: str) -> Agreement:
        if name not in self.agreements:
            raise WorkspaceError(f"unknown revision {name!r}; closest: rapat-1, rapat-2")
        return self.agreements[name]

    def revision_info(self, name: str) -> RevisionInfo:
        self.read(name)
        return RevisionInfo(f"commit-{name}", dt.date(2023, 7, 18), "party-2", name)


def test_fake_is_a_revision_source() -> None:
    assert isinstance(FakeSource(), RevisionSource)


def test_revision_facts_travel_with_the_diff() -> None:
    result = diff_revisions(FakeSource(), "rapat-1", "rapat-2")
    assert result.new_revision == RevisionInfo("commit-rapat-2", dt.date(2023, 7, 18), "party-2", "rapat-2")
    assert result.party_names["party-2"] == "I2"
    assert len(result.real) > 5


def test_unknown_name_is_the_sources_error() -> None:
    with pytest.raises(WorkspaceError, match="closest"):
        diff_revisions(FakeSource(), "rapat-1", "rapat-9")
