"""The wheel as a user installs it: built from the sdist, into a new virtual environment outside the
checkout, with the locked versions, then `mou` run from a folder that holds no mou_kit files.

It proves that the clause library, the examples, the typst template, the fonts and the locale files
ship inside the wheel, that `mou schema` makes the JSON Schemas there, and that the build warns about
nothing (the license is an SPDX string).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UV = shutil.which("uv", path=str(Path(sys.executable).parent))
SKIP = {".git", ".venv", ".venv-latest", "out", "build", "dist", ".pytest_cache", ".mypy_cache", ".ruff_cache",
        ".hypothesis", "__pycache__"}

pytestmark = [pytest.mark.slow, pytest.mark.skipif(UV is None, reason="uv is not installed (the dev extra has it)")]


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False,
                            timeout=900)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Build the sdist, then the wheel from it, from a copy of the checkout; return the wheel and the log."""
    source = tmp_path_factory.mktemp("source") / "mou_kit"
    shutil.copytree(ROOT, source, ignore=lambda _dir, names: [n for n in names if n in SKIP or n.endswith(".egg-info")])
    dist = tmp_path_factory.mktemp("dist")
    # The build runs in this environment (its locked setuptools), so it needs no download.
    built = _run(UV, "build", "--no-build-isolation", "--python", sys.executable, "--out-dir", dist, cwd=source)
    wheels = list(dist.glob("mou_kit-*.whl"))
    assert len(wheels) == 1, list(dist.iterdir())
    return wheels[0], built.stdout + built.stderr


def test_build_warns_about_nothing(wheel: tuple[Path, str]) -> None:
    _, log = wheel
    # PYTHONDONTWRITEBYTECODE, set on some machines, makes setuptools say it skips byte-compiling.
    warnings = [line for line in log.splitlines()
                if "warning" in line.lower() and "byte-compiling is disabled" not in line]
    assert warnings == [], log


def test_wheel_carries_the_data_its_commands_need(wheel: tuple[Path, str]) -> None:
    names = set(zipfile.ZipFile(wheel[0]).namelist())
    for expected in ("mou_kit/py.typed", "mou_kit/locale/id.toml", "mou_kit/locale/en.toml",
                     "mou_kit/fonts/LiberationSerif-Regular.ttf",
                     "mou_kit/clause_library/clauses/kerahasiaan.yaml",
                     "mou_kit/examples/tppo-kalbar/agreement.yaml",
                     "mou_kit/examples/tppo-kalbar.answers.yaml",
                     "mou_kit/examples/research-mou-en/agreement.yaml"):
        assert expected in names, expected
    assert any(n.startswith("mou_kit/templates/") and n.endswith(".typ") for n in names)
    assert {"mou_kit/schemas/agreement.json", "mou_kit/schemas/article.json", "mou_kit/schemas/meeting.json"} <= names
    assert any(n.endswith("/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "benchmarks/", "docs_src/")) for n in names)


LIBRARY_ALONE = """
import sys, mou_kit
from importlib.resources import files
a = mou_kit.load(files("mou_kit.examples") / "research-mou-en")
b = a.model_copy(deep=True)
b.articles[0].clauses[0].text = "Changed."
text = mou_kit.diff_text(mou_kit.diff(a, b))
print(b"{+Changed+}" in text, "typer" in sys.modules, "rich" in sys.modules)
"""


def test_installed_wheel_runs_outside_the_checkout(wheel: tuple[Path, str], tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "MOU_LIBRARY_PATH"}}
    # The library alone: no typer, no rich; it renders and diffs, and `mou` says which extra it needs.
    _run(UV, "pip", "install", "--python", python, wheel[0], "--constraint", ROOT / "requirements.lock", cwd=tmp_path)
    alone = _run(python, "-c", LIBRARY_ALONE, cwd=work, env=env).stdout.split()
    assert alone == ["True", "False", "False"], alone
    bare = subprocess.run([venv / "bin" / "mou", "schema"], cwd=work, env=env, capture_output=True, text=True,
                          check=False)
    assert (bare.returncode, bare.stderr) == (1, "error: the mou command needs typer and rich: install the 'cli' "
                                                 "extra (pip install 'mou-kit[cli]')\n")
    # The wheel with the signing and command-line extras, every dependency at the version the lock names.
    _run(UV, "pip", "install", "--python", python, f"{wheel[0]}[sign,cli]", "--constraint",
         ROOT / "requirements.lock", cwd=tmp_path)
    where = _run(python, "-c", "import mou_kit; print(mou_kit.__file__)", cwd=work, env=env).stdout
    assert Path(where.strip()).is_relative_to(venv), where
    mou = venv / "bin" / "mou"
    listed = _run(mou, "library", "list", cwd=work, env=env).stdout
    assert "kerahasiaan" in listed
    assert "properties" in json.loads(_run(mou, "schema", "agreement", cwd=work, env=env).stdout)
    demo = _run(mou, "demo", "--no-text", cwd=work, env=env)
    assert "Warning" not in demo.stderr, demo.stderr
    written = sorted(p.name for p in (work / "out" / "demo").rglob("*.pdf"))
    assert written, demo.stdout
