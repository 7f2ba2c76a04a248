"""Topic assignment against gold: right, wrong and none, and which topics are confused.

    python benchmarks/topic_eval.py PRED.jsonl GOLD.jsonl [--confusions N] [--examples N]

Matches predictions to gold statements as ``../shared/eval/score.py`` does (it is imported from the shared
folder) and prints, over matched gold statements with a topic: how many get the right main topic
(topic accuracy), a wrong one, or none; how many have the gold topic among all their topics (a second
topic counted); and the most frequent (gold, predicted) confusions with an example quote each.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT / "shared")


def _score_module():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred")
    ap.add_argument("gold")
    ap.add_argument("--confusions", type=int, default=12)
    ap.add_argument("--examples", type=int, default=0, help="print N wrong/none quotes")
    args = ap.parse_args()
    score = _score_module()
    pairs, _, _ = score.match(score.load(args.pred), score.load(args.gold))
    pairs = [(p, g) for p, g, _ in pairs if g.get("topic") and not g.get("optional")]
    right = [(p, g) for p, g in pairs if p.get("topic") == g["topic"]]
    none = [(p, g) for p, g in pairs if not p.get("topic")]
    wrong = [(p, g) for p, g in pairs if p.get("topic") and p.get("topic") != g["topic"]]
    among = [(p, g) for p, g in pairs if g["topic"] in {t.get("topic") for t in p.get("topics") or []}]
    two = sum(1 for p, _ in pairs if len(p.get("topics") or []) > 1)
    n = len(pairs) or 1
    print(
        json.dumps(
            {
                "matched": len(pairs),
                "topic_accuracy": round(len(right) / n, 3),
                "wrong": len(wrong),
                "none": len(none),
                "gold_among_topics": round(len(among) / n, 3),
                "with_two_or_more": two,
            }
        )
    )
    confused = Counter((g["topic"], p["topic"]) for p, g in wrong)
    examples = {(g["topic"], p["topic"]): g["quote"][:100] for p, g in wrong}
    for (gold, pred), count in confused.most_common(args.confusions):
        print(f"{count:4d}  {gold[:40]:40s} -> {pred[:40]:40s} | {examples[(gold, pred)]}")
    for p, g in (wrong + none)[: args.examples]:
        print(f"  [{g['topic'][:30]} -> {p.get('topic')}] {g['quote'][:150]}")


if __name__ == "__main__":
    main()
