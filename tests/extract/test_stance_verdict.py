"""A proposition that passes a negative verdict on a person or their conduct ("X lacks the temperament to lead",
"X acted improperly", "X's record makes him unfit") accuses: blame of that person agrees with it, praise
disagrees (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.proposition import accuses, wants_gone
from quotegraph.extract.stance.topics import Topic


@pytest.mark.parametrize(
    ("proposition", "accusing"),
    [
        # a verdict VADER lacks: lacking, improper conduct, a cause that makes someone unfit
        ("Mayor Dan Reed lacks the judgment to run the city", True),
        ("The club's chairman acted improperly in the sale of the ground", True),
        ("The senator's conduct and honesty make him unfit for office", True),
        # negatives: the same shapes with a positive verdict, or a proposal
        ("The senator's record makes him fit for office", False),
        ("Mayor Dan Reed has the judgment to run the city", False),
        ("The council should make parking free on Sundays", False),
    ],
)
def test_stance_verdict_on_a_person_accuses(proposition, accusing):
    assert accuses(Topic("t", "t", proposition)) is accusing


UNFIT = {"id": "reed", "label": "Reed's fitness", "proposition": "Mayor Dan Reed lacks the judgment to run the city"}
IMPROPER = {"id": "chair", "label": "Chairman", "proposition": "The chairman acted improperly in the sale of the ground"}


@pytest.mark.parametrize(
    ("topic", "text", "stance"),
    [
        # blame of the person the verdict is on asserts it
        (UNFIT, "Dan Reed is reckless and dishonest, and his judgment is terrible.", "support"),
        (IMPROPER, "The chairman's handling of the sale was a disgrace.", "support"),
        # praise denies it
        (UNFIT, "Dan Reed has shown excellent judgment and he is a superb mayor.", "oppose"),
        (IMPROPER, "The chairman handled the sale honestly and fairly.", "oppose"),
    ],
)
def test_stance_evaluation_of_the_accused_person(nlp, topic, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp)
    assert judged["stance"] == stance, judged["evidence"]


@pytest.mark.parametrize(
    ("proposition", "gone"),
    [
        ("The fishing treaty should be rejected", True),
        ("The court's ruling should be overturned", True),
        ("The parking permit should be revoked", True),
        # negatives: kept, or a removal state negated
        ("The fishing treaty should be ratified", False),
        ("The fishing treaty should not be rejected", False),
    ],
)
def test_stance_removal_states_want_the_matter_gone(proposition, gone):
    assert wants_gone(Topic("t", "t", proposition)) is gone


TREATY = {
    "id": "treaty",
    "label": "Fishing treaty",
    "proposition": "The fishing treaty is bad for local fishermen and should be rejected",
    "keywords": ["fishing treaty"],
}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # praise of what the proposition wants rejected denies it; blame asserts it
        ("The fishing treaty has been good for the harbour and will bring growth.", "oppose"),
        ("The fishing treaty is a disaster that will destroy the harbour.", "support"),
    ],
)
def test_stance_evaluation_of_what_should_be_rejected(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": TREATY}], nlp=nlp)
    assert judged["stance"] == stance, judged["evidence"]


@pytest.mark.parametrize(
    ("proposition", "accusing"),
    [
        # an imperative motion is a proposal, whatever bad thing its act is aimed at
        ("Give life sentences for attacks that cause death", False),
        ("Hold landlords responsible for damp if it harms a tenant", False),
        # negatives: a claim that blames, and a modal motion that prescribes a remedy for what it blames
        ("Damp housing is a threat to children's health", True),
        ("The council's corruption must be confronted and reformed", True),
    ],
)
def test_stance_verdict_a_motion_against_something_bad_does_not_accuse(proposition, accusing):
    assert accuses(Topic("t", "t", proposition)) is accusing
