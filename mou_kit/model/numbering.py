"""Which number each node has, computed from the tree: "Pasal 3 ayat (2) huruf b", "Article 3.2(a)".

Numbers are never stored; they follow from the order of articles, clauses and points, so
inserting, deleting or moving a node renumbers everything after it and ids stay put.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._agreement import Agreement
from .locale import Locale, PointStyle, locale_for

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


def counter(n: int, style: str) -> str:
    """Return the counter ``n`` (1-based) in ``style``: alpha 2 -> "b", roman 4 -> "iv"."""
    if style == "arabic":
        return str(n)
    if style in ("alpha", "upper-alpha"):
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "upper-alpha" else letters
    if style == "roman":
        out = ""
        for value, numeral in _ROMAN:
            while n >= value:
                out += numeral
                n -= value
        return out
    raise ValueError(f"unknown counter style {style!r}")


@dataclass(frozen=True, slots=True)
class Address:
    """Where a node sits in the body: article, clause and point positions, all 1-based.

    ``str(Address(3, 2, (1,)))`` is ``"3.2.1"`` and :meth:`parse` reads it back.
    """

    article: int
    clause: int | None = None
    points: tuple[int, ...] = ()

    def __str__(self) -> str:
        parts = [self.article, *([] if self.clause is None else [self.clause]), *self.points]
        return ".".join(str(p) for p in parts)

    @classmethod
    def parse(cls, text: str) -> Address:
        """Return the address written as ``"3.2.1"``.

        :raises ValueError: ``text`` is not dot-separated positive integers.
        """
        try:
            parts = [int(p) for p in text.split(".")]
        except ValueError:
            raise ValueError(f"invalid address {text!r}: expected numbers like '3.2.1'") from None
        if not parts or any(p < 1 for p in parts):
            raise ValueError(f"invalid address {text!r}: expected numbers like '3.2.1'")
        return cls(parts[0], parts[1] if len(parts) > 1 else None, tuple(parts[2:]))


class Numbering:
    """The numbers of every node of one agreement; get it from :func:`number`."""

    def __init__(self, agreement: Agreement) -> None:
        self._addresses: dict[str, Address] = {}
        self._single: set[int] = set()
        self._recitals: dict[str, int] = {r.id: i for i, r in enumerate(agreement.recitals, 1)}
        self._parties: dict[str, int] = {p.id: i for i, p in enumerate(agreement.parties)}
        self._annexes: dict[str, int] = {a.id: i for i, a in enumerate(agreement.annexes, 1)}
        self._first = agreement.style.first_party_label
        from .walk import iter_body

        for a, article in enumerate(agreement.articles, 1):
            if len(article.clauses) == 1:
                self._single.add(a)
        addresses = self._addresses
        for kind, node_id, _parent, _place, at, _text in iter_body(agreement):
            if kind == "article":
                addresses[node_id] = Address(at[0] + 1)
            elif kind == "clause":
                addresses[node_id] = Address(at[0] + 1, at[1] + 1)
            elif kind == "point":
                addresses[node_id] = Address(at[0] + 1, at[1] + 1, tuple([n + 1 for n in at[2:]]))

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._addresses or node_id in self._parties or node_id in self._annexes

    def address(self, node_id: str) -> Address:
        """Return the address of an article, clause or point.

        :raises KeyError: no article, clause or point has this id.
        """
        return self._addresses[node_id]

    def is_single(self, article: int) -> bool:
        """Whether the article at this position has one clause, printed without a number."""
        return article in self._single

    def label(self, node_id: str, lang: str) -> str:
        """Return the number printed at the node: "Pasal 3", "(2)", "b.", "3.2", "(a)".

        A clause that is its article's only clause has an empty label.

        :raises KeyError: the id is not a recital, article, clause or point.
        """
        loc = locale_for(lang)
        if node_id in self._recitals:
            style = loc.recital
            return style.label.format(n=counter(self._recitals[node_id], style.style))
        address = self._addresses[node_id]
        if address.clause is None:
            return loc.article.format(article=address.article)
        if not address.points:
            if address.article in self._single:
                return ""
            return loc.clause.format(article=address.article, n=address.clause)
        style = _level(loc, len(address.points))
        return style.label.format(n=counter(address.points[-1], style.style))

    def ref(self, node_id: str, lang: str, *, context: str | None = None) -> str:
        """Return how ``node_id`` is cited from the node ``context`` ("Pasal 3 ayat (2)").

        Inside the same article the article is left out in Indonesian ("ayat (2) huruf b")
        and written "clause 3.2(a)" in English, as each language's form says.

        :raises KeyError: ``node_id`` is not an article, clause, point, party or annex.
        """
        loc = locale_for(lang)
        if node_id in self._parties:
            return loc.label(self._parties[node_id], first=self._first)
        if node_id in self._annexes:
            return loc.annex.format(n=self._annexes[node_id])
        target = self._addresses[node_id]
        fragments = self._fragments(target, loc)
        here = self._addresses.get(context) if context else None
        if here is not None and here.article == target.article and len(fragments) > 1:
            if loc.omit_common:
                mine = self._fragments(here, loc)
                common = 0
                while (common < len(mine) and common < len(fragments) - 1
                       and mine[common] == fragments[common]):
                    common += 1
                fragments = fragments[common:]
            else:
                fragments[0] = loc.ref_local_article.format(article=target.article)
        return "".join(fragments).strip()

    def _fragments(self, address: Address, loc: Locale) -> list[str]:
        out = [loc.ref_article.format(article=address.article)]
        if address.clause is not None and address.article not in self._single:
            out.append(loc.ref_clause.format(n=address.clause))
        for depth, n in enumerate(address.points, 1):
            style = _level(loc, depth)
            out.append(style.ref.format(n=counter(n, style.style)))
        return out


def _level(loc: Locale, depth: int) -> PointStyle:
    return loc.points[min(depth, len(loc.points)) - 1]


def number(agreement: Agreement) -> Numbering:
    """Return the numbering of ``agreement`` as it stands now."""
    return Numbering(agreement)
