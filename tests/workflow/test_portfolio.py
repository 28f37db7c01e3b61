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


def test_a_pks_of_an_unsigned_mou_is_flagged(tmp_path: Path) -> None:
    from mou_kit import load, save

    mou = load(EXAMPLES / "tppo-kalbar")
    pks = mou.model_copy(deep=True)
    pks.id, pks.kind, pks.implements = "pks-tppo", "pks", "tppo-kalbar"
    save(mou, tmp_path / "mou")
    save(pks, tmp_path / "pks")
    rows, _ = portfolio(tmp_path, today=dt.date(2024, 7, 1))
    assert [r.open for r in rows if r.id == "pks-tppo"] == [["not signed"]]  # both drafts: nothing to flag yet
    (tmp_path / "mou").rename(tmp_path / "elsewhere")
    (tmp_path / "elsewhere" / "agreement.yaml").rename(tmp_path / "elsewhere" / "moved.yaml")
    rows, _ = portfolio(tmp_path, today=dt.date(2024, 7, 1))
    assert rows[0].open == ["not signed", "implements tppo-kalbar, which is not in this portfolio"]
