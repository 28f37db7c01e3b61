"""The ``mou render`` command: signature-ready documents of the agreement in a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from ._common import Folder, folder_or_cwd, wrote

Format = Literal["docx", "pdf", "html", "md"]
Engine = Literal["typst", "libreoffice"]
Layout = Literal["side-by-side", "sequential"]


def render(
    ref: Annotated[str | None, typer.Argument(
        help="A revision to render: commit, tag, branch, meeting id, HEAD~2 or a date (default: the folder).",
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
    revision_footer: Annotated[bool | None, typer.Option(
        "--revision-footer/--no-revision-footer",
        help="Print the revision and fingerprint at the foot of each page (default: on drafts only; "
        "the fingerprint is always in the PDF metadata).", show_default=False)] = None,
) -> None:
    """Render the agreement as DOCX, PDF, HTML or Markdown, in the form institutions sign."""
    from .. import render_docx, render_html, render_markdown, render_pdf
    from ..sources import read_source

    source = read_source(folder_or_cwd(directory), ref)
    agreement, folder, revision = source.agreement, source.folder, source.revision
    target = output or Path(f"{agreement.id}.{lang or agreement.main_language}.{fmt}")
    if fmt == "pdf":
        render_pdf(agreement, target, lang=lang, folder=folder, pdfa=pdfa, layout=layout, engine=engine,
                   revision=revision, revision_footer=revision_footer)
    elif fmt == "docx":
        render_docx(agreement, target, lang=lang, folder=folder, layout=layout, revision=revision,
                    revision_footer=revision_footer)
    elif fmt == "html":
        render_html(agreement, target, lang=lang, layout=layout)
    else:
        render_markdown(agreement, target, lang=lang)
    wrote(target)
