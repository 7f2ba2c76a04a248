"""colon_speaker: the subject of the clause a colon ends before a quote speaks, also when the subject is a
common noun a name stands beside, or when the parser hung the clause's verb on the name."""

from __future__ import annotations

import pytest
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _speakers(extractor: Extractor, body: str) -> list[tuple[str | None, str]]:
    statements = article_statements(extractor, body, "Budget row")
    return [(s.speaker, s.quote) for s in statements]


@pytest.mark.parametrize(
    ("body", "speaker", "quote"),
    [
        (
            "The Boston radio columnist Peter Lindqvist went so far as to say: “The budget as we know it is dead.”",
            "Peter Lindqvist",
            "The budget as we know it",
        ),
        (
            "One early supporter, Senator Anna Morrow, Democrat of Ohio, gave the argument a try in an interview on"
            " Monday: “You can easily argue that the governor has not read his own budget.”",
            "Anna Morrow",
            "You can easily argue",
        ),
        (
            "Paul Hendricks, the 2014 Republican nominee for governor, tweeted in reply: ''Plain fact: the state"
            " spends too much and we tax too much.''",
            "Paul Hendricks",
            "Plain fact",
        ),
        (
            "The Brennan campaign, in a note to reporters, put it more bluntly: “The governor has no plan for"
            " the deficit at all.”",
            "Brennan",
            "The governor has no plan",
        ),
        (
            "Walsh’s memo makes a simple case: “Every dollar we borrow today is a tax on our children.”",
            "Walsh",
            "Every dollar we borrow",
        ),
        (
            "The size of the deficit did not surprise Democratic strategist Karen Olsen: “Every governor before"
            " him has made the same promise and broken it.”",
            "Karen Olsen",
            "Every governor before him",
        ),
        (
            "Turnout models were off in every county - More from Karen Olsen: “Our survey missed the young"
            " voters entirely.”",
            "Karen Olsen",
            "Our survey missed",
        ),
        (
            "Near the end of the video, the preacher Omar Haddad, who died in 2012, is shown lecturing: “Leave"
            " the cities of the West before it is too late.”",
            "Omar Haddad",
            "Leave the cities",
        ),
    ],
)
def test_strategies_colon_speaker_subject_beside_a_name(extractor, body: str, speaker: str, quote: str) -> None:
    found = [(s, q) for s, q in _speakers(extractor, body) if q.startswith(quote)]
    assert found and found[0][0] is not None and speaker in found[0][0]


@pytest.mark.parametrize(
    "body",
    [
        # a common noun with no name beside it is no speaker; nor a title hung on a thing
        "The new tax plan makes a simple promise: “Lower rates for every family in the state.”",
        "The budget’s first page makes a simple case: “Every dollar we borrow today is a tax on our children.”",
        "The news of the deficit spread quickly on Twitter: “The state is broke and nobody will say so.”",
        "Turnout models were off in every county - the full tables: “Our survey missed the young voters.”",
        # the one asked is not the one who asks
        "At the hearing on Monday, Governor Ellis was asked: “Will you raise taxes next year?”",
        "The second report, released on Tuesday: “Spending rose faster than revenue in every county.”",
    ],
)
def test_strategies_colon_speaker_negatives(extractor, body: str) -> None:
    assert all(s is None for s, _ in _speakers(extractor, body))
