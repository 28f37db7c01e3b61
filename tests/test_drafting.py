"""The drafting workflow's summary for ``mou demo``."""

from __future__ import annotations

from pathlib import Path

from mou_kit.demo.library import library_demo

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_library_demo_assembles_the_example_and_lints_it() -> None:
    lines = library_demo(EXAMPLES / "tppo-kalbar.answers.yaml", EXAMPLES / "tppo-kalbar")
    assert lines[0].startswith("library: 34 article templates, 4 agreement templates")
    assert lines[1] == ("assembled tppo-kalbar from tppo-kalbar.answers.yaml: 12 articles, "
                        "12 identical to tppo-kalbar")
    assert lines[2] == "lint: 1 finding(s)"
