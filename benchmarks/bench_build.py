"""The later stages of ``build`` on a real corpus: linking, merging, RDF, GEXF, HTML and the report.

    python benchmarks/bench_build.py STATEMENTS.jsonl|CORPUS_FOLDER [--shuffle SEED] [--orders N] [-o OUTDIR]

Given a folder, the articles are extracted first (timed as its own stage); given a JSONL file, it is
an extraction of a corpus (``quotegraph extract CORPUS -o STATEMENTS.jsonl``; for the figures in the
README, the 840 polnear-train articles). Prints the seconds of each stage and the
size of what it wrote; seconds are wall-clock, CPU seconds (the share) are what other jobs on the
machine do not move. ``--shuffle`` feeds the statements in a random order: every stage must give the
same result for any order (a reply to a statement that sorts later once crashed the graph stage).
``--orders N`` then runs linking, merging, statements.jsonl, RDF and the graph again on N shuffles and
checks each against the first run (JSONL bytes, the set of triples, the graph's nodes and edges).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from quotegraph.extract.model import Statement, read_jsonl, write_jsonl
from quotegraph.extract.speakers.entities import EntityResolver
from quotegraph.graph.build import build_graph, write_gexf
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.rdf import statements_to_rdf, write_rdf
from quotegraph.graph.view import render_html
from rdflib import BNode, Graph
from rdflib.term import Node

from quotegraph.run import RAW, RunReport


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("statements", type=Path)
    ap.add_argument("--shuffle", type=int, default=None, help="Shuffle the input with this seed.")
    ap.add_argument("--orders", type=int, default=0, help="Check this many shuffles against the first run.")
    ap.add_argument("-o", "--output", type=Path, default=None, help="Keep the outputs here.")
    args = ap.parse_args()
    out = args.output or Path(tempfile.mkdtemp(prefix="bench-build-"))
    out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, float, float, str]] = []

    def stage(label: str, fn: Callable[[], Any], describe: Callable[[Any], str] = lambda r: "") -> Any:
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        rows.append((label, time.perf_counter() - t, time.process_time() - c, describe(result)))
        return result

    if args.statements.is_dir():
        from quotegraph.extract.pipeline import Extractor

        ex = stage("load model", lambda: Extractor())
        items = stage(
            "extract articles",
            lambda: [s for r in ex.extract_paths([args.statements]) for s in r.statements],
            lambda r: f"{len(r):,} statements",
        )
    else:
        items = stage("read statements", lambda: list(read_jsonl(args.statements)), lambda r: f"{len(r):,} statements")
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(items)
    resolver = stage("load entities", lambda: EntityResolver.load(None))
    stage("write raw (for --add)", lambda: write_jsonl(items, out / RAW))
    linked = stage("link speakers", lambda: resolver.link_corpus(items))
    merged = stage(
        "merge reports",
        lambda: merge_statements(linked),
        lambda r: f"{len(r):,} reports of {len({s.statement_id for s in r}):,} remarks",
    )
    stage("write statements.jsonl", lambda: write_jsonl(merged, out / "statements.jsonl"))
    rdf = stage(
        "RDF graph",
        lambda: statements_to_rdf(merged, entities=resolver.entity_records()),
        lambda r: f"{len(r):,} triples",
    )
    stage("write graph.ttl", lambda: write_rdf(rdf, out / "graph.ttl"))
    g = stage("networkx graph", lambda: build_graph(merged), lambda r: f"{r.number_of_nodes():,} nodes")
    stage("write graph.gexf", lambda: write_gexf(g, out / "graph.gexf"))
    stage("write graph.html", lambda: render_html(merged, out / "graph.html", title="bench"))
    report = RunReport(model="bench", statements=len(merged))
    report.speakers.update(s.speaker for s in merged if s.speaker)
    stage("write report.json", lambda: report.write(out / "report.json"))
    total, cpu = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'stage':<24} {'seconds':>8} {'CPU s':>8} {'share':>6}  output")
    for label, seconds, cpu_seconds, note in rows:
        print(f"{label:<24} {seconds:8.2f} {cpu_seconds:8.2f} {cpu_seconds / cpu:6.1%}  {note}")
    print(f"{'total':<24} {total:8.2f} {cpu:8.2f}")
    for name in ("statements.jsonl", "graph.ttl", "graph.gexf", "graph.html", "report.json"):
        print(f"{name:<24} {(out / name).stat().st_size / 1e6:8.1f} MB")
    if args.orders:
        check_orders(items, resolver, out, rdf, g, args.orders)


def _triples(graph: Graph) -> set[tuple[Node, Node, Node]]:
    if any(isinstance(t, BNode) for triple in graph for t in triple):
        raise SystemExit("blank nodes in the RDF: compare with rdflib.compare.isomorphic instead")
    return set(graph)


def check_orders(
    items: list[Statement], resolver: EntityResolver, out: Path, rdf: Graph, g: nx.MultiDiGraph, n: int
) -> None:
    """Linking to the graph again on ``n`` shuffles: every output equal to the first run's."""
    expected_jsonl = (out / "statements.jsonl").read_bytes()
    expected_triples = _triples(rdf)
    expected_nodes = sorted((k, json.dumps(d, sort_keys=True)) for k, d in g.nodes(data=True))
    expected_edges = sorted((u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in g.edges(keys=True, data=True))
    for seed in range(n):
        shuffled = items[:]
        random.Random(1000 + seed).shuffle(shuffled)
        t = time.perf_counter()
        merged = merge_statements(resolver.link_corpus(shuffled))
        write_jsonl(merged, out / "shuffled.jsonl")
        triples = _triples(statements_to_rdf(merged, entities=resolver.entity_records()))
        random.Random(seed).shuffle(merged)
        h = build_graph(merged)
        same = {
            "statements.jsonl": (out / "shuffled.jsonl").read_bytes() == expected_jsonl,
            "triples": triples == expected_triples,
            "nodes": sorted((k, json.dumps(d, sort_keys=True)) for k, d in h.nodes(data=True)) == expected_nodes,
            "edges": sorted((u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in h.edges(keys=True, data=True))
            == expected_edges,
        }
        verdict = "identical" if all(same.values()) else "DIFFERENT: " + ", ".join(k for k, v in same.items() if not v)
        print(f"shuffle {seed + 1}/{n}: {verdict} ({time.perf_counter() - t:.1f} s)")
    (out / "shuffled.jsonl").unlink()


if __name__ == "__main__":
    main()
