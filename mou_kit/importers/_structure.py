"""Which lines of a Word file are the title block, parties, recitals, articles, clauses and points.

Articles start where :mod:`._heads` finds them (typed words, Heading styles, top-level numbers).
Inside an article each label form ("(1)", "a.", "1.", "1.1", "(a)", "(i)", a deeper Heading),
whether counted by Word or typed, takes the next depth the first time it appears and closes the
deeper ones when it comes back. Our own files also carry bookmarks naming each node, which settle
what a line is when the text alone could mislead. Every line ends up placed or noted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._heads import ARTICLE_HEAD as ARTICLE_HEAD, Heads, find_heads, head_text, split_head
from ._lines import Line, normalise, typed_label

_CLOSING = re.compile(r"^(demikian\b|in witness\b|sebagai bukti\b)", re.I)
_RECITAL = re.compile(r"^(bahwa|that|whereas)\b", re.I)
_ROMAN = set("ivxlcdm")
_SUB_WORD = re.compile(r"^(?:section|clause|article|pasal|ayat)\s+(?=\d+\.\d)", re.I)
"""A word before a clause number ("Section 3.1 ..."): structure, like the number."""
_ABOUT = {"TENTANG", "MENGENAI", "ON", "ABOUT"}
_GROUP_NOTE = "a chapter or part heading (BAB, Bagian, Chapter): the model has no level above the article"
_POINT_DEPTH = 2
"""Point levels the model prints (the locales' point styles); deeper text joins the nearest node."""


@dataclass(slots=True)
class Parsed:
    """A node read from the file: kind, text (label removed), its cross-references and the line."""

    kind: str
    text: str
    line: Line
    refs: list[tuple[int, int, str]] = field(default_factory=list)
    hint: str | None = None
    children: list[Parsed] = field(default_factory=list)
    heading_line: Line | None = None
    appended: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    """The file's structure: title lines, party lines, recitals, articles, and lines that fit nowhere."""

    title: list[Line]
    parties: list[Line]
    recitals: list[Parsed]
    articles: list[Parsed]
    unplaced: list[tuple[Line, Parsed | None, str]]
    language_word: str
    how: str = "word"
    prose: list[Line] = field(default_factory=list)
    """Unnumbered lines before the first article (opening, lead-ins, a foreign file's preamble)."""
    cover: list[Line] = field(default_factory=list)
    """Table lines before the first article (cover page, term table)."""
    tail: list[Line] = field(default_factory=list)
    """Lines from the closing on (closing formula, signature table)."""
    structure: list[tuple[int, str]] = field(default_factory=list)
    """Text read as structure, by paragraph: typed numbers and article words."""


def _hint(line: Line, hints: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    for name in line.bookmarks:
        if name in hints:
            return hints[name]
    return None


def _node(kind: str, line: Line, text: str, hint: tuple[str, str] | None) -> Parsed:
    shift = len(line.text) - len(text)
    refs = [(a - shift, b - shift, n) for a, b, n in line.refs if a >= shift]
    return Parsed(kind, text, line, refs, hint[0] if hint else None)


def layout(all_lines: list[Line], hints: dict[str, tuple[str, str]]) -> Layout | None:
    """Return the structure of ``all_lines``, or ``None`` when no article heading is found."""
    title_end = _title_end(all_lines)
    hinted: set[int] = set()
    blocked: set[int] = set()
    for i, line in enumerate(all_lines):
        hint = _hint(line, hints)
        if hint is not None:
            (hinted if hint[1] == "article" else blocked).add(i)
    for i in range(len(all_lines)):
        if i > 0 and i - 1 in hinted and _heading_follows(all_lines[i - 1], all_lines[i], hints):
            blocked.add(i)
    found = find_heads(all_lines, title_end, hinted)
    if found is None:
        return None
    found.starts = [i for i in found.starts if i not in blocked and (i in hinted or _heads_like(all_lines[i]))]
    if not found.starts:
        return None
    heads = found.starts
    found.groups = {all_lines[i].index for i in found.groups}
    out = Layout([], [], [], [], [], found.word, found.how)
    _preamble(all_lines[:heads[0]], hints, out, found.groups)
    end = _closing(all_lines, heads, hints)
    heads = [h for h in heads if h < end]
    for n, start in enumerate(heads):
        _article(all_lines[start:heads[n + 1] if n + 1 < len(heads) else end], hints, found, out)
    out.tail = all_lines[end:]
    tail = [line for line in out.tail if not line.in_table and ARTICLE_HEAD.match(line.text)]
    if tail:
        out.unplaced.append((tail[0], None, f"{len(tail)} article headings after the closing (a second "
                                            "language?) are not read"))
    return out


def _heads_like(line: Line) -> bool:
    """Return whether a head candidate reads as one: "Pasal 3 berlaku ..." running on in lower case does not."""
    m = ARTICLE_HEAD.match(line.text)
    if m is None or not m.group("heading"):
        return True
    return not m.group("heading")[:1].islower()


def _title_end(all_lines: list[Line]) -> int:
    """Return where a title block that ends "TENTANG"/"ON" and the subject stops (0: no such block)."""
    end = 0
    for i, line in enumerate(all_lines):
        if not line.centred or line.in_table:
            break
        if line.text.upper() in _ABOUT:
            end = i + 2
    return end


def _heading_follows(head: Line, line: Line, hints: dict[str, tuple[str, str]]) -> bool:
    """Return whether ``line`` is the heading line of the article head ``head``."""
    m = ARTICLE_HEAD.match(head.text)
    if m is None:
        return False  # a numbered or Heading-style head carries its heading itself
    inline = m.group("heading") and _hint(head, hints) is None
    return not inline and line.numbering is None and _hint(line, hints) is None


def _closing(all_lines: list[Line], heads: list[int], hints: dict[str, tuple[str, str]]) -> int:
    """Return where the body ends: the first closing line ("Demikian", "IN WITNESS"), or a table after
    the last article head."""
    skip = set(heads) | {h + 1 for h in heads if h + 1 < len(all_lines)
                         and _heading_follows(all_lines[h], all_lines[h + 1], hints)}
    for k in range(heads[0] + 1, len(all_lines)):
        line = all_lines[k]
        if k in skip or _hint(line, hints) is not None:
            continue
        if _CLOSING.match(line.text) or (line.in_table and k > heads[-1]):
            return k
    return len(all_lines)


def _preamble(lines: list[Line], hints: dict[str, tuple[str, str]], out: Layout, groups: set[int]) -> None:
    k = 0
    own = any(_hint(line, hints) is not None for line in lines)
    while k < len(lines) and lines[k].in_table and not own:
        out.cover.append(lines[k])
        k += 1
    while k < len(lines) and lines[k].centred and not lines[k].in_table:
        out.title.append(lines[k])
        k += 1
    if not out.title and k < len(lines) and _title_like(lines[k]):
        out.title.append(lines[k])
        k += 1
    labelled: list[list[tuple[Line, str]]] = []
    last: str | None = None
    for line in lines[k:]:
        hint = _hint(line, hints)
        if hint is not None and hint[1] in ("recital", "party"):
            (out.parties.append(line) if hint[1] == "party" else
             out.recitals.append(_node("recital", line, line.text, hint)))
            last = None
            continue
        if line.index in groups:
            out.unplaced.append((line, None, _GROUP_NOTE))
            continue
        label = _label(line) if not line.in_table else None
        if label is None:
            (out.cover if line.in_table else out.prose).append(line)
            last = None
            continue
        if label[0] != last or not labelled:
            labelled.append([])
        labelled[-1].append((line, label[1]))
        last = label[0]
    kinds = [_group_kind(lines, group[0][0]) for group in labelled]
    if labelled and not out.parties and "recitals" not in kinds[:1]:
        first = labelled[0]
        if kinds[0] == "parties" or len(labelled) > 1 or out.recitals or not _RECITAL.match(first[0][1]):
            out.parties = [line for line, _ in first]
            _typed(out, first)
            labelled, kinds = labelled[1:], kinds[1:]
    if not out.recitals:
        for group in labelled:
            _typed(out, group)
            out.recitals += [_node("recital", line, text, None) for line, text in group]
        labelled = []
    for group in labelled:
        for line, _ in group:
            out.unplaced.append((line, None, "a numbered list before the first article that is neither the "
                                             "parties nor the recitals"))
    if not labelled and not out.parties and not out.recitals:
        _prose_recitals(out)


_PARTIES_WORDS = re.compile(r"\b(parties|para pihak|yang bertanda tangan|between|antara)\b", re.I)
_RECITAL_WORDS = re.compile(r"\b(background|recitals?|whereas|menerangkan|latar belakang|menimbang)\b", re.I)


def _group_kind(lines: list[Line], first: Line) -> str:
    """Return "parties", "recitals" or "" from the unnumbered line just before a numbered list."""
    at = next((k for k, line in enumerate(lines) if line is first), 0)
    before = lines[at - 1].text if at > 0 and lines[at - 1].numbering is None and not typed_label(
        lines[at - 1].text) else ""
    if _RECITAL_WORDS.search(before):
        return "recitals"
    return "parties" if _PARTIES_WORDS.search(before) else ""


def _prose_recitals(out: Layout) -> None:
    """In a file written elsewhere, make the unnumbered preamble the recitals; lead-ins and headings stay form."""
    keep = []
    for line in out.prose:
        words = line.text.split()
        if line.text.endswith(":") or (len(words) <= 4 and not line.text.endswith(".")):
            keep.append(line)
            continue
        out.recitals.append(_node("recital", line, line.text, None))
    out.prose = keep


def _typed(out: Layout, group: list[tuple[Line, str]]) -> None:
    for line, text in group:
        if text != line.text:
            out.structure.append((line.index, line.text[:len(line.text) - len(text)]))


def _title_like(line: Line) -> bool:
    """Return whether a first line reads as a title: short, not numbered, capitals or a Title/Heading style."""
    words = line.text.split()
    return (not line.in_table and line.numbering is None and 0 < len(words) <= 14
            and (line.text.isupper() or line.outline is not None) and _label(line) is None)


def _label(line: Line) -> tuple[str, str] | None:
    if line.numbering is not None:
        return f"{normalise(line.numbering[0])}@{line.numbering[1]}", line.text
    typed = typed_label(line.text)
    return (typed[0], typed[2]) if typed else None


def _article(lines: list[Line], hints: dict[str, tuple[str, str]], heads: Heads, out: Layout) -> None:
    head = lines[0]
    body = lines[1:]
    hint = _hint(head, hints)
    label, rest = head_text(head, heads) if hint is None or ARTICLE_HEAD.match(head.text) else ("", head.text)
    if label:
        out.structure.append((head.index, label))
    heading, first = split_head(rest) if hint is None else (rest or None, None)
    article = Parsed("article", heading or "", head, hint=(hint or (None, ""))[0])
    out.articles.append(article)
    stack: list[tuple[str | None, Parsed, str]] = []
    if heading:
        article.heading_line = head
        if hint is None:
            article.refs = [r for r in head.refs if r[0] >= len(head.text) - len(rest)] if first is None else []
    elif first is None and body and body[0].numbering is None and _hint(body[0], hints) is None \
            and not body[0].in_table and heads.how == "word":
        article.text, article.heading_line = body[0].text, body[0]
        article.refs = body[0].refs
        body = body[1:]
    if first is not None:
        if not heading:
            article.text = " ".join(first.split()[:5]).rstrip(",.;:")
        clause = _node("clause", head, first, None)
        article.children.append(clause)
        stack = [(None, clause, "")]
    for line in body:
        stack = _body_line(line, _hint(line, hints), heads, article, stack, out)
    if not article.children:
        # the model has no article without clauses: its head is reported, not kept
        heading_line = article.heading_line
        for line in [head] + ([heading_line] if heading_line is not None and heading_line is not head else []):
            out.unplaced.append((line, None, "an article without clauses: the model has no place for its heading"))


def _body_line(line: Line, hint: tuple[str, str] | None, heads: Heads, article: Parsed,
               stack: list[tuple[str | None, Parsed, str]], out: Layout) -> list[tuple[str | None, Parsed, str]]:
    """Place one line of an article body; return the open nodes (key, node, token) after it."""
    if hint is None and line.index in heads.groups:
        out.unplaced.append((line, None, _GROUP_NOTE))
        return stack
    key, token, text = _key(line, hint, stack, heads)
    if text != line.text:
        out.structure.append((line.index, line.text[:len(line.text) - len(text)]))
    if line.in_table and hint is None and article.children:
        _append(stack[-1][1], line, out, "a table inside an article, kept as text")
        return stack
    if key is None:
        fresh = hint is None and stack and len(stack) == 1 and stack[0][0] is None and stack[0][1].hint is None \
            and not stack[0][1].children
        if not article.children or (hint is not None and hint[1] == "clause") or fresh:
            clause = _node("clause", line, text, hint)
            article.children.append(clause)
            return [(None, clause, "")]
        _append(stack[-1][1], line, out, "a paragraph without a number inside an article", text)
        return stack
    depth = next((d for d, (k, _, _) in enumerate(stack) if k == key), None)
    if not article.children or depth == 0:
        clause = _node("clause", line, text, hint)
        article.children.append(clause)
        return [(key, clause, token)]
    if depth is None and len(stack) > _POINT_DEPTH:
        _append(stack[-1][1], line, out, "a level deeper than the model's points, kept in the nearest one", text)
        return stack
    node = _node("point", line, text, hint)
    if depth is None:
        stack[-1][1].children.append(node)
        return [*stack, (key, node, token)]
    stack[depth - 1][1].children.append(node)
    return [*stack[:depth], (key, node, token)]


def _append(target: Parsed, line: Line, out: Layout, reason: str, text: str | None = None) -> None:
    target.text = f"{target.text} {text or line.text}".strip()
    target.appended.append(line)
    out.unplaced.append((line, target, reason))


def _key(line: Line, hint: tuple[str, str] | None, stack: list[tuple[str | None, Parsed, str]], heads: Heads
         ) -> tuple[str | None, str, str]:
    if line.numbering is not None:
        return f"{normalise(line.numbering[0])}@{line.numbering[1]}", "", line.text
    if hint is not None:
        return None, "", line.text
    worded = _SUB_WORD.match(line.text)
    typed = typed_label(line.text[worded.end():] if worded else line.text)
    if typed is None:
        if heads.how == "outline" and line.outline is not None and heads.level is not None \
                and line.outline > heads.level:
            return f"outline@{line.outline}", "", line.text
        return None, "", line.text
    signature, token, rest = typed
    if len(token) == 1 and token.lower() in _ROMAN and token.isalpha():
        previous = chr(ord(token) - 1)
        letter = any(k == signature and t == previous for k, _, t in stack)
        roman_sig = signature.replace("a", "i").replace("A", "I")
        if not letter and (token in "iI" or any(k == roman_sig for k, _, _ in stack)):
            signature = roman_sig
    return signature, token, rest
