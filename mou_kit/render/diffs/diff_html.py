"""The diff as one standalone HTML page: a list of changes to jump through, inline and side-by-side views."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from ...diff import AgreementDiff, Change, ChangeKind, OpKind
from ...model import Decision, Meeting
from ._diff_words import describe, kind_label, proposer, results, revision_line, where, words

CSS = """
body{font-family:Georgia,'Times New Roman',serif;margin:0;color:#222;background:#fafafa}
header{background:#1f3a5f;color:#fff;padding:1em 2em}header h1{margin:0 0 .2em;font-size:1.4em}
header p{margin:.1em 0}.warn{background:#fff3cd;color:#664d03;padding:.5em 2em;margin:0}
.layout{display:flex;align-items:flex-start}nav{position:sticky;top:0;width:17em;max-height:100vh;overflow:auto;
padding:1em;border-right:1px solid #ddd;background:#fff;font-size:.9em}nav ol{padding-left:1.4em}
nav a{text-decoration:none;color:#1f3a5f}main{flex:1;padding:1em 2em;max-width:70em}
.change{background:#fff;border:1px solid #ddd;border-left:5px solid #999;margin:0 0 1em;padding:.6em 1em;
page-break-inside:avoid}.change h2{font-size:1.05em;margin:.1em 0 .4em}.kind{font-size:.8em;padding:.1em .5em;
border-radius:.3em;background:#eee;margin-left:.5em;font-weight:normal}
.k-added{border-left-color:#2e7d32}.k-removed{border-left-color:#c62828}.k-moved{border-left-color:#00838f}
.k-reworded{border-left-color:#f9a825}ins{color:#1b5e20;background:#e8f5e9;text-decoration:underline}
del{color:#b71c1c;background:#ffebee;text-decoration:line-through}
table.side{width:100%;border-collapse:collapse}table.side td,table.side th{border:1px solid #ddd;padding:.4em;
vertical-align:top;width:50%}table.side th{background:#f3f3f3;text-align:left}
.views input{display:none}.views label{cursor:pointer;padding:.2em .8em;border:1px solid #ccc;border-radius:.3em;
font-size:.85em;margin-right:.3em}.views .side{display:none}
#v-side:checked~.layout .inline{display:none}#v-side:checked~.layout table.side{display:table}
.toggle{padding:.5em 2em;background:#fff;border-bottom:1px solid #ddd}
details{margin-top:1em}.inline,table.side td{white-space:pre-line}.muted{color:#666;font-size:.9em}
@media print{nav,.toggle{display:none}.layout{display:block}main{max-width:none;padding:0}
header{background:none;color:#000;border-bottom:2px solid #000}.change{border:1px solid #999}
table.side{display:table!important}.inline{display:block!important}ins{background:none}del{background:none}}
"""


def _inline(change: Change) -> str:
    if change.ops:
        parts = []
        for op in change.ops:
            text = escape(op.text)
            parts.append(text if op.op == OpKind.EQUAL else
                         f"<del>{text}</del>" if op.op == OpKind.DELETE else f"<ins>{text}</ins>")
        return "".join(parts)
    old, new = change.old_text, change.new_text
    if old is not None and new is not None and old != new:
        return f"<del>{escape(old)}</del> <ins>{escape(new)}</ins>"
    if change.kind == ChangeKind.REMOVED and old is not None:
        return f"<del>{escape(old)}</del>"
    if change.kind == ChangeKind.ADDED and new is not None:
        return f"<ins>{escape(new)}</ins>"
    return escape(new if new is not None else old or "")


def _side(change: Change, lang: str) -> str:
    w = words(lang)
    old = "".join(f"<del>{escape(o.text)}</del>" if o.op == OpKind.DELETE else escape(o.text)
                  for o in change.ops if o.op != OpKind.INSERT) if change.ops else escape(change.old_text or "")
    new = "".join(f"<ins>{escape(o.text)}</ins>" if o.op == OpKind.INSERT else escape(o.text)
                  for o in change.ops if o.op != OpKind.DELETE) if change.ops else escape(change.new_text or "")
    return (f'<table class="side"><tr><th>{escape(w["old"])} {escape(change.old_ref or "")}</th>'
            f'<th>{escape(w["new"])} {escape(change.new_ref or "")}</th></tr>'
            f"<tr><td>{old}</td><td>{new}</td></tr></table>")


def _facts(diff: AgreementDiff, change: Change, decision: Decision | None) -> str:
    """Return the proposer and the meeting's decision on the change's node, as a line under its heading."""
    w = words(diff.lang)
    bits = []
    who = proposer(diff, change)
    if who:
        bits.append(f"{escape(w['proposed_by'])}: {escape(who)}")
    if decision is not None:
        result = results(diff.lang).get(decision.result or "", "")
        text = " — ".join(x for x in (result, decision.text) if x)
        if text:
            bits.append(f"<strong>{escape(w['decision'])}</strong>: {escape(text)}")
    return f'<p class="muted">{"; ".join(bits)}</p>' if bits else ""


def _meeting(meeting: Meeting | None, diff: AgreementDiff) -> str:
    if meeting is None:
        return ""
    from ._dim_cells import meeting_line

    people = ", ".join(f"{a.name} ({diff.party_names.get(a.party, a.party) if a.party else a.institution})"
                       for a in ([meeting.chair] if meeting.chair else []) + meeting.attendees)
    return f"<p>{escape(meeting_line(meeting, diff.lang))}</p>" + (f"<p>{escape(people)}</p>" if people else "")


def render_diff_html(diff: AgreementDiff, *, decisions: Mapping[str, Decision] | None = None,
                     meeting: Meeting | None = None) -> str:
    """Return the diff as one standalone HTML page (no scripts, no outside files; prints cleanly).

    ``decisions`` (node id -> decision) and ``meeting`` add what the meeting decided on each change
    and who attended, each attendee with the party they speak for.
    """
    lang, w = diff.lang, words(diff.lang)
    decisions = decisions or {}
    real = diff.real
    old = revision_line(diff.old_id, diff.old_revision, diff)
    new = revision_line(diff.new_id, diff.new_revision, diff)
    nav, body = [], []
    for n, change in enumerate(real, 1):
        anchor = f"c{n}"
        place = escape(where(change, lang))
        nav.append(f'<li><a href="#{anchor}">{place}</a> <span class="muted">'
                   f"{escape(kind_label(change.kind, lang))}</span></li>")
        body.append(
            f'<section class="change k-{change.kind.value}" id="{anchor}"><h2>{n}. {place}'
            f'<span class="kind">{escape(describe(change, lang))}</span></h2>'
            f"{_facts(diff, change, decisions.get(change.node))}"
            f'<div class="inline">{_inline(change)}</div>{_side(change, lang)}</section>')
    if not real:
        body.append(f"<p>{escape(w['none'])}</p>")
    renumbered = diff.renumbered
    if renumbered:
        items = "".join(f"<li>{escape(c.old_ref or '')} → {escape(c.new_ref or '')}</li>" for c in renumbered)
        body.append(f"<details><summary>{len(renumbered)} {escape(w['renumbered'])}</summary><ul>{items}</ul>"
                    "</details>")
    warnings = "".join(f'<p class="warn">{escape(w["warning"])}: {escape(x)}</p>' for x in diff.warnings)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(w['title'])}: {escape(diff.new_id)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{escape(w['title'])}</h1><p>{escape(old)} → {escape(new)}</p>"
        f"<p>{len(real)} {escape(w['changes'])}, {len(renumbered)} {escape(w['renumbered'])}</p>"
        f"{_meeting(meeting, diff)}</header>"
        f'{warnings}<div class="views">'
        f'<input type="radio" name="view" id="v-inline" checked><input type="radio" name="view" id="v-side">'
        f'<div class="toggle"><label for="v-inline">{escape(w["inline"])}</label>'
        f'<label for="v-side">{escape(w["side"])}</label></div>'
        f'<div class="layout"><nav><strong>{escape(w["list"])}</strong><ol>{"".join(nav)}</ol></nav>'
        f'<main>{"".join(body)}</main></div></div></body></html>\n'
    )
