"""Corpus consistency: a speaker's stance on a topic, as their other statements show it, informs a
statement of theirs whose own evidence is weak.

A statement's stance on a topic is weak when it is undetermined or its confidence is below ``weak``. When the
same speaker's other statements on that topic (each remark counted once, however many articles report it)
take a side with at least ``min_others`` clear statements and a ``share`` of them agreeing, the weak one gets
that side, at a confidence still below ``weak``, with evidence that says where it comes from. Neutral
stances are decisions (on the topic, no side) and stay as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from quotegraph.extract.model import Statement, TopicStance
from quotegraph.extract.text import fold

WEAK = 0.5
"""Confidence below which a stance is weak evidence."""
CONSISTENT_CONFIDENCE = 0.45
"""Confidence of a stance taken from the speaker's other statements."""
EVIDENCE = "consistent with the speaker's other statements"
"""Start of the evidence line of a stance taken from the speaker's other statements."""


def _weak(ts: TopicStance, weak: float) -> bool:
    if any(e.startswith(EVIDENCE) for e in ts.evidence):
        return False  # already informed (an earlier build): kept as it is
    return ts.stance is None or (ts.stance != "neutral" and ts.confidence < weak)


Votes = dict[tuple[str, str], dict[str, set[str]]]
"""Per (speaker key, topic id): each clear remark (folded quote) with the sides it takes."""


def stance_votes(statements: Iterable[Statement], *, weak: float = WEAK) -> Votes:
    """The clear stances of ``statements`` by speaker and topic (one pass; statements may stream)."""
    votes: Votes = {}
    for s in statements:
        key = s.speaker_key
        if not key:
            continue
        for ts in s.topics or ():
            if ts.stance in ("support", "oppose") and ts.confidence >= weak and not _weak(ts, weak):
                # one remark reported by several articles counts once
                votes.setdefault((key, ts.topic), {}).setdefault(fold(s.quote), set()).add(ts.stance)
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
        counts = Counter(v for q, sides in others.items() if q != own for v in sides)
        # the side with most remarks (any order of the statements gives the same answer)
        side, n = max(sorted(counts.items()), key=lambda kv: kv[1]) if counts else (None, 0)
        total = sum(counts.values())
        if _weak(ts, weak) and side is not None and n >= min_others and n / total >= share:
            ts = replace(
                ts,
                stance=side,  # type: ignore[arg-type]
                confidence=CONSISTENT_CONFIDENCE,
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
