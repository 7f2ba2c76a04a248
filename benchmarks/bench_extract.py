"""Extraction speed and memory, next to the bare spaCy parse measured in the same run.

    python benchmarks/bench_extract.py [--corpus DIR] [--limit N] [--replicate K] [--workers N] [--topics FILE]

Prints one table: articles/s and words/s of the bare ``nlp.pipe`` of the same model over the same
texts, of the full extraction (``Extractor``), their ratio (the figure that matters: machines here are
noisy, ratios much less so), the speed-up with ``--workers``, a cached re-run, and the peak resident
memory of each run. Every measurement runs in a fresh process so peak memory is its own.

Speeds are given per second of wall-clock time and per second of CPU time (user + system, of the
process and its workers). The cost ratio is given on both: the CPU one does not move when another job
shares the cores, the wall-clock one does. With ``--replicate K`` the corpus is also streamed K times
(never held in memory), bare and full side by side in two processes (one core each, to halve the wall
time; compare their CPU-time speeds): flat memory between K=1 and K=K shows that extraction streams.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "polnear-train"


def articles(corpus: Path, limit: int | None, replicate: int) -> Iterator:
    from dataclasses import replace

    from quotegraph.extract.model import Article
    from quotegraph.extract.reading.articles import read_all

    files = sorted(corpus.glob("*.txt"))[:limit] if limit else sorted(corpus.glob("*.txt"))
    for k in range(replicate):
        for item in read_all(files):
            if isinstance(item, Article):
                yield replace(item, name=f"{k}/{item.name}") if k else item


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished children (the workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure(
    mode: str, corpus: Path, limit: int | None, replicate: int, workers: int, topics: str | None, cache: str | None
) -> dict:
    n_articles = n_words = n_statements = 0
    if mode == "bare":
        from quotegraph.extract.nlp import load_base

        nlp = load_base()
        t0, c0 = time.perf_counter(), cpu_seconds()
        texts = ((a.body, a) for a in articles(corpus, limit, replicate))
        for _doc, art in nlp.pipe(texts, as_tuples=True, batch_size=16):
            n_articles += 1
            n_words += len(re.findall(r"\w+", art.body))
    else:
        from quotegraph.extract.pipeline import Extractor

        ex = Extractor(topics=topics, workers=workers, cache=cache)
        t0, c0 = time.perf_counter(), cpu_seconds()
        for result in ex.extract_articles(articles(corpus, limit, replicate)):
            n_articles += 1
            n_words += len(re.findall(r"\w+", result.article.body)) if result.article else 0
            n_statements += len(result.statements)
    seconds = time.perf_counter() - t0
    cpu = cpu_seconds() - c0  # the workers' CPU time counts once they have exited (the pool shuts down above)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "mode": mode,
        "articles": n_articles,
        "words": n_words,
        "statements": n_statements,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n_articles / seconds, 1),
        "words_per_s": round(n_words / seconds),
        "cpu_seconds": round(cpu, 2),
        "words_per_cpu_s": round(n_words / cpu),
        "peak_rss_mb": round(max(peak_mb, children), 1),
    }


def child_cmd(mode: str, args: argparse.Namespace, replicate: int, workers: int = 1, cache: str | None = None) -> list:
    cmd = [
        sys.executable, __file__, "--child", mode, "--corpus", str(args.corpus), "--replicate", str(replicate),
        "--workers", str(workers),
    ]  # fmt: skip
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    if args.topics:
        cmd += ["--topics", args.topics]
    if cache:
        cmd += ["--cache", cache]
    return cmd


def run_child(mode: str, args: argparse.Namespace, replicate: int, workers: int = 1, cache: str | None = None) -> dict:
    out = subprocess.run(child_cmd(mode, args, replicate, workers, cache), capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_side_by_side(cmds: list[list]) -> list[dict]:
    """Run the children at the same time (one core each); their results in order."""
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in cmds]
    results = []
    for p, c in zip(procs, cmds, strict=True):
        out, err = p.communicate()
        if p.returncode:
            raise subprocess.CalledProcessError(p.returncode, c, out, err)
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N files")
    ap.add_argument("--replicate", type=int, default=10, help="also stream the corpus K times (memory check)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--topics", default=None, help="a topics file, to include topic and stance in the cost")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--cache", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(
            json.dumps(
                measure(args.child, args.corpus, args.limit, args.replicate, args.workers, args.topics, args.cache)
            )
        )
        return
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    rows = []
    bare = run_child("bare", args, 1)
    full = run_child("extract", args, 1)
    rows += [bare, full]
    par = run_child("extract", args, 1, workers=args.workers)
    rows.append({**par, "mode": f"extract --workers {args.workers}"})
    with tempfile.TemporaryDirectory() as tmp:
        cache = str(Path(tmp) / "cache.sqlite")
        run_child("extract", args, 1, cache=cache)
        rerun = run_child("extract", args, 1, cache=cache)
        rows.append({**rerun, "mode": "extract, cached re-run"})
    if args.replicate > 1:
        k = args.replicate
        big_bare, big = run_side_by_side([child_cmd("bare", args, k), child_cmd("extract", args, k)])
        rows += [{**big_bare, "mode": f"bare, corpus x{k}"}, {**big, "mode": f"extract, corpus x{k}"}]
    cols = [
        "mode", "articles", "words", "statements", "seconds", "articles_per_s", "words_per_s", "cpu_seconds",
        "words_per_cpu_s", "peak_rss_mb",
    ]  # fmt: skip
    print(" | ".join(cols))
    for r in rows:
        print(" | ".join(str(r[c]) for c in cols))

    def cost(b: dict, f: dict) -> str:
        on_cpu = b["words_per_cpu_s"] / f["words_per_cpu_s"]
        return f"{on_cpu:.2f}x on CPU time, {b['words_per_s'] / f['words_per_s']:.2f}x on wall time"

    print(f"\nextraction cost vs bare spaCy parse (same model, same texts): {cost(bare, full)}")
    if args.replicate > 1:
        print(f"extraction cost vs bare spaCy parse, corpus x{args.replicate}: {cost(big_bare, big)}")
    print(f"speed-up with --workers {args.workers} (wall time): {par['words_per_s'] / full['words_per_s']:.2f}x")
    print(
        f"cached re-run: {rerun['seconds']:.1f} s vs {full['seconds']:.1f} s for the first run "
        f"({full['seconds'] / max(rerun['seconds'], 1e-6):.0f}x faster)"
    )
    if args.replicate > 1:
        print(
            f"peak memory x{args.replicate} corpus vs x1: extraction {big['peak_rss_mb'] / full['peak_rss_mb']:.2f}x, "
            f"bare parse {big_bare['peak_rss_mb'] / bare['peak_rss_mb']:.2f}x"
        )


if __name__ == "__main__":
    main()
