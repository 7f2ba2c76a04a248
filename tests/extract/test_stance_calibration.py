"""Stance confidence from the shipped calibration: per deciding rule and strength bin."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance.calibration import calibration, display_threshold, parse_calibration
from quotegraph.extract.stance.scorers import Decision

DATA = {
    "display_threshold": 0.7,
    "default": 0.6,
    "rules": {"evaluation": {"edges": [0.0, 0.6, 0.7], "confidence": [0.55, 0.65, 0.8]}},
}


@pytest.mark.parametrize(
    ("rule", "strength", "expected"),
    [
        ("evaluation", 0.5, 0.55),
        ("evaluation", 0.6, 0.65),
        ("evaluation", 0.95, 0.8),
        ("cue support", 0.9, 0.6),  # a rule the fit has not seen: the share of all rules
        ("camp", 0.4, 0.4),  # ... or its own strength where that is lower
    ],
)
def test_stance_calibration_confidence_by_rule_and_bin(rule, strength, expected):
    assert parse_calibration(DATA).confidence(rule, strength) == expected


def test_stance_calibration_defaults_without_a_file():
    cal = parse_calibration(None)
    assert cal.rules == {} and 0.5 <= cal.display_threshold <= 1


def test_stance_calibration_shipped_file_is_monotone_per_rule():
    cal = calibration()
    assert cal.rules and 0.5 <= display_threshold() <= 1
    for bins in cal.rules.values():
        assert list(bins.edges) == sorted(bins.edges) and list(bins.confidence) == sorted(bins.confidence)
        assert all(0 <= c <= 1 for c in bins.confidence)


@pytest.mark.parametrize(
    ("stance", "calibrated"), [("support", True), ("oppose", True), ("neutral", False), (None, False)]
)
def test_stance_calibration_applies_to_sides_only(stance, calibrated):
    decision = Decision(stance, 0.45, ("x",), "evaluation")
    confidence = decision.judgement[1]
    assert (confidence == calibration().confidence("evaluation", 0.45)) if calibrated else confidence == 0.45


COMBINED = {
    **DATA,
    "combination": {"rules": ["evaluation"], "weights": {"bias": 0.0, "rule:evaluation": 1.0, "q_tone": 2.0}},
}


@pytest.mark.parametrize(
    ("rule", "stance", "features", "expected"),
    [
        # a fitted rule: the logistic combination, turned to the decision's side
        ("evaluation", "support", (("rule:evaluation", 1.0), ("q_tone", 0.5)), 0.881),
        ("evaluation", "oppose", (("rule:evaluation", -1.0), ("q_tone", -0.5)), 0.881),
        # the combination disagrees with the side: a confidence below a coin
        ("evaluation", "oppose", (("rule:evaluation", -1.0), ("q_tone", 1.0)), 0.269),
        # a rule the combination was not fitted on, or no features: the bins
        ("camp", "support", (("rule:camp", 1.0),), 0.4),
        ("evaluation", "support", (), 0.55),
    ],
)
def test_stance_calibration_combination_answers_for_its_rules(rule, stance, features, expected):
    assert parse_calibration(COMBINED).confidence(rule, 0.4 if rule == "camp" else 0.5, features, stance) == expected


def test_stance_calibration_shipped_combination_ranks_a_prescription_over_a_shared_word():
    from quotegraph.extract.model import Statement
    from quotegraph.extract.stance.scorers import decision
    from quotegraph.extract.stance.topics import Topic

    topic = Topic("t", "Congestion charge", "We should scrap the congestion charge", ("congestion charge",))

    def judged(quote: str) -> tuple:
        return decision(Statement(article="a", quote=quote, start=0, end=len(quote), kind="direct"), topic).judgement

    stance, prescribed, _ = judged("we should not scrap the congestion charge")
    assert stance == "oppose"
    _, shared, _ = judged("the congestion charge in the city centre")
    assert prescribed > max(shared, 0.6)
