"""A negated verb of opinion denies its complement (neg-raising): "I don't think the plan is fair" says it is
unfair; without the negation the complement's evaluation stands (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records

PLAN = {
    "id": "plan",
    "label": "Harbour plan",
    "proposition": "The harbour plan was wrong and endangered the town",
    "keywords": ["harbour plan"],
}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # the negation of "think"/"believe" falls on the complement's evaluation
        ("I don't think the harbour plan posed a problem.", "oppose"),
        ("We do not believe the harbour plan was dangerous.", "oppose"),
        # negatives: the opinion verb not negated
        ("I think the harbour plan posed a problem.", "support"),
        ("We believe the harbour plan was dangerous.", "support"),
    ],
)
def test_stance_negated_opinion_verb_denies_its_complement(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": PLAN}], nlp=nlp)
    assert judged["stance"] == stance, judged["evidence"]


def _denied(nlp, text: str, word: str) -> bool:
    """Whether a negation governs ``word`` in ``text`` (:func:`~quotegraph.extract.stance.evaluate.negated`)."""
    from quotegraph.extract.stance.evaluate import negated
    from quotegraph.extract.stance.lexicon import lexicon

    token = next(t for t in nlp(text) if t.lower_ == word)
    return negated(token, lexicon().negations)


@pytest.mark.parametrize(
    ("text", "word", "denied"),
    [
        # "not only X but Y" adds X, it does not deny it
        ("The harbour plan is not only costly but dangerous.", "costly", False),
        ("The new bridge is not just ugly but unsafe.", "ugly", False),
        ("She did not merely criticise the budget, she rejected it.", "criticise", False),
        # negatives: a plain "not" still denies
        ("The harbour plan is not costly.", "costly", True),
        ("The new bridge is not ugly at all.", "ugly", True),
        ("She did not criticise the budget.", "criticise", True),
    ],
)
def test_stance_negation_scope_not_only_adds(nlp, text, word, denied):
    assert _denied(nlp, text, word) is denied


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # "no" is not negated by the noun it negates, and adds nothing when the noun or verb carries the valence
        ("The plan offers no hope.", ["not hope"]),
        ("Religious symbols harm no one.", ["not harm"]),
        # negatives: a "no" on a word without valence still counts as negative
        ("There was no recommendation.", ["no"]),
        ("The plan offers hope.", ["hope"]),
    ],
)
def test_stance_negation_scope_no_is_not_negated_by_itself(nlp, text, words):
    from quotegraph.extract.stance.evaluate import evaluation
    from quotegraph.extract.stance.lexicon import lexicon

    found = evaluation(list(nlp(text)), frozenset(), lexicon().negations)
    assert [w for w in found.words if w.split()[-1] in {"no", "hope", "harm", "recommendation"}] == words


@pytest.mark.parametrize(
    ("text", "word", "denied"),
    [
        # a subject that is no one or nothing denies its clause
        ("Nobody has solved the waste problem.", "solved", True),
        ("No country has managed to make the plan work.", "managed", True),
        ("Nothing about the harbour plan is fair.", "fair", True),
        # negatives: a comparison that says the most of it, a prescription under a modal, a real subject
        ("Nothing is more important than the harbour.", "important", False),
        ("No one should be forced to pay for it.", "forced", False),
        ("Everyone has solved the puzzle.", "solved", False),
    ],
)
def test_stance_negation_scope_no_one_as_subject(nlp, text, word, denied):
    assert _denied(nlp, text, word) is denied


@pytest.mark.parametrize(
    ("text", "word", "denied"),
    [
        # a clause with its own subject, adverbial or joined, is not denied by the clause it hangs on
        ("Nobody is held responsible when the cars fail.", "fail", False),
        ("They can't handle construction zones, and they fail often.", "fail", False),
        ("We won't stop because the plan helps families.", "helps", False),
        # negatives: without a subject of its own it shares the negation
        ("He never gave money to help the schools.", "help", True),
        ("They did not eat or drink.", "drink", True),
    ],
)
def test_stance_negation_scope_stops_at_a_clause_with_its_own_subject(nlp, text, word, denied):
    assert _denied(nlp, text, word) is denied


@pytest.mark.parametrize(
    ("text", "word", "denied"),
    [
        # an adjective on "nothing" or "none" says there is no such thing
        ("There is nothing wrong with the harbour plan.", "wrong", True),
        ("I see nothing good in it.", "good", True),
        # negatives: a comparison says the most of what it compares ("nothing better", "nothing more important")
        ("There is nothing better than the harbour plan.", "better", False),
        ("There is nothing more important than the church.", "important", False),
        ("Something wrong happened.", "wrong", False),
    ],
)
def test_stance_negation_scope_an_adjective_on_nothing(nlp, text, word, denied):
    assert _denied(nlp, text, word) is denied


WALL = {"id": "wall", "label": "Border wall", "proposition": "The city should build a flood wall along the river",
        "keywords": ["flood wall"]}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("The council would not build the flood wall.", ["would not"]),
        ("We will not pay for the flood wall.", ["will not"]),
        # negatives: a "not" that adds ("not only ... but also") refuses nothing
        ("The flood wall would not only protect homes but also save money.", []),
        ("It will not just protect homes; it will save money.", []),
    ],
)
def test_stance_negation_scope_a_refusal_that_adds_refuses_nothing(text, refused):
    from quotegraph.extract.stance.lexicon import lexicon
    from quotegraph.extract.stance.scorers import refusals
    from quotegraph.extract.text import fold

    assert refusals(fold(text), lexicon().oppose_phrases) == refused
