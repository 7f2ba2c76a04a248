"""The one speaker x topic table: remarks, their stances, and each speaker's position on each topic.

Every count anywhere (tables, SPARQL queries, the heatmap, the HTML view, the run report) counts
**remarks**: one merged statement (``statement_id``), however many articles report it. Reports stay
available beside it (``reports``). A remark's stance on a topic is the most confident judgement among its
reports; a side (or neutral) below the display threshold (:func:`display_threshold`) is a low-confidence
leaning: it is kept (JSONL, RDF, ``remark_stances``) and counted apart as ``hidden``, never in
support/oppose/neutral and never silently dropped. Undetermined (no evidence either way) is its own count.

A **position** is a speaker's side on a topic from all their shown remarks on it: a confidence-weighted
vote, with its own confidence and the remarks behind it. A side that corpus consistency lent a remark from
the speaker's other remarks (:mod:`quotegraph.extract.stance.consistency`) is shown but does not vote: it
follows from the position.

Pure functions, no I/O (but for the threshold's data file, read once). Input: statements as read from a
build's ``statements.jsonl`` (with ``statement_id``) or straight from extraction (no ``statement_id``:
the remark is the statement's utterance, else its own report).
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd
from quotegraph.extract.model import Statement
from quotegraph.extract.stance.consistency import lent
from quotegraph.extract.text import resource_yaml

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.6
"""The display threshold when the calibration file does not give one."""
CALIBRATION_FILE = "stance_calibration.yaml"
SIDES: tuple[str, ...] = ("support", "oppose", "neutral")
MAJORITY = 2 / 3
"""Share of the sided (support + oppose) weight a side needs to be the speaker's position; below it the
position is mixed (stance None)."""
PER_SPEAKER = 2
"""In :func:`oppositions`, at most this many links per speaker and topic (the strongest): camps, not a star."""
GIVEN = 1.0
"""Confidence of a stance given without one (a hand-labelled or older file: ``stance`` without ``topics``)."""

REMARK_COLUMNS = [
    "remark",
    "speaker",
    "speaker_name",
    "topic",
    "topic_label",
    "stance",
    "confidence",
    "reports",
    "low_confidence",
    "evidence",
    "date",
    "quote",
]
TABLE_COLUMNS = [
    "speaker",
    "speaker_name",
    "topic",
    "topic_label",
    "support",
    "oppose",
    "neutral",
    "undetermined",
    "hidden",
    "remarks",
    "reports",
    "net",
    "first",
    "last",
]


@lru_cache(maxsize=1)
def display_threshold() -> float:
    """The default minimum stance confidence shown by the view, the stance matrix, the queries and the
    networkx graph: ``display_threshold`` in ``extract/resources/stance_calibration.yaml`` (fitted on
    stance-broad), else 0.6."""
    try:
        value = (resource_yaml(CALIBRATION_FILE, optional=True) or {}).get("display_threshold")
    except (OSError, AttributeError, ValueError) as err:
        log.debug("no display threshold in %s (%s): %s", CALIBRATION_FILE, err, DEFAULT_THRESHOLD)
        return DEFAULT_THRESHOLD
    if value is None:
        return DEFAULT_THRESHOLD
    value = float(value)
    if not 0 <= value <= 1:
        raise ValueError(f"{CALIBRATION_FILE}: display_threshold must be between 0 and 1, not {value}")
    return value


def _threshold(min_confidence: float | None) -> float:
    return display_threshold() if min_confidence is None else float(min_confidence)


def remark_key(s: Statement) -> str:
    """The remark a report belongs to: its merged ``statement_id``; before merging, its utterance (the
    pieces of "A," she said. "B." are one remark), else the report itself."""
    if s.statement_id:
        return s.statement_id
    if s.utterance:
        return f"{s.article_key}#{s.utterance}"
    return f"{s.article_key}@{s.start}-{s.end}"


def judgements(s: Statement) -> list[tuple[str, str | None, float, tuple[str, ...]]]:
    """A report's (topic, stance, confidence, evidence) per topic: its ``topics``, or for a statement
    that has only ``topic``/``stance`` (hand-labelled, older JSONL) that stance, taken as given."""
    if s.topics:
        return [(t.topic, t.stance, float(t.confidence), tuple(t.evidence)) for t in s.topics]
    if s.topic:
        return [(s.topic, s.stance, GIVEN if s.stance else 0.0, ())]
    return []


@dataclass(frozen=True)
class RemarkStance:
    """One remark's stance on one topic (a row of :func:`remark_stances`)."""

    remark: str
    speaker: str | None
    speaker_name: str | None
    topic: str
    topic_label: str
    stance: str | None
    confidence: float
    reports: int
    low_confidence: bool
    evidence: tuple[str, ...] = ()
    date: str | None = None
    quote: str = ""

    @property
    def shown(self) -> bool:
        """A side or neutral at or above the threshold."""
        return self.stance is not None and not self.low_confidence


_ORDER = {"support": 0, "oppose": 1, "neutral": 2, None: 3}


def remark_list(
    statements: Iterable[Statement],
    *,
    topic_labels: Mapping[str, str] | None = None,
    min_confidence: float | None = None,
) -> list[RemarkStance]:
    """:func:`remark_stances` as plain objects (sorted by speaker, topic, remark)."""
    threshold = _threshold(min_confidence)
    labels = topic_labels or {}
    reports: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    speakers: dict[str, str | None] = {}
    dates: dict[str, str] = {}
    quotes: dict[str, tuple[tuple[str, int], str]] = {}
    votes: dict[tuple[str, str], list[tuple[float, int, str | None, tuple[str, ...]]]] = defaultdict(list)
    for s in statements:
        key = remark_key(s)
        reports[key].add((s.article_key, s.start, s.end))
        if s.speaker:
            names[key][s.speaker] += 1
        if speakers.get(key) is None:
            speakers[key] = s.speaker_key
        date = s.statement_date or s.published
        if date and (key not in dates or date < dates[key]):
            dates[key] = date
        place = (s.article_key, s.start)
        if key not in quotes or place < quotes[key][0]:
            quotes[key] = (place, s.quote)
        for topic, stance, confidence, evidence in judgements(s):
            votes[(key, topic)].append((confidence, _ORDER.get(stance, 3), stance, evidence))
    out = []
    for (key, topic), judged in votes.items():
        sided = [j for j in judged if j[2] is not None]
        # the most confident judgement among the remark's reports (ties: support, oppose, neutral order)
        confidence, _, stance, evidence = min(sided or judged, key=lambda j: (-j[0], j[1], j[3]))
        name = min(names[key].items(), key=lambda kv: (-kv[1], kv[0]))[0] if names[key] else None
        out.append(
            RemarkStance(
                remark=key,
                speaker=speakers.get(key),
                speaker_name=name,
                topic=topic,
                topic_label=labels.get(topic) or topic,
                stance=stance,
                confidence=round(confidence, 6),
                reports=len(reports[key]),
                low_confidence=stance is not None and confidence < threshold,
                evidence=evidence,
                date=dates.get(key),
                quote=quotes[key][1] if key in quotes else "",
            )
        )
    out.sort(key=lambda r: (r.speaker or "", r.topic, r.remark))
    return out


def remark_stances(
    statements: Iterable[Statement],
    *,
    topic_labels: Mapping[str, str] | None = None,
    min_confidence: float | None = None,
) -> pd.DataFrame:
    """One row per (remark, topic): remark, speaker (key), speaker_name, topic (id), topic_label, stance
    (support/oppose/neutral, None when undetermined), confidence, reports (how many reports of the
    remark), low_confidence (a side or neutral below ``min_confidence``, default :func:`display_threshold`),
    evidence, date (earliest), quote (the first report's words)."""
    rows = remark_list(statements, topic_labels=topic_labels, min_confidence=min_confidence)
    frame = pd.DataFrame([r.__dict__ for r in rows], columns=REMARK_COLUMNS)
    frame = frame.astype({"confidence": float, "reports": int, "low_confidence": bool})
    frame["stance"] = frame["stance"].astype(object).where(frame["stance"].notna(), None)  # undetermined: None
    return frame


def _cells(rows: Iterable[RemarkStance]) -> dict[tuple[str, str], list[RemarkStance]]:
    cells: dict[tuple[str, str], list[RemarkStance]] = defaultdict(list)
    for r in rows:
        if r.speaker is not None:
            cells[(r.speaker, r.topic)].append(r)
    return cells


def stance_table(
    statements: Iterable[Statement],
    *,
    min_confidence: float | None = None,
    topic_labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Speaker x topic, in remarks: support, oppose, neutral (at or above ``min_confidence``; None is
    :func:`display_threshold`, 0 shows everything), undetermined (no evidence either way), hidden (sides
    below ``min_confidence``, counted apart), remarks (all of them), reports (of those remarks), net
    ((support - oppose) / shown determined remarks; NaN when there is none), first and last date."""
    rows = remark_list(statements, topic_labels=topic_labels, min_confidence=min_confidence)
    out = []
    for (speaker, topic), cell in sorted(_cells(rows).items()):
        c = Counter("hidden" if r.low_confidence else (r.stance or "undetermined") for r in cell)
        determined = c["support"] + c["oppose"] + c["neutral"]
        dates = sorted(r.date for r in cell if r.date)
        out.append(
            {
                "speaker": speaker,
                "speaker_name": _name(cell),
                "topic": topic,
                "topic_label": cell[0].topic_label,
                **{k: c[k] for k in ("support", "oppose", "neutral", "undetermined", "hidden")},
                "remarks": len(cell),
                "reports": sum(r.reports for r in cell),
                "net": (c["support"] - c["oppose"]) / determined if determined else math.nan,
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
            }
        )
    frame = pd.DataFrame(out, columns=TABLE_COLUMNS)
    counts = ["support", "oppose", "neutral", "undetermined", "hidden", "remarks", "reports"]
    return frame.astype({c: int for c in counts} | {"net": float})


def _name(cell: Sequence[RemarkStance]) -> str:
    names = Counter(r.speaker_name for r in cell if r.speaker_name)
    if not names:
        return cell[0].speaker or ""
    return min(names.items(), key=lambda kv: (-kv[1], kv[0]))[0]


@dataclass(frozen=True)
class Position:
    """A speaker's position on a topic: a confidence-weighted vote of their shown remarks on it.

    ``stance`` is support/oppose/neutral, or None when the remarks are mixed (no side has
    :data:`MAJORITY` of the sided weight) or none is shown. ``confidence`` (0-1): the chance that at least
    one of the winning side's remarks is right, times that side's share of the sided weight.
    ``remarks``: the shown remarks that voted; ``counts``: (side, n) pairs over all the speaker's remarks
    on the topic (support, oppose, neutral, undetermined, hidden); ``weight``: sum of the voters'
    confidences."""

    speaker: str
    speaker_name: str
    topic: str
    topic_label: str
    stance: str | None
    confidence: float
    remarks: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]
    weight: float

    def count(self, side: str) -> int:
        return dict(self.counts).get(side, 0)


def _votes(r: RemarkStance) -> bool:
    """``r`` is shown and its side is its own: a side lent by the speaker's other remarks (corpus
    consistency) follows from the position and never votes in it."""
    return r.shown and not lent(r.evidence)


def _vote(cell: Sequence[RemarkStance]) -> tuple[str | None, float]:
    weights = {side: sum(r.confidence for r in cell if _votes(r) and r.stance == side) for side in SIDES}
    sided = weights["support"] + weights["oppose"]

    def certainty(side: str) -> float:
        return 1 - math.prod(1 - min(1.0, r.confidence) for r in cell if _votes(r) and r.stance == side)

    if sided > 0:
        side = "support" if weights["support"] >= weights["oppose"] else "oppose"
        share = weights[side] / sided
        if weights["support"] == weights["oppose"] or share < MAJORITY:
            return None, 0.0
        return side, round(certainty(side) * share, 6)
    if weights["neutral"] > 0:
        return "neutral", round(certainty("neutral"), 6)
    return None, 0.0


def positions_from(rows: Iterable[RemarkStance]) -> list[Position]:
    """Positions from :func:`remark_list` rows (one per speaker and topic with a remark)."""
    out = []
    for (speaker, topic), cell in sorted(_cells(rows).items()):
        stance, confidence = _vote(cell)
        c = Counter("hidden" if r.low_confidence else (r.stance or "undetermined") for r in cell)
        voters = sorted(r.remark for r in cell if _votes(r))
        out.append(
            Position(
                speaker=speaker,
                speaker_name=_name(cell),
                topic=topic,
                topic_label=cell[0].topic_label,
                stance=stance,
                confidence=confidence,
                remarks=tuple(voters),
                counts=tuple((k, c[k]) for k in (*SIDES, "undetermined", "hidden") if c[k]),
                weight=round(sum(r.confidence for r in cell if _votes(r)), 6),
            )
        )
    return out


def positions(
    statements: Iterable[Statement],
    *,
    min_confidence: float | None = None,
    topic_labels: Mapping[str, str] | None = None,
) -> list[Position]:
    """Each speaker's position on each topic they have a remark on (sorted by speaker, topic). Remarks
    below ``min_confidence`` (default :func:`display_threshold`) do not vote; they are counted as hidden."""
    rows = remark_list(statements, topic_labels=topic_labels, min_confidence=min_confidence)
    return positions_from(rows)


def _rank(p: Position) -> tuple[float, int, str]:
    return (-p.confidence, -len(p.remarks), p.speaker_name or p.speaker)


def camps(positions: Iterable[Position], topic: str) -> dict[str, list[Position]]:
    """The camps of one topic: {"support": [...], "oppose": [...], "neutral": [...]}, each sorted by
    confidence, then remark count (most first), then name. Mixed positions are in no camp."""
    out: dict[str, list[Position]] = {side: [] for side in SIDES}
    for p in positions:
        if p.topic == topic and p.stance in out:
            out[p.stance].append(p)
    return {side: sorted(ps, key=_rank) for side, ps in out.items()}


def oppositions(
    positions: Iterable[Position],
    *,
    min_confidence: float | None = None,
    budget: int | None = None,
    per_speaker: int = PER_SPEAKER,
) -> list[dict[str, Any]]:
    """Confident disagreements: pairs of a supporter and an opponent of one topic, both positions at or
    above ``min_confidence`` (default :func:`display_threshold`). Strongest first (the weaker position's
    confidence, then the remarks behind both); each speaker gets at most ``per_speaker`` links per topic,
    and at most ``budget`` links in all (default: twice the speakers who take a side), so the result
    shows camps, never every pair. Items: a (supporter's key), b (opponent's key), a_name, b_name, topic,
    topic_label, remarks_a, remarks_b (how many remarks behind each position), confidence."""
    threshold = _threshold(min_confidence)
    sided = [p for p in positions if p.stance in ("support", "oppose") and p.confidence >= threshold]
    if budget is None:
        budget = 2 * len({p.speaker for p in sided})
    by_topic: dict[str, dict[str, list[Position]]] = defaultdict(lambda: {"support": [], "oppose": []})
    for p in sided:
        by_topic[p.topic][p.stance].append(p)  # type: ignore[index]
    candidates = []
    for topic, side in by_topic.items():
        for a in side["support"]:
            for b in side["oppose"]:
                if a.speaker != b.speaker:
                    strength = min(a.confidence, b.confidence)
                    candidates.append(
                        ((-strength, -(len(a.remarks) + len(b.remarks)), topic, a.speaker, b.speaker), a, b)
                    )
    candidates.sort(key=lambda c: c[0])
    degree: Counter[tuple[str, str]] = Counter()
    out: list[dict[str, Any]] = []
    for _, a, b in candidates:
        if len(out) >= budget:
            break
        if degree[(a.topic, a.speaker)] >= per_speaker or degree[(b.topic, b.speaker)] >= per_speaker:
            continue
        degree[(a.topic, a.speaker)] += 1
        degree[(b.topic, b.speaker)] += 1
        out.append(
            {
                "a": a.speaker,
                "b": b.speaker,
                "a_name": a.speaker_name,
                "b_name": b.speaker_name,
                "topic": a.topic,
                "topic_label": a.topic_label,
                "remarks_a": len(a.remarks),
                "remarks_b": len(b.remarks),
                "confidence": min(a.confidence, b.confidence),
            }
        )
    return out


def hidden_count(statements: Iterable[Statement], *, min_confidence: float | None = None) -> int:
    """How many (remark, topic) stances are below ``min_confidence``: what a surface hides by default."""
    return sum(r.low_confidence for r in remark_list(statements, min_confidence=min_confidence))


def topic_labels_of(topics: Iterable[Any] | None) -> dict[str, str]:
    """{id: label} of topics (``quotegraph.extract.stance.topics.Topic`` or anything with id and label)."""
    return {t.id: t.label for t in topics or () if getattr(t, "label", None)}


__all__ = [
    "DEFAULT_THRESHOLD",
    "Position",
    "RemarkStance",
    "camps",
    "display_threshold",
    "hidden_count",
    "judgements",
    "oppositions",
    "positions",
    "positions_from",
    "remark_key",
    "remark_list",
    "remark_stances",
    "stance_table",
    "topic_labels_of",
]
