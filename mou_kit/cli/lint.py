"""The ``mou lint`` command: drafting checks on an agreement folder."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import EXIT_USER_ERROR, Folder, JsonFlag, console, folder_or_cwd
from ._json import emit
from ._streams import optional_input_path
from .library import AnswersOption, LibraryPaths

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def lint(directory: Folder = Path("."), as_json: JsonFlag = False, answers: AnswersOption = None,
         library: LibraryPaths = None) -> None:
    """Check the drafting: terms, references, variables, languages, form, and templates with newer versions."""
    from rich.markup import escape

    from ..workflow.drafting import lint_folder

    with optional_input_path(answers, ".yaml") as answers_path:
        report = lint_folder(folder_or_cwd(directory), library_paths=library or [], answers_path=answers_path)
    if as_json:
        emit("lint", report.to_dict())
    else:
        out = console()
        for f in report.findings:
            colour = _COLOURS[f.severity]
            out.print(f"{escape(f.path or '<agreement>')}: [{colour}]{f.severity}[/{colour}] {f.rule} "
                      f"{escape(f.message)}" + (f" ({escape(f.hint)})" if f.hint else ""))
            for line in f.details:
                out.print(f"    {escape(line)}")
        counts = {s: sum(f.severity == s for f in report.findings) for s in _COLOURS}
        out.print(f"{report.agreement}: " + ", ".join(f"{n} {s}(s)" for s, n in counts.items()))
    if report.errors:
        raise typer.Exit(EXIT_USER_ERROR)
