"""A quote alone in its sentence whose speaker the next sentence names ('“...” The charge came from X')."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _statements(extractor: Extractor, body: str) -> list[Statement]:
    return article_statements(extractor, body, "Flood row")


def _of(extractor: Extractor, body: str, start: str) -> Statement:
    [statement] = [s for s in _statements(extractor, body) if s.quote.startswith(start)]
    return statement


_QUOTE = "“We will not let them build on that land again.”\n\n"


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        ("The warning came from a neighbour, Joan Pike, who has lived on the street for 30 years.", "Joan Pike"),
        ("The sharpest criticism came from the Green Party on Tuesday.", "Green Party"),
        ("Those were the words of the mayor, Ana Ruiz, at a rally on Tuesday.", "Ana Ruiz"),
        ("That was Greg Amos, whose basement flooded twice.", "Greg Amos"),
        ("The remark came from Coun. Paul Reyes at the committee meeting.", "Paul Reyes"),
        ("That was the response of Harcastle Homes, the developer.", "Harcastle Homes"),
        ("So said Coun. Paul Reyes at the committee meeting.", "Paul Reyes"),
    ],
)
def test_named_after_the_next_sentence_names_the_speaker(extractor: Extractor, after: str, speaker: str) -> None:
    statement = _of(extractor, _QUOTE + after, "We will not")
    assert (statement.speaker, statement.rule) == (speaker, "named_after")


@pytest.mark.parametrize(
    "after",
    [
        "The charge came from nowhere.",  # no one
        "That was Tuesday.",  # a day
        "That was a mistake, residents said later.",  # a thing
        "That was Smith's plan all along.",  # a possessive after "That was" names a thing
        "The criticism came from the north side of the river.",  # a place, no name
        "The water came from Harcastle Homes' drains.",  # not a word for what was said
        "That was the view of many residents.",  # no one named
        "Those were the days.",  # no one
    ],
)
def test_named_after_names_no_one(extractor: Extractor, after: str) -> None:
    statement = _of(extractor, _QUOTE + after, "We will not")
    assert statement.rule != "named_after"


def test_named_after_a_quote_with_its_own_cue_keeps_it(extractor: Extractor) -> None:
    body = "“We will not let them build on that land again,” Mayor Ann Kerr said.\n\nThe charge came from Coun. Paul Reyes."
    statement = _of(extractor, body, "We will not")
    assert statement.speaker == "Ann Kerr"


def test_named_after_a_quote_inside_a_sentence_is_not_alone(extractor: Extractor) -> None:
    body = "Residents said “they will not let them build on that land again.” The charge came from Coun. Paul Reyes."
    assert all(s.rule != "named_after" for s in _statements(extractor, body))


def test_named_after_the_pronoun_after_is_the_person_named(extractor: Extractor) -> None:
    body = (
        "Mayor Ann Kerr opened the meeting.\n\n" + _QUOTE + "That was Greg Amos, whose basement flooded. "
        "He said his insurer had refused to renew his policy."
    )
    assert _of(extractor, body, "his insurer").speaker == "Greg Amos"
