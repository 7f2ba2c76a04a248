"""Measure how often a speaker's remark on a topic takes that speaker's side there.

    python scripts/fit_speaker_consistency.py [--gold data/gold.jsonl] [--lenders DIR]
                                              [--out extract/resources/stance_consistency.yaml]
    python scripts/fit_speaker_consistency.py --lenders DIR [DIR ...]

Reads a gold file in the scorer's format (``speaker``, ``topic``, ``stance``: the project's annotated sample,
``data/gold.jsonl``, by default) and, for every remark of a speaker with at least two other sided remarks on
the same topic that agree at 75% or more (what :mod:`quotegraph.extract.stance.consistency` asks before it
lends a side), whether the remark takes that side; a neutral remark does not (the stage lends sides to remarks
whose own evidence is weak, and many of those take none). The rate, with one right and one wrong added (Laplace), is
written as ``speaker_consistency``: the stance consistency stage's chance that a remark is on its speaker's
side. The broad stance set cannot give it: its statements have no speakers.

``--lenders DIR [DIR ...]`` also fits ``lender_independence``: how far one speaker's votes on a topic count as
independent evidence (1: their log-odds summed; 0: their mean). Each ``DIR`` is a news stance FIT set (``articles/``,
``topics.yaml``, ``gold.jsonl`` in the scorer's format; never a check). Its articles are extracted without the
consistency stage; the stage then runs at each independence of a grid (0, 0.1, ..., 1), the news adjustment after
it as a build does, and the statements are matched to gold. The independence whose lent sides (on a gold topic;
a side lent where gold is neutral is wrong) have the lowest log-loss is written, with counts: no text or label.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SIDES = ("support", "oppose")
GRID = tuple(i / 10 for i in range(11))
LENDERS = "# lender_independence: fitted on a news stance fit set, by the log-loss of the sides lent there\n"


def consistency(rows: list[dict]) -> tuple[int, int]:
    """(agreeing, judged) over leave-one-out checks of every speaker's remarks per topic: each remark against
    the speaker's other sided remarks. A remark gold calls neutral is checked too and does not agree: the stage
    lends a side to any remark whose own evidence is weak, and many of those take no side."""
    by_cell: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        if r.get("stance") in (*SIDES, "neutral") and r.get("speaker") and r.get("topic"):
            by_cell[(r["speaker"].split()[-1].lower(), r["topic"])].append(r["stance"])
    agree = judged = 0
    for sides in by_cell.values():
        for i, side in enumerate(sides):
            others = Counter(s for s in sides[:i] + sides[i + 1 :] if s in SIDES)
            if not others:
                continue
            top, n = max(sorted(others.items()), key=lambda kv: kv[1])
            if n >= 2 and n / sum(others.values()) >= 0.75:
                judged += 1
                agree += side == top
    return agree, judged


def lent_rows(folder: Path, independence: float, statements: list | None = None) -> tuple[list, list]:
    """(the statements of ``folder`` extracted without the consistency stage, [(confidence, right)] of the
    sides the stage lends at ``independence`` to statements that match gold)."""
    from quotegraph.extract.model import Statement
    from quotegraph.extract.stance.consistency import consistent_stances, lent
    from quotegraph.extract.stance.news import news_adjusted

    from quotegraph.evaluate import match
    from quotegraph.run import extract_to_jsonl

    if statements is None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "raw.jsonl"
            topics = folder / "topics.yaml"
            extract_to_jsonl([folder / "articles"], out, topics=topics, progress=False, consistency=False, news=False)
            lines = out.read_text("utf-8").splitlines()
        statements = [Statement.from_dict(json.loads(line)) for line in lines if line.strip()]
    done = [news_adjusted(s).to_dict() for s in consistent_stances(statements, independence=independence)]
    golds = [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    rows = []
    for pred, gold, _ in match(done, golds)[0]:
        if gold.get("optional") or not gold.get("topic"):
            continue
        for ts in pred.get("topics") or []:
            if ts.get("topic") == gold["topic"] and ts.get("stance") in SIDES and lent(ts.get("evidence") or ()):
                rows.append((float(ts["confidence"]), ts["stance"] == gold.get("stance")))
    return statements, rows


def fit_independence(folders: list[Path]) -> tuple[float, int, int, dict[float, float]]:
    """(the independence of the grid with the lowest log-loss over the lent sides of all ``folders``, its lent
    sides, right ones, log-loss per point)."""
    extracted = [lent_rows(folder, 1.0)[0] for folder in folders]
    losses: dict[float, float] = {}
    counts: dict[float, tuple[int, int]] = {}
    for alpha in GRID:
        rows = [row for folder, st in zip(folders, extracted, strict=True) for row in lent_rows(folder, alpha, st)[1]]
        losses[alpha] = -sum(math.log(max(c if ok else 1 - c, 1e-6)) for c, ok in rows) / max(1, len(rows))
        counts[alpha] = (len(rows), sum(ok for _, ok in rows))
    best = min(GRID, key=lambda a: (round(losses[a], 6), -a))
    return best, counts[best][0], counts[best][1], losses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "data" / "gold.jsonl")
    ap.add_argument("--lenders", type=Path, nargs="+", help="news stance fit sets to fit lender_independence on")
    ap.add_argument("--out", type=Path, default=ROOT / "extract" / "resources" / "stance_consistency.yaml")
    args = ap.parse_args()
    if args.lenders:
        alpha, n, right, losses = fit_independence(args.lenders)
        print("log-loss of lent sides per independence: " + ", ".join(f"{a:.1f} {v:.4f}" for a, v in losses.items()))
        fitted_on = f"{', '.join(f.name for f in args.lenders)} ({n} lent sides, {right} right)"
    else:  # kept as fitted before, when the file has it
        shipped = (yaml.safe_load(args.out.read_text("utf-8")) if args.out.exists() else None) or {}
        alpha, fitted_on = shipped.get("lender_independence"), shipped.get("lenders_fitted_on", "")
    lenders = "" if alpha is None else LENDERS + f"lender_independence: {alpha}\nlenders_fitted_on: {fitted_on}\n"
    rows = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    agree, judged = consistency(rows)
    rate = round((agree + 1) / (judged + 2), 3)
    args.out.write_text(
        "# How often a speaker's remark on a topic takes the side of their other remarks there (leave one out,\n"
        "# where at least two others agree at 75% or more; a neutral remark does not), Laplace-smoothed. Written by\n"
        "# scripts/fit_speaker_consistency.py; do not edit by hand.\n"
        f"speaker_consistency: {rate}\n"
        f"measured_on: {args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold.name}\n"
        f"agreeing: {agree}\n"
        f"judged: {judged}\n" + lenders,
        encoding="utf-8",
    )
    print(f"{agree} of {judged} remarks on their speaker's side: speaker_consistency {rate} -> {args.out}")


if __name__ == "__main__":
    main()
