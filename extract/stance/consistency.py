"""Corpus consistency: a speaker's stance on a topic, as their other statements show it, informs a
statement of theirs whose own evidence is weak.

A statement's stance on a topic is weak when it is undetermined or its confidence is below ``weak``. When the
same speaker's other statements on that topic (each remark counted once, however many articles report it)
take a side with at least ``min_others`` clear statements and a ``share`` of them agreeing, the weak one gets
that side, with evidence that says where it comes from. Neutral stances are decisions (on the topic, no side)
and stay as they are.

Its confidence is the chance that the side is right: each clear remark's confidence is the chance its side is
right (calibrated), so the remarks vote as independent evidence on the speaker's side (a sum of log-odds), and
a speaker's remark on a topic takes their side at the rate ``speaker_consistency`` of
``resources/stance_consistency.yaml`` (measured on the project's annotated sample by
``scripts/fit_speaker_consistency.py``).
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
def speaker_consistency() -> float:
    """The shipped rate at which a speaker's sided remark on a topic takes their side."""
    data = resource_yaml(CONSISTENCY_FILE, optional=True)
    return float((data or {}).get("speaker_consistency", DEFAULT_CONSISTENCY))


def side_confidence(votes: Mapping[str, Mapping[str, float]], side: str, consistency: float) -> float:
    """The chance that ``side`` is right for another remark of a speaker whose remarks ``votes`` (folded quote ->
    side -> confidence) take sides: the remarks' log-odds summed (for ``side``, against the other), the
    speaker's side at that chance, and the remark on the speaker's side at the rate ``consistency``."""
    logit = 0.0
    for sides in votes.values():
        for s, c in sides.items():
            c = min(max(c, 0.5), 0.99)
            logit += math.log(c / (1 - c)) * (1 if s == side else -1)
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


def informed(s: Statement, votes: Votes, *, weak: float = WEAK, min_others: int = 2, share: float = 0.75) -> Statement:
    """``s`` with its weak stances informed by the same speaker's clear ones in ``votes``."""
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
                confidence=side_confidence(theirs, side, speaker_consistency()),
                evidence=(*ts.evidence, f"{EVIDENCE} on this topic ({n} of {total} {side})"),
            )
        topics.append(ts)
    main = next((t for t in topics if t.topic == s.topic), None)
    return replace(s, topics=tuple(topics), stance=main.stance if main else s.stance)


def consistent_stances(
    statements: Sequence[Statement], *, weak: float = WEAK, min_others: int = 2, share: float = 0.75
) -> list[Statement]:
    """``statements`` with weak stances informed by the same speaker's clear ones on the same topic."""
    votes = stance_votes(statements, weak=weak)
    return [informed(s, votes, weak=weak, min_others=min_others, share=share) for s in statements]
