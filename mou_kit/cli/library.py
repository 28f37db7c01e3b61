"""Commands on the clause library: list, show, search, update; and assembling a draft from answers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ._common import TYPER_SETTINGS, Folder, JsonFlag, Lang, console, folder_or_cwd, status
from ._json import emit
from ._streams import input_path, is_dash, optional_input_path

LibraryPaths = Annotated[
    list[Path] | None,
    typer.Option("--library", metavar="DIR", help="An extra library folder (repeatable); also MOU_LIBRARY_PATH.",
                 file_okay=False, show_default=False),
]
AnswersOption = Annotated[
    Path | None,
    typer.Option("--answers", help="The answers file (default: .mou/answers.yaml in the agreement folder; - for "
                 "stdin).", dir_okay=False, show_default=False, allow_dash=True),
]

app = typer.Typer(name="library", help="The clause library: list, show, search and update templates.",
                  no_args_is_help=True, **TYPER_SETTINGS)


def _library(paths: list[Path] | None) -> Any:
    from ..assemble import load_library

    return load_library(paths or [])


def _text(value: Any, lang: str | None = None) -> str:
    from ..model.text import text_in

    return text_in(value, lang or "", main=None, fallback="any") or ""


def _row(template: Any) -> dict[str, Any]:
    alternatives = [a.id for a in getattr(template, "alternatives", [])]
    return {"id": template.id, "version": template.version, "kind": template.kind, "category": template.category,
            "title": template.title, "languages": template.languages, "alternatives": alternatives}


def _table(templates: list[Any], lang: str | None) -> None:
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("id", "version", "category", "title", "alternatives"):
        table.add_column(column)
    for t in templates:
        table.add_row(t.id, t.version, t.category if t.kind == "article" else f"{t.category} (agreement)",
                      _text(t.title, lang), ", ".join(a.id for a in getattr(t, "alternatives", [])))
    console().print(table)


@app.command("list")
def list_templates(as_json: JsonFlag = False, lang: Lang = None, library: LibraryPaths = None) -> None:
    """List the templates of the library (the newest version of each)."""
    templates = _library(library).templates()
    if as_json:
        emit("library list", {"templates": [_row(t) for t in templates]})
        return
    _table(templates, lang)


@app.command()
def search(words: Annotated[list[str], typer.Argument(help="Words to find, in Indonesian or English.")],
           as_json: JsonFlag = False, lang: Lang = None, library: LibraryPaths = None) -> None:
    """Find templates whose ids, titles, keywords or texts hold every word."""
    found = _library(library).search(" ".join(words))
    if as_json:
        emit("library search", {"words": words, "templates": [_row(t) for t in found]})
        return
    if not found:
        console().print("no template matches")
        return
    _table(found, lang)


@app.command()
def show(template: Annotated[str, typer.Argument(help="A template id, or id@1.0.0.")],
         alternative: Annotated[str | None, typer.Option(help="The alternative to preview.")] = None,
         as_json: JsonFlag = False, lang: Lang = None, library: LibraryPaths = None) -> None:
    """Show a template: guidance, variables, alternatives, and its text filled with the examples."""
    from rich.markup import escape

    from ..assemble.assembly import render_example
    from ..assemble.template import AgreementTemplate

    found = _library(library).get(template)
    if as_json:
        emit("library show", {"template": found.model_dump(mode="json", by_alias=True)})
        return
    out = console()
    out.print(f"[bold]{escape(found.ref)}[/bold]  {escape(_text(found.title, lang))}  {escape(f'[{found.category}]')}")
    if found.guidance:
        out.print(escape(_text(found.guidance, lang)))
    if isinstance(found, AgreementTemplate):
        out.print(f"kind: {found.agreement_kind}; parties: {found.parties or 'any'}")
        for entry in found.articles:
            out.print(f"  - {escape(entry.template)}" + (f" (when {escape(entry.when)})" if entry.when else ""))
        return
    for var in found.variables:
        default = "required" if var.required else f"default {var.default!r}"
        out.print(f"  {var.name} ({var.type}, {escape(default)}): {escape(_text(var.description, lang))}")
    for alt in found.alternatives:
        fallback = f", falls back to {alt.fallback}" if alt.fallback else ""
        out.print(f"alternative [bold]{alt.id}[/bold]{fallback}: {escape(_text(alt.title, lang))}")
    article = render_example(found, alternative=alternative)
    for language in ([lang] if lang else found.languages):
        out.print(f"\n[dim]example ({language})[/dim]")
        out.print(escape(_text(article.heading, language)).upper())
        for clause in article.clauses:
            out.print(escape(_text(clause.text, language)))
            for point in clause.points:
                out.print("  - " + escape(_text(point.text, language)))


@app.command()
def update(node: Annotated[str, typer.Argument(help="An article, clause or point id.")],
           directory: Folder = Path("."), answers: AnswersOption = None, library: LibraryPaths = None,
           as_json: JsonFlag = False) -> None:
    """Bring the newest version of a node's template into the agreement folder."""
    from ..workflow.drafting import update_from_library

    with optional_input_path(answers, ".yaml") as answers_path:
        result = update_from_library(folder_or_cwd(directory), node, library_paths=library or [],
                                     answers_path=answers_path)
    if as_json:
        emit("library update", {"node": node, "changed": result.changed, "revision": result.revision})
    if not result.changed:
        status("already up to date")
        return
    done = f"committed as revision {result.revision}" if result.revision else "saved; not a repository, so no revision"
    status("updated", f"{len(result.changed)} file(s): {', '.join(result.changed)} ({done})")


def assemble(answers: Annotated[Path, typer.Argument(help="The answers file (YAML; - for stdin).", dir_okay=False,
                                                     allow_dash=True)],
             output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the agreement folder here "
                                                         "(- or none: print the draft).", file_okay=False,
                                                         allow_dash=True)] = None,
             lang: Lang = None, library: LibraryPaths = None, as_json: JsonFlag = False) -> None:
    """Assemble a draft from the clause library and an answers file (without -o, print it)."""
    from rich.markup import escape

    with input_path(answers, ".yaml") as path:
        if output is None or is_dash(output):
            from ..assemble import assemble_file
            from ..render import render_text

            agreement = assemble_file(path, library_paths=[str(p) for p in library or []])
            if as_json:
                emit("assemble", {"id": agreement.id, "output": None, "files": [],
                                  "agreement": agreement.model_dump(mode="json", by_alias=True)})
                return
            console().print(escape(render_text(agreement, lang)), end="")
            return
        from ..workflow.drafting import assemble_to_folder

        agreement, changed = assemble_to_folder(path, output, library_paths=library or [])
    if as_json:
        emit("assemble", {"id": agreement.id, "output": str(output), "files": changed,
                          "agreement": agreement.model_dump(mode="json", by_alias=True)})
    status("assembled", f"{agreement.id}: {len(agreement.articles)} articles, {len(changed)} file(s) written to "
           f"{output}")
