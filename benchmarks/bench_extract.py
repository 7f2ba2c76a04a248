"""Extraction speed and memory, next to the bare spaCy parse measured in the same run.

    python benchmarks/bench_extract.py [--corpus DIR] [--limit N] [--replicate K] [--workers N] [--topics FILE]

Prints one table: articles/s and words/s of the bare ``nlp.pipe`` of the same model over the same
texts, of the full extraction (``Extractor``), their ratio (the figure that matters: machines here are
noisy, ratios much less so), the speed-up with ``--workers``, a cached re-run, and the peak resident
memory of each run. Every measurement runs in a fresh process so peak memory is its own. With
``--replicate K`` the corpus is streamed K times (never held in memory): flat memory between K=1 and
K=10 shows that extraction streams.
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

    from extract.model import Article
    from extract.read import read_all

    files = sorted(corpus.glob("*.txt"))[:limit] if limit else sorted(corpus.glob("*.txt"))
    for k in range(replicate):
        for item in read_all(files):
            if isinstance(item, Article):
                yield replace(item, name=f"{k}/{item.name}") if k else item


def measure(
    mode: str, corpus: Path, limit: int | None, replicate: int, workers: int, topics: str | None, cache: str | None
) -> dict:
    t0 = time.perf_counter()
    n_articles = n_words = n_statements = 0
    if mode == "bare":
        from extract.nlp import load_base

        nlp = load_base()
        t0 = time.perf_counter()
        texts = ((a.body, a) for a in articles(corpus, limit, replicate))
        for _doc, art in nlp.pipe(texts, as_tuples=True, batch_size=16):
            n_articles += 1
            n_words += len(re.findall(r"\w+", art.body))
    else:
        from extract.pipeline import Extractor

        ex = Extractor(topics=topics, workers=workers, cache=cache)
        t0 = time.perf_counter()
        for result in ex.extract_articles(articles(corpus, limit, replicate)):
            n_articles += 1
            n_words += len(re.findall(r"\w+", result.article.body)) if result.article else 0
            n_statements += len(result.statements)
    seconds = time.perf_counter() - t0
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
        "peak_rss_mb": round(max(peak_mb, children), 1),
    }


def run_child(mode: str, args: argparse.Namespace, replicate: int, workers: int = 1, cache: str | None = None) -> dict:
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
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


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
    ratio = bare["words_per_s"] / full["words_per_s"]
    par = run_child("extract", args, 1, workers=args.workers)
    rows.append({**par, "mode": f"extract --workers {args.workers}"})
    with tempfile.TemporaryDirectory() as tmp:
        cache = str(Path(tmp) / "cache.sqlite")
        run_child("extract", args, 1, cache=cache)
        rerun = run_child("extract", args, 1, cache=cache)
        rows.append({**rerun, "mode": "extract, cached re-run"})
    if args.replicate > 1:
        big = run_child("extract", args, args.replicate)
        rows.append({**big, "mode": f"extract, corpus x{args.replicate}"})
    cols = ["mode", "articles", "words", "statements", "seconds", "articles_per_s", "words_per_s", "peak_rss_mb"]
    print(" | ".join(cols))
    for r in rows:
        print(" | ".join(str(r[c]) for c in cols))
    print(f"\nextraction cost vs bare spaCy parse (same model, same texts): {ratio:.2f}x")
    print(f"speed-up with --workers {args.workers}: {par['words_per_s'] / full['words_per_s']:.2f}x")
    print(f"cached re-run vs first run: {full['seconds'] / max(rerun['seconds'], 1e-6):.1f}x faster")
    if args.replicate > 1:
        print(f"peak memory x{args.replicate} corpus vs x1: {big['peak_rss_mb'] / full['peak_rss_mb']:.2f}x")


if __name__ == "__main__":
    main()
