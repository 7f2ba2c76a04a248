"""The endpoint under hostile clients, with a real server on 127.0.0.1 and real sockets: no query reaches
the network, other sites are refused, a memory-hungry query stops only its worker, slow clients lose only
their own connection. Every loop here is bounded and stops by itself. Only 127.0.0.1 traffic."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.rdf import statements_to_rdf, write_rdf
from quotegraph.graph.serve import Limits, SparqlServer, make_server

from tests.conftest import stmt

PLAIN = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    statements = [
        stmt("a.txt", 10, "Allies should lift the restrictions on the weapons.", "Jens Stoltenberg", outlet="Daily"),
        stmt("b.txt", 10, "We will not change our position on this at all.", "Bo Park", outlet="Post"),
    ]
    return write_rdf(statements_to_rdf(merge_statements(statements)), tmp_path_factory.mktemp("h") / "graph.ttl")


def start(source: Path, **limits: object) -> SparqlServer:
    server = make_server(source, host="127.0.0.1", port=0, limits=Limits(**limits))  # type: ignore[arg-type]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server: SparqlServer) -> None:
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server(ttl: Path) -> Iterator[SparqlServer]:
    srv = start(ttl, timeout=5.0, workers=2)
    yield srv
    stop(srv)


def request(
    server: SparqlServer, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        body = resp.read().decode("utf-8")
    finally:
        conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def sparql(server: SparqlServer, query: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    return request(server, "/sparql?" + urllib.parse.urlencode({"query": query}), headers)


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it gets (and answers each with a 200)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.hits += 1
            with conn:
                conn.settimeout(1)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


SERVICE_SPELLINGS = [
    "SELECT * WHERE { SERVICE <{u}> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c .SERVICE <{u}> { ?s ?p ?o } }",
    "PREFIX e: <http://e.org/> SELECT * WHERE { ?a e:a\\#b ?c . SERVICE <{u}> { ?s ?p ?o } }",
    "PREFIX e: <http://e.org/> SELECT * WHERE { ?a e:a\\'b ?c . SERVICE <{u}> { ?s ?p ?o } }",
    "PREFIX e: <http://e.org/> SELECT * WHERE { ?a e:a\\#b ?c .\n SERVICE <{u}> { ?s ?p ?o } }",
    "select * where { service silent <{u}> { ?s ?p ?o } }",
    "PREFIX x: <urn:x#> SELECT * WHERE { sErViCe <{u}> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <{u}> { ?s ?p ?o } } }",
    "SELECT * WHERE { { ?a ?b ?c } UNION { SERVICE <{u}> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT * WHERE { SERVICE <{u}> { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?a ?b ?c FILTER EXISTS { SERVICE <{u}> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?a ?b ?c FILTER NOT EXISTS { SERVICE <{u}> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?a ?b ?c MINUS { SERVICE <{u}> { ?s ?p ?o } } }",
    "SELECT * WHERE { GRAPH ?g { SERVICE <{u}> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?a ?b ?c } ORDER BY (EXISTS { SERVICE <{u}> { ?s ?p ?o } })",
    "SELECT (EXISTS { SERVICE <{u}> { ?s ?p ?o } } AS ?x) WHERE { }",
    "ASK { SERVICE <{u}> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{u}> { ?s ?p ?o } }",
    "DESCRIBE ?s WHERE { SERVICE <{u}> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<{u}> AS ?u) SERVICE ?u { ?s ?p ?o } }",
    "# SERVICE in a comment\nSELECT * WHERE { ?s ?p ?o . SERVICE <{u}> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("spelling", SERVICE_SPELLINGS)
def test_serve_no_service_spelling_reaches_a_listener(server, listener, spelling):
    query = spelling.replace("{u}", f"http://127.0.0.1:{listener.port}/sparql")
    status, _, body = sparql(server, query)
    assert status == 400, body
    assert "SERVICE" in json.loads(body)["error"] or "cannot read" in json.loads(body)["error"]
    time.sleep(0.05)
    assert listener.hits == 0


def test_serve_allow_service_reaches_the_listener(ttl, listener):
    """The opt-in works, and shows the listener would have seen the refused queries."""
    srv = start(ttl, workers=1, timeout=5.0, allow_service=True)
    try:
        sparql(srv, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}")
    finally:
        stop(srv)
    assert listener.hits >= 1


def test_serve_worker_sandbox_has_no_network_even_unchecked(listener, tmp_path):
    """Below the parse check: a worker's process cannot open an Internet socket at all, so even a query run
    without any check (straight into Oxigraph) cannot reach the listener."""
    code = textwrap.dedent(
        f"""
        import socket, pyoxigraph as ox
        from quotegraph.graph.serve import deny_network
        assert deny_network()
        try:
            socket.create_connection(("127.0.0.1", {listener.port}), timeout=2)
            print("connected")
        except OSError as err:
            print("socket refused", err.errno)
        try:
            ox.Store().query("ASK {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}")
            print("query ran")
        except OSError as err:
            print("service refused", type(err).__name__)
        a, b = socket.socketpair()
        a.sendall(b"x")
        print("unix", b.recv(1))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "socket refused 13" in out.stdout and "service refused" in out.stdout, out.stdout + out.stderr
    assert "unix b'x'" in out.stdout
    assert listener.hits == 0


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 200),
        ({"Origin": "http://127.0.0.1:{port}"}, 200),
        ({"Origin": "http://localhost:{port}", "Sec-Fetch-Site": "same-origin"}, 200),
        ({"Sec-Fetch-Site": "none"}, 200),
        ({"Origin": "https://evil.example"}, 403),
        ({"Origin": "null"}, 403),
        ({"Origin": "http://127.0.0.1:8888"}, 403),  # another local app (a notebook server)
        ({"Sec-Fetch-Site": "cross-site"}, 403),  # an <img> or a no-cors fetch from another site
        ({"Sec-Fetch-Site": "same-site"}, 403),
    ],
)
def test_serve_refuses_other_origins(server, headers, status):
    headers = {k: v.format(port=server.server_port) for k, v in headers.items()}
    got, answer_headers, body = sparql(server, PLAIN, headers)
    assert got == status
    if status == 403:
        assert "another site" in json.loads(body)["error"] and "--allow-origin" in json.loads(body)["error"]
        assert "access-control-allow-origin" not in answer_headers
    status, _, _ = request(server, "/queries", headers)
    assert status == got


def test_serve_allow_origin_lets_that_site_in(ttl):
    srv = start(ttl, workers=1, allowed_origins=("https://notebook.example",))
    try:
        status, headers, _ = sparql(srv, PLAIN, {"Origin": "https://notebook.example"})
        assert status == 200 and headers["access-control-allow-origin"] == "https://notebook.example"
        status, headers, _ = request(
            srv, "/sparql", {"Origin": "https://notebook.example", "Access-Control-Request-Method": "POST"}, "OPTIONS"
        )
        assert status == 204 and "POST" in headers["access-control-allow-methods"]
        assert sparql(srv, PLAIN, {"Origin": "https://other.example"})[0] == 403
    finally:
        stop(srv)


def _rss_mb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except OSError:
            continue
    return total // 1024


def doubling_query(levels: int = 40) -> str:
    """A short query whose string doubles at each BIND: 16 bytes << 40 if nothing stops it."""
    binds = " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(levels))
    return f'SELECT (STRLEN(?s{levels}) AS ?n) WHERE {{ BIND("0123456789abcdef" AS ?s0) {binds} }}'


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads memory from /proc")
def test_serve_memory_doubling_query_stops_its_worker_only(ttl):
    srv = start(ttl, workers=2, timeout=30.0, max_memory=256)
    peak = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _rss_mb([os.getpid(), *srv.pool.pids()]))

    watcher = threading.Thread(target=watch, daemon=True)
    try:
        assert sparql(srv, PLAIN)[0] == 200
        watcher.start()
        status, headers, body = sparql(srv, doubling_query())
        assert status == 503 and "memory" in json.loads(body)["error"] and headers["retry-after"] == "1"
        started = time.monotonic()
        status, _, body = sparql(srv, PLAIN)
        assert status == 200 and json.loads(body)["boolean"] is True
        assert time.monotonic() - started < 10
        deadline = time.monotonic() + 20  # the replaced worker comes back
        while len(srv.pool.pids()) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(srv.pool.pids()) == 2
    finally:
        done.set()
        watcher.join(5)
        stop(srv)
    assert 0 < peak[0] < 2048


def test_serve_dripping_connections_do_not_starve_a_normal_query(ttl):
    """40 clients that send one header line at a time hold no slot: a normal query answers at once, and
    each dripper is cut off when its read deadline passes."""
    srv = start(ttl, workers=1, read_timeout=2.0)
    drippers: list[socket.socket] = []
    halt = threading.Event()
    cut = [0]

    def drip(sock: socket.socket) -> None:
        sock.sendall(f"GET /sparql?query=ASK HTTP/1.1\r\nHost: 127.0.0.1:{srv.server_port}\r\n".encode())
        for i in range(20):  # bounded: 20 lines at most
            if halt.wait(0.5):
                return
            try:
                sock.sendall(f"X-Drip-{i}: a\r\n".encode())
            except OSError:
                cut[0] += 1
                return

    try:
        assert request(srv, "/sparql?query=ASK%20%7B%7D")[0] == 200
        for _ in range(40):
            drippers.append(socket.create_connection(("127.0.0.1", srv.server_port), timeout=5))
        threads = [threading.Thread(target=drip, args=(s,), daemon=True) for s in drippers]
        for t in threads:
            t.start()
        time.sleep(0.7)
        started = time.monotonic()
        status, _, body = sparql(srv, PLAIN)
        assert status == 200 and json.loads(body)["boolean"] is True
        assert time.monotonic() - started < 5
        for t in threads:
            t.join(10)
        assert cut[0] >= 35  # the read deadline (2 s) closed them long before their 20 lines
    finally:
        halt.set()
        for sock in drippers:
            sock.close()
        stop(srv)


@pytest.mark.parametrize("length", [b"\xb2", "²".encode(), b"\xd9\xa3", b"1_0", b"+5", b" "])
def test_serve_content_length_not_a_plain_number_is_400(server, length, capfd):
    head = (
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:" + str(server.server_port).encode() + b"\r\n"
        b"Content-Type: application/sparql-query\r\nContent-Length: " + length + b"\r\n\r\nASK {}"
    )
    with socket.create_connection(("127.0.0.1", server.server_port), timeout=5) as sock:
        sock.sendall(head)
        answer = b""
        for _ in range(20):  # until the server closes (it says Connection: close)
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 400") and b"plain number" in answer
    assert "Traceback" not in capfd.readouterr().err


def test_serve_busy_workers_answer_503_with_retry_after(ttl):
    srv = start(ttl, workers=1, timeout=2.0, queue_wait=0.3)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }"
    try:
        deadline = time.monotonic() + 20  # the worker starts
        while sparql(srv, PLAIN)[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        holder = threading.Thread(target=sparql, args=(srv, slow))
        holder.start()
        deadline = time.monotonic() + 10  # the slow query holds the only worker
        while srv.pool.idle() > 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        status, headers, body = sparql(srv, PLAIN)
        assert status == 503 and headers["retry-after"] == "1" and "busy" in json.loads(body)["error"]
        holder.join(20)
    finally:
        stop(srv)


def test_serve_clients_still_sending_past_max_pending_drop_the_oldest(ttl):
    srv = start(ttl, workers=1, max_pending=5, read_timeout=30.0)
    idle: list[socket.socket] = []
    try:
        for _ in range(8):
            idle.append(socket.create_connection(("127.0.0.1", srv.server_port), timeout=5))
            time.sleep(0.05)
        idle[0].settimeout(5)
        assert idle[0].recv(10) == b""  # the oldest was closed to make room
        deadline = time.monotonic() + 30
        while (status := sparql(srv, PLAIN)[0]) != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status == 200
    finally:
        for sock in idle:
            sock.close()
        stop(srv)


@pytest.mark.slow
def test_serve_client_that_does_not_read_its_answer_gives_its_slot_back(ttl):
    """Two clients ask for 10 MB each and read nothing: both slots are theirs only until the answer's
    deadline (queue wait + time limit + twice the read deadline), then a normal query answers again."""
    srv = start(ttl, workers=2, max_connections=2, timeout=3.0, queue_wait=0.5, read_timeout=1.0,
                max_rows=1_000_000, max_bytes=50_000_000)  # fmt: skip
    numbers = " ".join(str(i) for i in range(100))
    big = (
        f"SELECT ?x WHERE {{ VALUES ?a {{ {numbers} }} VALUES ?b {{ {numbers} }} "
        f'BIND(CONCAT(STR(?a), "-", STR(?b), "{"x" * 1000}") AS ?x) }}'
    )
    path = "/sparql?" + urllib.parse.urlencode({"query": big, "format": "csv"})
    readers: list[socket.socket] = []
    try:
        deadline = time.monotonic() + 30
        while srv.pool.idle() < 2 and time.monotonic() < deadline:  # both workers started
            time.sleep(0.1)
        for _ in range(2):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.connect(("127.0.0.1", srv.server_port))
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{srv.server_port}\r\n\r\n".encode())
            readers.append(sock)
        deadline = time.monotonic() + 10
        while srv.answering() < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert sparql(srv, PLAIN)[0] == 503  # both slots held by clients that do not read
        started = time.monotonic()
        while (status := sparql(srv, PLAIN)[0]) != 200 and time.monotonic() - started < 15:
            time.sleep(0.2)
        assert status == 200 and time.monotonic() - started < 10
    finally:
        for sock in readers:
            sock.close()
        stop(srv)


def test_serve_slow_body_holds_no_slot(ttl):
    """A POST whose body does not come holds no slot while it is awaited, and is cut at the read deadline."""
    srv = start(ttl, workers=1, max_connections=1, read_timeout=1.5)
    try:
        deadline = time.monotonic() + 30
        while sparql(srv, PLAIN)[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        with socket.create_connection(("127.0.0.1", srv.server_port), timeout=10) as sock:
            sock.sendall(
                f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{srv.server_port}\r\n"
                "Content-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK".encode()
            )
            time.sleep(0.3)
            status, _, _ = sparql(srv, PLAIN)
            assert status == 200  # the only slot was free
            started = time.monotonic()
            assert sock.recv(100) == b""  # cut off, no answer
            assert time.monotonic() - started < 5
    finally:
        stop(srv)
