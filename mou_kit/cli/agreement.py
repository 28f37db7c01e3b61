"""Commands on the agreement in a folder: validate, show, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..files import json_schema, load
from ..files.schema import FileKind
from ._common import Folder, JsonFlag, Lang, console, folder_or_cwd, print_json


def validate(directory: Folder = Path("."), as_json: JsonFlag = False) -> None:
    """Check every file of the agreement and report all problems at once."""
    from ..errors import ValidationFailed
    from ..model.references import fill_problems

    agreement = load(folder_or_cwd(directory))
    problems = fill_problems(agreement)
    if problems:
        raise ValidationFailed(problems)
    if as_json:
        print_json({"valid": True, "id": agreement.id, "articles": len(agreement.articles)})
        return
    clauses = sum(len(a.clauses) for a in agreement.articles)
    console().print(f"[green]ok[/green] {agreement.id}: {len(agreement.articles)} articles, "
                    f"{clauses} clauses, {len(agreement.parties)} parties")


def show(ref: Annotated[str | None, typer.Argument(
             help="A revision: commit, tag, branch, meeting id, HEAD~2 or a date (default: the folder).",
             show_default=False)] = None,
         directory: Folder = Path("."), lang: Lang = None,
         width: Annotated[int, typer.Option(help="Line width.")] = 88) -> None:
    """Print the agreement as numbered text, in Indonesian or English, as it is or at a revision."""
    from ..render import render_text
    from ..sources import read_source

    agreement = read_source(folder_or_cwd(directory), ref).agreement
    text = render_text(agreement, lang, width=width)
    from rich.markup import escape

    console().print(escape(text), end="")


def schema(
    kind: Annotated[str, typer.Argument(help="agreement, article or meeting.")] = "agreement",
) -> None:
    """Print the JSON Schema of one kind of file, for editors and other tools."""
    if kind not in ("agreement", "article", "meeting"):
        raise typer.BadParameter(f"{kind!r} is not one of: agreement, article, meeting", param_hint="KIND")
    kind_checked: FileKind = kind  # type: ignore[assignment]
    print_json(json_schema(kind_checked))
