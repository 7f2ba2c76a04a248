"""Score predicted statements against gold statements.

Same matching semantics as the team's reference scorer: within one article, a prediction matches a
gold statement when the Dice overlap of their word multisets is at least 0.5, best overlap first, each
gold row matched once. Gold rows marked ``optional`` are neither hits nor misses. The speaker test is
a surname test (the predicted name's last word ends the gold mention or stands in its head).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotegraph.extract.model import STANCES
from quotegraph.extract.text import fold

UNDETERMINED = "undetermined"
"""How the stance tables name a prediction with no stance (no evidence either way)."""

_WORD = re.compile(r"\w+")
_HEAD_END = re.compile(r",|\s(?:who|which|whose|that)\s")

Row = Mapping[str, Any]


def words(text: str | None) -> Counter[str]:
    return Counter(_WORD.findall(fold(text or "")))


def dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Surname test, accents ignored (as the reference scorer): the predicted name's last word stands in
    the gold mention's head (the part before a comma or relative clause) or ends the appositive right
    after it ("The club's general manager, David Feder, ..." -> "David Feder")."""
    if not predicted or not gold:
        return False
    p = _WORD.findall(fold(_HEAD_END.split(predicted)[0]))
    parts = [_WORD.findall(fold(part)) for part in _HEAD_END.split(gold)]
    head = parts[0]
    appositive = parts[1] if len(parts) > 1 else []
    return bool(p) and (p[-1] in head or (bool(appositive) and appositive[-1] == p[-1]))


def match(preds: Sequence[Row], golds: Sequence[Row]) -> tuple[list[tuple[Row, Row, float]], list[Row], list[Row]]:
    """Greedy best-first matching inside each article: (pairs, unmatched preds, unmatched golds)."""
    by_article: dict[Any, tuple[list[Row], list[Row]]] = defaultdict(lambda: ([], []))
    for p in preds:
        by_article[p.get("article")][0].append(p)
    for g in golds:
        by_article[g.get("article")][1].append(g)
    pairs: list[tuple[Row, Row, float]] = []
    lone_preds: list[Row] = []
    lone_golds: list[Row] = []
    for ps, gs in by_article.values():
        # the pieces of one utterance may match together, where a gold set joins them, or apart
        groups: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(ps):
            if p.get("utterance") is not None:
                groups[str(p["utterance"])].append(i)
        candidates = [(i,) for i in range(len(ps))] + [tuple(m) for m in groups.values() if len(m) > 1]
        cw = [sum((words(ps[i].get("quote")) for i in c), Counter()) for c in candidates]
        gw = [words(g.get("quote")) for g in gs]
        scored = sorted(
            ((dice(cw[k], gw[j]), candidates[k], j) for k in range(len(candidates)) for j in range(len(gs))),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for score, members, j in scored:
            if score < 0.5:
                break
            if used_p.intersection(members) or j in used_g:
                continue
            used_p.update(members)
            used_g.add(j)
            pred = (
                ps[members[0]]
                if len(members) == 1
                else {
                    **ps[members[0]],
                    "quote": " ".join(ps[i].get("quote") or "" for i in members),
                }
            )
            pairs.append((pred, gs[j], score))
        lone_preds += [p for i, p in enumerate(ps) if i not in used_p]
        lone_golds += [g for j, g in enumerate(gs) if j not in used_g]
    return pairs, lone_preds, lone_golds


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(part: Sequence[Any], whole: Sequence[Any]) -> float:
    return len(part) / len(whole) if whole else 0.0


@dataclass
class Scores:
    """Figures of one evaluation, and the rows behind the errors."""

    gold_required: int
    predicted: int
    matched: int
    quote_precision: float
    quote_recall: float
    quote_f1: float
    attributed_precision: float
    attributed_recall: float
    attributed_f1: float
    speaker_accuracy: float
    topic_accuracy: float
    stance_accuracy: float
    stance_macro_f1: float
    errors: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict, repr=False)
    stance_classes: dict[str, dict[str, float | int]] = field(default_factory=dict)
    """Per gold stance class: precision, recall, f1 and support (gold count)."""
    stance_confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    """Gold stance -> predicted stance (``undetermined`` where the prediction has none) -> count."""
    confidence_ece: float = 0.0
    """Expected calibration error of statement confidence (:func:`statement_calibration`)."""
    stance_ece: float = 0.0
    """Expected calibration error of stance confidence over sided predictions (:func:`stance_calibration`)."""
    reliability: list[Bin] = field(default_factory=list)
    """Statement confidence against how often it is right, per bin."""
    stance_reliability: list[Bin] = field(default_factory=list)
    by_rule: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per attribution rule: judged statements and right ones (:func:`rule_precision`)."""

    def figures(self) -> dict[str, float | int]:
        """The headline figures, flat (per-class tables: :attr:`stance_classes`, :attr:`stance_confusion`)."""
        return {k: v for k, v in self.__dict__.items() if not isinstance(v, (dict, list))}

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.figures(),
            "stance_classes": self.stance_classes,
            "stance_confusion": self.stance_confusion,
            "reliability": [b.to_dict() for b in self.reliability],
            "stance_reliability": [b.to_dict() for b in self.stance_reliability],
            "by_rule": {r: {"n": n, "right": k} for r, (n, k) in self.by_rule.items()},
        }

    def rule_table(self) -> str:
        """Precision and count per attribution rule (statements judged as :func:`judged_statements`)."""
        lines = [f"{'rule':<22} {'n':>6} {'precision':>9}"]
        for rule, (n, right) in sorted(self.by_rule.items(), key=lambda kv: -kv[1][0]):
            lines.append(f"{rule:<22} {n:6d} {right / n if n else 0.0:9.3f}")
        return "\n".join(lines)

    def reliability_table(self) -> str:
        """The reliability tables: confidence bins against how often their statements (stances) are right."""
        lines = []
        for title, ece, bins in (
            ("statement confidence", self.confidence_ece, self.reliability),
            ("stance confidence (sided)", self.stance_ece, self.stance_reliability),
        ):
            if not bins:
                continue
            lines += [f"{title}: ECE {ece:.3f}", f"{'bin':<9} {'n':>6} {'mean conf':>9} {'right':>6}"]
            lines += [f"{b.low:.1f}-{b.high:.1f}  {b.n:6d} {b.confidence:9.3f} {b.right:6.3f}" for b in bins]
        return "\n".join(lines)

    def stance_table(self) -> str:
        """Per-class precision/recall/F1 and the confusion matrix (rows gold, columns predicted)."""
        if not self.stance_confusion:
            return ""
        lines = ["stance per class (gold rows with the right topic)", f"{'':<9} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}"]
        for label, c in self.stance_classes.items():
            lines.append(f"{label:<9} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} {c['support']:5d}")
        columns = [*STANCES, UNDETERMINED]
        lines.append("confusion (rows gold, columns predicted)")
        lines.append(f"{'':<9} " + " ".join(f"{c:>12}" for c in columns))
        for gold in STANCES:
            row = self.stance_confusion.get(gold, {})
            lines.append(f"{gold:<9} " + " ".join(f"{row.get(c, 0):>12}" for c in columns))
        total = sum(sum(row.values()) for row in self.stance_confusion.values())
        undetermined = sum(row.get(UNDETERMINED, 0) for row in self.stance_confusion.values())
        lines.append(f"undetermined: {undetermined} of {total} ({undetermined / total:.0%}) have no stance")
        return "\n".join(lines)

    def table(self) -> str:
        lines = [
            f"statements: {self.gold_required} gold (required), {self.predicted} predicted, {self.matched} matched"
        ]
        for name in ("quote", "attributed"):
            p, r, f = (getattr(self, f"{name}_{m}") for m in ("precision", "recall", "f1"))
            lines.append(f"{name:<11} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        for name in (
            "speaker_accuracy",
            "topic_accuracy",
            "stance_accuracy",
            "stance_macro_f1",
            "confidence_ece",
            "stance_ece",
        ):
            lines.append(f"{name:<17} {getattr(self, name):.3f}")
        stance = self.stance_table()
        return "\n".join(lines) + ("\n" + stance if stance else "")


def score(preds: Sequence[Row], golds: Sequence[Row]) -> Scores:
    """Score ``preds`` (statement dicts) against ``golds``."""
    all_pairs, lone_preds, lone_golds = match(preds, golds)
    pairs = [(p, g) for p, g, _ in all_pairs if not g.get("optional")]
    fn = sum(1 for g in lone_golds if not g.get("optional"))
    fp = len(lone_preds)
    tp = len(pairs)
    judged = [(p, g) for p, g in pairs if g.get("speaker")]
    right_speaker = [(p, g) for p, g in judged if same_speaker(p.get("speaker"), g["speaker"])]
    wrong = len(judged) - len(right_speaker)
    q = _prf(tp, fp, fn)
    a = _prf(len(right_speaker), fp + wrong, fn + wrong)
    topical = [(p, g) for p, g in pairs if g.get("topic")]
    right_topic = [(p, g) for p, g in topical if p.get("topic") == g["topic"]]
    stanced = [(p, g) for p, g in right_topic if g.get("stance")]
    right_stance = [(p, g) for p, g in stanced if p.get("stance") == g["stance"]]
    f1s = []
    classes: dict[str, dict[str, float | int]] = {}
    confusion: dict[str, dict[str, int]] = {}
    for p, g in stanced:
        row = confusion.setdefault(g["stance"], {})
        predicted = p.get("stance") or UNDETERMINED
        row[predicted] = row.get(predicted, 0) + 1
    for label in STANCES:
        stp = sum(1 for p, g in stanced if p.get("stance") == label == g["stance"])
        sfp = sum(1 for p, g in stanced if p.get("stance") == label != g["stance"])
        sfn = sum(1 for p, g in stanced if g["stance"] == label != p.get("stance"))
        if stp + sfp + sfn:
            prf = _prf(stp, sfp, sfn)
            f1s.append(prf[2])
            classes[label] = {"precision": prf[0], "recall": prf[1], "f1": prf[2], "support": stp + sfn}
    errors = {
        "missed": [(g["article"], g.get("speaker"), g["quote"][:90]) for g in lone_golds if not g.get("optional")],
        "false_alarms": [(p.get("article"), p.get("speaker"), (p.get("quote") or "")[:90]) for p in lone_preds],
        "wrong_speaker": [
            (g["article"], p.get("speaker"), g["speaker"], g["quote"][:60])
            for p, g in judged
            if not same_speaker(p.get("speaker"), g["speaker"])
        ],
        "wrong_stance": [
            (g["article"], g.get("speaker"), g["topic"], p.get("stance"), g["stance"], g["quote"][:60])
            for p, g in stanced
            if p.get("stance") != g["stance"]
        ],
    }
    ece, reliability = calibration([(_confidence(p), ok) for p, ok in judged_statements(all_pairs, lone_preds)])
    stance_ece, stance_reliability = calibration(stance_calibration(all_pairs))
    return Scores(
        confidence_ece=ece,
        reliability=reliability,
        stance_ece=stance_ece,
        stance_reliability=stance_reliability,
        by_rule=rule_precision(judged_statements(all_pairs, lone_preds)),
        gold_required=tp + fn,
        predicted=len(preds),
        matched=tp,
        quote_precision=q[0],
        quote_recall=q[1],
        quote_f1=q[2],
        attributed_precision=a[0],
        attributed_recall=a[1],
        attributed_f1=a[2],
        speaker_accuracy=_ratio(right_speaker, judged),
        topic_accuracy=_ratio(right_topic, topical),
        stance_accuracy=_ratio(right_stance, stanced),
        stance_macro_f1=sum(f1s) / len(f1s) if f1s else 0.0,
        errors=errors,
        stance_classes=classes,
        stance_confusion=confusion,
    )


@dataclass(frozen=True)
class Bin:
    """One bin of a reliability table: its bounds, how many predictions, their mean confidence and the
    share of them that is right."""

    low: float
    high: float
    n: int
    confidence: float
    right: float

    def to_dict(self) -> dict[str, float | int]:
        return {"low": self.low, "high": self.high, "n": self.n, "confidence": self.confidence, "right": self.right}


def _confidence(row: Row) -> float:
    return float(row.get("confidence") or 0.0)


def judged_statements(pairs: Sequence[tuple[Row, Row, float]], lone_preds: Sequence[Row]) -> list[tuple[Row, bool]]:
    """Each prediction and whether it is right: it matches a required gold statement and, where the gold
    names a speaker, names the same one. A prediction that matches nothing is wrong; one that matches an
    optional gold row is left out, and so are the other pieces of an utterance matched as one (the
    first piece stands for them)."""
    rows = [(p, not g.get("speaker") or same_speaker(p.get("speaker"), g["speaker"])) for p, g, _ in pairs]
    return [r for r, (_, g, _) in zip(rows, pairs, strict=True) if not g.get("optional")] + [
        (p, False) for p in lone_preds
    ]


def calibration(rows: Sequence[tuple[float, bool]], bins: int = 10) -> tuple[float, list[Bin]]:
    """Expected calibration error of ``rows`` (confidence, right) over ``bins`` equal-width bins (a
    confidence of 1.0 in the last), weighted by count; and the reliability table."""
    table: list[Bin] = []
    ece = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        cell = [(c, ok) for c, ok in rows if low <= c < high or (b == bins - 1 and c == 1.0)]
        if not cell:
            continue
        right = sum(ok for _, ok in cell) / len(cell)
        mean = sum(c for c, _ in cell) / len(cell)
        ece += len(cell) / len(rows) * abs(right - mean)
        table.append(Bin(low, high, len(cell), round(mean, 3), round(right, 3)))
    return ece, table


def stance_calibration(pairs: Sequence[tuple[Row, Row, float]]) -> list[tuple[float, bool]]:
    """(confidence, right) of each sided stance (support or oppose) a matched prediction takes on its gold
    statement's topic (required gold rows with a topic); right when the gold takes the same side."""
    rows = []
    for p, g, _ in pairs:
        if g.get("optional") or not g.get("topic"):
            continue
        judged = [t for t in p.get("topics") or () if t.get("topic") == g["topic"]]
        if judged and judged[0].get("stance") in ("support", "oppose"):
            rows.append((float(judged[0].get("confidence") or 0.0), judged[0]["stance"] == g.get("stance")))
    return rows


def rule_precision(judged: Iterable[tuple[Row, bool]]) -> dict[str, tuple[int, int]]:
    """Per attribution rule (``rule``; ``unknown`` in files made before it): judged statements, right ones."""
    counts: dict[str, tuple[int, int]] = {}
    for p, ok in judged:
        rule = str(p.get("rule") or "unknown")
        n, right = counts.get(rule, (0, 0))
        counts[rule] = (n + 1, right + ok)
    return counts


def load_rows(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file of statement dicts, with line numbers in errors."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{lineno}: not JSON: {err}") from err
    return rows


def evaluate_files(predictions: str | Path, gold: str | Path) -> Scores:
    return score(load_rows(predictions), load_rows(gold))


def format_errors(errors: Mapping[str, Iterable[tuple[Any, ...]]]) -> str:
    out = []
    for kind, rows in errors.items():
        rows = list(rows)
        out.append(f"\n{kind} ({len(rows)}):")
        out += ["   " + " | ".join(str(x) for x in row) for row in rows]
    return "\n".join(out)
