"""Fixtures and helpers of the extract tests: an extractor, and the statements of a short article."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Article, Statement
from quotegraph.extract.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor(nlp) -> Extractor:
    """A plain extractor (no topics, no entity file), one a test module."""
    return Extractor(nlp=nlp)


def article_statements(extractor: Extractor, body: str, title: str = "City news") -> list[Statement]:
    """The statements ``extractor`` finds in an article of ``title`` and ``body`` (the title skipped, as the
    reader skips it: a headline is read on its own); the article must be read, not fail."""
    text = title + "\n\n" + body
    article = Article(name="a.txt", text=text, title=title, skip=((0, len(title)),), article_id="a.txt")
    outcome, statements = extractor._process([article])[0]
    assert outcome.status == "read", outcome
    return statements


def speaker_of(extractor: Extractor, body: str, start: str) -> str | None:
    """The speaker of the first statement of the article ``body`` whose quote starts with ``start``."""
    found = [s for s in article_statements(extractor, body) if s.quote.startswith(start)]
    assert found, f"no statement starts with {start!r}"
    return found[0].speaker
