"""A long article is read in sections: memory bounded by a section, offsets exact, limits reported."""

from __future__ import annotations

import itertools

import pytest
from quotegraph.extract.model import Article
from quotegraph.extract.pipeline import Extractor, sections_of

PARAGRAPH = "“This is fine,” he said. “We will carry on,” Anna Berg told reporters on Monday.\n\n"


@pytest.mark.parametrize("size", [1_000, 1_500, 4_000])
def test_pipeline_sections_cover_the_text_at_paragraph_breaks(size):
    text = "Title line\n\n" + PARAGRAPH * 100
    article = Article(name="a.txt", text=text, title="Title line", skip=((0, 10), (500, 520)))
    pieces = list(sections_of(article, size))
    assert "".join(p.text for _, p in pieces) == text
    assert all(len(p.text) <= size for _, p in pieces)
    assert all(p.text.endswith("\n\n") for _, p in pieces[:-1])  # never inside a paragraph here
    starts = [s for s, _ in pieces]
    assert starts[0] == 0 and all(a < b for a, b in itertools.pairwise(starts))
    for start, piece in pieces:
        for a, b in piece.skip:
            assert 0 <= a < b <= len(piece.text)
            assert piece.text[a:b] == text[start + a : start + b]


def test_pipeline_sections_of_one_long_line_cut_at_spaces():
    article = Article(name="a.txt", text="word " * 1_000)
    pieces = list(sections_of(article, 1_000))
    assert "".join(p.text for _, p in pieces) == article.text
    assert all(p.text.endswith(" ") for _, p in pieces)


@pytest.fixture(scope="module")
def long_results(nlp):
    text = "Budget row\n\n" + PARAGRAPH * 60
    article = Article(name="long.txt", text=text, title="Budget row", skip=((0, 10),), article_id="long.txt")
    whole = Extractor(nlp=nlp)._process([article])[0]
    cut = Extractor(nlp=nlp, section_chars=1_000, long_article_chars=2_000)._process([article])[0]
    return article, whole, cut


def test_pipeline_long_article_in_sections_gives_the_same_statements(long_results):
    article, (whole_outcome, whole), (cut_outcome, cut) = long_results
    assert whole_outcome.status == cut_outcome.status == "read"
    assert len(cut) == len(whole) >= 60  # one or two statements per paragraph, the same in sections
    for s in cut:
        assert article.text[s.start : s.end] == s.quote
        assert article.text[s.cue_start : s.cue_end] == s.cue
    assert [(s.start, s.quote) for s in cut] == [(s.start, s.quote) for s in whole]


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"max_article_chars": 3_000}, "over the limit"),
        ({"article_timeout": 0.0}, "not finished in 0 s"),
        ({"max_article_statements": 30}, "statements, over the limit of 30"),
    ],
)
def test_pipeline_long_article_over_a_limit_is_skipped_with_the_reason(nlp, options, reason):
    article = Article(name="long.txt", text=PARAGRAPH * 60)
    outcome, statements = Extractor(nlp=nlp, section_chars=1_000, long_article_chars=2_000, **options)._process(
        [article]
    )[0]
    assert outcome.status == "skipped" and reason in outcome.reason and statements == []


def test_pipeline_long_paragraph_stance_context_is_a_shared_window():
    """Topic and stance read a window of one huge paragraph, shared by the statements near each other
    (a copy of the paragraph per statement grew a build to 7.7 GB on 12,000 quotes); a paragraph of
    normal length is read whole, as before."""
    from quotegraph.extract.model import Statement
    from quotegraph.extract.stance import LONG_PARAGRAPH, PARAGRAPH_WINDOW, _context

    sentence = "“This is fine,” he said. "
    text = sentence * (3 * LONG_PARAGRAPH // len(sentence))
    article = Article(name="big.txt", text=text)
    starts = range(1, len(text) - 20, len(sentence) * 3)
    statements = [
        Statement(article="big.txt", quote="This is fine", start=a, end=a + 12, kind="direct") for a in starts
    ]
    windows: dict[tuple[int, int], str] = {}
    contexts = [_context(None, article, s, windows) for s in statements]
    assert all(len(p) <= 4 * PARAGRAPH_WINDOW for _, p in contexts)
    for _, p in contexts:
        assert "This is fine" in p and text.find(p) >= 0
    assert len({id(p) for _, p in contexts}) == len(windows) < len(statements) / 5
    normal = Article(name="a.txt", text="Intro.\n\n" + sentence * 40 + "\n\nEnd.")
    s = Statement(article="a.txt", quote="This is fine", start=9, end=21, kind="direct")
    assert _context(None, normal, s) == (("\n\n" + sentence * 40),) * 2


def test_pipeline_article_with_too_many_statements_is_skipped_even_unsectioned(nlp):
    article = Article(name="many.txt", text=PARAGRAPH * 10)
    [(outcome, statements)] = Extractor(nlp=nlp)._process([article])
    n = len(statements)
    assert outcome.status == "read" and n >= 10
    [(outcome, statements)] = Extractor(nlp=nlp, max_article_statements=n - 1)._process([article])
    assert outcome.status == "skipped" and f"over the limit of {n - 1}" in outcome.reason and statements == []
    [(outcome, statements)] = Extractor(nlp=nlp, max_article_statements=n)._process([article])
    assert outcome.status == "read" and len(statements) == n
