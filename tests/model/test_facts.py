"""The check limited to a change reports exactly what the whole check reports, on random agreements and edits."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from mou_kit import Agreement, check
from mou_kit.model.facts import PartFacts, article_facts, check_change, facts, head_facts

_VARIABLES = ("jumlah", "nama", "hilang")


@st.composite
def _before(draw: st.DrawFn) -> dict[str, Any]:
    """Draw a consistent agreement whose texts cite its own nodes and use its own variables."""
    counter = iter(range(10_000))
    targets: list[str] = [f"pihak-{i}" for i in (1, 2, 3)]

    def text() -> Any:
        kind = draw(st.sampled_from(["plain", "ref", "var", "both", "bilingual"]))
        cite = f" [[{draw(st.sampled_from(targets))}]]" if kind in ("ref", "both") else ""
        use = " {{ jumlah }}" if kind in ("var", "both") else ""
        if kind == "bilingual":
            return {"id": f"Teks [[{draw(st.sampled_from(targets))}]].", "en": "Text {{ jumlah }}."}
        return f"Teks{cite}{use}."

    def fresh(prefix: str) -> str:
        node = f"{prefix}{next(counter)}"
        targets.append(node)
        return node

    def points(depth: int) -> list[dict[str, Any]]:
        return [{"id": fresh("p"), "text": text(), "points": points(depth + 1) if depth < 3 else []}
                for _ in range(draw(st.integers(0, 2 if depth < 3 else 1)))]

    annexes = [{"id": fresh("lampiran-"), "title": "Lampiran", "text": text()}
               for _ in range(draw(st.integers(0, 2)))]
    articles = []
    for _ in range(draw(st.integers(1, 5))):
        article = {"id": fresh("a"), "heading": "Judul", "clauses": []}
        articles.append(article)
        article["clauses"] = [{"id": fresh("c"), "text": text(), "points": points(1)}
                              for _ in range(draw(st.integers(1, 3)))]
    return {
        "id": "acak", "languages": ["id", "en"], "title": text(),
        "parties": [{"id": f"pihak-{i}", "name": f"Instansi {i}", "short_name": f"I{i}",
                     "signatory": {"name": f"Pejabat {i}", "position": "Kepala"}} for i in (1, 2, 3)],
        "recitals": [{"id": f"r{i}", "text": text()} for i in range(draw(st.integers(0, 2)))],
        "defined_terms": [{"id": "istilah", "term": "Istilah", "definition": text()}] if draw(st.booleans()) else [],
        "annexes": annexes,
        "variables": {"jumlah": {"type": "integer", "value": 3}, "nama": {"type": "string", "value": "X"}},
        "articles": articles,
    }


def _nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return every node with an id and a text-like field, head first, then the body depth first."""
    out = [*data["parties"], *data["recitals"], *data["defined_terms"], *data["annexes"]]

    def walk(points: list[dict[str, Any]]) -> None:
        for point in points:
            out.append(point)
            walk(point["points"])

    for article in data["articles"]:
        out.append(article)
        for clause in article["clauses"]:
            out.append(clause)
            walk(clause["points"])
    return out


def _edit(draw: st.DrawFn, data: dict[str, Any]) -> None:
    """Apply one random edit: new text, removal, rename, duplicate, move, deeper points, head changes."""
    nodes = _nodes(data)
    ids = [n["id"] for n in nodes] + ["hilang", "baru"]
    kind = draw(st.sampled_from(["text", "text", "remove-clause", "remove-article", "rename", "rename",
                                 "copy-article", "move", "deepen", "variables", "annex", "language",
                                 "add-article", "recital", "title"]))
    body = [n for n in nodes if "points" in n]
    articles = data["articles"]
    if kind == "text" and body:
        node = draw(st.sampled_from(body))
        choice = draw(st.sampled_from(["ref", "var", "bad", "bilingual"]))
        node["text"] = {"ref": f"Lihat [[{draw(st.sampled_from(ids))}]].",
                        "var": f"Nilai {{{{ {draw(st.sampled_from(_VARIABLES))} }}}}.",
                        "bad": "Rusak {% if %}.",
                        "bilingual": {"id": f"Lihat [[{draw(st.sampled_from(ids))}]].",
                                      "en": f"See {{{{ {draw(st.sampled_from(_VARIABLES))} }}}}."}}[choice]
    elif kind == "remove-clause" and articles:
        article = draw(st.sampled_from(articles))
        if len(article["clauses"]) > 1:
            article["clauses"].pop(draw(st.integers(0, len(article["clauses"]) - 1)))
    elif kind == "remove-article" and len(articles) > 1:
        articles.pop(draw(st.integers(0, len(articles) - 1)))
    elif kind == "rename":
        draw(st.sampled_from(nodes))["id"] = draw(st.sampled_from([*ids, "nama-baru"]))
    elif kind == "copy-article" and articles:
        articles.append(copy.deepcopy(draw(st.sampled_from(articles))))
    elif kind == "move":
        data["articles"] = draw(st.permutations(articles))
    elif kind == "deepen" and articles:
        clause = draw(st.sampled_from(draw(st.sampled_from(articles))["clauses"]))
        leaf: dict[str, Any] = {"id": "dalam-4", "text": "Empat.", "points": []}
        for depth in (3, 2, 1):
            leaf = {"id": f"dalam-{depth}", "text": "Titik.", "points": [leaf]}
        clause["points"].append(leaf)
    elif kind == "variables":
        data["variables"].pop(draw(st.sampled_from(["jumlah", "nama"])), None)
    elif kind == "annex" and data["annexes"]:
        data["annexes"].pop(0)
    elif kind == "language":
        data["languages"] = ["id", "en", "xx"]
    elif kind == "add-article":
        articles.insert(draw(st.integers(0, len(articles))), {"id": "baru", "heading": "Baru", "clauses": [
            {"id": draw(st.sampled_from(["baru-1", *ids])), "text": f"Baru [[{draw(st.sampled_from(ids))}]].",
             "points": []}]})
    elif kind == "recital":
        data["recitals"].append({"id": draw(st.sampled_from(ids)), "text": "Menimbang."})
    elif kind == "title":
        data["title"] = f"Judul [[{draw(st.sampled_from(ids))}]] {{{{ hilang }}}}"


@st.composite
def _changes(draw: st.DrawFn) -> tuple[Agreement, Agreement]:
    before = draw(_before())
    after = copy.deepcopy(before)
    for _ in range(draw(st.integers(1, 4))):
        _edit(draw, after)
    return Agreement.model_validate(before), Agreement.model_validate(after)


def _limited(before: Agreement, after: Agreement) -> list[Any]:
    """Check ``after`` as a commit does: the facts of unchanged articles are the ones ``before`` had."""
    old = facts(before)
    kept = {a.id: (a.model_dump(), part) for a, (_, part) in zip(before.articles, old.articles, strict=True)}
    head_changed = before.model_dump(exclude={"articles"}) != after.model_dump(exclude={"articles"})
    articles = [(a.id, None if a.id in kept and kept[a.id][0] == a.model_dump() else article_facts(a))
                for a in after.articles]
    return check_change(old, head_facts(after) if head_changed else old.head, articles, head_changed=head_changed)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_changes())
def test_the_limited_check_reports_what_the_whole_check_reports(pair: tuple[Agreement, Agreement]) -> None:
    before, after = pair
    assume(check(before) == [])
    assert _limited(before, after) == check(after)


@settings(max_examples=60, deadline=None)
@given(_changes())
def test_facts_survive_json(pair: tuple[Agreement, Agreement]) -> None:
    for article in pair[1].articles:
        part = article_facts(article)
        assert PartFacts.from_json(json.loads(json.dumps(part.to_json()))) == part


def test_the_edits_do_break_things() -> None:
    """The strategy reaches every kind of problem (else the property above could hold vacuously)."""
    seen: set[str] = set()

    @settings(max_examples=300, deadline=None, database=None)
    @given(_changes())
    def collect(pair: tuple[Agreement, Agreement]) -> None:
        if check(pair[0]) == []:
            seen.update(p.code for p in check(pair[1]))

    collect()
    assert {"duplicate-id", "dangling-reference", "undefined-variable", "template-syntax", "invalid-value",
            "unknown-language"} <= seen


def test_a_removed_clause_is_reported_where_an_unchanged_article_cites_it() -> None:
    from tests.builders import build

    before = build("a1[c1,c2] a2[c3]", texts={"c3": "See [[c2]]."})
    after = build("a1[c1] a2[c3]", texts={"c3": "See [[c2]]."})
    problems = _limited(before, after)
    assert [(p.code, p.path) for p in problems] == [("dangling-reference", "articles[1].clauses[0].text")]
    assert problems == check(after)
