"""A quote that opens its paragraph after a one-sentence paragraph in which a person speaks."""

from __future__ import annotations

import pytest
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _speaker(extractor: Extractor, body: str, start: str) -> str | None:
    statements = article_statements(extractor, body, "Budget row")
    [speaker] = [s.speaker for s in statements if s.quote.startswith(start)]
    return speaker


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        (
            "The actor spoke at a rally in Ohio.\n\nHoward continued his scathing remarks.\n\n"
            "“Eight years ago she was the presumed nominee, and a fellow came along and beat her. She was winning!”",
            "Eight years ago",
            "Howard",
        ),
        (
            "The vote was close.\n\nMayor Ellen Cho explained the decision on Monday.\n\n"
            "“We could not keep the pool open for another summer without raising the fees for everyone.”",
            "We could not keep",
            "Ellen Cho",
        ),
        # negative: a verb that is no cue introduces nobody
        (
            "The weather was cold.\n\nSmith bought a new car.\n\n"
            "“It is the best car I have ever owned and I would buy it again tomorrow.”",
            "It is the best car",
            None,
        ),
        # quote marks in the paragraph before: its own statement, which the quote continues
        (
            "The weather was cold.\n\nSmith explained the “new plan” to us.\n\n"
            "“It is the best car I have ever owned and I would buy it again tomorrow.”",
            "It is the best car",
            "Smith",
        ),
    ],
)
def test_strategies_paragraph_before_introduces_the_speaker(
    extractor: Extractor, body: str, start: str, speaker: str | None
) -> None:
    assert _speaker(extractor, body, start) == speaker
