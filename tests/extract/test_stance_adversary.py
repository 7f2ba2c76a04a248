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
        # an act of harm done to the adversary itself is the proposition's act
        ("We will send more troops to defeat the Islamic State.", "support"),
        ("Our soldiers should fight ISIS in Syria.", "support"),
        ("We should not fight ISIS in Syria.", "oppose"),
        # negatives: the act against the adversary is what is blamed
        ("Bombing ISIS is a terrible mistake that will only create more terrorists.", "oppose"),
        ("The war against ISIS is a mistake.", "oppose"),
        ("The bombing of ISIS has been a dangerous failure.", "oppose"),
    ],
)
def test_stance_adversary_blame_of_it_agrees(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": ISIS}], nlp=nlp)
    assert judged["stance"] == stance, judged["evidence"]


COLUMNS = ("words", "lemmas", "pos", "heads", "deps")


@pytest.mark.parametrize(
    ("rows", "verb", "harms"),
    [
        # "troops fight ISIS": the verb's object is the adversary itself
        ([("troops", "troop", "NOUN", 1, "nsubj"), ("fight", "fight", "VERB", 1, "ROOT"),
          ("ISIS", "ISIS", "PROPN", 1, "dobj")], 1, True),
        # "troops fight the war against ISIS": the object is an act on it, not the adversary
        ([("troops", "troop", "NOUN", 1, "nsubj"), ("fight", "fight", "VERB", 1, "ROOT"),
          ("the", "the", "DET", 3, "det"), ("war", "war", "NOUN", 1, "dobj"),
          ("against", "against", "ADP", 3, "prep"), ("ISIS", "ISIS", "PROPN", 4, "pobj")], 1, False),
        # "ISIS fights troops": the adversary is the subject, not what is harmed
        ([("ISIS", "ISIS", "PROPN", 1, "nsubj"), ("fights", "fight", "VERB", 1, "ROOT"),
          ("troops", "troop", "NOUN", 1, "dobj")], 1, False),
    ],
)  # fmt: skip
def test_stance_adversary_harm_done_to_it(rows, verb, harms):
    from quotegraph.extract.stance.evaluate import harms_named

    from tests.conftest import hand_doc

    doc = hand_doc(rows, COLUMNS)
    assert harms_named(doc[verb], (frozenset({"isis"}),)) is harms
