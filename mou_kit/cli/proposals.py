"""Commands for parties' proposals and other repositories: propose, merge, resolve, sync."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from ..workspace import Conflict, Workspace
from ._common import Folder, JsonFlag, console, folder_or_cwd, status
from ._json import emit
from ._streams import input_path, is_dash


def _text(value: Any) -> str:
    if value is None:
        return "(absent)"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1)


def _print_conflicts(conflicts: list[Conflict]) -> None:
    from rich.markup import escape

    out = console()
    out.print(f"[red]{len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''}[/red]: "
              "settle each with 'mou resolve NODE --take ours|theirs|FILE', then 'mou commit'")
    for c in conflicts:
        field = f" ({escape(c.field)})" if c.field else ""
        out.print(f"[bold]{escape(c.node)}[/bold]{field}")
        for label, value in (("base", c.base), ("ours", c.ours), ("theirs", c.theirs)):
            out.print(f"  {label:>6}: {escape(_text(value))}")


def propose(party: Annotated[str, typer.Argument(help="The party id whose proposal this is.")],
            directory: Folder = Path("."), as_json: JsonFlag = False) -> None:
    """Start (or switch to) the branch proposal/<party> for a party's proposal."""
    from ..workspace.proposals import propose as start

    with Workspace.open(folder_or_cwd(directory)) as ws:
        branch = start(ws, party)
    if as_json:
        emit("propose", {"party": party, "branch": branch})
    status("on branch", f"{branch}: edit, then 'mou commit -m ... --party {party}'", colour="cyan")


def merge(branch: Annotated[str, typer.Argument(help="The branch (or revision) to merge in.")],
          as_json: JsonFlag = False, directory: Folder = Path(".")) -> None:
    """Merge another branch clause by clause; conflicts name the node and show the three texts."""
    from ..workspace.proposals import merge_branch

    with Workspace.open(folder_or_cwd(directory)) as ws:
        outcome = merge_branch(ws, branch)
    if as_json:
        emit("merge", {"revision": outcome.revision.id if outcome.revision else None,
                       "fast_forward": outcome.fast_forward, "up_to_date": outcome.up_to_date,
                       "conflicts": [c.to_dict() for c in outcome.conflicts]})
    elif outcome.conflicts:
        _print_conflicts(outcome.conflicts)
    elif outcome.up_to_date:
        status("already up to date")
    elif outcome.revision is not None:
        status("fast-forward to" if outcome.fast_forward else "merged as", outcome.revision.short_id)
    if outcome.conflicts:
        raise typer.Exit(1)


def resolve(node: Annotated[str, typer.Argument(help="The node in conflict (article, clause or point id).")],
            take: Annotated[str, typer.Option("--take", metavar="ours|theirs|FILE",
                                              help="ours, theirs, or a file holding the text (- for stdin).")],
            directory: Folder = Path("."), as_json: JsonFlag = False) -> None:
    """Settle the conflict of one node by taking our text, theirs, or the text in a file."""
    from ..workspace.proposals import resolve_conflict

    with Workspace.open(folder_or_cwd(directory)) as ws:
        if take in ("ours", "theirs"):
            left = resolve_conflict(ws, node, take)  # type: ignore[arg-type]
        else:
            with input_path(take, ".txt") as path:
                left = resolve_conflict(ws, node, path)
    pending = sorted({c.node for c in left})
    if as_json:
        emit("resolve", {"node": node, "take": "-" if is_dash(take) else take, "pending": pending})
    if left:
        status("resolved", f"{node}; still pending: {', '.join(pending)}")
    else:
        status("resolved", f"{node}; no conflicts left: record the merge with 'mou commit'")


def sync(remote: Annotated[str | None, typer.Argument(help="The remote (default: origin).")] = None,
         directory: Folder = Path("."), as_json: JsonFlag = False) -> None:
    """Fetch the other side, merge clause by clause, and push back with a lease (meeting tags included)."""
    from ..workspace.remote import sync as run
    from .revisions import revision_row

    with Workspace.open(folder_or_cwd(directory)) as ws:
        report = run(ws, remote)
    if as_json:
        emit("sync", {"remote": report.remote, "branch": report.branch, "fast_forward": report.fast_forward,
                      "merged": revision_row(report.merged) if report.merged else None, "pushed": report.pushed,
                      "conflicts": [c.to_dict() for c in report.conflicts]})
        if report.conflicts:
            raise typer.Exit(1)
    if report.conflicts:
        _print_conflicts(report.conflicts)
        raise typer.Exit(1)
    done = []
    if report.fast_forward:
        done.append("fast-forwarded")
    elif report.merged:
        done.append(f"merged as {report.merged.short_id}")
    done.append("pushed" if report.pushed else "nothing to push")
    status(f"{report.remote}/{report.branch}:", ", ".join(done), colour="cyan")
