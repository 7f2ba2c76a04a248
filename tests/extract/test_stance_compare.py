"""A comparison in a quote bears on the proposition by the side that names its matter or act (our own
sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.compare import comparison
from quotegraph.extract.stance.topics import Topic

TRAMS = Topic("trams", "Trams", "The city should build trams", ("trams",))
PARKING = Topic("parking", "Parking meters", "Parking meters should be banned", ("parking meters",))


@pytest.mark.parametrize(
    ("topic", "quote", "matter", "act"),
    [
        (TRAMS, "Trams are safer than buses.", 1, 0),
        (TRAMS, "Buses are cheaper than trams.", -1, 0),
        (TRAMS, "Trams are no less useful than buses.", 1, 0),
        (TRAMS, "Trams are more pleasant than cars.", 1, 0),
        (PARKING, "Fees should be set by shops rather than banned outright.", 0, -1),
        # no comparative, or both sides name the matter, or no side does: nothing
        (TRAMS, "Trams are longer than buses.", None, None),
        (TRAMS, "New trams are better than old trams.", None, None),
        (TRAMS, "Bikes are better than cars.", None, None),
        (TRAMS, "Trams are fine.", None, None),
    ],
)
def test_stance_compare_finds_how_the_matter_fares(topic, quote, matter, act):
    found = comparison(quote, topic)
    if matter is None:
        assert found is None
    else:
        assert (found.on_matter, found.on_act) == (matter, act)


@pytest.mark.parametrize(
    ("topic", "text", "stance"),
    [
        (
            {"id": "t", "label": "Trams", "proposition": "The city should build trams"},
            "Buses are cheaper than trams.",
            "oppose",
        ),
        (
            {"id": "t", "label": "Trams", "proposition": "The city should build trams"},
            "Trams are safer than buses.",
            "support",
        ),
        # what a proposition wants gone faring better opposes it
        (
            {"id": "p", "label": "Parking meters", "proposition": "Parking meters should be banned"},
            "Parking meters are fairer than permits.",
            "oppose",
        ),
        (
            {"id": "p", "label": "Parking meters", "proposition": "Parking meters should be banned"},
            "Permits are fairer than parking meters.",
            "support",
        ),
    ],
)
def test_stance_compare_decides_the_side(nlp, topic, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp)
    assert judged["stance"] == stance, judged["evidence"]
