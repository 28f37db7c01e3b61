"""What the redline compares: the agreement as keyed paragraphs of word and cross-reference tokens.

Each paragraph of the document (title line, party, recital, article label and heading, clause,
point, closing, signature line) becomes a :class:`Block` whose key is stable across drafts
("clause:<id>"), so two drafts align paragraph by paragraph and renumbering changes no key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...diff.words import tokens
from ...model import Agreement, number
from ...model.locale import Locale
from ...model.numbering import Numbering
from ...model.walk import iter_body
from ..outline import ClauseBlock, Outline, PointBlock, Run, outline

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


@dataclass(frozen=True, slots=True)
class _Refs:
    """How cross-references become tokens: which ids are body nodes, renames, and whose numbers to cite."""

    body_ids: set[str]
    rename: dict[str, str]
    cite: Numbering | None
    own: Numbering
    lang: str
    main: str

    def tokens(self, runs: list[Run], context: str | None = None) -> tuple[Token, ...]:
        out: list[Token] = []
        for run in runs:
            if run.ref is None or run.ref not in self.body_ids:
                out += tokens(run.text)
                continue
            target = self.rename.get(run.ref, run.ref)
            text = run.text
            if self.cite is not None and target in self.cite:
                lang = self.lang if run.text == self.own.ref(run.ref, self.lang, context=context) else self.main
                text = self.cite.ref(target, lang, context=self.rename.get(context or "", context))
            out.append(Ref(target, text))
        return tuple(out)


def blocks(agreement: Agreement, lang: str, *, rename: dict[str, str] | None = None,
           cite: Numbering | None = None, numbering: Numbering | None = None) -> list[Block]:
    """Return the paragraphs of ``agreement`` in ``lang`` as keyed blocks.

    ``rename`` maps this agreement's node ids to the ids of the other draft, for nodes that were
    paired by similarity rather than by id. With ``cite`` (the other draft's numbering), a
    cross-reference to a node the other draft has reads as that draft cites it, so a target that
    was only renumbered changes no text. ``numbering`` is the agreement's own, when the caller has it.
    """
    rename = rename or {}
    numbering = numbering or number(agreement)
    doc = outline(agreement, lang, numbering=numbering)
    body_ids = {node.id for node in iter_body(agreement) if node.kind != "recital"}

    def ident(node: str) -> str:
        return rename.get(node, node)

    refs = _Refs(body_ids, rename, cite, numbering, lang, agreement.main_language)

    def text_block(key: str, text: str, **kw: object) -> Block:
        return Block(key, tuple(tokens(text)), **kw)  # type: ignore[arg-type]

    out = _title(doc, agreement, text_block)
    out.append(Block("opening", refs.tokens(doc.opening.runs)))
    for para in doc.parties:
        out.append(Block(f"party:{para.node}", refs.tokens(para.runs), PARTY_LIST,
                         owners=(f"party:{para.node}",), label=para.label))
    out.append(Block("together", refs.tokens(doc.together.runs)))
    if doc.recitals_intro:
        out.append(Block("recitals-intro", refs.tokens(doc.recitals_intro.runs)))
    for para in doc.recitals:
        node = ident(para.node or "")
        out.append(Block(f"recital:{node}", refs.tokens(para.runs, para.node), RECITAL_LIST, owners=(node,),
                         label=para.label))
    out.append(Block("formula", refs.tokens(doc.formula.runs)))
    for block in doc.articles:
        aid = ident(block.node)
        out.append(Block(f"article:{aid}", (), BODY_LIST, 0, center=True, bold=True, owners=(aid,),
                         label=block.label))
        out.append(text_block(f"heading:{aid}", block.heading, center=True, bold=True, owners=(aid,)))
        for clause_block in block.clauses:
            out += _clause(clause_block, (aid,), refs)
    out.append(Block("closing", refs.tokens(doc.closing.runs)))
    for sig in doc.signatures:
        owners = (f"party:{sig.party}",)
        fields = [(f"line{k}", line) for k, line in enumerate((*sig.above, *sig.below))] if sig.custom else \
            [("label", f"{sig.label},"), ("position", sig.position), ("name", sig.name), ("rank", sig.rank_line)]
        for name, text in fields:
            if text:
                out.append(text_block(f"sig:{sig.party}:{name}", text, center=True, bold=name == "name",
                                      owners=owners))
    for annex in doc.annexes:
        out.append(text_block(f"annex:{annex.node}", f"{annex.label} {annex.title}", center=True, bold=True))
        if annex.runs:
            out.append(Block(f"annex-text:{annex.node}", refs.tokens(annex.runs)))
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


def _clause(clause: ClauseBlock, owners: tuple[str, ...], refs: _Refs) -> list[Block]:
    cid = refs.rename.get(clause.node, clause.node)
    mine = (*owners, cid)
    out = [Block(f"clause:{cid}", refs.tokens(clause.runs, clause.node), BODY_LIST if clause.label else None,
                 1, owners=mine, label=clause.label)]
    out += _points(clause.points, mine, refs)
    return out


def _points(points: list[PointBlock], owners: tuple[str, ...], refs: _Refs) -> list[Block]:
    out = []
    for point in points:
        pid = refs.rename.get(point.node, point.node)
        mine = (*owners, pid)
        out.append(Block(f"point:{pid}", refs.tokens(point.runs, point.node), BODY_LIST, 1 + point.depth,
                         owners=mine, label=point.label))
        out += _points(point.points, mine, refs)
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
