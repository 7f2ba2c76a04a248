from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.stance.camp import camp_stance, named_people
from quotegraph.extract.stance.rules import accuses, lexicon
from quotegraph.extract.stance.topics import Topic

HEALTH = Topic("health", "Governor's health", "Maria Keller's health problems are serious and unfit her for office.")
BIAS = Topic("bias", "Biased press", "The national press is biased against Tom Berger and his party.")
PLAN = Topic("plan", "Keller's transit plan", "Maria Keller's transit plan should be adopted by the council.")
NOBODY = Topic("climate", "Climate action", "Climate change is a serious threat the country should fight.")


def _said(speaker: str | None, mention: str | None, role: str | None = None) -> Statement:
    return Statement(
        article="a.txt",
        quote="We will see.",
        start=0,
        end=12,
        kind="direct",
        speaker=speaker,
        speaker_mention=mention,
        speaker_role=role,
    )


def test_stance_camp_named_people_are_two_word_names_with_their_part() -> None:
    assert named_people(HEALTH) == (("keller", False),)
    assert named_people(BIAS) == (("berger", True),)
    assert named_people(NOBODY) == ()  # "Climate change" opens a sentence: no one


@pytest.mark.parametrize(
    ("topic", "statement", "expected"),
    [
        # the accused and those who speak for them defend: they oppose an accusation
        (HEALTH, _said("Maria Keller", "Keller"), "oppose"),
        (HEALTH, _said(None, "Keller campaign spokesman"), "oppose"),
        (HEALTH, _said("Ben Ortiz", "Ben Ortiz, a Keller surrogate,"), "oppose"),
        # the one named as wronged, and their aides, support it
        (BIAS, _said("Tom Berger", "Berger"), "support"),
        (BIAS, _said(None, "Berger's aides"), "support"),
        # a proposal of someone's: they back it
        (PLAN, _said("Maria Keller", "the governor"), "support"),
        # no tie to the one named: nothing to say
        (HEALTH, _said("Ben Ortiz", "Ortiz"), None),
        (HEALTH, _said(None, "a hospital spokesman"), None),
        (HEALTH, _said(None, "Keller's critics"), None),
        (NOBODY, _said("Maria Keller", "Keller"), None),
    ],
)
def test_stance_camp_a_speaker_defends_their_own_side(topic: Topic, statement: Statement, expected: str | None) -> None:
    found = camp_stance(statement, topic, accuses(topic), lexicon().camp_nouns)
    assert (found[0] if found else None) == expected
