"""What the cross-node check needs of each article and of the head, kept apart so a change is checked alone.

:func:`check` walks the whole agreement. A commit changes a few articles of an agreement whose
last revision passed that check, so :func:`check_change` takes the facts of that revision
(ids, reference targets, the references and variables of each text, read once per article
version and cacheable by its blob), recomputes the facts of what changed, and checks only the
changed parts and the texts elsewhere that cite an id the change removed (or use a variable
it redefined). It reports exactly what :func:`check` reports (tests/model/test_facts.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import Problem
from ._agreement import Agreement, AgreementHead
from ._article import Article, Point
from ._check import MAX_POINT_DEPTH, TextFacts, duplicate, head_problems, text_facts, text_problems, too_deep
from .walk import Path, point_depth


@dataclass(frozen=True, slots=True)
class PartFacts:
    """What the check needs of an article (or of the head): its ids, what may be cited, its marked-up texts."""

    ids: tuple[tuple[Path, str], ...]
    targets: frozenset[str]
    texts: tuple[TextFacts, ...]
    deep: tuple[int, ...] = ()

    def to_json(self) -> list[Any]:
        """Return these facts as plain JSON data (:meth:`from_json` reads it back)."""
        return [[[list(p), i] for p, i in self.ids], sorted(self.targets),
                [[list(t.where), list(t.refs), t.template, list(t.variables), t.syntax] for t in self.texts],
                list(self.deep)]

    @classmethod
    def from_json(cls, data: Any) -> PartFacts:
        """Return the facts :meth:`to_json` wrote.

        :raises ValueError: ``data`` is not what :meth:`to_json` writes.
        """
        try:
            ids, targets, texts, deep = data
            return cls(tuple((tuple(p), str(i)) for p, i in ids), frozenset(map(str, targets)),
                       tuple(TextFacts(tuple(w), tuple(r), bool(t), tuple(v), s) for w, r, t, v, s in texts),
                       tuple(int(d) for d in deep))
        except (TypeError, ValueError) as e:
            raise ValueError(f"not the facts of an article: {e}") from None


@dataclass(frozen=True, slots=True)
class HeadFacts:
    """The facts of ``agreement.yaml``: its part, its own problems (languages; parties), the variables texts
    may use, and ``values``: what texts are filled in with (languages and values, written out)."""

    part: PartFacts
    languages: tuple[Problem, ...]
    parties: tuple[Problem, ...]
    defined: frozenset[str]
    values: str


class Checked(Protocol):
    """A revision :func:`check` found consistent, as :func:`check_change` asks about it.

    :class:`AgreementFacts` answers from every article's facts in memory; a store on disk can
    answer from an index and decode an article's facts only when asked for them.
    """

    @property
    def head(self) -> HeadFacts:
        """The facts of its ``agreement.yaml``."""

    @property
    def order(self) -> tuple[str, ...]:
        """Its article ids in order."""

    def part(self, article: str) -> PartFacts:
        """Return the facts of one of its articles."""

    def owner(self, node: str) -> str | None:
        """Return the id of its article holding the article, clause or point ``node`` (``None``: none)."""

    def citing(self, target: str) -> Collection[str]:
        """Return the ids of its articles with a text citing ``[[target]]``."""

    def templated(self) -> Collection[str]:
        """Return the ids of its articles with a text holding template markup."""


class AgreementFacts:
    """The facts of a whole agreement in memory: its head and its articles in order, ``(id, facts)``."""

    def __init__(self, head: HeadFacts, articles: Sequence[tuple[str, PartFacts]]) -> None:
        self.head = head
        self.articles = tuple(articles)
        self.order = tuple(i for i, _ in self.articles)
        self._parts = dict(self.articles)
        self._owners: dict[str, str] | None = None
        self._cited: dict[str, set[str]] | None = None

    def part(self, article: str) -> PartFacts:
        """Return the facts of the article ``article``."""
        return self._parts[article]

    def owner(self, node: str) -> str | None:
        """Return the id of the article holding ``node``."""
        if self._owners is None:
            self._owners = {n: i for i, part in reversed(self.articles) for _, n in part.ids}
        return self._owners.get(node)

    def citing(self, target: str) -> Collection[str]:
        """Return the ids of the articles citing ``target``."""
        if self._cited is None:
            self._cited = {}
            for i, part in self.articles:
                for text in part.texts:
                    for ref in text.refs:
                        self._cited.setdefault(ref, set()).add(i)
        return self._cited.get(target, set())

    def templated(self) -> Collection[str]:
        """Return the ids of the articles with template markup."""
        return {i for i, part in self.articles if any(t.template for t in part.texts)}


def _points(points: list[Point], at: Path, ids: list[tuple[Path, str]], texts: list[TextFacts]) -> None:
    for p, point in enumerate(points):
        here = (*at, "points", p)
        ids.append(((*here, "id"), point.id))
        texts.extend(text_facts((*here, "text"), point.text))
        _points(point.points, here, ids, texts)


def article_facts(article: Article) -> PartFacts:
    """Return the facts of one article, with places relative to it (``clauses[0].text``)."""
    ids: list[tuple[Path, str]] = [(("id",), article.id)]
    texts = list(text_facts(("heading",), article.heading))
    deep = []
    for c, clause in enumerate(article.clauses):
        ids.append((("clauses", c, "id"), clause.id))
        texts.extend(text_facts(("clauses", c, "text"), clause.text))
        _points(clause.points, ("clauses", c), ids, texts)
        if clause.points and point_depth(clause.points) > MAX_POINT_DEPTH:
            deep.append(c)
    return PartFacts(tuple(ids), frozenset(i for _, i in ids), tuple(texts), tuple(deep))


def head_facts(head: AgreementHead) -> HeadFacts:
    """Return the facts of the agreement without its articles (places relative to the agreement)."""
    from .references import context_values

    ids: list[tuple[Path, str]] = []
    for field in ("parties", "recitals", "defined_terms", "annexes"):
        ids.extend(((field, i, "id"), node.id) for i, node in enumerate(getattr(head, field)))
    texts = list(text_facts(("title",), head.title))
    for i, recital in enumerate(head.recitals):
        texts.extend(text_facts(("recitals", i, "text"), recital.text))
    for i, term in enumerate(head.defined_terms):
        if term.definition is not None:
            texts.extend(text_facts(("defined_terms", i, "definition"), term.definition))
    for i, annex in enumerate(head.annexes):
        if annex.text is not None:
            texts.extend(text_facts(("annexes", i, "text"), annex.text))
    targets = frozenset([p.id for p in head.parties] + [a.id for a in head.annexes])
    languages, parties = head_problems(head)
    values = context_values(head)
    return HeadFacts(PartFacts(tuple(ids), targets, tuple(texts)), tuple(languages), tuple(parties),
                     frozenset(values), repr((head.languages, sorted(values.items()))))


def facts(agreement: Agreement) -> AgreementFacts:
    """Return the facts of every part of ``agreement``."""
    return AgreementFacts(head_facts(agreement), tuple((a.id, article_facts(a)) for a in agreement.articles))


def check_change(before: Checked, head: HeadFacts, articles: Sequence[tuple[str, PartFacts | None]], *,
                 head_changed: bool) -> list[Problem]:
    """Return what :func:`check` returns for the agreement of ``head`` and ``articles``, checking only what changed.

    ``before`` is a revision :func:`check` found consistent. ``articles`` are the changed
    agreement's, in order, as ``(id, facts)``: the facts of an article whose content differs
    from ``before``'s (or is new), ``None`` for one that is ``before``'s article of that id.
    ``head_changed`` says whether ``agreement.yaml`` differs. An article listed twice, or not
    once in each, is checked again whole; the other unchanged articles only where they cite an id
    the change removed or use variables the change redefined.
    """
    order = [i for i, _ in articles]
    settled = {i for i in _once(order) & _once(before.order)} - {i for i, part in articles if part is not None}
    again: list[tuple[int, PartFacts]] = [(-1, head.part)] if head_changed else []
    again += [(pos, before.part(i) if part is None else part) for pos, (i, part) in enumerate(articles)
              if i not in settled]
    place = {i: pos for pos, i in enumerate(order)}
    known = _Known(before, set().union(*[part.targets for _, part in again],
                                       () if head_changed else head.part.targets), settled)

    keyed: list[tuple[tuple[Any, ...], Problem]] = [((0, k), p) for k, p in enumerate(head.languages)]
    keyed += _duplicates(before, head if not head_changed else None, again, settled, place)
    keyed += [((2, k), p) for k, p in enumerate(head.parties)]
    old = [before.head.part.targets] if head_changed else []
    gone = {t for t in set().union(*old, *[before.part(i).targets for i in before.order if i not in settled])
            if t not in known}
    redefined = head.defined != before.head.defined
    recheck = {i for t in gone for i in before.citing(t)} | (set(before.templated()) if redefined else set())
    rest = [(-1, head.part)] if not head_changed else []
    rest += sorted(((place[i], before.part(i)) for i in recheck & settled), key=lambda pp: pp[0])
    for pos, part, whole in [*((pos, part, True) for pos, part in again), *((pos, part, False) for pos, part in rest)]:
        for t, text in enumerate(part.texts):
            if whole or not gone.isdisjoint(text.refs) or (redefined and text.template):
                keyed += [((3, pos, t, k), p) for k, p in enumerate(text_problems(text, _absolute(pos, text.where),
                                                                                 known, head.defined))]
        if whole:
            keyed += [((4, pos, c), too_deep(pos, c)) for c in part.deep]
    return [p for _, p in sorted(keyed, key=lambda kp: kp[0])]


class _Known:
    """Whether an id names an article, clause, point, party or annex of the changed agreement."""

    def __init__(self, before: Checked, fresh: set[str], settled: set[str]) -> None:
        self._before, self._fresh, self._settled = before, fresh, settled

    def __contains__(self, target: object) -> bool:
        return isinstance(target, str) and (target in self._fresh or self._before.owner(target) in self._settled)


def _once(ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for i in ids:
        (twice if i in seen else seen).add(i)
    return seen - twice


def _absolute(pos: int, where: Path) -> Path:
    return where if pos < 0 else ("articles", pos, *where)


def _duplicates(before: Checked, head: HeadFacts | None, again: Sequence[tuple[int, PartFacts]], settled: set[str],
                place: Mapping[str, int]) -> list[tuple[tuple[Any, ...], Problem]]:
    """Return every duplicate id involving a part checked again, keyed by where :func:`check` meets it.

    ``head`` is the head when it is settled (unchanged), whose ids are then looked up too.
    """
    places: dict[str, list[tuple[int, int, Path]]] = {}
    for pos, part in again:
        for k, (path, node) in enumerate(part.ids):
            places.setdefault(node, []).append((pos, k, path))
    settled_head = {node: (k, path) for k, (path, node) in enumerate(head.part.ids)} if head is not None else {}
    out = []
    for node, found in places.items():
        owner = before.owner(node)
        if owner in settled:
            assert owner is not None
            k, path = next((k, p) for k, (p, n) in enumerate(before.part(owner).ids) if n == node)
            found = sorted([(place[owner], k, path), *found])
        elif node in settled_head:
            found = sorted([(-1, *settled_head[node]), *found])
        first = _absolute(found[0][0], found[0][2])
        for pos, k, path in found[1:]:
            out.append(((1, pos, k), duplicate(node, _absolute(pos, path), first)))
    return out
