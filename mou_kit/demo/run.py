"""What ``mou demo`` does with the bundled examples, end to end, as one function the CLI calls.

It validates every example, assembles the founding MoU from the clause library, builds its
negotiation history in git, compares the drafts of the two meetings in every diff format, carries
the agreement to agreed and signed (three test certificates, three verified signatures, a
calendar of its deadlines), imports a Word file edited by the other side, and renders the agreed
draft as signature-ready documents. Progress goes through a callback.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .._shipped import shipped_folder
from ..errors import MouKitError
from ..files import load
from ..model import Agreement

FOUNDING = "tppo-kalbar"
MARKER = ".mou-demo"
Step = Callable[[str], None]


def bundled_examples() -> Path:
    """Return the folder of the example agreements shipped with mou_kit (``examples/`` in a checkout)."""
    return shipped_folder("mou_kit.examples", "examples")


@dataclass
class DemoReport:
    """What the demo made: the examples read, lines to show, and every file written."""

    examples: dict[str, Agreement] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _fresh_output(out: Path) -> None:
    """Empty ``out`` if the demo made it before; refuse a folder that holds anything else."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise MouKitError(f"{out} exists and was not made by the demo; choose another folder",
                              code="file-unreadable")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("made by mou demo; deleted and rebuilt on the next run\n", encoding="utf-8")


def run_demo(examples: str | os.PathLike[str], out: str | os.PathLike[str], *,
             step: Step | None = None) -> DemoReport:
    """Return the report of the whole demo, run on the examples in ``examples``, writing into ``out``.

    :raises ValidationFailed: an example is not a valid agreement.
    :raises MouKitError: ``out`` holds files the demo did not make.
    """
    say = step or (lambda _message: None)
    root, target = Path(examples), Path(out)
    report = DemoReport()
    folders = sorted(p for p in root.iterdir() if (p / "agreement.yaml").is_file())
    if not folders:
        raise MouKitError(f"no agreement folders in {root}; give the examples' folder", code="not-an-agreement")
    for folder in folders:
        say(f"validating {folder.name}")
        report.examples[folder.name] = load(folder)
    if not (root / FOUNDING / "agreement.yaml").is_file():
        return report
    _fresh_output(target)

    say("assembling the founding MoU from the clause library")
    from .library import library_demo

    answers = root / f"{FOUNDING}.answers.yaml"
    if answers.is_file():
        report.lines += library_demo(answers, root / FOUNDING)

    say("building its negotiation history in git")
    from .history import build_example_history

    history = build_example_history(root / FOUNDING, target / FOUNDING)
    report.lines.append(f"history: {len(history.revisions)} revisions, meetings {', '.join(history.meetings)} "
                        f"in {history.path}")
    report.files += _diffs(history.path, history.meetings, target / "diff", say)

    say("agreeing, signing with three test certificates and verifying")
    from .signing import sign_example

    signed = sign_example(history.path, target / "signed")
    report.lines += signed.lines
    report.files += [signed.pdf, signed.signed_pdf, signed.calendar]

    say("importing a Word file edited by the other side")
    from .importing import demo_import

    report.lines += demo_import(root / FOUNDING, target / "import")
    report.files += sorted((target / "import").glob("*.docx"))

    say("rendering the agreed draft")
    from ..render import render_drafts
    from ..workspace import Workspace

    with Workspace.open(history.path) as ws:
        agreed = ws.resolve(signed.agreed_revision)
        written = render_drafts(ws.read(agreed.id), target / "documents", folder=history.path,
                                revision=agreed.short_id)
    report.files += written
    report.lines.append(f"documents of the agreed draft ({agreed.short_id}): {', '.join(p.name for p in written)}")
    return report


def _diffs(repo: Path, meetings: list[str], out: Path, say: Step) -> list[Path]:
    """Write the diff bundle from the first draft to the first meeting, and between the meetings."""
    from ..diff import diff_revisions
    from ..render.diffs.diff_bundle import write_diff_bundle
    from ..render.diffs.dim import write_dim
    from ..workspace import Workspace
    from ..workspace.dim import dim

    files: list[Path] = []
    with Workspace.open(repo) as ws:
        first = ws.log()[-1].id
        steps = [(first, meetings[0], "first-draft..meeting-1")]
        steps += [(a, b, f"{a}..{b}") for a, b in itertools.pairwise(meetings)]
        for old, new, name in steps:
            say(f"comparing {name}")
            meeting, _revision = ws.meeting(new)
            files += write_diff_bundle(ws.read(old), ws.read(new), out / name, meeting=meeting,
                                       result=diff_revisions(ws, old, new))
            table = dim(ws, old, new)
            for target in (out / name / "dim.docx", out / name / "dim.html"):
                write_dim(table, target)
                files.append(target)
    return files

