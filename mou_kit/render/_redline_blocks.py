"""What the redline compares: the agreement as keyed paragraphs of word and cross-reference tokens.

Each paragraph of the document (title line, party, recital, article label and heading, clause,
point, closing, signature line) becomes a :class:`Block` whose key is stable across drafts
("clause:<id>"), so two drafts align paragraph by paragraph and renumbering changes no key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diff.words import tokens
from ..model import Agreement
from ..model.locale import Locale
from .outline import ClauseBlock, Outline, PointBlock, Run, outline

PARTY_LIST, RECITAL_LIST, BODY_LIST = "party", "recital", "body"
ListName = str


@dataclass(frozen=True, slots=True)
class Ref:
    """A cross-reference token: equal to another when it cites the same node, whatever its number."""

    id: str
    text: str = field(compare=False)


Token = str | Ref


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph: a stable key, its tokens, its list and level, and the nodes it belongs to."""

    key: str
    tokens: tuple[Token, ...]
    list: ListName | None = None
    level: int = 0
    center: bool = False
    bold: bool = False
    owners: tuple[str, ...] = ()
    label: str = ""


def _tokens(runs: list[Run], body_ids: set[str], rename: dict[str, str]) -> tuple[Token, ...]:
    out: list[Token] = []
    for run in runs:
        if run.ref is not None and run.ref in body_ids:
            out.append(Ref(rename.get(run.ref, run.ref), run.text))
        else:
            out += tokens(run.text)
    return tuple(out)


def blocks(agreement: Agreement, lang: str, *, rename: dict[str, str] | None = None) -> list[Block]:
    """Return the paragraphs of ``agreement`` in ``lang`` as keyed blocks.

    ``rename`` maps this agreement's node ids to the ids of the other draft, for nodes that were
    paired by similarity rather than by id.
    """
    rename = rename or {}
    doc = outline(agreement, lang)
    body_ids = {a.id for a in agreement.articles}
    for article in agreement.articles:
        for clause in article.clauses:
            body_ids.add(clause.id)
            stack = list(clause.points)
            while stack:
                point = stack.pop()
                body_ids.add(point.id)
                stack += point.points

    def ident(node: str) -> str:
        return rename.get(node, node)

    def text_block(key: str, text: str, **kw: object) -> Block:
        return Block(key, tuple(tokens(text)), **kw)  # type: ignore[arg-type]

    out = _title(doc, agreement, text_block)
    out.append(Block("opening", _tokens(doc.opening.runs, body_ids, rename)))
    for para in doc.parties:
        out.append(Block(f"party:{para.node}", _tokens(para.runs, body_ids, rename), PARTY_LIST,
                         owners=(f"party:{para.node}",), label=para.label))
    out.append(Block("together", _tokens(doc.together.runs, body_ids, rename)))
    if doc.recitals_intro:
        out.append(Block("recitals-intro", _tokens(doc.recitals_intro.runs, body_ids, rename)))
    for para in doc.recitals:
        node = ident(para.node or "")
        out.append(Block(f"recital:{node}", _tokens(para.runs, body_ids, rename), RECITAL_LIST, owners=(node,),
                         label=para.label))
    out.append(Block("formula", _tokens(doc.formula.runs, body_ids, rename)))
    for block in doc.articles:
        aid = ident(block.node)
        out.append(Block(f"article:{aid}", (), BODY_LIST, 0, center=True, bold=True, owners=(aid,),
                         label=block.label))
        out.append(text_block(f"heading:{aid}", block.heading, center=True, bold=True, owners=(aid,)))
        for clause_block in block.clauses:
            out += _clause(clause_block, (aid,), body_ids, rename)
    out.append(Block("closing", _tokens(doc.closing.runs, body_ids, rename)))
    for sig in doc.signatures:
        owners = (f"party:{sig.party}",)
        for name, text in (("label", f"{sig.label},"), ("position", sig.position), ("name", sig.name),
                           ("rank", sig.rank_line)):
            if text:
                out.append(text_block(f"sig:{sig.party}:{name}", text, center=True, bold=name == "name",
                                      owners=owners))
    for annex in doc.annexes:
        out.append(text_block(f"annex:{annex.node}", f"{annex.label} {annex.title}", center=True, bold=True))
        if annex.runs:
            out.append(Block(f"annex-text:{annex.node}", _tokens(annex.runs, body_ids, rename)))
    return out


def _title(doc: Outline, agreement: Agreement, text_block: object) -> list[Block]:
    make = text_block  # a callable (key, text, **kw) -> Block
    parties = [p.id for p in agreement.parties]
    out = []
    for i, line in enumerate(doc.title.lines):
        if i == 0:
            key = "title:kind"
        elif i == 1:
            key = "title:between"
        elif (i - 2) % 2 == 0:
            key = f"title:party:{parties[(i - 2) // 2]}"
        else:
            key = f"title:conj:{(i - 2) // 2}"
        out.append(make(key, line, center=True, bold=True))  # type: ignore[operator]
    numbered = [p.id for p in agreement.parties if p.number]
    for party, line in zip(numbered, doc.title.numbers, strict=False):
        out.append(make(f"number:{party}", line, center=True, bold=True))  # type: ignore[operator]
    out.append(make("title:about", doc.title.about, center=True, bold=True))  # type: ignore[operator]
    out.append(make("title:subject", doc.title.subject, center=True, bold=True))  # type: ignore[operator]
    return out


def _clause(clause: ClauseBlock, owners: tuple[str, ...], body_ids: set[str],
            rename: dict[str, str]) -> list[Block]:
    cid = rename.get(clause.node, clause.node)
    mine = (*owners, cid)
    out = [Block(f"clause:{cid}", _tokens(clause.runs, body_ids, rename), BODY_LIST if clause.label else None,
                 1, owners=mine, label=clause.label)]
    out += _points(clause.points, mine, body_ids, rename)
    return out


def _points(points: list[PointBlock], owners: tuple[str, ...], body_ids: set[str],
            rename: dict[str, str]) -> list[Block]:
    out = []
    for point in points:
        pid = rename.get(point.node, point.node)
        mine = (*owners, pid)
        out.append(Block(f"point:{pid}", _tokens(point.runs, body_ids, rename), BODY_LIST, 1 + point.depth,
                         owners=mine, label=point.label))
        out += _points(point.points, mine, body_ids, rename)
    return out


def list_levels(loc: Locale) -> dict[ListName, list[tuple[str, str]]]:
    """Return, per list, the (Word number format, level text) of each level, from the language's form."""
    formats = {"arabic": "decimal", "alpha": "lowerLetter", "upper-alpha": "upperLetter", "roman": "lowerRoman"}
    body = [("decimal", loc.article.replace("{article}", "%1")),
            ("decimal", loc.clause.replace("{article}", "%1").replace("{n}", "%2"))]
    for depth, style in enumerate(loc.points, 3):
        body.append((formats[style.style], style.label.replace("{n}", f"%{depth}")))
    return {
        PARTY_LIST: [("decimal", "%1.")],
        RECITAL_LIST: [(formats[loc.recital.style], loc.recital.label.replace("{n}", "%1"))],
        BODY_LIST: body,
    }
