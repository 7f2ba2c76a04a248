"""Measure how often a speaker's sided remark on a topic takes that speaker's side there.

    python scripts/fit_speaker_consistency.py [--gold data/gold.jsonl] [--out extract/resources/stance_consistency.yaml]

Reads a gold file in the scorer's format (``speaker``, ``topic``, ``stance``: the project's annotated sample,
``data/gold.jsonl``, by default) and, for every sided remark of a speaker with at least two other sided remarks
on the same topic that agree at 75% or more (what :mod:`quotegraph.extract.stance.consistency` asks before it
lends a side), whether the remark takes that side. The rate, with one right and one wrong added (Laplace), is
written as ``speaker_consistency``: the stance consistency stage's chance that a remark is on its speaker's
side. The broad stance set cannot give it: its statements have no speakers.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIDES = ("support", "oppose")


def consistency(rows: list[dict]) -> tuple[int, int]:
    """(agreeing, judged) over leave-one-out checks of every speaker's sided remarks per topic."""
    by_cell: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        if r.get("stance") in SIDES and r.get("speaker") and r.get("topic"):
            by_cell[(r["speaker"].split()[-1].lower(), r["topic"])].append(r["stance"])
    agree = judged = 0
    for sides in by_cell.values():
        for i, side in enumerate(sides):
            others = Counter(sides[:i] + sides[i + 1 :])
            if not others:
                continue
            top, n = max(sorted(others.items()), key=lambda kv: kv[1])
            if n >= 2 and n / sum(others.values()) >= 0.75:
                judged += 1
                agree += side == top
    return agree, judged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "data" / "gold.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "extract" / "resources" / "stance_consistency.yaml")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    agree, judged = consistency(rows)
    rate = round((agree + 1) / (judged + 2), 3)
    args.out.write_text(
        "# How often a speaker's sided remark on a topic takes the side of their other remarks there (leave one\n"
        "# out, where at least two others agree at 75% or more), Laplace-smoothed. Written by\n"
        "# scripts/fit_speaker_consistency.py; do not edit by hand.\n"
        f"speaker_consistency: {rate}\n"
        f"measured_on: {args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold.name}\n"
        f"agreeing: {agree}\n"
        f"judged: {judged}\n",
        encoding="utf-8",
    )
    print(f"{agree} of {judged} remarks on their speaker's side: speaker_consistency {rate} -> {args.out}")


if __name__ == "__main__":
    main()
