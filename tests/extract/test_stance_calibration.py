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


def fit_script():
    """The fit script (scripts/ is no package)."""
    from tests.conftest import script

    return script("fit_stance_calibration")


def rows_of(rule: str, right: int, wrong: int) -> list[tuple]:
    """Sided decisions of ``rule`` at one strength: ``right`` right, ``wrong`` wrong."""
    return [("s", rule, 0.8, "support", "support" if i < right else "oppose", "t", ()) for i in range(right + wrong)]


@pytest.mark.parametrize(
    ("rule", "borrows"),
    [
        ("opposite act", True),  # few rows, its family ("same act") nearly always right: borrows from it
        ("asserts", False),  # few rows, in no family: the share of all rules
    ],
)
def test_stance_calibration_fit_sparse_rule_borrows_from_its_family(rule, borrows):
    script = fit_script()
    rows = rows_of("same act", 60, 0) + rows_of("evaluation", 150, 150) + rows_of(rule, 3, 1)
    mapping = script.fit(rows, combined=False)
    confidence = mapping["rules"][rule]["confidence"][0]
    assert (confidence > 0.8) is borrows
    assert confidence > mapping["default"]


def test_stance_calibration_fit_single_bin_is_the_rules_share():
    script = fit_script()
    rows = rows_of("evaluation", 100, 100) + rows_of("denies", 9, 1)
    overall = 109 / 210  # the share of all rules
    share = (9 + overall * script.RULE_PRIOR) / (10 + script.RULE_PRIOR)  # not shrunk twice
    assert script.fit(rows, combined=False)["rules"]["denies"]["confidence"] == [round(share, 3)]


def test_stance_calibration_fit_chooses_the_ridge_by_held_out_ece():
    """A feature that always tells the side: the least shrinkage calibrates best on held-out topics."""
    script = fit_script()
    rows, gold = [], {}
    for source in script.SOURCES:
        for t in range(8):
            topic = f"{source}-{t}"
            for i in range(30):
                side = "support" if i % 3 else "oppose"
                sign = 1.0 if side == "support" else -1.0
                rows.append((source, "evaluation", 0.8, side, side if i % 10 else "oppose", topic, (("f", sign),)))
            gold[(source, topic)] = 30
    chosen = script.choose_l2(rows, gold, script.MIN_BIN, 2)
    assert chosen == min(script.L2_GRID) == script.L2
    assert script.combine(rows, chosen)["l2"] == chosen
