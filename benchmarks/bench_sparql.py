"""Named-query latency on a graph of at least one million triples: Oxigraph (on disk) beside rdflib's
in-memory store, measured in the same run.

    python benchmarks/bench_sparql.py [--statements 45000] [--repeat 3] [--rdflib-timeout 60]

rdflib runs in a child process with a per-query time limit (SIGALRM); a query past it reads "timeout".
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def build_ntriples(n: int, path: Path) -> int:
    from quotegraph.graph.merge import merge_statements
    from quotegraph.graph.rdf import statements_to_rdf, write_rdf
    from synthetic import statements

    g = statements_to_rdf(merge_statements(statements(n)))
    write_rdf(g, path)
    return len(g)


def params(name: str) -> dict | None:
    return {"speaker": "Speaker 00042"} if name == "speaker-statements" else None


def bench_oxigraph(nt: Path, repeat: int) -> tuple[float, dict[str, float]]:
    from quotegraph.graph.query import list_queries, run_query
    from quotegraph.graph.store import load_rdf, open_store

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        store = open_store(Path(tmp) / "store")
        load_rdf(store, nt)
        load = time.perf_counter() - t
        out = {}
        for name in list_queries():
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                run_query(store, name, params=params(name))
                times.append(time.perf_counter() - t)
            out[name] = statistics.median(times)
    return load, out


def rdflib_child(nt: str, repeat: int, timeout: int) -> None:
    import rdflib
    from quotegraph.graph.query import list_queries, run_query

    class Timeout(Exception):
        pass

    def alarm(*_):
        raise Timeout

    signal.signal(signal.SIGALRM, alarm)
    t = time.perf_counter()
    g = rdflib.Graph().parse(nt, format="nt")
    result = {"load": time.perf_counter() - t, "queries": {}}
    for name in list_queries():
        times = []
        for _ in range(repeat):
            signal.alarm(timeout)
            t = time.perf_counter()
            try:
                run_query(g, name, params=params(name))
                times.append(time.perf_counter() - t)
            except Timeout:
                times = None
                break
            finally:
                signal.alarm(0)
        result["queries"][name] = statistics.median(times) if times else None
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=45_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-timeout", type=int, default=60)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        rdflib_child(args.child, args.repeat, args.rdflib_timeout)
        return
    with tempfile.TemporaryDirectory() as tmp:
        nt = Path(tmp) / "graph.nt"
        t = time.perf_counter()
        triples = build_ntriples(args.statements, nt)
        print(f"{triples:,} triples from {args.statements:,} statements (built in {time.perf_counter() - t:.0f} s)")
        ox_load, ox = bench_oxigraph(nt, args.repeat)
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(nt), "--repeat", str(args.repeat),
             "--rdflib-timeout", str(args.rdflib_timeout)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        rl = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"load: Oxigraph on disk {ox_load:.1f} s, rdflib in memory {rl['load']:.1f} s")
    print(f"{'query':<20} {'Oxigraph (median s)':>20} {'rdflib (median s)':>20} {'ratio':>8}")
    for name, seconds in ox.items():
        r = rl["queries"].get(name)
        r_text = f"{r:.3f}" if r is not None else f"timeout >{args.rdflib_timeout}s"
        ratio = f"{r / seconds:.0f}x" if r is not None and seconds > 0 else "-"
        print(f"{name:<20} {seconds:>20.3f} {r_text:>20} {ratio:>8}")


if __name__ == "__main__":
    main()
