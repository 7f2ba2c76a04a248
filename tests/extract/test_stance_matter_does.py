"""What a proposition's matter does, is needed for, or is faintly said to be (scorers.what_its_matter_does,
wants_its_matter, faint_tone), where the rules before them leave a claim, an accusation or a pronoun for the
matter: good done by the matter, or the matter needed, agrees with a proposition that keeps it or does not blame
it; harm with one that wants it gone or blames it (our own sentences)."""

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


ACCUSES = {
    "id": "a",
    "label": "Plastic bags",
    "proposition": "Plastic bags are a threat to the oceans",
    "keywords": ["plastic bags", "oceans"],
}
CLAIM = {
    "id": "c",
    "label": "Public transport",
    "proposition": "Public transport is the future of cities",
    "keywords": ["public transport", "future", "cities"],
}


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        # a claim that blames its matter: harm done by it agrees, good done by it disagrees
        ("plastic bags isolate shops from their customers", ACCUSES, "support"),
        ("plastic bags allow shoppers to carry their groceries", ACCUSES, "oppose"),
        # a claim that does not blame it: the reverse
        ("public transport gives families a way to get to work", CLAIM, "support"),
        ("public transport divides the city", CLAIM, "oppose"),
        # a pronoun for the matter as the subject, on a proposal
        ("we looked at plastic bags. they isolate shops from their customers", GONE, "support"),
        ("commuters like public transport. it gives families a way to get to work", KEPT, "support"),
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
