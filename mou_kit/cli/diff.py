"""The ``mou diff`` command: changes between two agreement folders or two revisions, in five formats."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import DiffError
from ._common import Folder, JsonFlag, Lang, console, folder_or_cwd, json_mode, wrote
from ._streams import DASH, is_dash, output_path, write

if TYPE_CHECKING:
    from ..diff import AgreementDiff, RevisionSource
    from ..model import Agreement


class DiffFormat(StrEnum):
    """The formats ``mou diff`` writes."""

    TEXT = "text"
    JSON = "json"
    HTML = "html"
    MATRIX = "matrix"
    REDLINE = "redline"


def _is_folder(name: str) -> bool:
    return (Path(name) / "agreement.yaml").is_file()


def revision_source(directory: Path) -> RevisionSource | None:
    """Return the git workspace of ``directory`` as a revision source, or ``None`` where there is none."""
    import importlib

    if not _is_folder(str(directory)):
        return None  # not an agreement repository (perhaps some other git repository)
    try:
        workspace = importlib.import_module("mou_kit.workspace")
    except ImportError:
        return None
    from ..errors import WorkspaceError

    try:
        source: RevisionSource = workspace.Workspace.open(directory)
    except WorkspaceError:
        return None
    return source


def compare(a: str, b: str, directory: Path, *, lang: str | None, source: RevisionSource | None = None,
            attribute: bool = True) -> tuple[Agreement, Agreement, AgreementDiff]:
    """Return both agreements and their diff, for two folders or two revision names.

    :raises DiffError: a name is neither an agreement folder nor a revision (no workspace here).
    """
    from ..diff import diff

    if _is_folder(a) and _is_folder(b):
        from ..files import load

        old, new = load(a), load(b)
        return old, new, diff(old, new, lang=lang)
    opened = source is None
    source = source if source is not None else revision_source(directory)
    if source is None:
        name = a if not _is_folder(a) else b
        raise DiffError(
            f"{name!r} is not an agreement folder (no agreement.yaml) nor a revision (no git workspace in "
            f"{directory}): give two agreement folders, or run in an agreement repository{_closest(name)}",
            code="diff-unknown-source")
    from ..diff import diff_revisions

    try:
        old, new = source.read(a), source.read(b)
        return old, new, diff_revisions(source, a, b, lang=lang, attribute=attribute)
    finally:
        close = getattr(source, "close", None)
        if opened and close is not None:
            close()  # the workspace holds git helper processes


def _closest(name: str) -> str:
    """Return ", did you mean ..." naming agreement folders beside ``name`` that look like it, or ""."""
    from difflib import get_close_matches

    parent = Path(name).parent
    try:
        folders = [p.name for p in parent.iterdir() if (p / "agreement.yaml").is_file()]
    except OSError:
        return ""
    close = get_close_matches(Path(name).name, folders, n=3)
    return f"; did you mean {' or '.join(str(parent / c) for c in close)}?" if close else ""


def _need_output(output: Path | None, fmt: DiffFormat, suffixes: tuple[str, ...]) -> Path:
    if is_dash(output):
        return Path(DASH)  # the first kind (.docx) on stdout
    if output is None or output.suffix.lower() not in suffixes:
        raise typer.BadParameter(f"--format {fmt.value} writes a file: give -o FILE ending in "
                                 f"{' or '.join(suffixes)}, or -o - for {suffixes[0]} on stdout", param_hint="-o")
    return output


def diff_cmd(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="Old side: an agreement folder, or a revision or meeting name.")],
    b: Annotated[str, typer.Argument(help="New side: an agreement folder, or a revision or meeting name.")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.TEXT,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file (- for stdout).",
                                                allow_dash=True)] = None,
    lang: Lang = None,
    directory: Folder = Path("."),
    as_json: JsonFlag = False,
) -> None:
    """Show what changed between two drafts, clause by clause, numbered as the reader sees them."""
    if as_json and fmt not in (DiffFormat.TEXT, DiffFormat.JSON):
        raise typer.BadParameter(f"--json is --format json, not --format {fmt.value}", param_hint="--json")
    if as_json or fmt == DiffFormat.JSON:
        fmt = DiffFormat.JSON
        json_mode(ctx)
    shows_proposers = fmt in (DiffFormat.MATRIX, DiffFormat.REDLINE, DiffFormat.JSON)
    old, new, result = compare(a, b, folder_or_cwd(directory), lang=lang, attribute=shows_proposers)
    if fmt == DiffFormat.MATRIX:
        target = _need_output(output, fmt, (".docx", ".html"))
        from ..render.matrix import write_matrix

        with output_path(target, ".docx") as path:
            write_matrix(result, path)
    elif fmt == DiffFormat.REDLINE:
        target = _need_output(output, fmt, (".docx",))
        from ..render.redline import write_redline

        with output_path(target, ".docx") as path:
            write_redline(old, new, path, diff=result)
    else:
        # colour only on a terminal that shows it; anywhere else (a pipe, a file, TERM=dumb) the wdiff
        # markers [-old-]{+new+}
        screen = console()
        coloured = output is None and fmt == DiffFormat.TEXT and screen.is_terminal and not screen.is_dumb_terminal
        text = _text(result, fmt, markup=coloured)
        if coloured:
            screen.print(text, end="")
            return
        target = output if output is not None else Path(DASH)
        write(target, text)
    if not is_dash(target):
        wrote(target)


def _text(result: AgreementDiff, fmt: DiffFormat, *, markup: bool) -> str:
    if fmt == DiffFormat.JSON:
        import json

        return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == DiffFormat.HTML:
        from ..render.diff_html import render_diff_html

        return render_diff_html(result)
    from ..render.diff_text import render_diff_text

    return render_diff_text(result, markup=markup)
