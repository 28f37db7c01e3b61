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
    from ..model import Agreement, Decision, Meeting


class DiffFormat(StrEnum):
    """The formats ``mou diff`` writes."""

    TEXT = "text"
    JSON = "json"
    HTML = "html"
    MATRIX = "matrix"
    DIM = "dim"
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
        from ..workflow.sources import read_source

        old, new = read_source(a).agreement, read_source(b).agreement
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
    meeting: Annotated[str | None, typer.Option(
        "--meeting", help="dim: the meeting named in the title (default: the last one between A and B).")] = None,
    unchanged: Annotated[bool, typer.Option(
        "--unchanged", help="dim: list every Pasal nobody touched as one 'tetap' row.")] = False,
    directory: Folder = Path("."),
    as_json: JsonFlag = False,
) -> None:
    """Show what changed between two drafts, clause by clause, numbered as the reader sees them.

    --format dim writes the secretariat's Daftar Inventarisasi Masalah: one column per party with
    its proposals (from its proposal branch too), the agreed wording and each meeting decision.
    """
    if as_json and fmt not in (DiffFormat.TEXT, DiffFormat.JSON):
        raise typer.BadParameter(f"--json is --format json, not --format {fmt.value}", param_hint="--json")
    if fmt == DiffFormat.DIM:
        _write_dim(a, b, _need_output(output, fmt, (".docx", ".html")), folder_or_cwd(directory), lang=lang,
                   meeting=meeting, unchanged=unchanged)
        return
    if as_json or fmt == DiffFormat.JSON:
        fmt = DiffFormat.JSON
        json_mode(ctx)
    shows_proposers = fmt in (DiffFormat.MATRIX, DiffFormat.REDLINE, DiffFormat.JSON)
    old, new, result = compare(a, b, folder_or_cwd(directory), lang=lang, attribute=shows_proposers)
    if fmt == DiffFormat.MATRIX:
        target = _need_output(output, fmt, (".docx", ".html"))
        from ..render.diffs.matrix import write_matrix

        with output_path(target, ".docx") as path:
            write_matrix(result, path, decisions=_meeting_facts(a, b, folder_or_cwd(directory))[0])
    elif fmt == DiffFormat.REDLINE:
        target = _need_output(output, fmt, (".docx",))
        from ..render.diffs.redline import write_redline

        with output_path(target, ".docx") as path:
            write_redline(old, new, path, diff=result)
    else:
        # colour only on a terminal that shows it; anywhere else (a pipe, a file, TERM=dumb) the wdiff
        # markers [-old-]{+new+}
        screen = console()
        coloured = output is None and fmt == DiffFormat.TEXT and screen.is_terminal and not screen.is_dumb_terminal
        facts = _meeting_facts(a, b, folder_or_cwd(directory)) if fmt == DiffFormat.HTML else ({}, None)
        text = _text(result, fmt, markup=coloured, facts=facts)
        if coloured:
            screen.print(text, end="")
            return
        target = output if output is not None else Path(DASH)
        write(target, text)
    if not is_dash(target):
        wrote(target)


def _write_dim(a: str, b: str, target: Path, directory: Path, *, lang: str | None, meeting: str | None,
               unchanged: bool) -> None:
    """Write the DIM of two revisions (with the history) or of two folders (no party columns)."""
    from ..render.diffs.dim import write_dim

    if _is_folder(a) and _is_folder(b):
        from ..diff.dim import build_dim
        from ..files import load

        table = build_dim(load(a), load(b), lang=lang, unchanged=unchanged)
    else:
        from ..workspace import Workspace
        from ..workspace.dim import dim

        if revision_source(directory) is None:
            compare(a, b, directory, lang=lang)  # raises the one-line error naming what is missing
        with Workspace.open(directory) as ws:
            table = dim(ws, a, b, lang=lang, meeting=meeting, unchanged=unchanged)
    with output_path(target, ".docx") as path:
        write_dim(table, path)
    if not is_dash(target):
        wrote(target)


def _meeting_facts(a: str, b: str, directory: Path) -> tuple[dict[str, Decision], Meeting | None]:
    """Return the decisions of the meetings recorded between two revisions and the last such meeting."""
    if _is_folder(a) or _is_folder(b) or revision_source(directory) is None:
        return {}, None
    from ..workspace import Workspace
    from ..workspace.dim import meeting_facts

    with Workspace.open(directory) as ws:
        return meeting_facts(ws, a, b)


def _text(result: AgreementDiff, fmt: DiffFormat, *, markup: bool,
          facts: tuple[dict[str, Decision], Meeting | None] = ({}, None)) -> str:
    if fmt == DiffFormat.JSON:
        import json

        return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == DiffFormat.HTML:
        from ..render.diffs.diff_html import render_diff_html

        return render_diff_html(result, decisions=facts[0], meeting=facts[1])
    from ..render.diffs.diff_text import render_diff_text

    return render_diff_text(result, markup=markup)
