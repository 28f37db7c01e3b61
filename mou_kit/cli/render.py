"""The ``mou render`` command: signature-ready documents of the agreement in a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from ..errors import MouKitError
from ..files import load
from ._common import Folder, console, folder_or_cwd

Format = Literal["docx", "pdf", "html", "md"]
Engine = Literal["typst", "libreoffice"]
Layout = Literal["side-by-side", "sequential"]


def render(
    ref: Annotated[str | None, typer.Argument(help="A git revision; for now only the working folder renders.",
                                              show_default=False)] = None,
    directory: Folder = Path("."),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="docx, pdf, html or md.")] = "pdf",
    lang: Annotated[str | None, typer.Option("--lang", "-l", help="id, en or id+en (default: the main language).",
                                             show_default=False)] = None,
    engine: Annotated[Engine, typer.Option(help="PDF engine: typst, or libreoffice via the DOCX.")] = "typst",
    pdfa: Annotated[bool, typer.Option("--pdfa", help="Make PDF/A-2b (typst engine).")] = False,
    layout: Annotated[Layout | None, typer.Option(help="Bilingual layout (default: the house style's).",
                                                  show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: <id>.<lang>.<ext>).",
                                                show_default=False)] = None,
) -> None:
    """Render the agreement as DOCX, PDF, HTML or Markdown, in the form institutions sign."""
    from .. import render_docx, render_html, render_markdown, render_pdf

    if ref is not None:
        raise MouKitError(f"cannot render revision {ref!r} yet: rendering a git revision needs the workspace; "
                          "omit REF to render the working folder", code="revision-unsupported")
    folder = folder_or_cwd(directory)
    agreement = load(folder)
    target = output or Path(f"{agreement.id}.{lang or agreement.main_language}.{fmt}")
    if fmt == "pdf":
        render_pdf(agreement, target, lang=lang, folder=folder, pdfa=pdfa, layout=layout, engine=engine)
    elif fmt == "docx":
        render_docx(agreement, target, lang=lang, folder=folder, layout=layout)
    elif fmt == "html":
        render_html(agreement, target, lang=lang, layout=layout)
    else:
        render_markdown(agreement, target, lang=lang)
    console().print(f"[green]wrote[/green] {target}")
