"""Time and peak memory of one article against its size: the adversarial case of one long article made
of short quoted sentences (“This is fine,” he said.), read in sections.

    python benchmarks/bench_big.py [--sizes 1e3,1e4,1e5,1e6,6e6] [--paragraph 0]

Each size runs ``quotegraph extract`` in a child process (model load included, measured alone as the
first row on an empty article) and prints wall seconds, peak RSS of the child and statements. The
figures to compare are the ratios: time per MB and memory above the model's own, against the smallest
article measured in the same run. ``--paragraph N`` starts a new paragraph every N sentences (0: one
paragraph, the worst case for sectioning).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "“This is fine,” he said. "


def article(size: int, paragraph: int) -> str:
    n = max(1, size // len(SENTENCE))
    if not paragraph:
        return "A long day\n\n" + SENTENCE * n
    block = SENTENCE * paragraph + "\n\n"
    return "A long day\n\n" + block * max(1, n // paragraph)


def run(path: Path, out: Path) -> tuple[float, float, int]:
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotegraph", "extract", str(path), "-o", str(out), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"extract failed on {path.name}: {proc.stderr.read().decode()[-500:]}")
    rows = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    return seconds, usage.ru_maxrss / 1024, rows  # ru_maxrss is in KB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1e3,1e4,1e5,1e6", help="Article sizes in bytes, comma-separated.")
    ap.add_argument("--paragraph", type=int, default=0, help="Sentences per paragraph (0: one paragraph).")
    args = ap.parse_args()
    sizes = [int(float(x)) for x in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="bench-big-"))
    base_path = tmp / "empty.txt"
    base_path.write_text("A short day\n\n“Fine,” he said.", encoding="utf-8")
    base_s, base_mb, _ = run(base_path, tmp / "empty.jsonl")
    print(f"model load and a 1-line article: {base_s:.1f} s, peak {base_mb:.0f} MB")
    print(f"{'size':>10} {'seconds':>8} {'s/MB':>7} {'peak MB':>8} {'+MB':>6} {'statements':>10}")
    rows = []
    for size in sizes:
        path = tmp / f"a{size}.txt"
        path.write_text(article(size, args.paragraph), encoding="utf-8")
        seconds, peak, statements = run(path, tmp / f"a{size}.jsonl")
        mb = path.stat().st_size / 1e6
        work = max(0.0, seconds - base_s)
        rows.append({"bytes": path.stat().st_size, "seconds": seconds, "peak_mb": peak, "statements": statements})
        print(
            f"{path.stat().st_size:>10,} {seconds:8.1f} {work / mb:7.1f} {peak:8.0f} "
            f"{peak - base_mb:6.0f} {statements:>10,}"
        )
    print(json.dumps({"baseline_seconds": base_s, "baseline_peak_mb": base_mb, "rows": rows}))


if __name__ == "__main__":
    main()
