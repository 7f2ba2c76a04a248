"""Span boundaries of statements with the real model: what a cue reports starts and stops where the
reported words do (no run-on over a paragraph break, no attribution clause inside, ...)."""

from __future__ import annotations

import pytest
from quotegraph.extract.content import within_line
from quotegraph.extract.model import Article
from quotegraph.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor(nlp) -> Extractor:
    return Extractor(nlp=nlp)


def _spans(extractor: Extractor, body: str) -> list[str]:
    text = "Pension row\n\n" + body
    article = Article(name="a.txt", text=text, title="Pension row", skip=((0, 11),), article_id="a.txt")
    outcome, statements = extractor._process([article])[0]
    assert outcome.status == "read"
    return [text[s.start : s.end] for s in statements]


@pytest.mark.parametrize(
    ("text", "start", "end", "anchor", "expected"),
    [
        ("One line.\n\nTwo words here.", 0, 26, 14, "Two words here."),
        ("One line.\n\nTwo words here.", 0, 26, 2, "One line."),
        ("All on one line.", 0, 16, 4, "All on one line."),
    ],
)
def test_within_line_clips_to_the_anchor_line(text, start, end, anchor, expected):
    s, e = within_line(text, start, end, anchor)
    assert text[s:e] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the parser runs the sentence before the quote on into the next paragraph: the cue's content stays
        # in its own paragraph
        (
            "The minister defended the reform at a rally in Bonn on Tuesday night, and the unions walked out."
            "\n\n''There is no way we can pay pensions without new revenue,'' she said.",
            "There is no way we can pay pensions without new revenue",
        ),
        # negative: a mixed quote inside one paragraph keeps its unquoted part
        (
            "The mayor said that the plan was ''a disgrace to the city'' and must be dropped.",
            "the plan was ''a disgrace to the city'' and must be dropped",
        ),
    ],
)
def test_content_stays_in_the_paragraph_of_its_cue(extractor, body, expected):
    spans = _spans(extractor, body)
    assert expected in spans
    assert not any("\n" in s for s in spans)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a participle after the comma of a closing quote is the writer's aside, not the report
        (
            "The governor is insisting that he has “expanded the party,” claiming that he is responsible for "
            "higher turnout.",
            "expanded the party",
        ),
        (
            "The mayor said the budget was balanced, adding that taxes would not rise.",
            "the budget was balanced",
        ),
        (
            "The senator said the vote was “a betrayal of voters,” calling on the party to resign.",
            "the vote was “a betrayal of voters",
        ),
        # negative: a participle set off in the middle of the clause stays
        (
            "The mayor said the budget cuts, hurting schools across the state, would be reversed in March.",
            "the budget cuts, hurting schools across the state, would be reversed in March",
        ),
    ],
)
def test_content_leaves_out_a_trailing_participle_aside(extractor, body, expected):
    spans = _spans(extractor, body)
    assert expected in spans
