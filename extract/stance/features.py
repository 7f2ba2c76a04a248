"""The features of a sided decision of the rules that the learned combination weighs
(:class:`quotegraph.extract.stance.calibration.Combination`, fitted by ``scripts/fit_stance_calibration.py``).

Every feature leans to support when positive: the deciding rule's side (+1 support, -1 oppose) and its strength
above a coin, the summed weight of each kind of scorer evidence, the quote's evaluation turned towards the
proposition's side (praise of a proposal, blame of an accusation or of what a proposition wants gone), the
negations of its main clauses, and what the proposition is (its own polarity, whether it prescribes an act).
The marks of a less sure kind of statement (a comparison, a condition, a hedge: ``marks`` of stance.yaml) are the
side times one, so that their weight moves the confidence of either side alike. Nothing here names a topic or a
data set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Features = tuple[tuple[str, float], ...]
"""(name, value) pairs: a small, hashable, ordered mapping."""
MAX_NEGATIONS = 2


@dataclass(frozen=True)
class Reading:
    """What the features read of a statement and its decision."""

    rule: str
    stance: str
    strength: float
    evidence: Iterable[tuple[str, float]]
    """(kind, weight) of each piece of scorer evidence."""
    compound: float
    """The quote's evaluation, -1 .. 1."""
    on_matter: float
    """The share of it aimed at the topic's matter."""
    accusing: bool
    gone: bool
    """The proposition wants something gone."""
    claim: bool
    """The proposition prescribes no act (a claim: "X is harmful")."""
    negated: int
    polarity: float
    """The proposition's own polarity."""
    marks: frozenset[str] = frozenset()
    """The kinds of statement the quote's words mark (comparison, condition, hedge, ...)."""


def features(r: Reading) -> Features:
    """The named features of one sided decision (see the module's docstring)."""
    side = 1.0 if r.stance == "support" else -1.0
    out: dict[str, float] = {"bias": 1.0, f"rule:{r.rule}": side, f"str:{r.rule}": side * (r.strength - 0.5)}
    for kind, weight in r.evidence:
        out[f"ev:{kind}"] = out.get(f"ev:{kind}", 0.0) + weight
    toward = abs(r.compound) * (1.0 if (r.compound > 0) != r.accusing else -1.0)
    negations = -float(min(MAX_NEGATIONS, r.negated))
    out.update(
        {
            "q_tone": toward,
            "q_tone_claim": toward * r.claim,
            "q_matter": toward * r.on_matter,
            "q_gone": -r.compound * r.gone,
            "neg": negations,
            "neg_claim": negations * r.claim,
            "pp": r.polarity,
        }
    )
    out.update({f"mark:{mark}": side for mark in r.marks})
    return tuple(sorted(out.items()))
