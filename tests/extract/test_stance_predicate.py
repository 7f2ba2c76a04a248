"""What a claim says of its subject decides whether it accuses, not the words that name the subject; an
evaluation whose subject is the removal itself is of the act, not of what goes (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.proposition import accuses, predicate_polarity
from quotegraph.extract.stance.topics import Topic


@pytest.mark.parametrize(
    ("proposition", "sign"),
    [
        ("Night trains are a waste of money", -1),
        ("The death penalty is justified", 1),
        ("War memorials are necessary", 1),
        ("Street crime is not inevitable", 0),
        ("The old prison has failed its inmates", -1),
        # no finite verb: nothing said of a subject
        ("Ban fireworks in cities", 0),
        ("Longer school days", 0),
    ],
)
def test_stance_predicate_polarity_reads_what_is_said_of_the_subject(proposition, sign):
    value = predicate_polarity(proposition)
    assert (value > 0.05) - (value < -0.05) == sign


@pytest.mark.parametrize(
    ("proposition", "accusing"),
    [
        # the subject's words name the matter ("death", "crime", "war"); the predicate praises
        ("The death penalty is justified", False),
        ("Tough sentencing for knife crime is the best approach", False),
        ("The war on drugs can be won", False),
        # the predicate blames
        ("Fast fashion is harmful", True),
        ("The new stadium would be a disaster for the town", True),
        # wrongdoing of fraud and corruption (the valences VADER lacks)
        ("Trump University defrauded its students", True),
        ("Russia meddled in the election", True),
        ("The mayor colluded with the developers", True),
        ("The university educated its students", False),
    ],
)
def test_stance_claim_accuses_by_its_predicate(proposition, accusing):
    assert accuses(Topic("t", "t", proposition)) is accusing


JUSTIFIED = {"id": "dp", "label": "Death penalty", "proposition": "The death penalty is justified"}
BANNED = {"id": "fw", "label": "Fireworks", "proposition": "Fireworks should be banned"}
SEPARATED = {"id": "cs", "label": "Church", "proposition": "The church should be separated from the state"}


@pytest.mark.parametrize(
    ("topic", "text", "stance"),
    [
        # praise of what a justified-claim's subject does supports it; blame opposes
        (JUSTIFIED, "It is fair and it keeps families safe.", "support"),
        (JUSTIFIED, "It is cruel and it kills innocent people.", "oppose"),
        # the removal is the subject: its evaluation is of the act the proposition wants
        (BANNED, "A ban would be counterproductive and unfair.", "oppose"),
        (BANNED, "The prohibition would protect pets and keep streets safe.", "support"),
        (SEPARATED, "Separation would be a disaster for both.", "oppose"),
        # what would go is the subject: blame of it agrees with the removal
        (BANNED, "Fireworks are dangerous and terrify pets.", "support"),
        (BANNED, "Fireworks are beautiful and fun.", "oppose"),
    ],
)
def test_stance_evaluation_of_the_removal_or_of_what_goes(nlp, topic, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]
