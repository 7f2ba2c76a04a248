"""What a proposition's matter does (scorers.what_its_matter_does): a clause whose subject is the matter, or the
act on it, and whose verb does good or harm (``does_good`` / ``does_harm`` of stance.yaml) sides with a
proposition that keeps the matter when it does good, with one that wants it gone when it does harm (our own
sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records

GONE = {
    "id": "g",
    "label": "Plastic bags",
    "proposition": "Plastic bags should be banned",
    "keywords": ["plastic bags"],
}
KEPT = {
    "id": "k",
    "label": "Public transport",
    "proposition": "We should subsidize public transport",
    "keywords": ["public transport", "subsidize"],
}


def _judged(nlp, text: str, topic: dict) -> dict:
    return judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        ("plastic bags isolate shops from their customers", GONE, "support"),
        ("plastic bags allow shoppers to carry their groceries", GONE, "oppose"),
        # the subject is the removal: the harm it does turns
        ("banning plastic bags would isolate small shops", GONE, "oppose"),
        # the verb negated turns it too
        ("plastic bags do not allow recycling", GONE, "support"),
        ("public transport gives families a way to get to work", KEPT, "support"),
        ("public transport divides the city", KEPT, "oppose"),
    ],
)
def test_stance_matter_does_sides_by_what_the_proposition_wants(nlp, text, topic, stance):
    out = _judged(nlp, text, topic)
    assert out["stance"] == stance, out["evidence"]
    assert any(e.startswith("its matter does") for e in out["evidence"]), out["evidence"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # negatives: the matter is not the subject of the verb that does good or harm
        ("shoppers help each other with plastic bags", GONE),
        ("the council forces bus drivers to work longer hours on public transport", KEPT),
        # a topic that only names a thing has its own rule (what it does)
        (
            "plastic bags harm sea turtles",
            {"id": "t", "label": "plastic bags", "proposition": "plastic bags", "keywords": ["plastic bags"]},
        ),
    ],
)
def test_stance_matter_does_needs_the_matter_as_subject(nlp, text, topic):
    out = _judged(nlp, text, topic)
    assert not any(e.startswith("its matter does") for e in out["evidence"]), out["evidence"]


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        ("plastic bags are needed for the weekly shop", GONE, "oppose"),
        ("shoppers need plastic bags for the weekly shop", GONE, "oppose"),
        # the subject is the removal: needed, it agrees
        ("banning plastic bags is necessary", GONE, "support"),
        ("commuters need public transport", KEPT, "support"),
    ],
)
def test_stance_matter_does_wanted_sides_by_what_the_proposition_wants(nlp, text, topic, stance):
    out = _judged(nlp, text, topic)
    assert out["stance"] == stance, out["evidence"]
    assert any(e.startswith("wants its matter") for e in out["evidence"]), out["evidence"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # negatives: what is needed is something else, or nothing
        ("the drivers need a break from public transport", KEPT),
        ("we need to talk about plastic bags", GONE),
        ("plastic bags are not needed", GONE),
    ],
)
def test_stance_matter_does_wanted_needs_the_matter_needed(nlp, text, topic):
    out = _judged(nlp, text, topic)
    assert not any(e.startswith("wants its matter") for e in out["evidence"]), out["evidence"]


ACCUSES = {
    "id": "a",
    "label": "Plastic bags",
    "proposition": "Plastic bags are a threat to the oceans",
    "keywords": ["plastic bags", "oceans"],
}


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        # a faint evaluation of the matter (below the one that decides alone) sides with what is wanted of it
        ("plastic bags are fine for most shoppers", GONE, "oppose"),
        ("public transport is fine for most commuters", KEPT, "support"),
    ],
)
def test_stance_matter_does_faint_evaluation(nlp, text, topic, stance):
    out = _judged(nlp, text, topic)
    assert out["stance"] == stance, out["evidence"]
    assert any(e.startswith("faint evaluation") for e in out["evidence"]), out["evidence"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # negatives: a proposition that blames its matter, and no evaluation at all
        ("plastic bags are fine for most shoppers", ACCUSES),
        ("public transport is a topic", KEPT),
    ],
)
def test_stance_matter_does_faint_evaluation_not_of_a_blame(nlp, text, topic):
    out = _judged(nlp, text, topic)
    assert not any(e.startswith("faint evaluation") for e in out["evidence"]), out["evidence"]
