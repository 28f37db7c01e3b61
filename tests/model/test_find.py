"""Agreement.find returns the node object itself for every id the agreement holds."""

from __future__ import annotations

from mou_kit import load
from mou_kit.model.walk import iter_ids
from tests.builders import build
from tests.conftest import EXAMPLES


def test_every_id_finds_its_node() -> None:
    for agreement in (load(EXAMPLES / "tppo-kalbar"), build("a1[c1,c2(p1,p2(s1))] a2[c3]")):
        ids = [node_id for _, node_id in iter_ids(agreement)]
        assert ids and all(getattr(agreement.find(i), "id", None) == i for i in ids)
        assert agreement.find("no-such-node") is None


def test_the_found_node_is_the_agreements_own() -> None:
    agreement = build("a1[c1,c2(p1,p2(s1))]")
    point = agreement.find("s1")
    assert point is not None
    point.text = "Edited."  # type: ignore[union-attr]
    assert agreement.articles[0].clauses[1].points[1].points[0].text == "Edited."
