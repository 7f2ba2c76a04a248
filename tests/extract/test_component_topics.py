"""Topic and question cues, with the real model: a verb whose content is the object of its preposition ("warned of
[a recession]", "asked the governor about [his speeches]"), a verb of asking and its "if" clause."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement


def _statements(nlp, text: str) -> list[Statement]:
    return nlp(text)._.statements


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        (
            "The central bank governor warned of a long recession in the farming regions.",
            "a long recession in the farming regions",
            "The central bank governor",
            "warned of",
        ),
        (
            "The radio host asked the senator about the loans her campaign took last spring.",
            "the loans her campaign took last spring",
            "The radio host",
            "asked",
        ),
        (
            "Union leaders complained about the new shift rules for night workers.",
            "the new shift rules for night workers",
            "Union leaders",
            "complained about",
        ),
        (
            "The mayor responded to criticism of the budget cuts from the opposition.",
            "criticism of the budget cuts from the opposition",
            "The mayor",
            "responded to",
        ),
    ],
)
def test_topic_cue_reports_the_object_of_its_preposition(nlp, text, quote, speaker, cue):
    [s] = _statements(nlp, text)
    assert (s.quote, s.speaker_mention, s.cue) == (quote, speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        # a participle aside is the writer's framing
        "The minister defended the plan, pointing to the rising cost of pensions.",
        # "Asked about X, Y ...": the question of someone unnamed, not a statement of the one asked
        "Asked about the rising cost of pensions, the minister left the room.",
        # a verb outside the lexicon with the same preposition
        "The committee voted against the new shift rules at the harbour.",
    ],
)
def test_topic_cue_negatives(nlp, text):
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The professor asked the students if they had read the budget speech.",
            "they had read the budget speech",
            "The professor",
        ),
        (
            "A caller asked the senator whether she would back the pipeline.",
            "she would back the pipeline",
            "A caller",
        ),
    ],
)
def test_question_verb_reports_its_if_clause(nlp, text, quote, speaker):
    [s] = _statements(nlp, text)
    assert (s.quote, s.speaker_mention, s.cue) == (quote, speaker, "asked")


def test_condition_of_a_speech_verb_is_no_question(nlp):
    # "if" after a verb that does not ask is a condition, not what was said
    assert _statements(nlp, "The union said nothing if the talks resumed on Monday.") == []
