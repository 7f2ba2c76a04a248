"""Synthetic statements shaped like real ones, for scale benchmarks (deterministic for a seed)."""

from __future__ import annotations

import random
from collections.abc import Iterator

from quotegraph.extract.model import Statement, TopicStance

COMMON = [
    "restrictions",
    "weapons",
    "allies",
    "lift",
    "ban",
    "ukraine",
    "russia",
    "territory",
    "strike",
    "targets",
    "nato",
    "troops",
    "ground",
    "war",
    "escalation",
    "support",
    "defend",
    "rights",
    "decision",
    "government",
    "minister",
    "budget",
    "tax",
]
_rng = random.Random(0)
# a realistic spread of vocabulary: 4,000 pseudo-words of random letters
WORDS = COMMON + [
    "".join(_rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(_rng.randint(3, 10))) for _ in range(4000)
]
OUTLETS = ["Reuters", "Associated Press", "BBC", "Politico", "The Guardian", "Tass", "Kyiv Independent", "CNN"]
TOPICS = ["weapons-restrictions", "nato-direct-involvement", "arms-deliveries", "sanctions", "energy-prices"]
STANCES = ["support", "oppose", "neutral"]


def statements(n: int, *, speakers: int = 2000, seed: int = 1) -> Iterator[Statement]:
    rng = random.Random(seed)
    for i in range(n):
        sp = rng.randrange(speakers)
        topic = TOPICS[sp % len(TOPICS)]
        stance = STANCES[(sp + i) % 3]
        quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
        article = i // 4  # four statements an article: one outlet, one date, one headline each
        day = 1 + article % 28
        yield Statement(
            article=f"article-{article:07d}.txt",
            quote=quote,
            start=(i % 4) * 500,
            end=(i % 4) * 500 + len(quote),
            kind=rng.choice(["direct", "indirect", "mixed"]),
            speaker=f"Speaker {sp:05d}",
            speaker_id=f"person/speaker-{sp:05d}",
            speaker_type="person",
            speaker_role="Minister" if sp % 3 == 0 else None,
            speaker_org=f"Org {sp % 50}" if sp % 3 == 0 else None,
            cue="said",
            venue="press conference" if i % 7 == 0 else None,
            confidence=0.8,
            topic=topic,
            stance=stance,
            topics=(TopicStance(topic, stance, 0.7, ("said",)),),
            outlet=OUTLETS[article % len(OUTLETS)],
            published=f"2024-05-{day:02d}",
            statement_date=f"2024-05-{day:02d}",
            title=f"Headline {article}",
        )
