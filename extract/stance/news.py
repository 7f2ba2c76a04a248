"""Stance confidence on news: the calibration of :mod:`quotegraph.extract.stance.calibration` is fitted on the
broad stance set's argument texts, and on news some kinds of evidence take the right side more or less often
than there. A statement extracted from an article gets its sided confidence moved in log-odds, per kind of
the evidence that decided it, by shifts fitted on news (``resources/stance_news_calibration.yaml``, written by
``scripts/fit_news_calibration.py``; never edited by hand): ``logit(c') = scale * logit(c) + shift +
kinds[kind]``. A kind the file does not name gets no kind shift. Only the rules' sided judgements of
statements extracted from articles move, as they are written out (``quotegraph extract`` and ``build``, after
the speaker consistency stage, whose votes and lent sides stay those of the broad calibration, so no side
changes: only its confidence); ``quotegraph stance`` records, whose texts are arguments, keep the broad
calibration. Without the file nothing moves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from quotegraph.extract.model import Statement, TopicStance
from quotegraph.extract.text import resource_yaml

FILE = "stance_news_calibration.yaml"
SIDES = ("support", "oppose")
BOUND = 0.02
"""A confidence is kept within [BOUND, 1 - BOUND] before its log-odds are taken."""
TOPIC_PREFIX = "topic:"
CONSISTENCY_KIND = "consistency"
CONSISTENCY_PREFIX = "consistent with the speaker"
"""Start of the evidence line of :mod:`quotegraph.extract.stance.consistency` (a side lent by the speaker)."""
NEWS_EVIDENCE = "confidence as on news"
"""Start of the evidence line of a moved confidence: it shows the move, and a judgement that has it (read back
from a build's statements) is never moved twice."""


def evidence_kind(evidence: Iterable[str]) -> str:
    """The kind of evidence that decided a judgement: its first line beyond the topic's words, without the
    detail after a colon or parenthesis ("negative evaluation (-0.36): careless" -> "negative evaluation",
    "cue: accused" -> "cue"); a side lent by the speaker's other statements is ``consistency``; no line is
    the empty kind."""
    lines = [e for e in evidence if not e.startswith(TOPIC_PREFIX)]
    if any(e.startswith(CONSISTENCY_PREFIX) for e in lines):
        return CONSISTENCY_KIND
    if not lines:
        return ""
    return lines[0].split(" (", 1)[0].split(":", 1)[0].strip()


def _logit(p: float) -> float:
    p = min(max(p, BOUND), 1.0 - BOUND)
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class NewsCalibration:
    """A scale and shift of the log-odds of a sided confidence, and a shift per kind of evidence."""

    scale: float = 1.0
    shift: float = 0.0
    kinds: Mapping[str, float] = field(default_factory=dict)

    @property
    def identity(self) -> bool:
        return self.scale == 1.0 and self.shift == 0.0 and not any(self.kinds.values())

    def confidence(self, confidence: float, kind: str) -> float:
        """``confidence`` of a side decided by evidence of ``kind``, as news shows such sides right."""
        if self.identity:
            return confidence
        z = self.scale * _logit(confidence) + self.shift + self.kinds.get(kind, 0.0)
        return round(1.0 / (1.0 + math.exp(-z)), 3)

    def adjust(self, ts: TopicStance) -> TopicStance:
        """``ts`` with its confidence moved, and a line of evidence that says so, when it is a sided judgement
        of the rules not moved before and its kind moves; else as it is."""
        if ts.stance not in SIDES or ts.backend != "rules" or self.identity:
            return ts
        if any(e.startswith(NEWS_EVIDENCE) for e in ts.evidence):
            return ts
        kind = evidence_kind(ts.evidence)
        if self.scale == 1.0 and self.shift == 0.0 and not self.kinds.get(kind):
            return ts
        line = f"{NEWS_EVIDENCE} ({kind or 'any'}): {ts.confidence:.3f} -> {self.confidence(ts.confidence, kind):.3f}"
        return replace(ts, confidence=self.confidence(ts.confidence, kind), evidence=(*ts.evidence, line))


def parse_news_calibration(data: Mapping[str, Any] | None) -> NewsCalibration:
    """A :class:`NewsCalibration` from the file's mapping (None or empty: no change)."""
    if not data:
        return NewsCalibration()
    kinds = {str(k): float(v) for k, v in (data.get("kinds") or {}).items()}
    return NewsCalibration(float(data.get("scale", 1.0)), float(data.get("shift", 0.0)), kinds)


@lru_cache(maxsize=1)
def news_calibration() -> NewsCalibration:
    """The news calibration shipped with the package (no change when there is none)."""
    return parse_news_calibration(resource_yaml(FILE, optional=True))


def news_adjusted(statement: Statement, cal: NewsCalibration | None = None) -> Statement:
    """``statement`` with the sided confidences of its topics moved by ``cal`` (default: the shipped file)."""
    cal = news_calibration() if cal is None else cal
    if cal.identity or not statement.topics:
        return statement
    return replace(statement, topics=tuple(cal.adjust(ts) for ts in statement.topics))
