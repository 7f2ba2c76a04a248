"""The shared text normalisation: model-free."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
import yaml
from quotegraph.extract.text import (
    CLOSERS,
    DOUBLE_CLOSERS,
    DOUBLE_QUOTE_MARKS,
    LEAD_MARKS,
    OPEN_MARKS,
    OPENERS,
    STOP_WORDS,
    fold,
    load_yaml,
    name_key,
    name_slug,
    resource_text,
    resource_yaml,
    slug,
    suffix_stem,
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


def _slow_fold(text: str) -> str:
    """The definition: apostrophes straightened, NFKD, every combining character dropped, lower case."""
    text = unicodedata.normalize("NFKD", text.translate(str.maketrans({"’": "'", "‘": "'", "`": "'"})))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@pytest.mark.parametrize(
    "text",
    [
        "Žižek’s café — naïve “Trump’s” taxes",
        "Plain text's here",
        "Ελληνικά and ёлка",
        "``Quoted,'' he said: it`s",  # the ASCII backtick is an apostrophe too
        "x\u034fy",  # the grapheme joiner has combining class 0: kept
        "が and ﬁne",  # a combining mark outside the accents' block, a ligature
        "İstanbul",
        "",
    ],
)
def test_text_fold_is_the_slow_definition(text: str) -> None:
    assert fold(text) == _slow_fold(text)


def test_text_fold_fast_ranges_hold_no_other_combining_marks() -> None:
    from quotegraph.extract.text import _NO_OTHER_MARKS

    fast = re.compile(f"[{_NO_OTHER_MARKS}]")
    marks = (chr(c) for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c)))
    assert all(not fast.match(c) or "\u0300" <= c <= "\u036f" for c in marks)


LIGHT = ("ations", "ation", "ities", "ing", "ies", "ed", "es", "s")
MATCH = ("ation", "ing", "ants", "ant", "ed", "es", "s")


@pytest.mark.parametrize(
    ("word", "args", "expected"),
    [
        ("restrictions", (LIGHT, 4), "restriction"),
        ("striking", (LIGHT, 4), "strik"),
        ("strikes", (LIGHT, 4), "strik"),
        ("buses", (LIGHT, 4), "buse"),  # "es" would leave 3 letters: the next suffix that fits
        ("thing", (LIGHT, 4), "thing"),  # "ing" would leave 2 letters, and no other fits
        ("bus", (LIGHT, 4), "bus"),  # too short for any suffix
        ("vote", (MATCH, 3, ("ss", "us", "is"), True), "vot"),
        ("voting", (MATCH, 3, ("ss", "us", "is"), True), "vot"),
        ("class", (MATCH, 3, ("ss", "us", "is"), True), "class"),  # a kept ending: no plural "s"
        ("immigrants", (MATCH, 3, ("ss", "us", "is"), True), "immigr"),
        ("use", (MATCH, 3, ("ss", "us", "is"), True), "use"),  # a final "e" stays on a stem this short
        ("vote", (LIGHT, 4), "vote"),  # without drop_e
    ],
)
def test_text_suffix_stem_strips_the_first_fitting_suffix(word: str, args: tuple, expected: str) -> None:
    assert suffix_stem(word, *args) == expected


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


def test_text_resource_yaml_reads_packaged_files():
    assert "lines" in resource_yaml("boilerplate.yaml")
    assert resource_text("stop_words.txt").strip()
    assert resource_yaml("no-such-file.yaml", optional=True) is None
    with pytest.raises(FileNotFoundError):
        resource_yaml("no-such-file.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#StopHillary2016 now", "Stop Hillary 2016 now"),
        ("@HillaryClinton will win", "Hillary Clinton will win"),
        ("The #ClimateChange deniers", "The Climate Change deniers"),
        ("#USA #MAGA2020", "USA MAGA 2020"),
        # negatives: a tag in one case stays one word; an address or "C#" is no tag
        ("#feminism rocks", "feminism rocks"),
        ("write to a@b.com", "write to a@b.com"),
        ("C# is a language", "C# is a language"),
    ],
)
def test_text_untag_reads_the_words_of_a_tag(text, expected):
    from quotegraph.extract.text import untag

    assert untag(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The C.I.A. said so", "The CIA said so"),
        ("c.i.a", "cia"),
        ("N.A.T.O troops", "NATO troops"),
        # negatives: two initials ("U.S.", "e.g.") and abbreviations with more than one letter between dots
        ("U.S. forces, e.g. the navy", "U.S. forces, e.g. the navy"),
        ("She has a Ph.D.", "She has a Ph.D."),
    ],
)
def test_text_undot_runs_dotted_initials_together(text, expected):
    from quotegraph.extract.text import undot

    assert undot(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Banning Junk Food In Schools Could Decrease Heart Disease", "Banning junk food in schools could decrease heart disease"),
        ("NATO Should Admit Ukraine Now, Says Stoltenberg", "NATO should admit ukraine now, says stoltenberg"),
        # negatives: a sentence with a few names, a short title
        ("The US offers great opportunities to Americans.", None),
        ("War on the Poor", None),
    ],
)
def test_text_title_case_to_sentence_case(text, expected):
    from quotegraph.extract.text import sentence_case, title_case

    assert title_case(text) is (expected is not None)
    if expected is not None:
        assert sentence_case(text) == expected


@pytest.mark.parametrize(
    ("text", "shouts"),
    [
        ("IT IS THE RIGHT OF EVERY AMERICAN TO BEAR ARMS", True),
        # negatives: acronyms in a sentence, a short shout
        ("NATO and the EU said the plan would work.", False),
        ("STOP THIS", False),
    ],
)
def test_text_shouting(text, shouts):
    from quotegraph.extract.text import lower_case, shouting

    assert shouting(text) is shouts
    assert len(lower_case(text)) == len(text)


@pytest.mark.parametrize("name", ["stance.yaml", "cues.yaml", "topic_match.yaml"])
def test_text_load_yaml_reads_as_the_safe_loader(name):
    assert load_yaml(resource_text(name)) == yaml.safe_load(resource_text(name))


def test_text_load_yaml_refuses_python_objects():
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")
