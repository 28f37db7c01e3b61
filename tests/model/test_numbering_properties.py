"""Numbering and references stay consistent when clauses and points are inserted, deleted or moved."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from mou_kit import Agreement, Clause, check, number
from mou_kit.model import Address, TextRenderer
from tests.strategies import agreements


def _positions(agreement: Agreement) -> dict[str, Address]:
    """Return each node's address counted by hand from list positions."""
    out: dict[str, Address] = {}

    def walk(points: list, parent: Address) -> None:  # type: ignore[type-arg]
        for i, p in enumerate(points, 1):
            address = Address(parent.article, parent.clause, (*parent.points, i))
            out[p.id] = address
            walk(p.points, address)

    for a, article in enumerate(agreement.articles, 1):
        out[article.id] = Address(a)
        for c, clause in enumerate(article.clauses, 1):
            out[clause.id] = Address(a, c)
            walk(clause.points, Address(a, c))
    return out


@settings(max_examples=80, deadline=None)
@given(agreements)
def test_addresses_follow_the_tree(agreement: Agreement) -> None:
    numbering = number(agreement)
    for node_id, address in _positions(agreement).items():
        assert numbering.address(node_id) == address
        assert Address.parse(str(address)) == address


@settings(max_examples=80, deadline=None)
@given(agreements, st.data())
def test_insertion_deletion_and_moves_renumber_and_keep_ids(agreement: Agreement, data: st.DataObject) -> None:
    if not agreement.articles:
        return
    a = data.draw(st.integers(0, len(agreement.articles) - 1))
    article = agreement.articles[a]
    target = article.clauses[-1].id
    citing = Clause(id="citing-clause", text=f"Sebagaimana dimaksud dalam [[{target}]].")
    action = data.draw(st.sampled_from(["insert", "delete", "move"]))
    if action == "insert":
        article.clauses.insert(data.draw(st.integers(0, len(article.clauses))), citing)
    elif action == "delete" and len(article.clauses) > 1:
        del article.clauses[0]
        article.clauses.append(citing)
    else:
        moved = agreement.articles.pop(a)
        agreement.articles.insert(data.draw(st.integers(0, len(agreement.articles))), moved)
        moved.clauses.append(citing)
    assert check(agreement) == []
    numbering = number(agreement)
    assert numbering.address(target) == _positions(agreement)[target]
    for lang in ("id", "en"):
        segments = TextRenderer(agreement, lang, numbering=numbering).segments(str(citing.text), context=citing.id)
        rendered = "".join(s.text for s in segments)
        assert [s.ref for s in segments if s.ref] == [target]
        assert rendered == f"Sebagaimana dimaksud dalam {numbering.ref(target, lang, context=citing.id)}."


@settings(max_examples=60, deadline=None)
@given(agreements)
def test_labels_are_distinct_among_siblings(agreement: Agreement) -> None:
    numbering = number(agreement)
    for lang in ("id", "en"):
        assert len({numbering.label(a.id, lang) for a in agreement.articles}) == len(agreement.articles)
        for article in agreement.articles:
            labels = [numbering.label(c.id, lang) for c in article.clauses]
            assert len(set(labels)) == len(labels)
            for clause in article.clauses:
                point_labels = [numbering.label(p.id, lang) for p in clause.points]
                assert len(set(point_labels)) == len(point_labels)
