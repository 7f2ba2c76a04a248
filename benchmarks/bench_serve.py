"""Load test of the SPARQL endpoint: many concurrent clients on 127.0.0.1, bounded in count and time.

    python benchmarks/bench_serve.py [--statements /work/cache/polnear-train.base.jsonl] [--clients 50]
        [--duration 20] [--max-requests 3000] [--sample out/graph.ttl] [--workers 2] [--backoff 0.5]

The server runs as ``quotegraph serve`` in its own process on a free port of 127.0.0.1, over RDF built
from the statements file. Every answer is checked against the answer computed before the load (the same
query run alone): it must be that answer or a clean 503. After the load the server must still answer.
Prints requests, successes, 503s, wrong answers, other errors and latency percentiles; then the latency
of an ASK on the sample graph (a fresh server, after one warm-up request) and on the big graph.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

QUERIES = [
    "ASK { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "PREFIX schema: <http://schema.org/> SELECT ?name WHERE { ?a schema:name ?name } ORDER BY ?name LIMIT 20",
    "multi-outlet",
    "stance-matrix",
    "replies",
]
HEALTH = "ASK { ?s ?p ?o }"


def query_text(name: str) -> str:
    from quotegraph.graph.query import list_queries, load_query

    return load_query(name) if name in list_queries() else name


def build_rdf(statements: Path, out: Path) -> int:
    from quotegraph.extract.model import read_jsonl
    from quotegraph.graph.merge import merge_statements
    from quotegraph.graph.rdf import statements_to_rdf, write_rdf

    graph = statements_to_rdf(merge_statements(list(read_jsonl(statements))))
    write_rdf(graph, out)
    return len(graph)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(graph: Path, port: int, workers: int, tmp: Path) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("quotegraph")
    cmd = [str(exe), "serve", str(graph), "--port", str(port), "--workers", str(workers), "--timeout", "20"]
    proc = subprocess.Popen(cmd, env=os.environ | {"TMPDIR": str(tmp)}, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if get(port, HEALTH)[0] == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start")


def get(port: int, query: str, timeout: float = 60) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8")
    finally:
        conn.close()


def ask_latency(port: int, n: int = 50) -> list[float]:
    get(port, HEALTH)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        status, _ = get(port, HEALTH)
        times.append(time.perf_counter() - t)
        assert status == 200
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


def load(port: int, clients: int, duration: float, max_requests: int, backoff: float) -> dict[str, object]:
    texts = [query_text(q) for q in QUERIES]
    expected = {}
    for text in texts:
        status, body = get(port, text)
        assert status == 200, body[:200]
        expected[text] = json.loads(body)
    lock = threading.Lock()
    counts = {"requests": 0, "ok": 0, "busy": 0, "wrong": 0, "errors": 0}
    latencies: list[float] = []
    stop_at = time.monotonic() + duration

    def client(i: int) -> None:
        k = i
        while time.monotonic() < stop_at:
            with lock:
                if counts["requests"] >= max_requests:
                    return
                counts["requests"] += 1
            text = texts[k % len(texts)]
            k += 1
            t = time.perf_counter()
            try:
                status, body = get(port, text, timeout=max(5.0, stop_at - time.monotonic() + 30))
                outcome = (
                    "busy"
                    if status == 503 and "error" in json.loads(body)
                    else "ok"
                    if status == 200 and json.loads(body) == expected[text]
                    else "wrong"
                )
            except (OSError, ValueError):
                outcome = "errors"
            with lock:
                counts[outcome] += 1
                if outcome == "ok":
                    latencies.append(time.perf_counter() - t)
            if outcome == "busy":
                time.sleep(backoff)  # as a client honouring Retry-After would (shortened)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.monotonic() - t0
    return counts | {"wall": wall, "latencies": latencies}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=Path, default=Path("/work/cache/polnear-train.base.jsonl"))
    ap.add_argument("--sample", type=Path, default=Path("out/graph.ttl"), help="the sample graph (from build)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=20.0)
    ap.add_argument("--max-requests", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--backoff", type=float, default=0.5, help="seconds a client waits after a 503")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        graph = tmp / "big.nt"
        t = time.perf_counter()
        triples = build_rdf(args.statements, graph)
        print(f"graph: {triples:,} triples from {args.statements} ({time.perf_counter() - t:.1f} s to build)")
        port = free_port()
        server_tmp = tmp / "server-tmp"
        server_tmp.mkdir()
        proc = start_server(graph, port, args.workers, server_tmp)
        try:
            res = load(port, args.clients, args.duration, args.max_requests, args.backoff)
            lat = res.pop("latencies")
            assert isinstance(lat, list)
            print(
                f"load: {args.clients} clients, {res['wall']:.1f} s, {res['requests']} requests: "
                f"{res['ok']} correct, {res['busy']} clean 503, {res['wrong']} wrong, {res['errors']} errors; "
                f"{res['ok'] / res['wall']:.1f} correct answers/s"
            )
            print(
                f"latency of correct answers (ms): p50 {pct(lat, 0.5):.1f}, p90 {pct(lat, 0.9):.1f}, "
                f"p99 {pct(lat, 0.99):.1f}, max {pct(lat, 1.0):.1f}"
            )
            status, body = get(port, HEALTH)
            print(f"after the load: ASK answers {status} {body.strip()}")
            big = ask_latency(port)
            print(f"ASK on the big graph: median {statistics.median(big) * 1000:.1f} ms, p90 {pct(big, 0.9):.1f} ms")
        finally:
            proc.terminate()
            proc.wait(30)
        print(f"server stopped (SIGTERM): exit {proc.returncode}, temp store left: {list(server_tmp.iterdir())}")
        if args.sample.is_file():
            port = free_port()
            proc = start_server(args.sample, port, args.workers, server_tmp)
            try:
                times = ask_latency(port)
                print(
                    f"ASK on the sample ({args.sample}): median {statistics.median(times) * 1000:.1f} ms, "
                    f"p90 {pct(times, 0.9):.1f} ms, max {pct(times, 1.0):.1f} ms (goal < 50 ms)"
                )
            finally:
                proc.terminate()
                proc.wait(30)
        else:
            print(f"no sample graph at {args.sample}: run `quotegraph build data/articles ... -o out` first")


if __name__ == "__main__":
    main()
