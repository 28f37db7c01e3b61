"""``mou advance``, ``mou status``, ``mou calendar`` and ``mou portfolio`` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar
from typer.testing import CliRunner

from mou_kit.cli import app

runner = CliRunner()


def mou(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_advance_status_calendar(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    assert mou("new", str(folder), "--from", str(examples / "tppo-kalbar"))[0] == 0
    assert mou("advance", "negotiation", "-C", str(folder))[0] == 0
    code, out = mou("advance", "agreed", "--date", "2023-07-25", "-C", str(folder))
    assert code == 0 and "negotiation -> agreed on 2023-07-25" in out
    code, out = mou("advance", "signed", "-C", str(folder))
    assert code == 1 and "without the date of signing" in out
    code, out = mou("advance", "in-force", "-C", str(folder))
    assert code == 1 and "cannot move from 'agreed' to 'in-force'; allowed from 'agreed': signed, negotiation" in out
    assert mou("advance", "signed", "--date", "2023-08-01", "-C", str(folder))[0] == 0
    code, out = mou("status", "--json", "--today", "2024-01-01", "-C", str(folder))
    data = json.loads(out)
    assert (data["state"], data["next_deadline"]["date"], data["open"]) == ("signed", "2024-08-01", [])
    code, out = mou("status", "--today", "2024-01-01", "-C", str(folder))
    assert "state: signed since 2023-08-01" in out and "next deadline: 2024-08-01 evaluation 1 (in 213 days)" in out
    ics = tmp_path / "nk.ics"
    code, out = mou("calendar", "-o", str(ics), "-C", str(folder))
    assert code == 0 and "6 events" in out
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 6
    result = runner.invoke(app, ["calendar", "-o", str(ics), "--json", "-C", str(folder)])
    events = json.loads(result.stdout)["events"]
    assert len(events) == 6 and events[-1]["kind"] == "expiry" and "wrote" in result.stderr


def test_advance_usage_errors(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    mou("new", str(folder), "--from", str(examples / "tppo-kalbar"))
    assert mou("advance", "initialled", "-C", str(folder))[0] == 2
    assert mou("advance", "negotiation", "--date", "25-07-2023", "-C", str(folder))[0] == 2


def test_portfolio_json_and_html(examples: Path, tmp_path: Path) -> None:
    code, out = mou("portfolio", str(examples), "--json", "--today", "2024-01-01")
    data = json.loads(out)
    assert code == 0 and sorted(a["id"] for a in data["agreements"]) == ["research-mou-en", "tppo-kalbar"]
    page = tmp_path / "p.html"
    assert mou("portfolio", str(examples), "--html", "-o", str(page))[0] == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, out = mou("portfolio", str(examples))
    assert code == 0 and "tppo-kalbar" in out


def test_agreed_with_a_date_set_for_signing(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    mou("new", str(folder), "--from", str(examples / "tppo-kalbar"))
    assert mou("advance", "negotiation", "-C", str(folder))[0] == 0
    code, out = mou("advance", "agreed", "--date", "2023-07-25", "--signing-date", "2023-08-01", "-C", str(folder))
    assert code == 0, out
    assert "date: 2023-08-01" in (folder / "agreement.yaml").read_text(encoding="utf-8")
    code, out = mou("advance", "signed", "-C", str(folder))  # the recorded date of signing
    assert code == 0 and "agreed -> signed on 2023-08-01" in out
    assert mou("advance", "agreed", "--signing-date", "1-8-2023", "-C", str(folder))[0] == 2
