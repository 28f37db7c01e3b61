"""Commands on the agreement in a folder: validate, show, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import Problem, ValidationFailed
from ..files import json_schema, load
from ..files.schema import FileKind
from ._common import EXIT_USER_ERROR, Folder, JsonFlag, Lang, console, folder_or_cwd, print_json
from ._json import emit, problem_dict


def validate(directory: Folder = Path("."), as_json: JsonFlag = False) -> None:
    """Check every file of the agreement and report all problems at once."""
    from ..model.references import fill_problems
    from ..workflow.drafting import frozen_drift

    try:
        agreement = load(folder_or_cwd(directory))
        problems = fill_problems(agreement)
        drift = frozen_drift(folder_or_cwd(directory), agreement)
        if drift is not None:  # the files are valid, but not the text that was agreed
            problems.append(Problem(code="text-frozen", message=drift, file="agreement.yaml"))
        if problems:
            raise ValidationFailed(problems)
    except ValidationFailed as failed:
        if not as_json:
            raise
        emit("validate", {"valid": False, "id": None, "articles": None, "clauses": None, "parties": None,
                          "problems": [problem_dict(p) for p in failed.problems]})
        raise typer.Exit(EXIT_USER_ERROR) from None
    clauses = sum(len(a.clauses) for a in agreement.articles)
    if as_json:
        emit("validate", {"valid": True, "id": agreement.id, "articles": len(agreement.articles), "clauses": clauses,
                          "parties": len(agreement.parties), "problems": []})
        return
    console().print(f"[green]ok[/green] {agreement.id}: {len(agreement.articles)} articles, "
                    f"{clauses} clauses, {len(agreement.parties)} parties")


def show(ref: Annotated[str | None, typer.Argument(
             help="A revision: commit, tag, branch, meeting id, HEAD~2 or a date (default: the folder).",
             show_default=False)] = None,
         directory: Folder = Path("."), lang: Lang = None,
         width: Annotated[int, typer.Option(help="Line width.")] = 88, as_json: JsonFlag = False) -> None:
    """Print the agreement as numbered text, in Indonesian or English, as it is or at a revision."""
    from ..render import render_text
    from ..workflow.sources import read_source

    source = read_source(folder_or_cwd(directory), ref)
    agreement = source.agreement
    text = render_text(agreement, lang, width=width)
    if as_json:
        emit("show", {"id": agreement.id, "revision": source.revision, "lang": lang or agreement.main_language,
                      "text": text, "agreement": agreement.model_dump(mode="json", by_alias=True)})
        return
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
