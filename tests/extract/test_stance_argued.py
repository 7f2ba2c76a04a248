"""A word of news talk (a step of a process, the race, a feeling) makes a quote neutral only where the quote
talks about the matter; where it argues with the word (what a process shows or does, evidence that something
holds, losing something that is no prize, a graded feeling) it does not (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.stance import StanceAssigner, parse_topics
from quotegraph.extract.stance.argued import evidence_that, graded_feeling, not_the_contest, said_of
from quotegraph.extract.stance.lexicon import analyzer, lexicon


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word", "argued"),
    [
        # what a step of a process shows, does, or is said to be
        ("Blood tests would reduce the number of wrongful convictions.", "tests", True),
        ("The footage shows the officer shouting at the driver.", "footage", True),
        ("The threat of an investigation could deter the smugglers.", "investigation", True),
        ("Intercepted evidence can be very useful to the defence.", "evidence", True),
        ("The evidence collected by the auditors appears to contradict her account.", "evidence", True),
        # negatives: the process reported on, or what it shows denied
        ("The footage did not show who fired first.", "footage", False),
        ("The investigation is ongoing.", "investigation", False),
        ("The council should release the video without delay.", "video", False),
        ("The agency will increase oversight of the port.", "oversight", False),
        ("The videos were inconclusive and the footage did not show his hands.", "videos", False),
    ],
)
def test_stance_argued_process_said_of(nlp, text, word, argued):
    lex = lexicon()
    skip = lex.negations | lex.procedural | lex.referential
    assert said_of(_token(nlp, text, word), lex.showing, analyzer().lexicon, skip) is argued


@pytest.mark.parametrize(
    ("text", "argued"),
    [
        ("There is clear evidence that the mayor lied to the council.", True),
        ("The report gives evidence that the bridge was unsafe.", True),
        # negatives: no evidence, or evidence with no content clause
        ("Investigators had no direct evidence that the mayor lied.", False),
        ("The evidence was sent to the court on Friday.", False),
    ],
)
def test_stance_argued_evidence_that(nlp, text, argued):
    assert evidence_that(_token(nlp, text, "evidence"), lexicon().negations) is argued


@pytest.mark.parametrize(
    ("text", "word", "other"),
    [
        ("If everyone votes, the results reflect what people want.", "votes", True),
        ("Farmers will lose their land to the new dam.", "lose", True),
        ("A war could wipe out the human race.", "race", True),
        ("It would create a demographic imbalance.", "demographic", True),
        # negatives: the race itself
        ("The senator could lose the election.", "lose", False),
        ("The race for mayor is tight.", "race", False),
        ("He needs 60 votes in the Senate.", "votes", False),
        ("She could win.", "win", False),
    ],
)
def test_stance_argued_not_the_contest(nlp, text, word, other):
    lex = lexicon()
    assert not_the_contest(_token(nlp, text, word), lex.contest, lex.prizes, lex.figures) is other


@pytest.mark.parametrize(
    ("text", "word", "graded"),
    [
        ("The new treatment is less painful for patients.", "painful", True),
        ("It opens the door to more troubling abuses.", "troubling", True),
        # negatives: a feeling voiced
        ("I am deeply troubled by the shooting.", "troubled", False),
        ("It's heartbreaking.", "heartbreaking", False),
        ("We are saddened by the news.", "saddened", False),
    ],
)
def test_stance_argued_graded_feeling(nlp, text, word, graded):
    assert graded_feeling(_token(nlp, text, word)) is graded


HARBOUR = {
    "id": "harbour",
    "label": "Harbour cameras",
    "proposition": "Harbour cameras should be installed",
    "keywords": ["harbour cameras"],
}


@pytest.mark.parametrize(
    ("text", "neutral"),
    [
        # news talk about the matter: neutral
        ("The council should release the harbour cameras video on Friday.", True),
        ("The investigation into the harbour cameras is ongoing.", True),
        # the same words argued with: not neutral
        ("Harbour cameras footage would reduce wrongful convictions.", False),
        ("There is clear evidence that harbour cameras cut theft.", False),
    ],
)
def test_stance_argued_news_talk_is_neutral_only_when_told(nlp, text, neutral):
    # a quote of an article (a record judged on its own reads past the talk of news: test_stance_lean.py)
    [topic] = parse_topics({"topics": [HARBOUR]})
    s = Statement(article="a.txt", quote=text, start=0, end=len(text), kind="direct", speaker="Ann Lee", cue="said")
    [judged] = StanceAssigner([topic]).judge([(s, topic, text, nlp(text))])
    assert (judged.stance == "neutral") is neutral, judged.evidence
