"""What the cross-node check needs of each article and of the head, kept apart so a change is checked alone.

:func:`check` walks the whole agreement. A commit changes a few articles of an agreement whose
last revision passed that check, so :func:`check_change` takes the facts of that revision
(ids, reference targets, the references and variables of each text, read once per article
version and cacheable by its blob), recomputes the facts of what changed, and checks only the
changed parts and the texts elsewhere that cite an id the change removed (or use a variable
it redefined). It reports exactly what :func:`check` reports (tests/model/test_facts.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True, slots=True)
class AgreementFacts:
    """The facts of a whole agreement: its head and its articles in order, ``(id, facts)``."""

    head: HeadFacts
    articles: tuple[tuple[str, PartFacts], ...]


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


def check_change(before: AgreementFacts, after: AgreementFacts, changed: Collection[str], *,
                 head_changed: bool) -> list[Problem]:
    """Return what :func:`check` returns for the agreement ``after`` describes, checking only what changed.

    ``before`` describes a revision that :func:`check` found consistent; ``changed`` names the
    articles whose content differs from ``before`` (new ones included), ``head_changed`` whether
    ``agreement.yaml`` does. An article listed twice, or not once in each, is checked as changed.
    """
    order = [i for i, _ in after.articles]
    once_before = _once(i for i, _ in before.articles)
    settled = {i for i in _once(order) & once_before if i not in changed}
    # a part is (its position: -1 for the head, its facts, whether it is checked again)
    parts: list[tuple[int, PartFacts, bool]] = [(-1, after.head.part, head_changed)]
    parts += [(pos, part, i not in settled) for pos, (i, part) in enumerate(after.articles)]
    owner: dict[str, tuple[int, int]] = {}
    known: set[str] = set()
    for pos, part, again in parts:
        known |= part.targets
        if not again:
            owner.update((node, (pos, k)) for k, (_, node) in enumerate(part.ids))
    keyed: list[tuple[tuple[Any, ...], Problem]] = [((0, k), p) for k, p in enumerate(after.head.languages)]
    keyed += _duplicates(parts, owner)
    keyed += [((2, k), p) for k, p in enumerate(after.head.parties)]
    gone = set().union(*[p.targets for i, p in before.articles if i not in settled],
                       before.head.part.targets if head_changed else ()) - known
    redefined = after.head.defined != before.head.defined
    for pos, part, again in parts:
        for t, text in enumerate(part.texts):
            if again or (gone and not gone.isdisjoint(text.refs)) or (redefined and text.template):
                where = _absolute(pos, text.where)
                keyed += [((3, pos, t, k), p) for k, p in enumerate(text_problems(text, where, known,
                                                                                 after.head.defined))]
        if again:
            keyed += [((4, pos, c), too_deep(pos, c)) for c in part.deep]
    return [p for _, p in sorted(keyed, key=lambda kp: kp[0])]


def _once(ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for i in ids:
        (twice if i in seen else seen).add(i)
    return seen - twice


def _absolute(pos: int, where: Path) -> Path:
    return where if pos < 0 else ("articles", pos, *where)


def _duplicates(parts: Sequence[tuple[int, PartFacts, bool]],
                owner: dict[str, tuple[int, int]]) -> list[tuple[tuple[Any, ...], Problem]]:
    """Return every duplicate id involving a part checked again, keyed by where :func:`check` meets it."""
    places: dict[str, list[tuple[int, int]]] = {}
    for pos, part, again in parts:
        if again:
            for k, (_, node) in enumerate(part.ids):
                places.setdefault(node, []).append((pos, k))
    paths = {pos: part for pos, part, _ in parts}
    out = []
    for node, found in places.items():
        if node in owner:
            found = sorted([owner[node], *found])
        first = _absolute(found[0][0], paths[found[0][0]].ids[found[0][1]][0])
        for pos, k in found[1:]:
            out.append(((1, pos, k), duplicate(node, _absolute(pos, paths[pos].ids[k][0]), first)))
    return out
