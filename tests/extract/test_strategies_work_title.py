"""The title of a book, show or article in quote marks is no statement, even after a speaker's quote."""

from __future__ import annotations

import pytest
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _quotes(extractor: Extractor, body: str) -> list[str]:
    statements = article_statements(extractor, body, "Budget row")
    return [s.quote for s in statements]


LEAD = "“The party has lost its way on health care,” said Steven Hall, a historian. "


@pytest.mark.parametrize(
    ("body", "title", "kept"),
    [
        (LEAD + "Hall is the author of “America’s Bitter Pill.”", "America’s Bitter Pill", False),
        (LEAD + "He had roles in “How the Grinch Stole Christmas” and other films.", "How the Grinch", False),
        (
            LEAD + "Readers can find solace in a column titled “Clinton Does Best Where Voting Machines Fail.”",
            "Clinton Does Best",
            False,
        ),
        # negatives: a sentence in lower case, a chant, a characterisation after "as" stay
        (
            LEAD + "Hall wrote in his book that “the party has forgotten the people who built it.”",
            "the party has forgotten",
            True,
        ),
        ("“We Will Build The Wall And Mexico Will Pay,” Trump told the crowd.", "We Will Build", True),
    ],
)
def test_strategies_work_title_is_no_statement(extractor: Extractor, body: str, title: str, kept: bool) -> None:
    assert any(q.startswith(title) for q in _quotes(extractor, body)) == kept
