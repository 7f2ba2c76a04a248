"""Names within one article without a model: the name index on a hand-built parse, and its look-ups."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.content import find_quotes
from quotegraph.extract.speakers.coref import NameIndex, build_index

from tests.conftest import hand_doc

# "NATO Secretary General Jens Stoltenberg spoke. Stoltenberg said “Rutte agrees”."
# (word, space after, head, dependency, part of speech, entity tag)
ROWS = [
    ("NATO", True, 2, "compound", "PROPN", "B-ORG"),
    ("Secretary", True, 2, "compound", "PROPN", "O"),
    ("General", True, 4, "compound", "PROPN", "O"),
    ("Jens", True, 4, "compound", "PROPN", "B-PERSON"),
    ("Stoltenberg", True, 5, "nsubj", "PROPN", "I-PERSON"),
    ("spoke", False, 5, "ROOT", "VERB", "O"),
    (".", True, 5, "punct", "PUNCT", "O"),
    ("Stoltenberg", True, 8, "nsubj", "PROPN", "B-PERSON"),
    ("said", True, 8, "ROOT", "VERB", "O"),
    ("“", False, 11, "punct", "PUNCT", "O"),
    ("Rutte", True, 11, "nsubj", "PROPN", "B-PERSON"),
    ("agrees", False, 8, "ccomp", "VERB", "O"),
    ("”", False, 8, "punct", "PUNCT", "O"),
    (".", False, 8, "punct", "PUNCT", "O"),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    doc = hand_doc(ROWS, ("words", "spaces", "heads", "deps", "pos", "ents"))
    return build_index(doc, find_quotes(doc.text))


def test_coref_index_keeps_the_fullest_name_per_surname(index: NameIndex) -> None:
    assert index.full_by_surname == {"stoltenberg": "Jens Stoltenberg", "rutte": "Rutte"}


def test_coref_index_gives_the_printed_title_to_the_name(index: NameIndex) -> None:
    assert index.role_holders == {"secretary general": "Jens Stoltenberg"}


def test_coref_index_lists_persons_outside_quotes_only(index: NameIndex) -> None:
    assert [name for _, name in index.persons] == ["Jens Stoltenberg", "Stoltenberg"]  # not Rutte, who is quoted


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Stoltenberg", "Jens Stoltenberg"),
        ("Stoltenberg’s", "Jens Stoltenberg"),
        ("STOLTENBERG", "Jens Stoltenberg"),
        ("Rutte", "Rutte"),
        ("Lavrov", "Lavrov"),  # unknown to the article: unchanged
        ("Erna Stoltenberg-Solberg", "Erna Stoltenberg-Solberg"),  # another surname
    ],
)
def test_coref_canonical_name_by_surname(index: NameIndex, name: str, expected: str) -> None:
    assert index.canonical(name) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("the Secretary General", "Jens Stoltenberg"),
        ("the NATO chief", "Jens Stoltenberg"),  # a generic head noun: the only role holder
        ("the Foreign Minister", None),
        ("the weather", None),
    ],
)
def test_coref_role_holder(index: NameIndex, role: str, expected: str | None) -> None:
    assert index.holder(role) == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Some", "PRON", "Some"),  # an unnamed source, not the previous speaker
        ("Someone", "PRON", "Someone"),
        ("Both", "PRON", "Both"),
        ("he", "PRON", "Jens Stoltenberg"),  # a personal pronoun still takes the previous speaker
        ("a NATO spokesman", "ROLE", "a NATO spokesman"),  # someone unnamed, not the role holder
        ("the Secretary General", "ROLE", "Jens Stoltenberg"),
    ],
)
def test_coref_unnamed_sources_stay_unnamed(index: NameIndex, text: str, label: str, expected: str) -> None:
    from quotegraph.extract.speakers.coref import resolve
    from quotegraph.extract.speakers.mentions import Mention

    doc = hand_doc(ROWS, ("words", "spaces", "heads", "deps", "pos", "ents"))
    mention = Mention(200, 200 + len(text), 0, text, None, label)
    assert resolve(mention, index, [(10, "Jens Stoltenberg")], doc)[0] == expected


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        # "she" is the subject earlier in her own sentence, before the previous sentence's person
        (
            "Helen Ward said the plan was sound. Erin Cole, an environmental activist, endorsed it on Saturday, "
            "and she said the state needed help first.",
            "the state needed help",
            "Erin Cole",
        ),
        # never a name the quote itself makes its subject
        (
            "Maria Lind spoke to reporters on Tuesday. “Anna Vogel is wrong about the pensions,” she said.",
            "Anna Vogel is wrong",
            "Maria Lind",
        ),
    ],
)
def test_coref_pronoun_takes_the_subject_before_it_in_its_sentence(nlp, body: str, start: str, speaker: str) -> None:
    from quotegraph.extract.model import Article
    from quotegraph.extract.pipeline import Extractor

    text = "Plan row\n\n" + body
    article = Article(name="a.txt", text=text, title="Plan row", skip=((0, 8),), article_id="a.txt")
    _, statements = Extractor(nlp=nlp)._process([article])[0]
    assert [s.speaker for s in statements if s.quote.startswith(start)] == [speaker], statements
