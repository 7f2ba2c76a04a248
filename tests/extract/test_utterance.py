"""“A,” X said. “B.”: each quoted piece is its own span, the pieces share speaker, cue and one
utterance id, and no span holds its own cue or speaker."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.assemble import joined_reports
from quotegraph.extract.model import Statement
from quotegraph.extract.pipeline import Extractor
from quotegraph.graph.merge import merge_statements

from tests.extract.conftest import article_statements


def _extract(extractor: Extractor, body: str):
    text = "Pension row\n\n" + body
    statements = article_statements(extractor, body, "Pension row")
    return text, statements


@pytest.mark.parametrize(
    ("body", "pieces"),
    [
        (
            "“Strikes will not change the demographics,” Vogel said. “The reform is unavoidable and fair.”",
            ["Strikes will not change the demographics", "The reform is unavoidable and fair."],
        ),
        (
            "“We will not accept this pay cut,” union spokesman Tobias Reinhardt said, “and we will fight it.”",
            ["We will not accept this pay cut", "and we will fight it."],
        ),
    ],
)
def test_utterance_pieces_are_apart_and_share_speaker_cue_and_id(extractor, body, pieces):
    text, statements = _extract(extractor, body)
    found = [s for s in statements if s.utterance]
    assert [s.quote for s in found] == pieces
    assert len({(s.utterance, s.speaker, s.cue) for s in found}) == 1
    for s in statements:
        assert text[s.start : s.end] == s.quote
        assert not (s.start <= s.cue_start < s.end) and not (s.start <= s.speaker_start < s.end)
    merged = merge_statements(found)
    assert len({s.statement_id for s in merged}) == 1  # one statement in the graph


def test_utterance_a_single_quote_has_none(extractor):
    _, statements = _extract(extractor, "“The reform is unavoidable and fair,” Vogel said on Monday.")
    assert [s.utterance for s in statements] == [None]


@pytest.mark.parametrize(
    "body",
    [
        "“The reform is fair,” said Labour minister Anna Vogel. “It cannot wait.”",
        "Vogel said the reform, which she said was overdue, would pass in May.",
        "The union rejected the plan, which its leader said was a pay cut.",
        "“We will strike,” union leader Anna Vogel said, adding that talks had failed.",
    ],
)
def test_utterance_no_span_holds_its_own_cue_or_speaker(extractor, body):
    text, statements = _extract(extractor, body)
    assert statements
    for s in statements:
        assert text[s.start : s.end] == s.quote
        for at in (s.cue_start, s.speaker_start):
            assert at is None or not (s.start <= at < s.end), (s.quote, s.cue, s.speaker_mention)


@pytest.mark.parametrize(
    "body",
    [
        # the next quote opens a sentence after the attribution; a new sentence with another cue follows it
        "“It is a very sad development,” Cruz told reporters outside a restaurant. “This is the consequence of "
        "the culture of the campaign. It has no place in politics.” Ohio Gov. John Kasich said he would have "
        "fired the manager.",
        # an aside with its own cue stands between the attribution and the next quote
        "“We were attacked in downtown Manhattan,” Clinton said, with a passion that suggested that the question "
        "was out of line. “I did spend a whole lot of time helping them rebuild.”",
        "“The reform cannot wait,” said Megan Greene, chief economist at Manulife. “And the members have been "
        "tripping all over themselves to say they would like to normalise policy.”",
    ],
)
def test_utterance_quotes_either_side_of_one_attribution_are_one(extractor, body):
    _, statements = _extract(extractor, body)
    direct = [s for s in statements if s.kind == "direct"]
    assert len(direct) == 2
    assert direct[0].utterance is not None and direct[0].utterance == direct[1].utterance
    assert direct[0].speaker == direct[1].speaker


@pytest.mark.parametrize(
    "body",
    [
        # the next quote has its own attribution
        "“It is a very sad development,” Cruz told reporters. “This is the consequence of the culture of the "
        "campaign,” Kasich added.",
        "“The reform is unavoidable and fair,” Vogel said. She added: “We will vote on it in May and it will pass.”",
    ],
)
def test_utterance_a_quote_with_its_own_attribution_is_apart(extractor, body):
    _, statements = _extract(extractor, body)
    direct = [s for s in statements if s.kind == "direct"]
    assert len(direct) == 2
    assert direct[0].utterance is None or direct[0].utterance != direct[1].utterance


@pytest.mark.parametrize(
    "body",
    [
        "Vogel said the reform was overdue: “Nobody wants to wait another ten years for a pension system.”",
        "“The reform is overdue,” Vogel said on Monday, “and nobody wants to wait another ten years for it.”",
    ],
)
def test_utterance_a_quote_runs_on_from_the_same_speakers_statement(extractor, body):
    _, statements = _extract(extractor, body)
    assert len(statements) == 2
    assert statements[0].utterance is not None and statements[0].utterance == statements[1].utterance


@pytest.mark.parametrize(
    "body",
    [
        # a sentence ends in between
        "Vogel said the reform was overdue. “Nobody wants to wait another ten years for a pension system,” she added.",
        # another speaker
        "Vogel said the reform was overdue, but Reinhardt said: “Nobody wants to pay for a pension system.”",
    ],
)
def test_utterance_a_quote_after_a_sentence_or_another_speaker_is_apart(extractor, body):
    _, statements = _extract(extractor, body)
    assert len(statements) == 2
    assert statements[0].utterance is None or statements[0].utterance != statements[1].utterance


def _reports(text: str, spans: list[tuple[str, str, str]]):
    out = []
    for quote, speaker, kind in spans:
        start = text.index(quote)
        out.append(Statement(article="", quote=quote, start=start, end=start + len(quote), kind=kind, speaker=speaker))
    return out


@pytest.mark.parametrize(
    ("text", "spans", "joined"),
    [
        (
            "Greenberg said the mayor has recovered before and said she can do so again.",
            [
                ("the mayor has recovered before", "Greenberg", "indirect"),
                ("she can do so again", "Greenberg", "indirect"),
            ],
            True,
        ),
        (
            "Holt said the budget is late, but added that the vote will pass.",
            [("the budget is late", "Holt", "indirect"), ("the vote will pass", "Holt", "indirect")],
            True,
        ),
        (
            "Holt said the budget is late, arguing that the vote will pass.",
            [("the budget is late", "Holt", "indirect"), ("the vote will pass", "Holt", "indirect")],
            True,
        ),
        # two speakers: two utterances
        (
            "Holt said the budget is late and Reyes said the vote will pass.",
            [("the budget is late", "Holt", "indirect"), ("the vote will pass", "Reyes", "indirect")],
            False,
        ),
        # another sentence between them: apart
        (
            "Holt said the budget is late. The ministry, which rarely comments, then said the vote will pass.",
            [("the budget is late", "Holt", "indirect"), ("the vote will pass", "Holt", "indirect")],
            False,
        ),
    ],
)
def test_utterance_conjoined_reports_of_one_speaker_share_an_utterance(text, spans, joined) -> None:
    first, second = joined_reports(text, _reports(text, spans))
    assert (first.utterance is not None and first.utterance == second.utterance) is joined
