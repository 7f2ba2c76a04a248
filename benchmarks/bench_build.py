"""The later stages of ``build`` on a real corpus: linking, merging, RDF, GEXF, HTML and the report.

    python benchmarks/bench_build.py STATEMENTS.jsonl|CORPUS_FOLDER [--shuffle SEED] [-o OUTDIR]

Given a folder, the articles are extracted first (timed as its own stage); given a JSONL file, it is
an extraction of a corpus (``quotegraph extract CORPUS -o STATEMENTS.jsonl``; for the figures in the
README, the 840 polnear-train articles). Prints the seconds of each stage and the
size of what it wrote. ``--shuffle`` feeds the statements in a random order: every stage must give the
same result for any order (a reply to a statement that sorts later once crashed the graph stage).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from quotegraph.extract.entities import EntityResolver
from quotegraph.extract.model import read_jsonl, write_jsonl
from quotegraph.graph.build import build_graph, write_gexf
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.rdf import statements_to_rdf, write_rdf
from quotegraph.graph.view import render_html


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("statements", type=Path)
    ap.add_argument("--shuffle", type=int, default=None, help="Shuffle the input with this seed.")
    ap.add_argument("-o", "--output", type=Path, default=None, help="Keep the outputs here.")
    args = ap.parse_args()
    out = args.output or Path(tempfile.mkdtemp(prefix="bench-build-"))
    out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, float, str]] = []

    def stage(label, fn, describe=lambda r: ""):
        t = time.perf_counter()
        result = fn()
        rows.append((label, time.perf_counter() - t, describe(result)))
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
    linked = stage("link speakers", lambda: resolver.link_corpus(items))
    merged = stage("merge reports", lambda: merge_statements(linked), lambda r: f"{len(r):,} reports")
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
    total = sum(r[1] for r in rows)
    print(f"{'stage':<24} {'seconds':>8} {'share':>6}  output")
    for label, seconds, note in rows:
        print(f"{label:<24} {seconds:8.2f} {seconds / total:6.1%}  {note}")
    print(f"{'total':<24} {total:8.2f}")
    for name in ("statements.jsonl", "graph.ttl", "graph.gexf", "graph.html"):
        print(f"{name:<24} {(out / name).stat().st_size / 1e6:8.1f} MB")


if __name__ == "__main__":
    main()
