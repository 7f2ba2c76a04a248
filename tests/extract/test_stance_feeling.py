"""A verb of feeling ("like", "hate", "love": ``attitude_verbs`` of stance.yaml) evaluates its object, not the one
who feels (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("I hate the new rules.", "rules"),
        ("Voters don't like the plan.", "plan"),
        ("Students love unpaid internships.", "internships"),
        # negatives: a verb that is no verb of feeling keeps its subject; an adjective its noun
        ("The new rules hurt everyone.", "rules"),
        ("The terrible plan failed.", "plan"),
    ],
)
def test_stance_feeling_a_verb_of_feeling_evaluates_its_object(nlp, text, target):
    from quotegraph.extract.stance.evaluate import evaluated

    doc = nlp(text)
    word = next(t for t in doc if t.lemma_.lower() in ("hate", "like", "love", "hurt", "terrible"))
    assert evaluated(word).lower_ == target


THING = {"id": "interns", "label": "Unpaid internships", "proposition": "unpaid internships",
         "keywords": ["unpaid internships"]}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Students love unpaid internships.", "support"),
        ("I really hate unpaid internships.", "oppose"),
        ("There is nothing wrong with unpaid internships.", "support"),
    ],
)
def test_stance_feeling_is_an_evaluation_of_the_thing(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": THING}], nlp=nlp)
    assert judged["stance"] == stance, judged["evidence"]
