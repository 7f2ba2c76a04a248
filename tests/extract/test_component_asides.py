"""Statements that the cue families a plain "X said that ..." misses report, on small real sentences with
the real model: a cue set off by commas inside the clause it reports ("The plan, she said, is dead")."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement


def _statements(nlp, text: str) -> list[Statement]:
    return nlp(text)._.statements


@pytest.mark.parametrize(
    ("text", "pieces", "speaker"),
    [
        # the subject before the cue is part of what was said: two pieces of one utterance
        (
            "The pension fund, the minister said, will run dry within a decade.",
            ["The pension fund", "will run dry within a decade"],
            "the minister",
        ),
        (
            "Many of the closed plants, Ortega said, had been losing money for years.",
            ["Many of the closed plants", "had been losing money for years"],
            "Ortega",
        ),
        # an adverbial before the cue is the writer's framing, not the speaker's words
        (
            "In the end, the mayor said, voters will decide whether the stadium gets built.",
            ["voters will decide whether the stadium gets built"],
            "the mayor",
        ),
        (
            "Still, she said, the agency has to choose which claims get a second review.",
            ["the agency has to choose which claims get a second review"],
            "she",
        ),
    ],
)
def test_cue_inside_its_clause_reports_the_clause_around_it(nlp, text, pieces, speaker):
    statements = [s for s in _statements(nlp, text) if s.cue == "said"]
    assert [s.quote for s in statements] == pieces
    assert {s.speaker_mention for s in statements} == {speaker}
    assert len({s.utterance for s in statements}) == 1
    assert all("said" not in s.quote for s in statements)


@pytest.mark.parametrize(
    "text",
    [
        # no speaker of its own in the aside: a participle, not a report
        "The bridge, built in 1932, will close for repairs in the spring.",
        # a thought verb in the aside is no statement
        "The weather, I think, will turn cold by the weekend.",
    ],
)
def test_aside_without_a_reporting_cue_is_no_statement(nlp, text):
    assert _statements(nlp, text) == []
