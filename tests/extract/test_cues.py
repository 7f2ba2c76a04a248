"""The cue stage without a model: hand-built parses (words, lemmas, parts of speech, heads, labels)."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.cues import find_cues, load_lexicon
from spacy.tokens import Doc

from tests.conftest import hand_doc

LEXICON = load_lexicon()

# (word, lemma, part of speech, head index, dependency)
Row = tuple[str, str, str, int, str]


def _doc(rows: list[Row]) -> Doc:
    return hand_doc(rows, ("words", "lemmas", "pos", "heads", "deps"))


SAID = [
    ("She", "she", "PRON", 1, "nsubj"),
    ("said", "say", "VERB", 1, "ROOT"),
    ("that", "that", "SCONJ", 4, "mark"),
    ("taxes", "tax", "NOUN", 4, "nsubj"),
    ("fall", "fall", "VERB", 1, "ccomp"),
]
CALLED_ON = [
    ("He", "he", "PRON", 1, "nsubj"),
    ("called", "call", "VERB", 1, "ROOT"),
    ("on", "on", "ADP", 1, "prep"),
    ("NATO", "NATO", "PROPN", 2, "pobj"),
    ("to", "to", "PART", 5, "aux"),
    ("act", "act", "VERB", 1, "xcomp"),
]
ACCORDING = [
    ("According", "accord", "VERB", 4, "prep"),
    ("to", "to", "ADP", 0, "prep"),
    ("Lee", "Lee", "PROPN", 1, "pobj"),
    ("taxes", "tax", "NOUN", 4, "nsubj"),
    ("fall", "fall", "VERB", 4, "ROOT"),
]
HAS_SAID = [
    ("She", "she", "PRON", 2, "nsubj"),
    ("has", "have", "AUX", 2, "aux"),
    ("said", "say", "VERB", 2, "ROOT"),
    ("no", "no", "DET", 4, "det"),
    ("more", "more", "ADJ", 2, "dobj"),
]
CLAIMS_AS_NOUN = [  # "Trump claims that ...": the tagger read the verb as a plural noun
    ("Trump", "Trump", "PROPN", 1, "nsubj"),
    ("claims", "claim", "NOUN", 1, "ROOT"),
    ("that", "that", "SCONJ", 4, "mark"),
    ("taxes", "tax", "NOUN", 4, "nsubj"),
    ("fall", "fall", "VERB", 1, "ccomp"),
]
THINKS = [
    ("She", "she", "PRON", 1, "nsubj"),
    ("thinks", "think", "VERB", 1, "ROOT"),
    ("taxes", "tax", "NOUN", 3, "nsubj"),
    ("fall", "fall", "VERB", 1, "ccomp"),
]
SAID_AS_ADJECTIVE = [  # "the said document": no one speaks
    ("The", "the", "DET", 2, "det"),
    ("said", "said", "ADJ", 2, "amod"),
    ("document", "document", "NOUN", 3, "nsubj"),
    ("exists", "exist", "VERB", 3, "ROOT"),
]
CLAIMS_NOUN_PHRASE = [  # "the claims were false": a noun, with no subject or clause of its own
    ("The", "the", "DET", 1, "det"),
    ("claims", "claim", "NOUN", 2, "nsubj"),
    ("were", "be", "AUX", 2, "ROOT"),
    ("false", "false", "ADJ", 2, "acomp"),
]

TWEET_TAG = [  # "<tweet author=...>": the tag of a markup element the tagger read as a verb
    ("<", "<", "X", 1, "punct"),
    ("tweet", "tweet", "VERB", 1, "ROOT"),
    ("author", "author", "NOUN", 1, "dobj"),
]
TWEETED = [
    ("She", "she", "PRON", 1, "nsubj"),
    ("tweeted", "tweet", "VERB", 1, "ROOT"),
    ("a", "a", "DET", 3, "det"),
    ("photo", "photo", "NOUN", 1, "dobj"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (SAID, [("said", "say", "speech")]),
        (TWEETED, [("tweeted", "tweet", "speech")]),
        (TWEET_TAG, []),  # markup, not a word of the text
        (CALLED_ON, [("called on", "call on", "appeal")]),
        (ACCORDING, [("according to", "according to", "according")]),
        (HAS_SAID, [("said", "say", "speech")]),  # the auxiliary is no cue
        (CLAIMS_AS_NOUN, [("claims", "claim", "speech")]),
        (THINKS, []),  # a thought verb only when asked for
        (SAID_AS_ADJECTIVE, []),
        (CLAIMS_NOUN_PHRASE, []),
    ],
)
def test_cues_find_cues_on_a_parse(rows: list[Row], expected: list[tuple[str, str, str]]) -> None:
    doc = _doc(rows)
    cues = find_cues(doc, LEXICON)
    assert [(c.text, c.lemma, c.cls) for c in cues] == expected
    for c in cues:
        assert doc.text[c.start : c.end].lower() == c.text.lower()


@pytest.mark.xfail(strict=True, reason="the 'according to' cue's text is written lower case, not as in the text")
def test_cues_cue_text_is_as_written() -> None:
    doc = _doc(ACCORDING)
    [cue] = find_cues(doc, LEXICON)
    assert cue.text == doc.text[cue.start : cue.end] == "According to"


def test_cues_thought_verbs_when_asked_for() -> None:
    cues = find_cues(_doc(THINKS), LEXICON, include_thought=True)
    assert [(c.text, c.cls) for c in cues] == [("thinks", "thought")]


def test_cues_phrasal_particle_is_kept() -> None:
    [cue] = find_cues(_doc(CALLED_ON), LEXICON)
    assert cue.head == 1 and cue.particle == 2


@pytest.mark.parametrize(
    ("lemma", "cls"),
    [
        ("chant", "speech"),  # protesters chanted "..."
        ("yell", "speech"),
        ("grouse", "speech"),
        ("announce", "speech"),  # a clause first ("announced that ..."), its object otherwise
        ("defend", "object"),
        ("urge", "appeal"),
        ("walk", None),
        ("eat", None),
    ],
)
def test_cues_lexicon_classes_of_verbs(lemma: str, cls: str | None) -> None:
    assert load_lexicon().verb_class(lemma) == cls


@pytest.mark.parametrize("lemma", ["announce", "report", "reveal", "unveil"])
def test_cues_lexicon_verbs_that_also_report_their_object(lemma: str) -> None:
    assert lemma in load_lexicon().object
