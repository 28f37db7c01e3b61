"""Issue 20's campaign as a test: every bad input of the corpus through every command it reaches.

Each run is a real ``mou`` process with a timeout; see :mod:`tests.reliability.corpus`.
"""

from __future__ import annotations

from pathlib import Path

from .corpus import CASES, figures, run_all


def test_every_bad_input_is_refused_with_one_line_no_traceback_no_hang_no_change(tmp_path: Path) -> None:
    runs = run_all(tmp_path)
    failed = [f"{r.case} / {r.command}: {'; '.join(r.problems)} | {r.stderr.strip()[:300]}"
              for r in runs if r.problems]
    assert not failed, "\n".join(failed)
    numbers = figures(runs)
    assert numbers["runs"] == sum(len(c.commands) for c in CASES)
    assert (numbers["tracebacks"], numbers["hangs"], numbers["repository changes"]) == (0, 0, 0)
