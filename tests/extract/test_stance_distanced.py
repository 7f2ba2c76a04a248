"""A text on the proposition's terms that tells them as reported, not vouched for ("reportedly", "according to
sources"), and takes no side of its own is neutral: a headline observing a claim (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records

WATCH = {
    "id": "watch",
    "label": "Apple smartwatch",
    "proposition": "Apple will release a smartwatch this year",
    "keywords": ["apple", "smartwatch"],
}
BRIDGE = {
    "id": "bridge",
    "label": "The river bridge",
    "proposition": "The city should build a new bridge over the river",
    "keywords": ["bridge"],
}


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        ("Apple reportedly working on a smartwatch for release this year", WATCH, "neutral"),
        ("Apple smartwatch to launch in the autumn, according to supply-chain sources", WATCH, "neutral"),
        ("A new bridge over the river is said to be planned for the spring", BRIDGE, "neutral"),
        ("Council allegedly drew up secret plans for a new bridge", BRIDGE, "neutral"),
        ("Blogger claims Apple is working on a smartwatch", WATCH, "neutral"),
        # negatives: a side of its own, a denial, or no distancing word
        ("Apple denies it will release a smartwatch this year", WATCH, "oppose"),
        ("Apple smartwatch rumors are false, says analyst", WATCH, "oppose"),
        ("According to the engineers, a new bridge would be a disastrous waste of money", BRIDGE, "oppose"),
        ("The city must build a new bridge over the river now", BRIDGE, "support"),
    ],
)
def test_stance_distanced_report_is_neutral(nlp, text, topic, stance):
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    assert out["stance"] == stance, out["evidence"]
    if stance == "neutral":
        assert any(e.startswith("reported, not vouched for") for e in out["evidence"])
    else:
        assert not any(e.startswith("reported, not vouched for") for e in out["evidence"])
