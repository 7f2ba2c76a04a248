from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.stance.features import Reading, features
from quotegraph.extract.stance.scorers import decision
from quotegraph.extract.stance.topics import Topic


def _reading(**changes) -> Reading:
    base = dict(
        rule="evaluation",
        stance="support",
        strength=0.6,
        evidence=[("wanting", 0.6), ("negation", -0.75)],
        compound=0.5,
        on_matter=1.0,
        accusing=False,
        gone=False,
        claim=True,
        negated=1,
        polarity=0.2,
    )
    return Reading(**{**base, **changes})


@pytest.mark.parametrize(
    ("changes", "name", "value"),
    [
        ({}, "rule:evaluation", 1.0),
        ({"stance": "oppose"}, "rule:evaluation", -1.0),
        ({"stance": "oppose", "strength": 0.7}, "str:evaluation", -0.2),
        ({}, "ev:negation", -0.75),
        # praise of a proposal leans to support, praise of what an accusation blames to oppose
        ({}, "q_tone", 0.5),
        ({"accusing": True}, "q_tone", -0.5),
        # blame of what a proposition wants gone supports it
        ({"gone": True, "compound": -0.4}, "q_gone", 0.4),
        ({"claim": False}, "q_tone_claim", 0.0),
        ({"negated": 3}, "neg", -2.0),
    ],
)
def test_stance_features_lean_to_support_when_positive(changes, name, value):
    got = dict(features(_reading(**changes)))
    assert got[name] == pytest.approx(value)


@pytest.mark.parametrize(
    ("quote", "sided"),
    [("we should not scrap the congestion charge", True), ("it rained on tuesday", False)],
)
def test_stance_features_only_for_sides(quote, sided):
    topic = Topic("t", "Congestion charge", "We should scrap the congestion charge", ("congestion charge",))
    found = decision(Statement(article="a", quote=quote, start=0, end=len(quote), kind="direct"), topic)
    assert bool(found.features) is sided
    assert (found.stance in ("support", "oppose")) is sided


@pytest.mark.parametrize(
    ("quote", "marks"),
    [
        ("night trains would be better than flights", {"comparison"}),
        ("if the trains run late, people will drive", {"hedge"}),
        ("the trains are slow, but they are cheap", {"contrast"}),
        ("we should run more night trains", {"comparison"}),
        ("night trains might be cheaper", {"hedge"}),
        ("night trains are cheap and clean", set()),
    ],
)
def test_stance_features_marks_of_less_sure_statements(quote, marks):
    from quotegraph.extract.stance.scorers import marks as marks_of
    from quotegraph.extract.stance.scorers import read

    topic = Topic("t", "Night trains", "We should run night trains", ("night trains",))
    found = marks_of(read(Statement(article="a", quote=quote, start=0, end=len(quote), kind="direct"), topic))
    assert found == marks


def test_stance_features_marks_lean_with_the_side():
    got = dict(features(_reading(stance="oppose", marks=frozenset({"comparison"}))))
    assert got["mark:comparison"] == -1.0
