"""Graph build, merge and RDF export time for many statements.

    python benchmarks/bench_graph.py [--statements 100000]

Prints seconds for merging reports (blocked near-duplicate detection), the networkx graph, RDF
building and N-Triples/Turtle export, next to the naive all-pairs comparison on a small sample and
extrapolated (the ratio shows why blocking matters).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotegraph.graph.build import build_graph
from quotegraph.graph.merge import SAME_REMARK, _compatible, content_words, merge_statements
from quotegraph.graph.rdf import statements_to_rdf, write_rdf
from rapidfuzz import fuzz
from synthetic import statements


def timed(label: str, fn, rows: list):
    t = time.perf_counter()
    out = fn()
    rows.append((label, time.perf_counter() - t))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=100_000)
    args = ap.parse_args()
    rows: list[tuple[str, float]] = []
    items = timed("generate statements", lambda: list(statements(args.statements)), rows)
    merged = timed("merge (blocked near-duplicates)", lambda: merge_statements(items), rows)
    g = timed("networkx graph", lambda: build_graph(merged), rows)
    rdf = timed("RDF graph (rdflib)", lambda: statements_to_rdf(merged), rows)
    with tempfile.TemporaryDirectory() as tmp:
        timed("write N-Triples", lambda: write_rdf(rdf, Path(tmp) / "g.nt"), rows)
        timed("write Turtle", lambda: write_rdf(rdf, Path(tmp) / "g.ttl"), rows)
    sample = items[:600]
    t = time.perf_counter()
    texts = {id(s): " ".join(content_words(s.quote)) for s in sample}  # same per-statement work as merge
    pairs = sum(
        1
        for a, b in combinations(sample, 2)
        if _compatible(a, b) and fuzz.token_set_ratio(texts[id(a)], texts[id(b)]) >= SAME_REMARK
    )
    naive = time.perf_counter() - t
    n = len(items)
    extrapolated = naive * (n * (n - 1) / 2) / (len(sample) * (len(sample) - 1) / 2)
    print(f"{n} statements, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {len(rdf)} triples")
    for label, seconds in rows:
        print(f"{label:<34} {seconds:8.2f} s")
    merge_s = dict(rows)["merge (blocked near-duplicates)"]
    print(f"{'naive all-pairs on 600':<34} {naive:8.2f} s ({pairs} pairs matched)")
    speedup = extrapolated / merge_s
    print(f"{'naive all-pairs, extrapolated':<34} {extrapolated:8.0f} s  -> blocking is {speedup:,.0f}x faster")


if __name__ == "__main__":
    main()
