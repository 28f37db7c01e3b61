"""Hypothesis strategies for agreements: random trees of articles, clauses and points with odd texts."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from mou_kit import Agreement

_TEXT_CHARS = st.characters(exclude_categories=("Cs", "Cc", "Cn"), include_characters="\t\n")


def _clean(text: str) -> bool:
    return bool(text.strip()) and not any(m in text for m in ("{{", "{%", "{#", "[[", "]]"))


texts = st.one_of(
    st.text(_TEXT_CHARS, min_size=1, max_size=40),
    st.text(st.sampled_from(list("abc ,.;:'\"#&*!|>-?%@`\n\t\u2028\ufeff\\")), min_size=1, max_size=120),
    st.sampled_from(["yes", "no", "on", "12", "1.5", "0o17", "12:30", "null", "~", "- a", "a: b", "#c", "true"]),
    st.lists(st.sampled_from(["Pasal", "PARA PIHAK", "meliputi:", "huruf a;", "dan", "ayat (1)", "é", "\n"]),
             min_size=1, max_size=30).map(" ".join),
).filter(_clean)

bilingual = st.one_of(texts, st.fixed_dictionaries({"id": texts, "en": texts}))


def _ids(count: int) -> list[str]:
    return [f"n{i}" for i in range(count)]


@st.composite
def agreement_data(draw: st.DrawFn, *, max_articles: int = 5) -> dict[str, Any]:
    """Draw the plain data of a valid agreement with unique ids and random texts."""
    counter = iter(range(10_000))

    def next_id() -> str:
        return f"n{next(counter)}"

    def points(depth: int) -> list[dict[str, Any]]:
        if depth > 3:
            return []
        return [{"id": next_id(), "text": draw(bilingual), "points": points(depth + 1)}
                for _ in range(draw(st.integers(0, 2 if depth > 1 else 3)))]

    articles = []
    for _ in range(draw(st.integers(0, max_articles))):
        clauses = [{"id": next_id(), "text": draw(bilingual), "points": points(1)}
                   for _ in range(draw(st.integers(1, 3)))]
        articles.append({"id": next_id(), "heading": draw(bilingual), "clauses": clauses})
    data: dict[str, Any] = {
        "id": "random",
        "languages": ["id", "en"],
        "title": draw(bilingual),
        "parties": [
            {"id": f"p{i}", "name": draw(bilingual), "short_name": draw(texts),
             "signatory": {"name": draw(texts), "position": draw(bilingual)}}
            for i in range(draw(st.integers(2, 4)))
        ],
        "recitals": [{"id": next_id(), "text": draw(bilingual)} for _ in range(draw(st.integers(0, 3)))],
        "articles": articles,
    }
    if draw(st.booleans()):
        data["variables"] = {"jumlah": {"type": "integer", "value": draw(st.integers(0, 10_000))},
                             "nama": {"type": "string", "value": draw(texts)}}
    return data


agreements = agreement_data().map(Agreement.model_validate)
