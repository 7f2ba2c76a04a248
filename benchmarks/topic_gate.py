"""Does ``quotegraph stance`` (records mode) keep off topics a statement is not about? A synthetic check on the
broad stance set, which has no neutral class of its own.

    python benchmarks/topic_gate.py [--broad DIR] [--share 0.333] [--seed 2024] [--root-letters N]

Per source (``argkp``, ``perspectrum``) the true records (their topic, their gold side) are judged, and so is
each text paired with the topic of another record (another topic, drawn with ``--seed``: the way benchmarks with
a neutral class build much of it), labelled neutral. The mix is the true records plus swapped ones at ``--share``
of it. Printed for the true records and the mix, with the gate (``records_gate`` of topic_match.yaml) and
without: sided predictions, their precision, coverage of sided gold at precision >= 0.75, stance ECE (as
``stance_trust.py`` computes them), 3-class macro-F1; and how many true and swapped records mention their topic.
Reads the set at run time and writes nothing.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT / "shared")
SOURCES = ("argkp", "perspectrum")
TARGET = 0.75
SIDES = ("support", "oppose")


def trust(pairs: Sequence[tuple[str | None, float, str]]) -> dict[str, float]:
    """(predicted, confidence, gold) -> sided, precision, coverage at TARGET, ECE (10 bins), macro-F1."""
    sided_gold = sum(g in SIDES for _, _, g in pairs)
    rows = sorted(((c, p == g) for p, c, g in pairs if p in SIDES), key=lambda r: -r[0])
    best, right = 0.0, 0
    for i, (c, ok) in enumerate(rows, 1):
        right += ok
        if (i == len(rows) or rows[i][0] != c) and right / i >= TARGET:
            best = max(best, right / sided_gold if sided_gold else 0.0)
    ece = 0.0
    for b in range(10):
        cell = [(c, ok) for c, ok in rows if b / 10 <= c < (b + 1) / 10 or (b == 9 and c == 1.0)]
        if cell:
            ece += (
                len(cell) / len(rows) * abs(sum(ok for _, ok in cell) / len(cell) - sum(c for c, _ in cell) / len(cell))
            )
    f1s = []
    for label in (*SIDES, "neutral"):
        tp = sum(p == label == g for p, _, g in pairs)
        fp = sum(p == label != g for p, _, g in pairs)
        fn = sum(g == label != p for p, _, g in pairs)
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    precision = sum(ok for _, ok in rows) / len(rows) if rows else 0.0
    return {"sided": len(rows), "precision": precision, "coverage": best, "ece": ece, "macro_f1": sum(f1s) / len(f1s)}


def swapped(records: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Each record's text with the topic of another record on another topic, labelled neutral."""
    rng = random.Random(seed)
    out = []
    for record in records:
        while True:
            other = records[rng.randrange(len(records))]
            if other["topic"]["id"] != record["topic"]["id"]:
                break
        out.append(
            {**record, "id": f"{record['id']}|{other['topic']['id']}", "topic": other["topic"], "stance": "neutral"}
        )
    return out


def judged(records: list[dict[str, Any]], docs: list[Any], gate: bool) -> list[tuple[str | None, float, str]]:
    """(predicted, confidence, gold) of each record, judged as ``quotegraph stance`` judges it."""
    from quotegraph.extract.stance import StanceAssigner
    from quotegraph.extract.stance.judge import record_item

    assigner = StanceAssigner([])
    items = [(*record_item(r, {}, n), doc) for n, (r, doc) in enumerate(zip(records, docs, strict=True), 1)]
    answers = assigner.judge(items, gate)
    return [(a.stance, a.confidence, r["stance"]) for a, r in zip(answers, records, strict=True)]


def show(name: str, result: dict[str, float]) -> str:
    return f"{name}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--broad", type=Path, default=SHARED / "eval" / "stance-broad")
    ap.add_argument("--share", type=float, default=1 / 3, help="share of swapped (neutral) records in the mix")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--root-letters", type=int, help="override mention.root_letters of topic_match.yaml")
    args = ap.parse_args()
    import json

    from quotegraph.extract.nlp import load_base
    from quotegraph.extract.stance import aboutness
    from quotegraph.extract.stance.topics import parse_topics

    def about(doc: Any) -> aboutness.About:
        return aboutness.about_weights(doc, 0, len(doc.text))

    if args.root_letters is not None:
        aboutness._config()["mention"]["root_letters"] = args.root_letters
    nlp = load_base()
    for source in SOURCES:
        lines = (args.broad / source / "records.jsonl").read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
        docs = list(nlp.pipe((r["text"] for r in records), batch_size=256))
        swaps = swapped(records, args.seed)
        keep = sorted(
            random.Random(args.seed + 1).sample(range(len(swaps)), round(len(records) * args.share / (1 - args.share)))
        )
        mentioned = [
            sum(
                bool(aboutness.mentions(parse_topics({"topics": [r["topic"]]})[0], r["text"], about(doc)))
                for r, doc in zip(rs, docs, strict=True)
            )
            for rs in (records, swaps)
        ]
        print(f"{source}: mention their topic: true {mentioned[0]}/{len(records)}, swapped {mentioned[1]}/{len(swaps)}")
        for gate in (False, True):
            true = judged(records, docs, gate)
            fake = judged([swaps[i] for i in keep], [docs[i] for i in keep], gate)
            label = "gate" if gate else "no gate"
            print("  " + show(f"{label}, true", trust(true)))
            print("  " + show(f"{label}, mix ({len(keep)} swapped)", trust(true + fake)))


if __name__ == "__main__":
    main()
