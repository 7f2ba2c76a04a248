"""Confidence that means how often the side is right: a logistic regression over the features of a sided
decision of the rules (:mod:`quotegraph.extract.stance.features`) for the deciding rules it was fitted on, else the
raw strength mapped, per deciding rule and strength bin, to the share of such decisions that took the right side on
the broad stance set (``resources/stance_calibration.yaml``, written by ``scripts/fit_stance_calibration.py``;
never edited by hand). A rule the file does not know gets the file's default (the share of all rules), or its
strength where that is lower. Neutral and undetermined keep their strength.

``display_threshold``: the lowest confidence at which the sided predictions at or above it were right at
least 75% of the time on the broad set; the graph's surfaces show sides at or above it by default.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from quotegraph.extract.text import resource_yaml

FILE = "stance_calibration.yaml"
DEFAULT_CONFIDENCE = 0.5
"""A sided decision's confidence when no calibration file is shipped: a coin."""
DEFAULT_DISPLAY = 0.6


@dataclass(frozen=True)
class Bins:
    """Lower strength edges (ascending) and the confidence of each bin."""

    edges: tuple[float, ...]
    confidence: tuple[float, ...]

    def __call__(self, strength: float) -> float:
        at = bisect.bisect_right(self.edges, strength) - 1
        return self.confidence[max(0, at)]


@dataclass(frozen=True)
class Combination:
    """A logistic regression over the features of a decision (:mod:`quotegraph.extract.stance.features`):
    the probability of support; a side's confidence is that of its side. Only for the deciding rules it was
    fitted on."""

    weights: Mapping[str, float]
    rules: frozenset[str]

    def confidence(self, stance: str, features: Sequence[tuple[str, float]]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features)
        z = max(-30.0, min(30.0, z))
        support = 1.0 / (1.0 + math.exp(-z))
        return support if stance == "support" else 1.0 - support


@dataclass(frozen=True)
class Calibration:
    rules: Mapping[str, Bins] = field(default_factory=dict)
    default: float = DEFAULT_CONFIDENCE
    display_threshold: float = DEFAULT_DISPLAY
    combination: Combination | None = None

    def confidence(
        self, rule: str, strength: float, features: Sequence[tuple[str, float]] = (), stance: str = "support"
    ) -> float:
        """The calibrated confidence of a sided decision (``stance``) of ``rule`` at raw ``strength``: the
        learned combination's when it was fitted on ``rule`` and the decision's ``features`` are given, else
        the rule's strength bin. A rule the fit has not seen (the broad set has no reporting verbs and no
        speakers) gets the share of all rules, or its own strength where that is lower (a side the rules
        barely back stays weak)."""
        if features and self.combination is not None and rule in self.combination.rules:
            return round(self.combination.confidence(stance, features), 3)
        bins = self.rules.get(rule)
        return round(bins(strength) if bins is not None else min(strength, self.default), 3)


def parse_calibration(data: Mapping[str, Any] | None) -> Calibration:
    """A :class:`Calibration` from the file's mapping (None or empty: the defaults)."""
    if not data:
        return Calibration()
    rules = {
        str(name): Bins(tuple(float(e) for e in spec["edges"]), tuple(float(c) for c in spec["confidence"]))
        for name, spec in (data.get("rules") or {}).items()
    }
    combined = data.get("combination") or {}
    combination = None
    if combined.get("weights"):
        weights = {str(k): float(v) for k, v in combined["weights"].items()}
        combination = Combination(weights, frozenset(str(r) for r in combined.get("rules") or ()))
    return Calibration(
        rules,
        float(data.get("default", DEFAULT_CONFIDENCE)),
        float(data.get("display_threshold", DEFAULT_DISPLAY)),
        combination,
    )


@lru_cache(maxsize=1)
def calibration() -> Calibration:
    """The calibration shipped with the package (the defaults when there is none)."""
    data = resource_yaml(FILE, optional=True)
    return Calibration() if data is None else parse_calibration(data)


def display_threshold() -> float:
    """The lowest confidence of a side shown by default (see the module's docstring)."""
    return calibration().display_threshold
