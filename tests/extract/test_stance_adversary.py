"""Whom a proposition's act is aimed against ("use more force against the Islamic State"): blame of the adversary
agrees with it, and so does an act that takes the adversary away; blame of the act itself does not (our own
sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.proposition import adversary_words
from quotegraph.extract.stance.topics import Topic


def _topic(proposition: str, *keywords: str) -> Topic:
    return Topic(id="t", label=proposition, proposition=proposition, keywords=keywords)


@pytest.mark.parametrize(
    ("proposition", "keywords", "names"),
    [
        ("The United States should use more military force against the Islamic State", ("ISIS", "airstrikes"),
         {frozenset({"islamic", "state"}), frozenset({"isis"})}),
        ("The United States should maintain its embargo against Cuba", (), {frozenset({"cuba"})}),
        ("Ukraine should be allowed to use Western weapons against targets inside Russia.", (),
         {frozenset({"russia"})}),
        ("Governments should take action against climate change", (),
         {frozenset({"climate"}), frozenset({"change"})}),
        # negatives: the act wrongs the one it names, belongs to a described thing, is refused or wanted gone
        ("Music that glorifies violence against women should be banned", (), set()),
        ("The ICC is biased against Africa", (), set()),
        ("The United States should not use force against Iran", (), set()),
        ("Military strikes against Iran should be stopped", (), set()),
        ("Schools should ban smartphones", (), set()),
    ],
)  # fmt: skip
def test_stance_adversary_words_of_a_proposition(proposition, keywords, names):
    assert set(adversary_words(_topic(proposition, *keywords))) == names


ISIS = {"id": "isis", "label": "Military force against ISIS",
        "proposition": "The United States should use more military force against the Islamic State",
        "keywords": ["ISIS", "Islamic State", "airstrikes", "ground troops"]}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("ISIS must be defeated in Iraq and Syria.", "support"),
        ("ISIS is a brutal, barbaric terrorist group that murders civilians.", "support"),
        ("ISIS fighters are murderers who must be stopped.", "support"),
        # negatives: the act against the adversary is what is blamed
        ("Bombing ISIS is a terrible mistake that will only create more terrorists.", "oppose"),
        ("The war against ISIS is a mistake.", "oppose"),
        ("The bombing of ISIS has been a dangerous failure.", "oppose"),
    ],
)
def test_stance_adversary_blame_of_it_agrees(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": ISIS}], nlp=nlp)
    assert judged["stance"] == stance, judged["evidence"]
