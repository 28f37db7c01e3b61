"""Random edits of a small agreement, for property tests: rewordings, deletions, moves, insertions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from mou_kit import Agreement
from tests.builders import data

SPEC = "a1[c1,c2(p1,p2)] a2[c3,c4] a3[c5(p3,p4)] a4[c6,c7]"
CLAUSES = {"a1": ["c1", "c2"], "a2": ["c3", "c4"], "a3": ["c5"], "a4": ["c6", "c7"]}
TEXTS = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "p1", "p2", "p3", "p4"]


@dataclass
class Edits:
    """What was done: node ids reworded, removed, moved and added."""

    reworded: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    moved: set[str] = field(default_factory=set)
    added: set[str] = field(default_factory=set)


@st.composite
def edited(draw: st.DrawFn) -> tuple[Agreement, Agreement, Edits]:
    """Return an old agreement, a randomly edited new one, and the edits made."""
    edits = Edits()
    edits.reworded = draw(st.sets(st.sampled_from(TEXTS), max_size=4))
    raw: dict[str, Any] = data(SPEC, texts={n: f"Rumusan baru {n}." for n in edits.reworded})
    arts = {a["id"]: a for a in raw["articles"]}
    if draw(st.booleans()):
        victim = draw(st.sampled_from(["c2", "c4", "c7"]))
        owner = next(a for a, cs in CLAUSES.items() if victim in cs)
        arts[owner]["clauses"] = [c for c in arts[owner]["clauses"] if c["id"] != victim]
        edits.removed.add(victim)
        edits.reworded -= {victim, "p1", "p2"} if victim == "c2" else {victim}
    if draw(st.booleans()):
        mover = "c5"
        target = draw(st.sampled_from(["a1", "a2", "a4"]))
        clause = arts["a3"]["clauses"].pop(0)
        arts["a3"]["clauses"].append({"id": "c8", "text": "Pengganti."})
        arts[target]["clauses"].append(clause)
        edits.moved.add(mover)
        edits.added.add("c8")
    if draw(st.booleans()):
        at = draw(st.integers(min_value=0, max_value=4))
        raw["articles"].insert(at, {"id": "a9", "heading": "Baru", "clauses": [{"id": "c9", "text": "Baru."}]})
        edits.added.add("a9")
    return Agreement.model_validate(data(SPEC)), Agreement.model_validate(raw), edits
