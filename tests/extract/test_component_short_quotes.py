"""Quotes of a few words, with the real model: a sentence of its own that a cue right next to it
attributes is a statement; a scare quote or a title is not."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement


def _statements(nlp, text: str) -> list[Statement]:
    return nlp(text)._.statements


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        ("The hall stayed empty. “Not even one,” the organiser said.", "Not even one", "the organiser", "said"),
        ("The crowd grew restless. “Quiet!” the chairman shouted.", "Quiet!", "the chairman", "shouted"),
        ("Asked about a second term, the mayor smiled and said, “Never.”", "Never.", "the mayor", "said"),
    ],
)
def test_short_quote_with_its_cue_is_a_statement(nlp, text, quote, speaker, cue):
    [s] = _statements(nlp, text)
    assert (s.quote, s.speaker_mention, s.cue) == (quote, speaker, cue)


def test_short_quote_opens_an_utterance_that_goes_on_after_its_cue(nlp):
    text = "“The risk,” the economist said, “is that the wage rise costs jobs in the poorest counties.”"
    statements = _statements(nlp, text)
    assert [s.quote for s in statements] == [
        "The risk",
        "is that the wage rise costs jobs in the poorest counties.",
    ]
    assert len({s.utterance for s in statements}) == 1 and statements[0].utterance is not None


@pytest.mark.parametrize(
    "text",
    [
        # a scare quote inside a sentence
        "The senator has coined a new phrase, “tax tourists,” to describe them.",
        # a title
        "The governor appeared on “Face the Nation” on Sunday morning.",
    ],
)
def test_short_quote_without_its_own_cue_is_no_statement(nlp, text):
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a share of people speaks (poll figures)
        ("Two in three said they would vote for the incumbent in November.", "Two in three"),
        # the number heads an apposition that names the speaker
        ("One of the authors of the report, Ari Fleischer, said the findings still hold.", "Ari Fleischer"),
        # a time heading a live blog entry never speaks
        ("5:45 p.m. Trump said the rally would go ahead despite the storm.", "Trump"),
    ],
)
def test_number_subjects(nlp, text, speaker):
    [s] = _statements(nlp, text)
    assert s.speaker_mention == speaker
