"""Corpus consistency: a speaker's stance on a topic, as their other statements show it, informs a
statement of theirs whose own evidence is weak.

A statement's stance on a topic is weak when it is undetermined or its confidence is below ``weak``. When the
same speaker's other statements on that topic (each remark counted once, however many articles report it)
take a side with at least ``min_others`` clear statements and a ``share`` of them agreeing, the weak one gets
that side, with evidence that says where it comes from. Neutral stances are decisions (on the topic, no side)
and stay as they are.

Its confidence is the chance that the side is right: each clear remark's confidence is the chance its side is
right (calibrated), so the remarks vote as evidence on the speaker's side (log-odds), and a speaker's remark
on a topic takes their side at the rate ``speaker_consistency`` of ``resources/stance_consistency.yaml``
(measured on the project's annotated sample by ``scripts/fit_speaker_consistency.py``).

The remarks are not independent evidence: one speaker's remarks on one topic are read by the same rules
against the same proposition, so when one is misread the others tend to be too. Their log-odds are summed and
divided by ``n ** (1 - lender_independence)`` for ``n`` votes: at 1 the votes are independent (a sum), at 0
they count as one (their mean). ``lender_independence`` is fitted on a news stance fit set by the same script
(``--lenders``), by the log-loss of the sides it lends.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from quotegraph.extract.model import Statement, TopicStance
from quotegraph.extract.text import fold, resource_yaml

WEAK = 0.5
"""Confidence below which a stance is weak evidence."""
CONSISTENCY_FILE = "stance_consistency.yaml"
DEFAULT_CONSISTENCY = 0.9
"""How often a speaker's sided remark on a topic takes their side, when the data file gives none."""
DEFAULT_INDEPENDENCE = 1.0
"""How independent the votes of one speaker's remarks are, when the data file gives none (1: a sum)."""
EVIDENCE = "consistent with the speaker's other statements"
"""Start of the evidence line of a stance taken from the speaker's other statements."""


def lent(evidence: Iterable[str]) -> bool:
    """A judgement with this ``evidence`` took its side from the speaker's other statements (this module's
    evidence line): it follows from their position and never votes in it."""
    return any(e.startswith(EVIDENCE) for e in evidence)


def _weak(ts: TopicStance, weak: float) -> bool:
    if lent(ts.evidence):
        return False  # already informed (an earlier build): kept as it is
    return ts.stance is None or (ts.stance != "neutral" and ts.confidence < weak)


Votes = dict[tuple[str, str], dict[str, dict[str, float]]]
"""Per (speaker key, topic id): each clear remark (folded quote) with the sides it takes, each at its highest
confidence among the remark's reports."""


@lru_cache(maxsize=1)
def _shipped() -> dict:
    """``resources/stance_consistency.yaml`` (empty when there is none)."""
    return resource_yaml(CONSISTENCY_FILE, optional=True) or {}


def speaker_consistency() -> float:
    """The shipped rate at which a speaker's sided remark on a topic takes their side."""
    return float(_shipped().get("speaker_consistency", DEFAULT_CONSISTENCY))


def lender_independence() -> float:
    """The shipped independence of one speaker's votes on a topic (1: summed log-odds, 0: their mean)."""
    return float(_shipped().get("lender_independence", DEFAULT_INDEPENDENCE))


def side_confidence(
    votes: Mapping[str, Mapping[str, float]], side: str, consistency: float, independence: float = 1.0
) -> float:
    """The chance that ``side`` is right for another remark of a speaker whose remarks ``votes`` (folded quote ->
    side -> confidence) take sides: the remarks' log-odds summed (for ``side``, against the other) and divided
    by ``n ** (1 - independence)`` for ``n`` votes, the speaker's side at that chance, and the remark on the
    speaker's side at the rate ``consistency``."""
    logit = 0.0
    n = 0
    for sides in votes.values():
        for s, c in sides.items():
            c = min(max(c, 0.5), 0.99)
            logit += math.log(c / (1 - c)) * (1 if s == side else -1)
            n += 1
    if n:
        logit /= n ** (1.0 - independence)
    q = 1 / (1 + math.exp(-logit))
    return round(q * consistency + (1 - q) * (1 - consistency), 3)


def stance_votes(statements: Iterable[Statement], *, weak: float = WEAK) -> Votes:
    """The clear stances of ``statements`` by speaker and topic (one pass; statements may stream)."""
    votes: Votes = {}
    for s in statements:
        key = s.speaker_key
        if not key:
            continue
        for ts in s.topics or ():
            if ts.stance in ("support", "oppose") and ts.confidence >= weak and not lent(ts.evidence):
                # one remark reported by several articles counts once; a side taken from the others never votes
                sides = votes.setdefault((key, ts.topic), {}).setdefault(fold(s.quote), {})
                sides[ts.stance] = max(sides.get(ts.stance, 0.0), ts.confidence)
    return votes


def informed(
    s: Statement,
    votes: Votes,
    *,
    weak: float = WEAK,
    min_others: int = 2,
    share: float = 0.75,
    independence: float | None = None,
) -> Statement:
    """``s`` with its weak stances informed by the same speaker's clear ones in ``votes`` (``independence``:
    of the votes, default the shipped :func:`lender_independence`)."""
    independence = lender_independence() if independence is None else independence
    key = s.speaker_key
    if not key or not any(_weak(ts, weak) for ts in s.topics or ()):
        return s
    own = fold(s.quote)
    topics = []
    for ts in s.topics:
        others = votes.get((key, ts.topic), {})
        theirs = {q: sides for q, sides in others.items() if q != own}
        counts = Counter(v for sides in theirs.values() for v in sides)
        # the side with most remarks (any order of the statements gives the same answer)
        side, n = max(sorted(counts.items()), key=lambda kv: kv[1]) if counts else (None, 0)
        total = sum(counts.values())
        if _weak(ts, weak) and side is not None and n >= min_others and n / total >= share:
            ts = replace(
                ts,
                stance=side,  # type: ignore[arg-type]
                confidence=side_confidence(theirs, side, speaker_consistency(), independence),
                evidence=(*ts.evidence, f"{EVIDENCE} on this topic ({n} of {total} {side})"),
            )
        topics.append(ts)
    main = next((t for t in topics if t.topic == s.topic), None)
    return replace(s, topics=tuple(topics), stance=main.stance if main else s.stance)


def consistent_stances(
    statements: Sequence[Statement],
    *,
    weak: float = WEAK,
    min_others: int = 2,
    share: float = 0.75,
    independence: float | None = None,
) -> list[Statement]:
    """``statements`` with weak stances informed by the same speaker's clear ones on the same topic."""
    votes = stance_votes(statements, weak=weak)
    return [
        informed(s, votes, weak=weak, min_others=min_others, share=share, independence=independence) for s in statements
    ]
