"""Shared test settings: a git identity for tests that commit, and where the examples live."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path

import pytest

pytest_plugins = ["tests.demo_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

for key, value in {
    "GIT_AUTHOR_NAME": "mou_kit tests", "GIT_AUTHOR_EMAIL": "tests@mou-kit.invalid",
    "GIT_COMMITTER_NAME": "mou_kit tests", "GIT_COMMITTER_EMAIL": "tests@mou-kit.invalid",
}.items():
    os.environ.setdefault(key, value)


@pytest.fixture
def examples() -> Path:
    """The folder holding the bundled example agreements."""
    return EXAMPLES


_TOOLS_REQUIRED = os.environ.get("REQUIRE_SYSTEM_TOOLS") == "1"
"""Set by ``.ci/run``, which installs LibreOffice, chromium and the rest: there a test that would
skip because a tool "is not installed" fails instead, so a broken install cannot pass as skips."""


def _missing_tool(report: pytest.CollectReport | pytest.TestReport) -> bool:
    longrepr = report.longrepr  # a skip's is (file, line, reason); an expected failure is no skip
    return (report.skipped and not hasattr(report, "wasxfail") and isinstance(longrepr, tuple)
            and "not installed" in longrepr[2])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                               ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report: pytest.TestReport = yield
    if _TOOLS_REQUIRED and _missing_tool(report):
        report.outcome = "failed"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector
                               ) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report: pytest.CollectReport = yield
    if _TOOLS_REQUIRED and _missing_tool(report):
        report.outcome = "failed"
    return report
