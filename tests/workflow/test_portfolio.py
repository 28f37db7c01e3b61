"""The portfolio: every agreement of a folder, most urgent first, progress reported, broken folders listed."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from mou_kit.workflow import portfolio, portfolio_html
from tests.conftest import EXAMPLES


def test_portfolio_sorted_by_urgency(demo_repo: Path, tmp_path: Path) -> None:
    shutil.copytree(demo_repo, tmp_path / "tppo")
    shutil.copytree(EXAMPLES / "research-mou-en", tmp_path / "research")
    shutil.copytree(EXAMPLES / "tppo-kalbar", tmp_path / "undated")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "agreement.yaml").write_text("id: [", encoding="utf-8")
    seen: list[tuple[int, int, str]] = []
    rows, failed = portfolio(tmp_path, today=dt.date(2024, 7, 1),
                             progress=lambda done, total, folder: seen.append((done, total, folder.name)))
    assert [r.id for r in rows][-1] == "tppo-kalbar" and rows[-1].next_deadline is None  # undated last
    assert rows[0].next_deadline is not None
    assert [f.path.name for f in failed] == ["broken"]
    assert seen == [(1, 4, "broken"), (2, 4, "research"), (3, 4, "tppo"), (4, 4, "undated")]
    page = portfolio_html(rows, today=dt.date(2024, 7, 1))
    assert page.count("<tr") == len(rows) + 1 and "rapat-2023-07-25" in page
