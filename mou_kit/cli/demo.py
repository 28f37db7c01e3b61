"""The ``mou demo`` command: the bundled examples, end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..files import load
from ._common import console


def _examples_root(path: Path | None) -> Path:
    if path is not None:
        return path
    here = Path("examples")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / "examples"


def demo(
    examples: Annotated[Path | None, typer.Option(help="Folder holding the example agreements.")] = None,
) -> None:
    """Validate the bundled examples and print each, numbered, in every language it has."""
    from rich.markup import escape
    from rich.rule import Rule

    from ..render import render_text

    root = _examples_root(examples)
    out = console()
    folders = sorted(p for p in root.iterdir() if (p / "agreement.yaml").is_file())
    if not folders:
        raise typer.BadParameter(f"no agreement folders in {root}", param_hint="--examples")
    for folder in folders:
        agreement = load(folder)
        out.print(f"[green]valid[/green] {folder}: {len(agreement.articles)} articles")
        for lang in agreement.languages:
            out.print(Rule(escape(f"{agreement.id} [{lang}]")))
            out.print(escape(render_text(agreement, lang)), end="")
