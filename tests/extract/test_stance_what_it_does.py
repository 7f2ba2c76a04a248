"""What the matter of a proposal does (scorers.what_it_does): good done by what a proposal brings supports it,
by what it takes away opposes it; the proposal's own act as the doer takes the side of what it does; a verb of
doing good whose object is a harm brings the harm (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.lexicon import lexicon
from quotegraph.extract.stance.scorers import brings_harm, for_matter
from quotegraph.extract.stance.topics import Topic

WAGE = {"id": "wage", "label": "Minimum wage", "proposition": "We should raise the minimum wage"}
HOME = {"id": "home", "label": "Homeschooling", "proposition": "Homeschooling should be banned"}
CANNABIS = {"id": "cannabis", "label": "Cannabis", "proposition": "We should legalize cannabis"}
CLAIM = {"id": "ads", "label": "Advertising", "proposition": "Advertising is harmful"}


def _judged(nlp, topic: dict[str, str], text: str) -> dict:
    return judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp, gate=False)[0]


@pytest.mark.parametrize(
    ("topic", "text", "stance"),
    [
        (WAGE, "Raising the minimum wage helps workers pay their rent.", "support"),
        (WAGE, "The minimum wage hurts small businesses.", "oppose"),
        (WAGE, "The minimum wage does not help the poorest workers.", "oppose"),
        (HOME, "Homeschooling allows parents to teach at their own pace.", "oppose"),
        (HOME, "Banning homeschooling would hurt many families.", "oppose"),
        (HOME, "The abolition of homeschooling would protect children.", "support"),
        (CANNABIS, "Cannabis promotes violent crime.", "oppose"),
        (CANNABIS, "Cannabis helps patients with cancer pain.", "support"),
    ],
)
def test_stance_what_it_does_on_a_proposal(nlp, topic, text, stance):
    judged = _judged(nlp, topic, text)
    assert judged["stance"] == stance, judged["evidence"]


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        # negatives: a claim prescribes nothing to the matter; someone else does it
        (CLAIM, "Advertising helps us choose between different goods."),
        (WAGE, "Landlords force tenants out of their homes."),
    ],
)
def test_stance_what_it_does_not_on_a_claim_or_another_doer(nlp, topic, text):
    judged = _judged(nlp, topic, text)
    assert not any(e.startswith("it does") for e in judged["evidence"]), judged["evidence"]


@pytest.mark.parametrize(
    ("proposition", "polarity"),
    [
        ("We should raise the minimum wage", 1),
        ("Homeschooling should be banned", -1),
        ("Minimum wage", 1),
        ("Advertising is harmful", 0),
    ],
)
def test_stance_what_it_does_for_matter(proposition, polarity):
    assert for_matter(Topic("t", proposition, proposition)) == polarity


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        ("It promotes violent crime.", True),
        ("It provides a breeding ground for terrorism and hatred.", False),  # the object's own words are neutral
        # negatives: a good object, a lessening verb, a lessening object
        ("It provides stable jobs.", False),
        ("It deters violent crime.", False),
        ("It helps the fight against terrorism.", False),
    ],
)
def test_stance_what_it_does_brings_harm(nlp, text, harm):
    verb = next(t for t in nlp(text) if t.dep_ == "ROOT")
    assert brings_harm(verb, lexicon().shifters) is harm
