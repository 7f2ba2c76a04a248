"""Time and peak memory of one article against its size: the adversarial case of one long article made
of short quoted sentences (“This is fine,” he said.), read in sections.

    python benchmarks/bench_big.py [--sizes 1e3,1e4,1e5,1e6] [--paragraph 0] [--build]
                                   [--cap-mb 4000] [--timeout 600]

Each size runs ``quotegraph extract`` (or, with ``--build``, ``quotegraph build`` beside the five seed
articles: the case of issue 18) in a child process with its address space capped at ``--cap-mb`` and a
wall-clock limit of ``--timeout`` seconds, so a size that blows up is reported as such and the next
one still runs. Model load is measured alone as the first row, on a one-line article. Prints wall
seconds, seconds per MB above that baseline, peak RSS of the child, memory above the baseline and
statements written. ``--paragraph N`` starts a new paragraph every N sentences (0: one paragraph, the
worst case for sectioning).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "“This is fine,” he said. "
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def article(size: int, paragraph: int) -> str:
    n = max(1, size // len(SENTENCE))
    if not paragraph:
        return "A long day\n\n" + SENTENCE * n
    block = SENTENCE * paragraph + "\n\n"
    return "A long day\n\n" + block * max(1, n // paragraph)


def run(inputs: list[Path], out: Path, *, build: bool, cap_mb: int, timeout: float) -> dict[str, object]:
    """One child run: seconds, peak RSS (MB), statements and how it ended (ok, killed, timeout, exit N)."""
    if build:
        cmd = ["build", *map(str, inputs), "-o", str(out), "--quiet"]
        rows_file = out / "statements.jsonl"
    else:
        cmd = ["extract", *map(str, inputs), "-o", str(out), "--quiet"]
        rows_file = out

    def limit() -> None:
        cap = cap_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotegraph", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=limit,
    )
    ended = "ok"
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - began > timeout:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            ended = "timeout"
            break
        time.sleep(0.2)
    seconds = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if ended == "ok" and code != 0:
        ended = "out of memory" if "MemoryError" in err or code < 0 else f"exit {code}"
    rows = sum(1 for _ in rows_file.open(encoding="utf-8")) if ended == "ok" and rows_file.is_file() else 0
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "statements": rows, "ended": ended}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1e3,1e4,1e5,1e6", help="Article sizes in bytes, comma-separated.")
    ap.add_argument("--paragraph", type=int, default=0, help="Sentences per paragraph (0: one paragraph).")
    ap.add_argument("--build", action="store_true", help="Run the whole build beside the seed articles.")
    ap.add_argument("--cap-mb", type=int, default=4000, help="Address-space cap of each child (MB).")
    ap.add_argument("--timeout", type=float, default=600.0, help="Seconds a child may run.")
    args = ap.parse_args()
    sizes = [int(float(x)) for x in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="bench-big-"))
    seeds = sorted(SEEDS.glob("*.txt")) if args.build else []
    options = {"build": args.build, "cap_mb": args.cap_mb, "timeout": args.timeout}
    try:
        base_path = tmp / "empty.txt"
        base_path.write_text("A short day\n\n“Fine,” he said.", encoding="utf-8")
        base = run([base_path, *seeds], tmp / "empty.out", **options)
        print(
            f"{'build' if args.build else 'extract'}, cap {args.cap_mb} MB, timeout {args.timeout:g} s"
            f"{f', beside {len(seeds)} seeds' if seeds else ''}; model load and a 1-line article: "
            f"{base['seconds']:.1f} s, peak {base['peak_mb']:.0f} MB"
        )
        print(f"{'size':>10} {'seconds':>8} {'s/MB':>7} {'peak MB':>8} {'+MB':>6} {'statements':>10}  ended")
        rows = []
        for size in sizes:
            path = tmp / f"a{size}.txt"
            path.write_text(article(size, args.paragraph), encoding="utf-8")
            row = run([path, *seeds], tmp / f"a{size}.out", **options)
            mb = path.stat().st_size / 1e6
            work = max(0.0, float(row["seconds"]) - float(base["seconds"]))
            rows.append({"bytes": path.stat().st_size, **row})
            print(
                f"{path.stat().st_size:>10,} {row['seconds']:8.1f} {work / mb:7.1f} {row['peak_mb']:8.0f} "
                f"{float(row['peak_mb']) - float(base['peak_mb']):6.0f} {row['statements']:>10,}  {row['ended']}"
            )
            path.unlink()
        print(json.dumps({"baseline": base, "options": options, "rows": rows}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
