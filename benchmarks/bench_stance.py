"""What topics and stance add to an extraction, measured in the same run.

    python benchmarks/bench_stance.py [--corpus DIR] [--limit N] [--topics FILE] [--backend rules]

Extracts the first N articles of the corpus once (one process, one worker, no cache) with a stance
assigner whose ``assign`` is timed on its own, and prints the CPU seconds of the whole extraction, of
topic and stance assignment, and their ratio to the extraction without them (the goal: at most 5%), with
the statements and topic-tagged statements counted and how their main stance is distributed
(support / oppose / neutral / undetermined).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# the shared data sit next to the repository (or next to the folder of its worktrees)
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT / "shared")
DEFAULT_CORPUS = SHARED / "corpus" / "polnear-train"
DEFAULT_TOPICS = SHARED / "eval" / "stance-dev" / "topics.yaml"


class TimedAssigner:
    """A stance assigner that adds up the CPU time of its ``assign`` calls."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seconds = 0.0

    def assign(self, statements: Sequence[Any], doc: Any, article: Any) -> list[Any]:
        t = time.process_time()
        try:
            return self.inner.assign(statements, doc, article)
        finally:
            self.seconds += time.process_time() - t

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)  # everything else the pipeline asks of an assigner (fell_back, key)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=120, help="articles (0: all)")
    ap.add_argument("--topics", type=Path, default=DEFAULT_TOPICS)
    ap.add_argument("--backend", default="rules")
    args = ap.parse_args()

    from quotegraph.extract.pipeline import Extractor
    from quotegraph.extract.stance import StanceAssigner, load_topics

    files = sorted(args.corpus.glob("*.txt"))
    files = files[: args.limit] if args.limit else files
    ex = Extractor()  # no topics: the extraction the stance cost is compared with
    topics = load_topics(args.topics)
    timed = TimedAssigner(StanceAssigner(topics, backend=args.backend))
    ex.stance = timed  # type: ignore[assignment]
    ex.topics = topics
    t = time.process_time()
    statements = [s for result in ex.extract_paths(files) for s in result.statements]
    total = time.process_time() - t
    without = total - timed.seconds
    tagged = [s for s in statements if s.topic]
    stances = Counter(s.stance or "undetermined" for s in tagged)
    print(f"articles                 {len(files)}")
    print(f"topics                   {len(topics)} ({args.topics.name}), backend {args.backend}")
    print(f"statements               {len(statements)}, topic-tagged {len(tagged)}")
    for name in ("support", "oppose", "neutral", "undetermined"):
        share = stances[name] / len(tagged) if tagged else 0.0
        print(f"  {name:22} {stances[name]:6}  {share:6.1%}")
    print(f"extraction, CPU s        {without:8.2f}  (without topics and stance)")
    print(f"topics + stance, CPU s   {timed.seconds:8.2f}")
    print(f"stance / extraction      {timed.seconds / without if without else 0.0:8.1%}  (goal: at most 5%)")


if __name__ == "__main__":
    main()
