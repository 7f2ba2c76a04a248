"""The shared text normalisation: model-free."""

from __future__ import annotations

import pytest
from quotegraph.extract.text import (
    CLOSERS,
    DOUBLE_CLOSERS,
    DOUBLE_QUOTE_MARKS,
    LEAD_MARKS,
    OPEN_MARKS,
    OPENERS,
    STOP_WORDS,
    fold,
    name_key,
    name_slug,
    slug,
    surname,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelenskyy’s", "zelenskyy's"),
        ("Žižek", "zizek"),
        ("ÉLYSÉE Palace", "elysee palace"),
        ("it‘s", "it's"),
        ("Plain words, kept.", "plain words, kept."),  # punctuation is kept: fold only folds
    ],
)
def test_text_fold_lowers_and_strips_accents(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jens Stoltenberg", "jens stoltenberg"),
        ("Stoltenberg’s", "stoltenberg"),
        ("The Kremlin's", "kremlin"),
        ("the Pentagon", "pentagon"),
        ("Theresa May", "theresa may"),  # "the" only as a whole leading word
        ("Jean-Luc Mélenchon", "jean-luc melenchon"),
        ("Lee - Park", "lee park"),  # a lone dash is no word
        ("  ", ""),
    ],
)
def test_text_name_key_keeps_the_words_of_a_name(name: str, expected: str) -> None:
    assert name_key(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jens Stoltenberg", "stoltenberg"),
        ("Stoltenberg’s", "stoltenberg"),
        ("Alexandria Ocasio-Cortez", "ocasio-cortez"),
        ("Zelenskyy", "zelenskyy"),
        ("", ""),
        ("...", ""),
    ],
)
def test_text_surname_is_the_last_word_of_the_name(name: str, expected: str) -> None:
    assert surname(name) == expected


def test_text_surname_agrees_across_spellings() -> None:
    assert surname("Jens Stoltenberg") == surname("STOLTENBERG's") == surname("Stoltenberg’s")
    assert surname("Jens Stoltenberg") != surname("Jens Stoltenbergs")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interview with CNN", "interview-with-cnn"),
        ("Daily Herald", "daily-herald"),
        ("a.txt", "a-txt"),
        ("The Guardian", "the-guardian"),  # a slug keeps every word
        ("Ukraine’s war", "ukraine-s-war"),
        ("", "unknown"),
        ("?!", "unknown"),
    ],
)
def test_text_slug_joins_folded_words(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jens Stoltenberg", "jens-stoltenberg"),
        ("The Kremlin", "kremlin"),
        ("Stoltenberg’s", "stoltenberg"),
        ("Jean-Luc Mélenchon", "jean-luc-melenchon"),
        ("", "unknown"),
    ],
)
def test_text_name_slug_goes_through_the_name_key(name: str, expected: str) -> None:
    assert name_slug(name) == expected


def test_text_stop_words_are_function_words_only() -> None:
    assert {"the", "of", "not", "whom", "you"} <= STOP_WORDS
    assert not {"tax", "weapons", "support", "oppose", "war"} & STOP_WORDS
    assert all(w == w.lower().strip() and w for w in STOP_WORDS)


def test_text_quote_marks_pair_up() -> None:
    assert set(OPEN_MARKS) == {k for k in OPENERS if len(k) == 1}
    assert {v for v in OPENERS.values() if len(v) == 1} <= CLOSERS
    assert DOUBLE_CLOSERS <= CLOSERS and "’" not in DOUBLE_CLOSERS  # ’ is often an apostrophe
    assert set(DOUBLE_QUOTE_MARKS) >= {'"', "“", "”", "«", "»"} and "’" not in DOUBLE_QUOTE_MARKS
    assert "“ “ Well".rstrip(LEAD_MARKS) == "“ “ Well" and "He said: “".rstrip(LEAD_MARKS) == "He said:"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinton ‘A Disgrace’ Over Comments", "Clinton 'A Disgrace' Over Comments"),
        ("“a hoax,” he said «today» „here“", '"a hoax," he said "today" "here"'),
        ("plain 'ascii' text", "plain 'ascii' text"),
    ],
)
def test_text_ascii_quotes(text, expected):
    from quotegraph.extract.text import ascii_quotes

    assert ascii_quotes(text) == expected
