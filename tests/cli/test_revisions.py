"""``mou new``, ``mou commit``, ``mou log``, ``mou blame`` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mou_kit.cli import app

runner = CliRunner()


def mou(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_new_commit_log_blame(examples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "nk"
    code, out = mou("new", str(folder), "--from", str(examples / "tppo-kalbar"), "--proposed-by", "polda-kalbar")
    assert code == 0 and "first revision" in out
    target = folder / "articles" / "kerahasiaan.yaml"
    target.write_text(target.read_text().replace("data dan informasi yang diterima",
                                                       "data, informasi, dan dokumen yang diterima", 1))
    code, out = mou("commit", "-m", "Ubah kerahasiaan", "--proposed-by", "bp3mi-kalbar", "-C", str(folder))
    assert code == 0 and "bp3mi-kalbar" in out
    code, out = mou("log", "--json", "-C", str(folder))
    rows = json.loads(out)["revisions"]
    assert [(r["proposed_by"], r["message"]) for r in rows] == [("bp3mi-kalbar", "Ubah kerahasiaan"),
                                                                 ("polda-kalbar", "First draft")]
    code, out = mou("log", "--clause", "kerahasiaan-umum", "-C", str(folder))
    assert code == 0 and out.count("\n") == 2
    code, out = mou("blame", "-C", str(folder))
    assert code == 0 and any(line.startswith("kerahasiaan-umum") and "bp3mi-kalbar" in line
                             for line in out.splitlines())


def test_commit_with_nothing_changed_is_a_user_error(tmp_path: Path) -> None:
    mou("new", str(tmp_path / "nk"))
    code, out = mou("commit", "-m", "same", "-C", str(tmp_path / "nk"))
    assert code == 1 and "nothing changed" in out


def test_commit_outside_a_repository_is_a_user_error(tmp_path: Path) -> None:
    code, out = mou("log", "-C", str(tmp_path))
    assert code == 1 and "not a mou repository" in out


def test_invalid_folder_is_not_committed(tmp_path: Path) -> None:
    mou("new", str(tmp_path / "nk"))
    target = tmp_path / "nk" / "articles" / "maksud-dan-tujuan.yaml"
    target.write_text(target.read_text().replace("id: maksud\n", "id: Maksud Bad\n"))
    code, out = mou("commit", "-m", "bad", "-C", str(tmp_path / "nk"))
    assert code == 1 and "slug" in out
    code, out = mou("log", "--json", "-C", str(tmp_path / "nk"))
    assert len(json.loads(out)["revisions"]) == 1


def test_a_cold_commit_reads_what_changed_and_loads_no_rich(examples: Path, tmp_path: Path) -> None:
    """Run as a user runs it: a fresh process commits from the facts ``mou new`` stored, without rich."""
    import subprocess
    import sys

    folder = tmp_path / "nk"
    assert mou("new", str(folder), "--from", str(examples / "tppo-kalbar"), "--proposed-by", "polda-kalbar")[0] == 0
    target = folder / "articles" / "kerahasiaan.yaml"
    target.write_text(target.read_text().replace("data dan informasi yang diterima", "data yang diterima", 1))
    code = ("import sys; from mou_kit.files import folder; read = []; parse = folder.parse_yaml\n"
            "folder.parse_yaml = lambda data, name: read.append(name) or parse(data, name)\n"
            "from mou_kit._entry import main\n"
            "sys.argv = ['mou', 'commit', '-m', 'Ubah', '--proposed-by', 'bp3mi-kalbar', '-C', sys.argv[1]]\n"
            "try:\n    main()\nfinally:\n    print(sorted(set(read)), 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['agreement.yaml', 'articles/kerahasiaan.yaml'] False"
    assert "bp3mi-kalbar" in out.stderr
