"""“A,” X said. “B.”: each quoted piece is its own span, the pieces share speaker, cue and one
utterance id, and no span holds its own cue or speaker."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Article
from quotegraph.extract.pipeline import Extractor
from quotegraph.graph.merge import merge_statements


@pytest.fixture(scope="module")
def extractor(nlp) -> Extractor:
    return Extractor(nlp=nlp)


def _extract(extractor: Extractor, body: str):
    text = "Pension row\n\n" + body
    article = Article(name="a.txt", text=text, title="Pension row", skip=((0, 11),), article_id="a.txt")
    outcome, statements = extractor._process([article])[0]
    assert outcome.status == "read"
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
