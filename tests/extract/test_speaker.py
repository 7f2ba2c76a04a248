"""The speaker stage without a model: subjects and mentions on hand-built parses."""

from __future__ import annotations

import pytest
from quotegraph.extract.speakers.mentions import find_subject, mention_for, name_between, role_in
from spacy.tokens import Doc

from tests.conftest import hand_doc

# (word, space after, part of speech, head index, dependency, entity tag)
COLUMNS = ("words", "spaces", "pos", "heads", "deps", "ents")

TITLED_NAME = [  # "NATO Secretary General Jens Stoltenberg said."
    ("NATO", True, "PROPN", 2, "compound", "B-ORG"),
    ("Secretary", True, "PROPN", 2, "compound", "O"),
    ("General", True, "PROPN", 4, "compound", "O"),
    ("Jens", True, "PROPN", 4, "compound", "B-PERSON"),
    ("Stoltenberg", True, "PROPN", 5, "nsubj", "I-PERSON"),
    ("said", False, "VERB", 5, "ROOT", "O"),
    (".", False, "PUNCT", 5, "punct", "O"),
]
PRONOUN = [  # "He said."
    ("He", True, "PRON", 1, "nsubj", "O"),
    ("said", False, "VERB", 1, "ROOT", "O"),
    (".", False, "PUNCT", 1, "punct", "O"),
]
ROLE_ONLY = [  # "The Italian Foreign Minister said."
    ("The", True, "DET", 3, "det", "O"),
    ("Italian", True, "ADJ", 3, "amod", "B-NORP"),
    ("Foreign", True, "PROPN", 3, "compound", "O"),
    ("Minister", True, "PROPN", 4, "nsubj", "O"),
    ("said", False, "VERB", 4, "ROOT", "O"),
    (".", False, "PUNCT", 4, "punct", "O"),
]
PASSIVE = [  # "The plan was criticised by Lee."
    ("The", True, "DET", 1, "det", "O"),
    ("plan", True, "NOUN", 3, "nsubjpass", "O"),
    ("was", True, "AUX", 3, "auxpass", "O"),
    ("criticised", True, "VERB", 3, "ROOT", "O"),
    ("by", True, "ADP", 3, "agent", "O"),
    ("Lee", False, "PROPN", 4, "pobj", "B-PERSON"),
    (".", False, "PUNCT", 3, "punct", "O"),
]
QUOTE_THEN_NAME = [  # "“We stay,” Rutte said."  (the parser lost the subject)
    ("“", False, "PUNCT", 2, "punct", "O"),
    ("We", True, "PRON", 2, "nsubj", "O"),
    ("stay", False, "VERB", 6, "ccomp", "O"),
    (",", False, "PUNCT", 2, "punct", "O"),
    ("”", True, "PUNCT", 2, "punct", "O"),
    ("Rutte", True, "PROPN", 6, "npadvmod", "B-PERSON"),
    ("said", False, "VERB", 6, "ROOT", "O"),
    (".", False, "PUNCT", 6, "punct", "O"),
]


def _doc(rows) -> Doc:
    return hand_doc(rows, COLUMNS)


@pytest.mark.parametrize(
    ("rows", "cue", "expected"),
    [
        (
            TITLED_NAME,
            5,
            ("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg", "PERSON", "secretary general", "NATO"),
        ),
        (PRONOUN, 1, ("He", None, "PRON", None, None)),
        (ROLE_ONLY, 4, ("The Italian Foreign Minister", None, "ROLE", "foreign minister", "Italy")),
        (PASSIVE, 3, ("Lee", "Lee", "PERSON", None, None)),  # the agent of a passive speaks
    ],
)
def test_speaker_mention_of_the_cue_subject(rows, cue, expected) -> None:
    doc = _doc(rows)
    subject = find_subject(doc, doc[cue])
    assert subject is not None
    m = mention_for(doc, subject)
    assert (m.text, m.name, m.label, m.role, m.org) == expected
    assert doc.text[m.start : m.end] == m.text


def test_speaker_no_subject_without_one() -> None:
    doc = _doc(QUOTE_THEN_NAME)
    assert find_subject(doc, doc[6]) is None


def test_speaker_name_between_the_closing_mark_and_the_cue() -> None:
    doc = _doc(QUOTE_THEN_NAME)
    start = doc.text.index("”") + 1
    token = name_between(doc, start, doc[6].idx)
    assert token is not None and token.text == "Rutte"
    assert name_between(doc, doc[6].idx, len(doc.text)) is None  # nothing but the cue and a period


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the Foreign-Minister of Italy", "foreign minister"),
        ("NATO Secretary General", "secretary general"),
        ("a Kremlin spokesman", "spokesman"),
        ("the weather", None),
        ("", None),
        # two roles as long: the later one, the phrase's head, whatever the hash seed
        ("Republican president candidate Donald Trump", "candidate"),
        ("the candidate and former president", "president"),
    ],
)
def test_speaker_role_in_finds_the_longest_role(text: str, role: str | None) -> None:
    assert role_in(text) == role
