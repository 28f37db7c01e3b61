"""Which lines of a Word file are the title block, parties, recitals, articles, clauses and points.

Articles start at "Pasal N" / "Article N" lines. Inside an article each label form ("(1)",
"a.", "1.", "1.1", "(a)", "(i)"), whether counted by Word or typed, takes the next depth the
first time it appears and closes the deeper ones when it comes back. Our own files also carry
bookmarks naming each node, which settle what a line is when the text alone could mislead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._lines import Line, normalise, typed_label

ARTICLE_HEAD = re.compile(r"^(pasal|article)\s+(\d+|[IVXLC]+)\s*(?:[.:\u2013\u2014-]\s*(?P<heading>\S.*))?$", re.I)
_CLOSING = re.compile(r"^(demikian\b|in witness\b)", re.I)
_RECITAL = re.compile(r"^(bahwa|that|whereas)\b", re.I)
_ROMAN = set("ivxlcdm")
_ABOUT = {"TENTANG", "MENGENAI", "ON", "ABOUT"}


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
    heads: list[int] = []
    title_end = _title_end(all_lines)
    for i, line in enumerate(all_lines):
        if i < title_end:
            continue
        if heads and heads[-1] == i - 1 and _heading_follows(all_lines[i - 1], line, hints):
            continue
        hint = _hint(line, hints)
        if hint is not None:
            if hint[1] == "article":
                heads.append(i)
            continue
        if not line.in_table and line.numbering is None and ARTICLE_HEAD.match(line.text):
            heads.append(i)
    if not heads:
        return None
    word = ARTICLE_HEAD.match(all_lines[heads[0]].text)
    out = Layout([], [], [], [], [], (word.group(1) if word else "").lower())
    _preamble(all_lines[:heads[0]], hints, out)
    end = _closing(all_lines, heads, hints)
    heads = [h for h in heads if h < end]
    for n, start in enumerate(heads):
        _article(all_lines[start:heads[n + 1] if n + 1 < len(heads) else end], hints, out)
    tail = [line for line in all_lines[end:] if not line.in_table and ARTICLE_HEAD.match(line.text)]
    if tail:
        out.unplaced.append((tail[0], None, f"{len(tail)} article headings after the closing (a second "
                                            "language?) are not read"))
    return out


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
    inline = m is not None and m.group("heading") and _hint(head, hints) is None
    return not inline and line.numbering is None and _hint(line, hints) is None


def _closing(all_lines: list[Line], heads: list[int], hints: dict[str, tuple[str, str]]) -> int:
    """Return where the body ends: the first closing line ("Demikian", "IN WITNESS") or table after it starts."""
    skip = set(heads) | {h + 1 for h in heads if h + 1 < len(all_lines)
                         and _heading_follows(all_lines[h], all_lines[h + 1], hints)}
    for k in range(heads[0] + 1, len(all_lines)):
        line = all_lines[k]
        if k in skip:
            continue
        if _hint(line, hints) is None and (line.in_table or _CLOSING.match(line.text)):
            return k
    return len(all_lines)


def _preamble(lines: list[Line], hints: dict[str, tuple[str, str]], out: Layout) -> None:
    k = 0
    while k < len(lines) and lines[k].centred and not lines[k].in_table:
        out.title.append(lines[k])
        k += 1
    groups: list[list[tuple[Line, str]]] = []
    last: str | None = None
    for line in lines[k:]:
        hint = _hint(line, hints)
        if hint is not None and hint[1] == "recital":
            out.recitals.append(_node("recital", line, line.text, hint))
            last = None
            continue
        if hint is not None and hint[1] == "party":
            out.parties.append(line)
            last = None
            continue
        label = _label(line)
        if label is None:
            last = None
            continue
        if label[0] != last or not groups:
            groups.append([])
        groups[-1].append((line, label[1]))
        last = label[0]
    if groups and not out.parties:
        first = groups[0]
        if len(groups) > 1 or out.recitals or not _RECITAL.match(first[0][1]):
            out.parties = [line for line, _ in first]
            groups = groups[1:]
    if not out.recitals:
        for group in groups:
            out.recitals += [_node("recital", line, text, None) for line, text in group]


def _label(line: Line) -> tuple[str, str] | None:
    if line.numbering is not None:
        return f"{normalise(line.numbering[0])}@{line.numbering[1]}", line.text
    typed = typed_label(line.text)
    return (typed[0], typed[2]) if typed else None


def _article(lines: list[Line], hints: dict[str, tuple[str, str]], out: Layout) -> None:
    head = lines[0]
    m = ARTICLE_HEAD.match(head.text)
    body = lines[1:]
    article = Parsed("article", "", head, hint=(_hint(head, hints) or (None, ""))[0])
    if m and m.group("heading"):
        article.text = m.group("heading")
        article.heading_line = head
    elif body and body[0].numbering is None and _hint(body[0], hints) is None:
        article.text, article.heading_line = body[0].text, body[0]
        article.refs = body[0].refs
        body = body[1:]
    out.articles.append(article)
    stack: list[tuple[str | None, Parsed, str]] = []
    for line in body:
        hint = _hint(line, hints)
        key, token, text = _key(line, hint, stack)
        if key is None:
            if not article.children or (hint is not None and hint[1] == "clause"):
                clause = _node("clause", line, text, hint)
                article.children.append(clause)
                stack = [(None, clause, "")]
                continue
            target = stack[-1][1]
            target.text = f"{target.text} {text}"
            target.appended.append(line)
            out.unplaced.append((line, target, "a paragraph without a number inside an article"))
            continue
        depth = next((d for d, (k, _, _) in enumerate(stack) if k == key), None)
        if not article.children or depth == 0:
            clause = _node("clause", line, text, hint)
            article.children.append(clause)
            stack = [(key, clause, token)]
            continue
        node = _node("point", line, text, hint)
        if depth is None:
            stack[-1][1].children.append(node)
            stack.append((key, node, token))
        else:
            stack[depth - 1][1].children.append(node)
            stack = [*stack[:depth], (key, node, token)]
    if not article.children and article.heading_line is not None and article.heading_line is not head:
        out.unplaced.append((head, article, "an article without clauses"))


def _key(line: Line, hint: tuple[str, str] | None, stack: list[tuple[str | None, Parsed, str]]
         ) -> tuple[str | None, str, str]:
    if line.numbering is not None:
        return f"{normalise(line.numbering[0])}@{line.numbering[1]}", "", line.text
    if hint is not None:
        return None, "", line.text
    typed = typed_label(line.text)
    if typed is None:
        return None, "", line.text
    signature, token, rest = typed
    if len(token) == 1 and token.lower() in _ROMAN and token.isalpha():
        previous = chr(ord(token) - 1)
        letter = any(k == signature and t == previous for k, _, t in stack)
        roman_sig = signature.replace("a", "i").replace("A", "I")
        if not letter and (token in "iI" or any(k == roman_sig for k, _, _ in stack)):
            signature = roman_sig
    return signature, token, rest
