"""The ``mou render`` command: signature-ready documents of the agreement in a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from ._common import Folder, JsonFlag, folder_or_cwd, wrote
from ._json import emit
from ._streams import is_dash, write

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
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: <id>.<lang>.<ext>; "
                                                "- for stdout).", show_default=False, allow_dash=True)] = None,
    as_json: JsonFlag = False,
    revision_footer: Annotated[bool | None, typer.Option(
        "--revision-footer/--no-revision-footer",
        help="Print the revision and fingerprint at the foot of each page (default: on drafts only; "
        "the fingerprint is always in the PDF metadata).", show_default=False)] = None,
) -> None:
    """Render the agreement as DOCX, PDF, HTML or Markdown, in the form institutions sign."""
    from .. import render_docx, render_html, render_markdown, render_pdf
    from ..workflow.sources import read_source

    source = read_source(folder_or_cwd(directory), ref)
    agreement, folder, revision = source.agreement, source.folder, source.revision
    target = output or Path(f"{agreement.id}.{lang or agreement.main_language}.{fmt}")
    if as_json and is_dash(target):
        raise typer.BadParameter("--json prints the report on stdout: give -o FILE, not -o -", param_hint="-o")
    path = None if is_dash(target) else target
    data: bytes | str
    if fmt == "pdf":
        data = render_pdf(agreement, path, lang=lang, folder=folder, pdfa=pdfa, layout=layout, engine=engine,
                          revision=revision, revision_footer=revision_footer)
    elif fmt == "docx":
        data = render_docx(agreement, path, lang=lang, folder=folder, layout=layout, revision=revision,
                           revision_footer=revision_footer)
    elif fmt == "html":
        data = render_html(agreement, path, lang=lang, layout=layout)
    else:
        data = render_markdown(agreement, path, lang=lang)
    if path is None:
        write(target, data)
        return
    if as_json:
        emit("render", {"path": str(target), "format": fmt, "lang": lang or agreement.main_language,
                        "agreement": agreement.id, "revision": revision, "bytes": target.stat().st_size})
    wrote(target)
