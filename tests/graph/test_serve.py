"""The SPARQL endpoint: bounded, read-only, safe under concurrency. Only 127.0.0.1 traffic."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.query import parse_query, run_query
from quotegraph.graph.rdf import statements_to_rdf, write_rdf
from quotegraph.graph.serve import Limits, SparqlServer, make_server, negotiate

from tests.conftest import stmt

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    statements = [
        stmt("a.txt", 10, "It is time for the allies to lift the restrictions.", "Ann Lee", outlet="Daily"),
        stmt("b.txt", 40, "The time has come for allies to lift the restrictions.", "Ann Lee", outlet="Herald"),
        stmt("c.txt", 5, "The time has come for the allies to lift restrictions.", "Ann Lee", outlet="Post"),
        stmt("c.txt", 200, "These are personal opinions and we will not change.", "Bo Park", outlet="Post"),
    ]
    return write_rdf(statements_to_rdf(merge_statements(statements)), tmp_path_factory.mktemp("g") / "g.ttl")


def start(ttl: Path, **limits: object) -> SparqlServer:
    server = make_server(ttl, host="127.0.0.1", port=0, limits=Limits(**limits))  # type: ignore[arg-type]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server(ttl: Path) -> Iterator[SparqlServer]:
    srv = start(ttl, timeout=2.0, workers=2, max_rows=50)
    yield srv
    srv.shutdown()
    srv.server_close()


def request(
    server: SparqlServer, query: str | None = None, headers: dict[str, str] | None = None, path: str = "/sparql"
) -> tuple[int, dict[str, str], str]:
    port = server.server_port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    if query is not None:
        path = f"{path}?{urllib.parse.urlencode({'query': query})}"
    conn.request("GET", path, headers=headers or {})
    resp = conn.getresponse()
    body = resp.read().decode("utf-8")
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def raw(server: SparqlServer, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.server_port), timeout=5) as sock:
        sock.sendall(data)
        return sock.recv(4096)


def test_serve_answers_named_queries_and_refuses_updates(server):
    base = f"http://127.0.0.1:{server.server_port}/sparql"
    assert server.server_address[0] == "127.0.0.1"
    assert list(run_query(base, "multi-outlet")["reports"]) == ["3"]
    assert request(server, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")[0] == 400
    status = request(server, path="/sparql?update=DROP%20ALL")[0]
    assert status == 403
    status, _, page = request(server)
    assert status == 200 and "<textarea" in page
    assert "speaker-statements" in page and "?speaker" in page and "multi-outlet" in page


def test_serve_concurrent_queries_all_answer_correctly(server):
    errors: list[str] = []

    def client() -> None:
        for _ in range(3):
            status, _, body = request(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            if status != 200 or int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) < 10:
                errors.append(f"{status} {body[:80]}")
            status, _, body = request(server, "ASK { ?s ?p ?o }")
            if status != 200 or json.loads(body)["boolean"] is not True:
                errors.append(f"{status} {body[:80]}")

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert request(server, "ASK { ?s ?p ?o }")[0] == 200


@pytest.mark.parametrize(
    ("host", "status"),
    [("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("[::1]:{port}", 200),
     ("evil.example:{port}", 403), ("127.0.0.1:1", 403), ("localhost", 403)],
)  # fmt: skip
def test_serve_checks_the_host_header(server, host, status):
    headers = {"Host": host.format(port=server.server_port)}
    assert request(server, "ASK { ?s ?p ?o }", headers=headers)[0] == status


def test_serve_allowed_hosts_option(ttl):
    srv = start(ttl, workers=1, allowed_hosts=("graph.lan",))
    try:
        headers = {"Host": f"graph.lan:{srv.server_port}"}
        assert request(srv, "ASK { ?s ?p ?o }", headers=headers)[0] == 200
        assert request(srv, "ASK { ?s ?p ?o }", headers={"Host": "other.lan"})[0] == 403
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "PREFIX x: <urn:x#> SELECT * WHERE { service SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }",
    ],
)
def test_serve_refuses_service(server, query):
    status, _, body = request(server, query)
    assert status == 400 and "SERVICE" in json.loads(body)["error"]


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?service WHERE { ?service ?p "SERVICE <x>" }',  # a variable and a string
        "PREFIX ex: <http://ex.org/SERVICE/> SELECT * WHERE { ?s ex:service ?o } # SERVICE",
    ],
)
def test_serve_service_check_spares_other_words(query):
    assert not parse_query(query).service
    assert not parse_query(query.replace("?service", "?s")).service


def test_serve_caps_result_rows_and_bytes(server):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    status, headers, body = request(server, query)
    assert status == 200 and "row cap" in headers["x-quotegraph-truncated"]
    payload = json.loads(body)
    assert len(payload["results"]["bindings"]) == 50 and "truncated" in payload["warning"]
    server.limits.max_bytes = 2000
    try:
        status, headers, body = request(server, query, headers={"Accept": "text/csv"})
    finally:
        server.limits.max_bytes = 10_000_000
    assert status == 200 and "byte cap" in headers["x-quotegraph-truncated"] and len(body) <= 2100
    small = request(server, "ASK { ?s ?p ?o }")[1]
    assert "x-quotegraph-truncated" not in small


@pytest.mark.parametrize(
    ("length", "status"), [("-1", b"400"), ("abc", b"400"), ("99999999999999", b"413"), ("1e3", b"400")]
)
def test_serve_bad_content_length_answered_at_once(server, length, status):
    head = f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{server.server_port}\r\nContent-Length: {length}\r\n\r\n"
    started = time.monotonic()
    answer = raw(server, head.encode())
    assert answer.split(b" ")[1] == status and time.monotonic() - started < 2


def test_serve_post_forms(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
    conn.request("POST", "/sparql", body="ASK { ?s ?p ?o }", headers={"Content-Type": "application/sparql-query"})
    resp = conn.getresponse()
    assert resp.status == 200 and json.loads(resp.read())["boolean"] is True
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }", "format": "csv"})
    conn.request("POST", "/sparql", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    resp = conn.getresponse()
    assert resp.status == 200 and resp.read() == b"true\n"
    conn.request("POST", "/sparql", body="DROP ALL", headers={"Content-Type": "application/sparql-update"})
    resp = conn.getresponse()
    assert resp.status == 403
    conn.close()


QUERY = 'SELECT ?s ?name WHERE { ?s <http://schema.org/name> ?name FILTER(?name = "Ann Lee") }'


@pytest.mark.parametrize(
    ("accept", "fmt", "ctype"),
    [
        ("application/sparql-results+json", None, "application/sparql-results+json"),
        ("text/csv", None, "text/csv"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/csv;q=0.5, application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("*/*", None, "application/sparql-results+json"),
        (None, "tsv", "text/tab-separated-values"),
        ("application/sparql-results+json", "csv", "text/csv"),
    ],
)
def test_serve_results_format_by_accept_or_parameter(server, accept, fmt, ctype):
    params = {"query": QUERY} | ({"format": fmt} if fmt else {})
    status, headers, body = request(
        server, path="/sparql?" + urllib.parse.urlencode(params), headers={"Accept": accept} if accept else {}
    )
    assert status == 200 and headers["content-type"].startswith(ctype)
    if "json" in ctype:
        rows = json.loads(body)["results"]["bindings"]
        names = [r["name"]["value"] for r in rows]
    elif "csv" in ctype:
        rows = list(csv.DictReader(io.StringIO(body)))
        names = [r["name"] for r in rows]
    elif "tab" in ctype:
        lines = body.splitlines()
        assert lines[0] == "?s\t?name"
        names = [line.split("\t")[1] for line in lines[1:]]
        assert names and all(n == '"Ann Lee"' for n in names)
        return
    else:
        ns = "{http://www.w3.org/2005/sparql-results#}"
        names = [e.text for e in ET.fromstring(body).iter(f"{ns}literal")]
    assert names and set(names) == {"Ann Lee"}


def test_serve_unacceptable_format_is_406(server):
    assert request(server, QUERY, headers={"Accept": "image/png"})[0] == 406
    assert negotiate("text/html,application/xhtml+xml,*/*;q=0.8", None) == "html"


def test_serve_stops_a_slow_query_and_still_answers(server):
    started = time.monotonic()
    status, _, body = request(server, SLOW)
    assert status == 503 and "stopped" in json.loads(body)["error"]
    assert time.monotonic() - started < 10
    status, _, body = request(server, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_serve_saturated_answers_503_with_retry_after_then_recovers(ttl):
    # the slow query holds the one slot until its 10 s timeout: long enough that a loaded machine still
    # asks while it is held (at 3 s a busy CI run asked after it was stopped, and got 200)
    srv = start(ttl, workers=1, max_connections=1, timeout=10.0, queue_wait=5)
    try:
        deadline = time.monotonic() + 30  # the worker is up
        while request(srv, "ASK { ?s ?p ?o }")[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        deadline = time.monotonic() + 10  # the warm-up request has given its slot back (the client can read
        while srv.answering() > 0 and time.monotonic() < deadline:  # its answer before the server frees it)
            time.sleep(0.02)
        slow = threading.Thread(target=request, args=(srv, SLOW))
        slow.start()
        deadline = time.monotonic() + 10  # the slow query holds the only slot and its worker runs it
        while (srv.answering() < 1 or srv.pool.idle() > 0) and time.monotonic() < deadline:
            time.sleep(0.02)
        status, headers, body = request(srv, "ASK { ?s ?p ?o }")
        assert status == 503 and headers["retry-after"] == "1" and "busy" in json.loads(body)["error"], body
        slow.join(40)
        deadline = time.monotonic() + 10
        while (status := request(srv, "ASK { ?s ?p ?o }")[0]) == 503 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert status == 200
    finally:
        srv.shutdown()
        srv.server_close()


def test_serve_temp_store_removed_on_close(ttl):
    srv = start(ttl, workers=1)
    store = srv.store_dir
    assert srv.temporary and store.is_dir()
    srv.shutdown()
    srv.server_close()
    assert not store.exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_temp_store_removed_on_signal(ttl, tmp_path, sig):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    code = f"from quotegraph.graph.serve import serve; serve({str(ttl)!r}, port=0)"
    proc = subprocess.Popen(
        [sys.executable, "-c", code], env=os.environ | {"TMPDIR": str(tmp)}, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert "SPARQL endpoint on" in line, line
        assert any(tmp.iterdir())
        proc.send_signal(sig)
        assert proc.wait(20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert list(tmp.iterdir()) == []
