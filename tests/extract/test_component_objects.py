"""Cues whose content is their object, with the real model: "called for [X to Y]" (the parser reads "for"
as the mark of the infinitive clause), "called [X Y]", "described [X as Y]"."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement


def _statements(nlp, text: str) -> list[Statement]:
    return nlp(text)._.statements


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        (
            "The opposition leader called for the finance minister to resign.",
            "the finance minister to resign",
            "The opposition leader",
            "called for",
        ),
        (
            "Union leaders have called for the minimum wage to be raised to $18 by 2028.",
            "the minimum wage to be raised to $18 by 2028",
            "Union leaders",
            "called for",
        ),
        ("The governor called the pension deal unfair.", "the pension deal unfair", "The governor", "called"),
        (
            "The senator described the country as beset by rising prices.",
            "the country as beset by rising prices",
            "The senator",
            "described",
        ),
    ],
)
def test_object_cue_reports_its_object(nlp, text, quote, speaker, cue):
    [s] = _statements(nlp, text)
    assert (s.quote, s.speaker_mention, s.cue) == (quote, speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        # "as" with a subject of its own is a time, not what the object is called
        "The council condemned the launch as the missiles fell into the sea.",
        # a short object without a predicate says nothing
        "The minister called the mayor.",
    ],
)
def test_object_cue_negatives(nlp, text):
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        ("The auditor noted the sharp drop in farm exports last year.", "the sharp drop in farm exports", "noted"),
        ("The coach recalled the long bus rides to away games.", "the long bus rides to away games", "recalled"),
        (
            "The bank predicted a slow recovery in the housing market.",
            "a slow recovery in the housing market",
            "predicted",
        ),
    ],
)
def test_speech_verb_with_an_object_reports_it(nlp, text, quote, cue):
    [s] = _statements(nlp, text)
    assert quote in s.quote and s.cue == cue


def test_speech_verb_with_a_short_object_is_no_statement(nlp):
    assert _statements(nlp, "The auditor noted it.") == []


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        (
            "The mayor portrayed the new tax as a burden on small shops.",
            "the new tax as a burden on small shops",
            "portrayed",
        ),
        (
            "The minister mocked the opposition's plan to cut fuel duty.",
            "the opposition's plan to cut fuel duty",
            "mocked",
        ),
        (
            "Teachers decried the decision to close three rural schools.",
            "the decision to close three rural schools",
            "decried",
        ),
        (
            "Critics implied that the audit had been rushed to meet the deadline.",
            "the audit had been rushed to meet the deadline",
            "implied",
        ),
        ('"That is simply wrong," the senator interjected.', "That is simply wrong", "interjected"),
        (
            "Critics charged that the inquiry had ignored the key witnesses.",
            "the inquiry had ignored the key witnesses",
            "charged",
        ),
    ],
)
def test_object_cue_verbs_of_praise_blame_and_charge(nlp, text, quote, cue):
    [s] = _statements(nlp, text)
    assert (s.quote, s.cue) == (quote, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The battery was charged overnight.",  # no speaker, nothing reported
        "The hotel charged guests a fee.",  # a price, not a charge anyone made
        "The painting portrays a woman.",  # no one speaks
        "Mock trial begins in Ottawa.",  # a headline with "mock" as an adjective
    ],
)
def test_object_cue_new_verbs_negatives(nlp, text):
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        (
            "The ministry also commented on the future of the pipeline project.",
            "the future of the pipeline project",
            "commented on",
        ),
        (
            "The premier discussed the shortage of family doctors in rural clinics.",
            "the shortage of family doctors in rural clinics",
            "discussed",
        ),
    ],
)
def test_object_cue_comment_on_and_discuss(nlp, text, quote, cue):
    [s] = _statements(nlp, text)
    assert (s.quote, s.cue) == (quote, cue)


@pytest.mark.parametrize(
    "text",
    ["Comments on the page were deleted.", "The comment section on the site was closed."],
)
def test_object_cue_comment_as_a_noun_negatives(nlp, text):
    assert _statements(nlp, text) == []


def test_object_cue_topic_before_a_colon_quote_is_no_statement(nlp):
    text = 'Mayor Ana Ruiz also commented on the plan to close the port: "That is not going to happen this year."'
    [s] = _statements(nlp, text)
    assert s.quote == "That is not going to happen this year."


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        (
            "The mayor made the case that the new tax would hurt small firms.",
            "the new tax would hurt small firms",
            "made the case",
        ),
        ("The premier made a call for an end to tolls on the bridge.", "an end to tolls on the bridge", "made a call"),
        ("The minister made no mention of the hospital closures.", "the hospital closures", "made no mention"),
    ],
)
def test_object_cue_light_verb_with_a_noun_of_speech(nlp, text, quote, cue):
    [s] = _statements(nlp, text)
    assert (s.quote, s.cue) == (quote, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The company made a profit on the deal.",  # not a noun of speech
        "The team made a point of arriving early.",  # an idiom, no content
        "The court made the call on Tuesday.",  # no content after the noun
    ],
)
def test_object_cue_light_verb_negatives(nlp, text):
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # words said given as the object
        ("Six in 10 voters said the same of the mayor.", "the same of the mayor", "Six in 10 voters"),
        # what was tweeted: the object is the post
        (
            "The senator tweeted a photo of the flooded highway near her home.",
            "a photo of the flooded highway",
            "The senator",
        ),
        # a reported clause the parser read as an object (its subject as the object, its verb as a conjunct)
        (
            "The treasurer said his own figures and the auditor's report show that the pension fund is short.",
            "his own figures and the auditor's report show that the pension fund is short",
            "The treasurer",
        ),
    ],
)
def test_object_of_a_speech_verb_is_what_was_said_without_a_clause(nlp, text, quote, speaker):
    [s] = _statements(nlp, text)
    assert (s.quote, s.speaker_mention) == (quote, speaker)


@pytest.mark.parametrize(
    "text",
    [
        # negatives: the object of a verb that makes a thing, or names the hearer, is not what was said
        "The author wrote a memoir of her years in office.",
        "The union leader added a note of caution.",
        "The minister told reporters.",
    ],
)
def test_object_of_a_verb_of_making_is_no_statement(nlp, text):
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        # verbs of judging: a name or a short definite object is what was reported
        ("The opposition leader attacked Mayor Reyes on Tuesday.", "Mayor Reyes", "attacked"),
        ("The premier praised the volunteers.", "the volunteers", "praised"),
        ("The councillor criticized the police chief.", "the police chief", "criticized"),
    ],
)
def test_short_object_of_a_verb_of_judging_is_reported(nlp, text, quote, cue):
    [s] = _statements(nlp, text)
    assert (s.quote, s.cue) == (quote, cue)


@pytest.mark.parametrize(
    "text",
    [
        # negatives: other object verbs need a longer object; a bare noun is a thing acted on
        "The coach defended his record.",
        "The senator called his mother.",
        "The company disclosed the amount.",
        "The allies let the army attack targets across the border.",
    ],
)
def test_short_object_of_other_verbs_is_no_statement(nlp, text):
    assert _statements(nlp, text) == []
