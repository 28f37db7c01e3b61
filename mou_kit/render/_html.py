"""How an agreement reads as one standalone HTML page, bilingual texts side by side."""

from __future__ import annotations

import os
from html import escape

from .._io import write_output
from ..errors import RenderError
from ..model import Agreement
from ._document import DocumentInfo, RevisionLike
from .outline import Outline, Para, PointBlock, Run

STYLE = """
body{font-family:"Liberation Serif","Times New Roman",serif;font-size:12pt;max-width:60em;margin:2em auto;
line-height:1.4;text-align:justify}
.title,.head{text-align:center;font-weight:bold}.item{display:flex}.item>.n{flex:0 0 2.5em}
.pts{margin-left:2.5em}table.pair{width:100%;border-collapse:collapse}table.pair td{vertical-align:top;
width:50%;padding:0 .6em}.sigs{display:flex;flex-wrap:wrap;justify-content:center;gap:2em;text-align:center}
.sig{width:45%}.sig.own{text-align:left}.sig .space{height:6em}.name{font-weight:bold;text-decoration:underline}
.draft{color:#a00;text-align:center;font-weight:bold}footer{font-size:9pt;color:#666;text-align:center}
"""


def _runs(runs: list[Run]) -> str:
    out = []
    for r in runs:
        text = escape(r.text)
        if r.ref:
            text = f'<a href="#{escape(r.ref)}">{text}</a>'
        out.append(f"<b>{text}</b>" if r.bold else text)
    return "".join(out)


def _item(label: str, body: str, node: str | None = None) -> str:
    ident = f' id="{escape(node)}"' if node else ""
    if not label:
        return f"<p{ident}>{body}</p>"
    return f'<div class="item"{ident}><span class="n">{escape(label)}</span><span>{body}</span></div>'


def _para(p: Para | None) -> str:
    return "" if p is None else _item(p.label, _runs(p.runs), p.node)


def _points(points: list[PointBlock]) -> str:
    if not points:
        return ""
    return '<div class="pts">' + "".join(_item(p.label, _runs(p.runs), p.node) + _points(p.points)
                                         for p in points) + "</div>"


def blocks(doc: Outline) -> list[str]:
    """Return the HTML of ``doc`` as a list of blocks that pair up with another language's blocks."""
    title = "".join(f"<div>{escape(x)}</div>" for x in [*doc.title.lines, *doc.title.numbers,
                                                       doc.title.about, doc.title.subject])
    out = [f'<div class="title">{title}</div>', _para(doc.opening)]
    out += [_para(p) for p in doc.parties] + [_para(doc.together), _para(doc.recitals_intro)]
    out += [_para(r) for r in doc.recitals] + [_para(doc.formula)]
    for a in doc.articles:
        out.append(f'<p class="head" id="{escape(a.node)}">{escape(a.label)}<br>{escape(a.heading)}</p>')
        for c in a.clauses:
            out.append(_item(c.label, _runs(c.runs), c.node) + _points(c.points))
    out.append(_para(doc.closing))
    sigs = "".join(
        f'<div class="sig own">{"<br>".join(map(escape, s.above))}<div class="space"></div>'
        f'{"<br>".join(map(escape, s.below))}</div>' if s.custom else
        f'<div class="sig"><b>{escape(s.label)},</b><br>{escape(s.position)}<div class="space"></div>'
        f'<div class="name">{escape(s.name)}</div>{escape(s.rank_line)}</div>' for s in doc.signatures)
    out.append(f'<div class="sigs">{sigs}</div>')
    for x in doc.annexes:
        out.append(f'<p class="head" id="{escape(x.node)}">{escape(x.label)}<br>{escape(x.title)}</p>'
                   + (f"<p>{_runs(x.runs)}</p>" if x.runs else ""))
    return out


def html_of(docs: list[Outline], info: DocumentInfo, layout: str) -> str:
    """Return the standalone HTML page of ``docs`` laid out as ``layout``."""
    if layout == "side-by-side":
        rows = zip(blocks(docs[0]), blocks(docs[1]), strict=True)
        body = '<table class="pair">' + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table>"
    else:
        body = "<hr>".join("".join(blocks(d)) for d in docs)
    draft = f'<p class="draft">{escape(info.watermark)}</p>' if info.watermark else ""
    return (f'<!DOCTYPE html>\n<html lang="{escape(docs[0].lang)}"><head><meta charset="utf-8">'
            f'<title>{escape(info.title)}</title><meta name="keywords" content="{escape(info.keywords)}">'
            f"<style>{STYLE}</style></head><body>{draft}{body}<footer>{escape(info.short)}</footer></body></html>\n")


def render_html(agreement: Agreement, path: str | os.PathLike[str] | None = None, *, lang: str | None = None,
                revision: RevisionLike | None = None, layout: str | None = None) -> str:
    """Return ``agreement`` as one standalone HTML page; "id+en" pairs the languages side by side.

    :raises MouKitError: unknown language (code ``unknown-language``).
    :raises TemplateError: a text cannot be rendered.
    """
    from ._document import prepare

    docs, info, chosen = prepare(agreement, lang, revision=revision, folder=None, layout=layout)
    text = html_of(docs, info, chosen)
    if path is not None:
        write_output(path, text.encode(), error=RenderError)
    return text
