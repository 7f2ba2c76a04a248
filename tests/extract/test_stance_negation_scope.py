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
    from quotegraph.extract.stance.evaluate import negated
    from quotegraph.extract.stance.lexicon import lexicon

    token = next(t for t in nlp(text) if t.lower_ == word)
    assert negated(token, lexicon().negations) is denied
