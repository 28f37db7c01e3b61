"""The ``mou demo`` command: the bundled examples, end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import console, wrote


def _examples_root(path: Path | None) -> Path:
    if path is not None:
        return path
    here = Path("examples")
    if here.is_dir():
        return here
    from ..demo.run import bundled_examples

    return bundled_examples()


def demo(
    examples: Annotated[Path | None, typer.Option(help="Folder holding the example agreements.")] = None,
    out: Annotated[Path, typer.Option("-o", "--output", "--out", help="Folder for everything the demo writes.",
                                      file_okay=False)] = Path("out/demo"),
    text: Annotated[bool, typer.Option("--text/--no-text", help="Print each example numbered.")] = True,
) -> None:
    """Validate the examples, print them numbered, and run the founding MoU through drafting, git, diff and
    rendering."""
    from rich.markup import escape
    from rich.rule import Rule

    from ..demo.run import run_demo
    from ..render import render_text

    screen = console()
    with screen.status("starting") as status:
        report = run_demo(_examples_root(examples), out, step=lambda message: status.update(escape(message)))
    for name, agreement in report.examples.items():
        screen.print(f"[green]valid[/green] {escape(name)}: {len(agreement.articles)} articles")
        if text:
            for lang in agreement.languages:
                screen.print(Rule(escape(f"{agreement.id} [{lang}]")))
                screen.print(escape(render_text(agreement, lang)), end="")
    if report.lines or report.files:
        screen.print(Rule("the founding MoU, end to end"))
    for line in report.lines:
        screen.print(escape(line))
    for path in report.files:
        wrote(path)
