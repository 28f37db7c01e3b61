"""How a diff reads in the terminal: numbered as the reader sees the document, changes coloured."""

from __future__ import annotations

import re

from ...diff import AgreementDiff, Change, ChangeKind, OpKind
from ._diff_words import describe, revision_line, where, words

_SIGN = {
    ChangeKind.ADDED: "+", ChangeKind.REMOVED: "-", ChangeKind.MOVED: ">", ChangeKind.RENUMBERED: "#",
}
_COLOUR = {ChangeKind.ADDED: "green", ChangeKind.REMOVED: "red", ChangeKind.MOVED: "cyan"}
MAX_RENUMBERED = 12


_MARKUP_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")


def _escape(text: str, markup: bool) -> str:
    """Return ``text`` safe inside rich markup (as ``rich.markup.escape`` does, without importing rich)."""
    if not markup:
        return text
    out = _MARKUP_TAG.sub(lambda m: f"{m.group(1)}{m.group(1)}\\{m.group(2)}", text)
    return out + "\\" if out.endswith("\\") and not out.endswith("\\\\") else out


def _body(change: Change, markup: bool) -> str:
    if change.ops:
        out = []
        for op in change.ops:
            text = _escape(op.text, markup)
            if op.op == OpKind.EQUAL:
                out.append(text)
            elif op.op == OpKind.DELETE:
                out.append(f"[red strike]{text}[/red strike]" if markup else f"[-{text}-]")
            else:
                out.append(f"[green underline]{text}[/green underline]" if markup else f"{{+{text}+}}")
        return "".join(out)
    if change.old_text is not None and change.new_text is not None and change.old_text != change.new_text:
        old, new = _escape(change.old_text, markup), _escape(change.new_text, markup)
        return f"[red strike]{old}[/red strike] → [green]{new}[/green]" if markup else f"[-{old}-] → {{+{new}+}}"
    shown = change.new_text if change.new_text is not None else change.old_text
    return _escape(shown or "", markup)


def diff_lines(diff: AgreementDiff, *, markup: bool = True) -> list[str]:
    """Return the diff as lines of text, with rich markup (``markup``) or wdiff-style ``[-old-]{+new+}``."""
    w = words(diff.lang)
    old = revision_line(diff.old_id, diff.old_revision, diff)
    new = revision_line(diff.new_id, diff.new_revision, diff)
    head = f"{_escape(old, markup)} → {_escape(new, markup)}"
    out = [f"[bold]{head}[/bold]" if markup else head]
    real, renumbered = diff.real, diff.renumbered
    out.append(f"{len(real)} {w['changes']}, {len(renumbered)} {w['renumbered']}")
    for warning in diff.warnings:
        line = f"{w['warning']}: {_escape(warning, markup)}"
        out.append(f"[yellow]{line}[/yellow]" if markup else line)
    if not diff.changes:
        out.append(w["none"])
    for change in real:
        sign = _SIGN.get(change.kind, "~")
        title = f"{sign} {_escape(where(change, diff.lang), markup)}  {_escape(describe(change, diff.lang), markup)}"
        colour = _COLOUR.get(change.kind, "yellow")
        out += ["", f"[bold {colour}]{title}[/bold {colour}]" if markup else title]
        body = _body(change, markup)
        if body:
            out.append("    " + body.replace("\n", "\n    "))
    if renumbered:
        moves = list(dict.fromkeys(f"{c.old_ref} → {c.new_ref}" for c in renumbered))
        shown = ", ".join(moves[:MAX_RENUMBERED])
        more = f" (+{len(moves) - MAX_RENUMBERED})" if len(moves) > MAX_RENUMBERED else ""
        line = f"# {w['renumbered']}: {shown}{more}"
        out += ["", f"[dim]{_escape(line, markup)}[/dim]" if markup else line]
    return out


def render_diff_text(diff: AgreementDiff, *, markup: bool = True) -> str:
    """Return the whole diff as text for the terminal (see :func:`diff_lines`)."""
    return "\n".join(diff_lines(diff, markup=markup)) + "\n"
