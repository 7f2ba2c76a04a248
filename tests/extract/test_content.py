"""The content stage without a model: quote marks on plain text, and the cue's content on hand-built
parses (``Doc`` with words, heads and dependency labels, as spaCy's own tests build them)."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.content import (
    QuoteSpan,
    according_content,
    appeal_content,
    as_content,
    chars_in_quotes,
    clause_content,
    find_quotes,
    object_content,
    overlapping,
    subtree_range,
    trim,
)
from spacy.tokens import Doc

from tests.conftest import hand_doc


def _doc(tokens: list[tuple[str, int, str, str]], *, glue: tuple[int, ...] = ()) -> Doc:
    """A parsed ``Doc`` from (word, head index, dependency, part of speech) rows; a space follows every
    token except the last and those whose index is in ``glue`` (the token before a comma or a period)."""
    rows = [(*t, i not in glue and i < len(tokens) - 1) for i, t in enumerate(tokens)]
    return hand_doc(rows, ("words", "heads", "deps", "pos", "spaces"))


# "As the minister noted, taxes will fall."
AS_NOTED = [
    ("As", 3, "mark", "SCONJ"),
    ("the", 2, "det", "DET"),
    ("minister", 3, "nsubj", "NOUN"),
    ("noted", 7, "advcl", "VERB"),
    (",", 7, "punct", "PUNCT"),
    ("taxes", 7, "nsubj", "NOUN"),
    ("will", 7, "aux", "AUX"),
    ("fall", 7, "ROOT", "VERB"),
    (".", 7, "punct", "PUNCT"),
]


def _quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


# -- quote marks ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” he said.", ["We will win"]),  # the comma before the closing mark is the sentence's
        ("«Nous gagnerons», a-t-il dit.", ["Nous gagnerons"]),
        ("„Wir schaffen das“, sagte sie.", ["Wir schaffen das"]),  # German „ is closed by “
        ('He said "no deal" twice.', ["no deal"]),
        ("``Tokenised text'' he said.", ["Tokenised text"]),
        ("She answered ‘maybe’.", ["maybe"]),
        pytest.param(
            "She answered ‘maybe’ again.",
            ["maybe"],
            marks=pytest.mark.xfail(strict=True, reason="’ before a space reads as a plural possessive (allies’)"),
        ),
        ("«Mixed marks” were typed.", ["Mixed marks"]),
        ("”Fear. I am afraid.” he wrote.", ["Fear. I am afraid."]),  # a closing mark typed to open a line
        ("“A b c,” she said, “d e f.”", ["A b c", "d e f."]),
        ("“First part “Second part” end.", ["Second part"]),  # a second opener: the first was stray
        ("‘Not “a” quote", ["a"]),  # a double quote inside: the ‘ opened nothing
        # negatives: apostrophes, empty marks, no marks
        ("The allies’ weapons and Russia’s war.", []),
        ("It isn’t over, she said.", []),
        ("“ ”", []),
        ("No quote marks at all.", []),
        ("", []),
    ],
)
def test_content_find_quotes_pairs_the_marks(text: str, expected: list[str]) -> None:
    assert _quotes(text) == expected
    assert all(q.closed for q in find_quotes(text))


def test_content_find_quotes_ends_an_unclosed_quote_at_its_paragraph() -> None:
    text = "He said: “This never ends.\n\nThe next paragraph is not part of it."
    [q] = find_quotes(text)
    assert text[q.start : q.end] == "This never ends." and not q.closed


def test_content_find_quotes_never_swallows_the_article_for_a_stray_mark() -> None:
    text = "A stray “ mark.\n\n" + "“Quoted here,” she said.\n\n" * 3
    assert [q.strip() for q in _quotes(text)] == ["mark.", "Quoted here", "Quoted here", "Quoted here"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" “We will win.” ", "We will win."),
        (", we will win;", "we will win"),
        ("— the allies’", "the allies’"),  # a plural possessive keeps its mark
        ("“", ""),
        # a dateline opening the first line is no part of what was said
        ("OTTAWA (CP) — The government will spend more.", "The government will spend more."),
        ("BERLIN (Reuters) - Unions threatened strikes.", "Unions threatened strikes."),
        ("NEW YORK, N.Y. (AP) — Prices rose.", "Prices rose."),
        ("WASHINGTON ― Trump urged calm.", "Trump urged calm."),
        # not a dateline: no dash, lower case, or not at a line's start
        ("NATO allies will meet.", "NATO allies will meet."),
        ("EU - China talks resume.", "EU - China talks resume."),
        ("Kyiv - the capital - was calm.", "Kyiv - the capital - was calm."),
    ],
)
def test_content_trim_drops_edge_marks_and_punctuation(text: str, expected: str) -> None:
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def test_content_quote_span_arithmetic() -> None:
    quotes = [QuoteSpan(10, 20), QuoteSpan(30, 40)]
    assert chars_in_quotes(15, 35, quotes) == 10
    assert chars_in_quotes(0, 10, quotes) == 0
    assert overlapping(19, 31, quotes) == quotes
    assert overlapping(20, 30, quotes) == []
    assert QuoteSpan(0, 11).words("Two words! and more") == 2


# -- content of a cue, on hand-built parses ----------------------------------------------------------
def _text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    start, end = trim(doc.text, *span)
    return doc.text[start:end]


def test_content_clause_content_is_the_reported_clause_without_that() -> None:
    doc = _doc(
        [
            ("She", 1, "nsubj", "PRON"),
            ("said", 1, "ROOT", "VERB"),
            ("that", 5, "mark", "SCONJ"),
            ("taxes", 5, "nsubj", "NOUN"),
            ("will", 5, "aux", "AUX"),
            ("fall", 1, "ccomp", "VERB"),
            (".", 1, "punct", "PUNCT"),
        ],
        glue=(5,),
    )
    assert _text(doc, clause_content(doc, doc[1])) == "taxes will fall"


def test_content_clause_content_finds_the_clause_before_the_cue() -> None:
    doc = _doc(
        [
            ("Taxes", 2, "nsubj", "NOUN"),
            ("will", 2, "aux", "AUX"),
            ("fall", 5, "ccomp", "VERB"),
            (",", 5, "punct", "PUNCT"),
            ("she", 5, "nsubj", "PRON"),
            ("said", 5, "ROOT", "VERB"),
            (".", 5, "punct", "PUNCT"),
        ],
        glue=(2, 5),
    )
    assert _text(doc, clause_content(doc, doc[5])) == "Taxes will fall"


def test_content_clause_content_skips_a_clause_of_the_next_paragraph() -> None:
    # the parser hung the next paragraph's sentence on the cue: the clause before the cue is what was said
    doc = _doc(
        [
            ("Taxes", 2, "nsubj", "NOUN"),
            ("will", 2, "aux", "AUX"),
            ("fall", 5, "ccomp", "VERB"),
            (",", 5, "punct", "PUNCT"),
            ("she", 5, "nsubj", "PRON"),
            ("said", 5, "ROOT", "VERB"),
            (".", 5, "punct", "PUNCT"),
            ("\n\n", 6, "dep", "SPACE"),
            ("Prices", 9, "nsubj", "NOUN"),
            ("rose", 5, "ccomp", "VERB"),
        ],
        glue=(2, 5, 6, 7),
    )
    assert _text(doc, clause_content(doc, doc[5])) == "Taxes will fall"


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        # negative: a clause after the cue on the same line is its content
        (
            [
                ("She", 1, "nsubj", "PRON"),
                ("said", 1, "ROOT", "VERB"),
                ("prices", 3, "nsubj", "NOUN"),
                ("rose", 1, "ccomp", "VERB"),
            ],
            "prices rose",
        ),
    ],
)
def test_content_clause_content_after_the_cue_on_its_line(tokens, expected) -> None:
    doc = _doc(tokens)
    assert _text(doc, clause_content(doc, doc[1])) == expected


def test_content_clause_content_is_none_without_a_clause() -> None:
    doc = _doc([("She", 1, "nsubj", "PRON"), ("smiled", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT")], glue=(1,))
    assert clause_content(doc, doc[1]) is None


def test_content_appeal_content_is_what_the_verb_governs_to_its_right() -> None:
    doc = _doc(
        [
            ("He", 1, "nsubj", "PRON"),
            ("urged", 1, "ROOT", "VERB"),
            ("allies", 1, "dobj", "NOUN"),
            ("to", 4, "aux", "PART"),
            ("lift", 1, "xcomp", "VERB"),
            ("the", 6, "det", "DET"),
            ("ban", 4, "dobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        glue=(6,),
    )
    assert _text(doc, appeal_content(doc, doc[1], None)) == "allies to lift the ban"


def test_content_appeal_content_starts_after_the_particle() -> None:
    doc = _doc(
        [
            ("She", 1, "nsubj", "PRON"),
            ("called", 1, "ROOT", "VERB"),
            ("on", 1, "prep", "ADP"),
            ("NATO", 2, "pobj", "PROPN"),
            ("to", 5, "aux", "PART"),
            ("act", 1, "xcomp", "VERB"),
            (".", 1, "punct", "PUNCT"),
        ],
        glue=(5,),
    )
    assert _text(doc, appeal_content(doc, doc[1], doc[2])) == "NATO to act"
    bare = _doc([("He", 1, "nsubj", "PRON"), ("urged", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT")], glue=(1,))
    assert appeal_content(bare, bare[1], None) is None


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (
            [
                ("She", 1, "nsubj", "PRON"),
                ("emphasized", 1, "ROOT", "VERB"),
                ("the", 3, "det", "DET"),
                ("importance", 1, "dobj", "NOUN"),
                ("of", 3, "prep", "ADP"),
                ("enabling", 4, "pcomp", "VERB"),
                ("Ukraine", 5, "dobj", "PROPN"),
                (".", 1, "punct", "PUNCT"),
            ],
            "the importance of enabling Ukraine",
        ),
        (
            [
                ("He", 1, "nsubj", "PRON"),
                ("accused", 1, "ROOT", "VERB"),
                ("the", 3, "det", "DET"),
                ("GOP", 1, "dobj", "PROPN"),
                ("of", 1, "prep", "ADP"),
                ("stoking", 4, "pcomp", "VERB"),
                ("fear", 5, "dobj", "NOUN"),
                (".", 1, "punct", "PUNCT"),
            ],
            "the GOP of stoking fear",
        ),
        # too short to be content: "emphasized it"
        ([("She", 1, "nsubj", "PRON"), ("emphasized", 1, "ROOT", "VERB"), ("it", 1, "dobj", "PRON")], None),
        # no object at all
        ([("She", 1, "nsubj", "PRON"), ("emphasized", 1, "ROOT", "VERB")], None),
    ],
)
def test_content_object_content_is_the_object_and_its_complements(tokens, expected) -> None:
    doc = _doc(tokens, glue=(len(tokens) - 2,) if tokens[-1][0] == "." else ())
    assert _text(doc, object_content(doc, doc[1])) == expected


def test_content_as_content_is_the_clause_the_as_clause_hangs_on() -> None:
    doc = _doc(AS_NOTED, glue=(3, 7))
    assert _text(doc, as_content(doc, doc[3])) == "taxes will fall."


def test_content_as_content_needs_a_speaker_in_the_as_clause() -> None:
    doc = _doc(
        [
            ("As", 1, "mark", "SCONJ"),
            ("reported", 5, "advcl", "VERB"),
            (",", 5, "punct", "PUNCT"),
            ("taxes", 5, "nsubj", "NOUN"),
            ("will", 5, "aux", "AUX"),
            ("fall", 5, "ROOT", "VERB"),
            (".", 5, "punct", "PUNCT"),
        ],
        glue=(1, 5),
    )
    assert as_content(doc, doc[1]) is None


@pytest.mark.parametrize(
    ("tokens", "glue", "according", "expected"),
    [
        (
            [
                ("According", 5, "prep", "VERB"),
                ("to", 0, "prep", "ADP"),
                ("Lee", 1, "pobj", "PROPN"),
                (",", 5, "punct", "PUNCT"),
                ("taxes", 5, "nsubj", "NOUN"),
                ("will", 5, "aux", "AUX"),
                ("fall", 5, "ROOT", "VERB"),
                (".", 5, "punct", "PUNCT"),
            ],
            (2, 6),
            0,
            "taxes will fall.",
        ),
        (
            [
                ("Taxes", 2, "nsubj", "NOUN"),
                ("will", 2, "aux", "AUX"),
                ("fall", 2, "ROOT", "VERB"),
                (",", 2, "punct", "PUNCT"),
                ("according", 2, "prep", "VERB"),
                ("to", 4, "prep", "ADP"),
                ("Lee", 5, "pobj", "PROPN"),
                (".", 2, "punct", "PUNCT"),
            ],
            (2, 6),
            4,
            "Taxes will fall",
        ),
    ],
)
def test_content_according_content_is_the_sentence_without_the_phrase(tokens, glue, according, expected) -> None:
    doc = _doc(tokens, glue=glue)
    assert _text(doc, according_content(doc, doc[according])) == expected


def test_content_subtree_range_leaves_out_excluded_subtrees() -> None:
    doc = _doc(AS_NOTED, glue=(3, 7))
    assert subtree_range(doc[7]) == (0, 8)
    assert subtree_range(doc[7], exclude={3}) == (4, 8)
    assert subtree_range(doc[3]) == (0, 3)


def _tagged(tokens: list[tuple[str, int, str, str, str]], glue: tuple[int, ...]) -> Doc:
    rows = [(*t, i not in glue and i < len(tokens) - 1) for i, t in enumerate(tokens)]
    return hand_doc(rows, ("words", "heads", "deps", "pos", "tags", "spaces"))


# "She said [he backed the plan] <tail> ." : the tail hangs on "backed" (3) or "plan" (5)
_SAID = [
    ("She", 1, "nsubj", "PRON", "PRP"),
    ("said", 1, "ROOT", "VERB", "VBD"),
    ("he", 3, "nsubj", "PRON", "PRP"),
    ("backed", 1, "ccomp", "VERB", "VBD"),
    ("the", 5, "det", "DET", "DT"),
    ("plan", 3, "dobj", "NOUN", "NN"),
]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # ", adding ...": the writer's aside after a comma is not part of the reported clause
        (
            [
                (",", 3, "punct", "PUNCT", ","),
                ("adding", 3, "advcl", "VERB", "VBG"),
                ("details", 7, "dobj", "NOUN", "NNS"),
            ],
            "he backed the plan",
        ),
        # ", which cuts pensions": a non-restrictive relative clause on the object
        (
            [
                (",", 5, "punct", "PUNCT", ","),
                ("which", 8, "nsubj", "PRON", "WDT"),
                ("cuts", 5, "relcl", "VERB", "VBZ"),
                ("pensions", 8, "dobj", "NOUN", "NNS"),
            ],
            "he backed the plan",
        ),
        # negatives: no comma, the clause is what was said
        (
            [
                ("which", 7, "nsubj", "PRON", "WDT"),
                ("cuts", 5, "relcl", "VERB", "VBZ"),
                ("pensions", 7, "dobj", "NOUN", "NNS"),
            ],
            "he backed the plan which cuts pensions",
        ),
        (
            [
                ("hoping", 3, "advcl", "VERB", "VBG"),
                ("for", 6, "prep", "ADP", "IN"),
                ("votes", 7, "pobj", "NOUN", "NNS"),
            ],
            "he backed the plan hoping for votes",
        ),
        # ", although unions object": an adverbial clause with its own subject stays
        (
            [
                (",", 3, "punct", "PUNCT", ","),
                ("although", 9, "mark", "SCONJ", "IN"),
                ("unions", 9, "nsubj", "NOUN", "NNS"),
                ("object", 3, "advcl", "VERB", "VBP"),
            ],
            "he backed the plan, although unions object",
        ),
    ],
)
def test_content_clause_content_leaves_out_trailing_asides(tail, expected) -> None:
    tokens = _SAID + tail + [(".", 1, "punct", "PUNCT", ".")]
    glue = tuple(i - 1 for i, t in enumerate(tokens) if t[0] in (",", "."))
    doc = _tagged(tokens, glue)
    assert _text(doc, clause_content(doc, doc[1])) == expected


def test_content_clause_content_is_not_a_participle_after_the_speaker() -> None:
    # "Taxes will fall, said Vogel, answering a question." : the participle is no content of "said"
    tokens = [
        ("Taxes", 2, "nsubj", "NOUN", "NNS"),
        ("will", 2, "aux", "AUX", "MD"),
        ("fall", 4, "ccomp", "VERB", "VB"),
        (",", 4, "punct", "PUNCT", ","),
        ("said", 4, "ROOT", "VERB", "VBD"),
        ("Vogel", 4, "nsubj", "PROPN", "NNP"),
        (",", 4, "punct", "PUNCT", ","),
        ("answering", 4, "xcomp", "VERB", "VBG"),
        ("a", 9, "det", "DET", "DT"),
        ("question", 7, "dobj", "NOUN", "NN"),
        (".", 4, "punct", "PUNCT", "."),
    ]
    doc = _tagged(tokens, (2, 5, 9))
    assert _text(doc, clause_content(doc, doc[4])) == "Taxes will fall"


# "<clause>, unions <verb> [strikes]" : a headline of two clauses, or a report with its content on the left
_LEFT = [
    ("Minister", 1, "nsubj", "NOUN", "NN"),
    ("defends", 5, "ccomp", "VERB", "VBZ"),
    ("plan", 1, "dobj", "NOUN", "NN"),
    (",", 5, "punct", "PUNCT", ","),
    ("unions", 5, "nsubj", "NOUN", "NNS"),
]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ([("threaten", 5, "ROOT", "VERB", "VBP"), ("strikes", 5, "dobj", "NOUN", "NNS")], None),
        ([("warn", 5, "ROOT", "VERB", "VBP")], "Minister defends plan"),
        ([("say", 5, "ROOT", "VERB", "VBP")], "Minister defends plan"),
    ],
)
def test_content_clause_content_on_the_left_only_for_a_verb_without_an_object(tail, expected) -> None:
    doc = _tagged(_LEFT + tail, (2,))
    assert _text(doc, clause_content(doc, doc[5])) == expected


def test_content_clause_content_never_holds_its_cue_in_a_relative_clause() -> None:
    # "They cut the plan, which he said was careless." : the content follows the cue
    tokens = [
        ("They", 1, "nsubj", "PRON", "PRP"),
        ("cut", 1, "ROOT", "VERB", "VBD"),
        ("the", 3, "det", "DET", "DT"),
        ("plan", 1, "dobj", "NOUN", "NN"),
        (",", 3, "punct", "PUNCT", ","),
        ("which", 8, "nsubj", "PRON", "WDT"),
        ("he", 7, "nsubj", "PRON", "PRP"),
        ("said", 3, "relcl", "VERB", "VBD"),
        ("was", 7, "ccomp", "AUX", "VBD"),
        ("careless", 8, "acomp", "ADJ", "JJ"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    doc = _tagged(tokens, (3, 9))
    assert _text(doc, clause_content(doc, doc[7])) == "was careless"


def test_content_clause_content_on_the_left_in_quotes_with_an_addressee() -> None:
    # "“We carry on,” Berg told reporters" : a closing mark makes the left clause the report
    tokens = [
        ("“", 7, "punct", "PUNCT", "``"),
        ("We", 2, "nsubj", "PRON", "PRP"),
        ("carry", 7, "ccomp", "VERB", "VB"),
        ("on", 2, "prt", "ADP", "RP"),
        (",", 7, "punct", "PUNCT", ","),
        ("”", 7, "punct", "PUNCT", "''"),
        ("Berg", 7, "nsubj", "PROPN", "NNP"),
        ("told", 7, "ROOT", "VERB", "VBD"),
        ("reporters", 7, "dobj", "NOUN", "NNS"),
    ]
    doc = _tagged(tokens, (0, 3, 4))
    assert _text(doc, clause_content(doc, doc[7])) == "We carry on"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the "as" clause reports its own content: not the clause it hangs on (a topic cue's object here)
        ("Ottawa pledged $2 billion for transit as mayors warned of deep cuts.", "warned of", "deep cuts"),
        ("The bill passed on Tuesday as critics complained about its cost.", "complained about", "its cost"),
        ("The talks collapsed as the union said that no deal was possible.", "said", "no deal was possible"),
        # a bare "as" clause reports the clause it hangs on
        ("The economy will recover next year, as the minister noted.", "noted", "The economy will recover next year"),
    ],
)
def test_content_as_clause_with_its_own_content_reports_that(nlp, text: str, cue: str, content: str | None) -> None:
    from quotegraph.extract.attribution.cues import find_cues, load_lexicon
    from quotegraph.extract.attribution.strategies import content_of

    doc = nlp(text)
    lexicon = load_lexicon()
    found = [c for c in find_cues(doc, lexicon) if c.text == cue]
    assert found
    span = content_of(doc, found[0], doc[found[0].head], lexicon)
    assert _text(doc, span) == content
