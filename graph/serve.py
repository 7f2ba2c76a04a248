"""A read-only SPARQL 1.1 endpoint with a small query page, on 127.0.0.1 by default.

One Oxigraph store per server, loaded once. Queries run in a small pool of persistent worker processes
that hold the store open read-only: a query that runs too long is stopped by killing its worker, which is
replaced at once, and answered with 503. The HTTP side is bounded: a fixed number of connections (more
get a 503 at once), a fixed wait for a free worker (then 503), a socket timeout, a checked ``Host``
header (DNS rebinding), a checked ``Content-Length`` and capped results (rows and bytes, with a note).
Updates and ``SERVICE`` (federated queries, which would make the server fetch any URL) are refused;
``SERVICE`` only runs when the server is started with ``allow_service=True``.

For a production server the ``oxigraph`` package's own binary serves the same store:
``oxigraph serve-read-only --location DIR``.
"""

from __future__ import annotations

import atexit
import csv
import html
import io
import json
import logging
import multiprocessing as mp
import queue
import re
import shutil
import signal
import socket
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

log = logging.getLogger(__name__)

MAX_QUERY_BYTES = 100_000

FORMATS = {
    "json": "application/sparql-results+json",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "xml": "application/sparql-results+xml",
}
MEDIA_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/html": "html",
}
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


@dataclass
class Limits:
    """What one server allows."""

    timeout: float = 30.0  # seconds a query may run
    workers: int = 2  # persistent query processes
    max_connections: int = 32  # requests handled at once; more get 503 at once
    queue_wait: float = 10.0  # seconds a request waits for a free worker, then 503
    max_rows: int = 10_000
    max_bytes: int = 10_000_000
    allow_service: bool = False
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------------------------------- the query text

_STRIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s"{}|^`\\]*>|#[^\n]*',
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w?$:/#.-])SERVICE(?![\w:-])", re.IGNORECASE)
_HEAD = re.compile(r"(?:\s*(?:PREFIX\s+[\w.-]*:\s*|BASE\s*))*\s*([A-Za-z]+)", re.IGNORECASE)


def _bare(query: str) -> str:
    """The query without strings, IRIs and comments (so keywords are found only where they are keywords)."""
    return _STRIP.sub(" ", query)


def check_request(query: str, allow_service: bool = False) -> str | None:
    """Why ``query`` is refused before it runs (an update, SERVICE), or None. Thread-safe, no parser."""
    bare = _bare(query)
    head = _HEAD.match(bare)
    if head and head.group(1).upper() in UPDATE_WORDS:
        return "SPARQL Update is not allowed here: queries only"
    if not allow_service and _SERVICE.search(bare):
        return "SERVICE (federated query) is refused by this endpoint (start it with --allow-service)"
    return None


# ---------------------------------------------------------------------------------- results, capped


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype and not term.datatype.value.endswith("#string"):
            cell["datatype"] = term.datatype.value
        return cell
    return {"type": "literal", "value": str(term)}


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f'<literal xml:lang="{xml_escape(term.language)}">{xml_escape(term.value)}</literal>'
        if term.datatype and not term.datatype.value.endswith("#string"):
            dt = xml_escape(term.datatype.value, {'"': "&quot;"})
            return f'<literal datatype="{dt}">{xml_escape(term.value)}</literal>'
        return f"<literal>{xml_escape(term.value)}</literal>"
    return f"<literal>{xml_escape(str(term))}</literal>"


def _csv_line(values: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(values)
    return buf.getvalue()


def _row(fmt: str, variables: list[str], sol: Any) -> str:
    terms = [sol[v] for v in variables]
    if fmt == "json":
        return json.dumps({v: _json_term(t) for v, t in zip(variables, terms, strict=True) if t is not None})
    if fmt == "csv":
        return _csv_line(["" if t is None else t.value for t in terms])
    if fmt == "tsv":
        return "\t".join("" if t is None else str(t) for t in terms) + "\n"
    cells = "".join(
        f'<binding name="{xml_escape(v)}">{_xml_term(t)}</binding>'
        for v, t in zip(variables, terms, strict=True)
        if t is not None
    )
    return f"<result>{cells}</result>\n"


def render(result: Any, fmt: str, max_rows: int, max_bytes: int) -> tuple[str, str | None]:
    """Serialise a pyoxigraph result in ``fmt`` (json, csv, tsv, xml): (text, truncation note or None)."""
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": value}), None
        if fmt == "xml":
            return (
                '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(value).lower()}</boolean></sparql>\n"
            ), None
        return f"{str(value).lower()}\n", None
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("CONSTRUCT and DESCRIBE are not served here; use SELECT or ASK")
    variables = [v.value for v in result.variables]
    rows: list[str] = []
    size = 0
    note = None
    for sol in result:
        if len(rows) >= max_rows:
            note = f"truncated: only the first {max_rows} rows (row cap of this endpoint)"
            break
        line = _row(fmt, variables, sol)
        size += len(line.encode("utf-8"))
        if size > max_bytes:
            note = f"truncated: only the first {len(rows)} rows (byte cap of {max_bytes} bytes)"
            break
        rows.append(line)
    if fmt == "json":
        head: dict[str, Any] = {"vars": variables}
        warn = f', "warning": {json.dumps(note)}' if note else ""
        return f'{{"head": {json.dumps(head)}{warn}, "results": {{"bindings": [' + ",\n".join(rows) + "]}}", note
    if fmt == "csv":
        return _csv_line(variables) + "".join(rows), note
    if fmt == "tsv":
        return "\t".join(f"?{v}" for v in variables) + "\n" + "".join(rows), note
    head_xml = "".join(f'<variable name="{xml_escape(v)}"/>' for v in variables)
    comment = f"<!-- {xml_escape(note).replace('--', '- -')} -->" if note else ""
    return (
        '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
        f"<head>{head_xml}</head>{comment}<results>\n" + "".join(rows) + "</results></sparql>\n"
    ), note


# ------------------------------------------------------------------------------------- worker processes


def _worker_main(store_dir: str, conn: Any) -> None:
    """A worker: open the store once, then answer (query, fmt, max_rows, max_bytes) messages until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    store = ox.Store.read_only(store_dir)
    while True:
        try:
            query, fmt, max_rows, max_bytes = conn.recv()
        except (EOFError, OSError):
            return
        try:
            text, note = render(store.query(query), fmt, max_rows, max_bytes)
            answer: tuple[int, str, str | None] = (200, text, note)
        except (SyntaxError, ValueError, OSError, RuntimeError) as err:
            answer = (400, str(err), None)
        try:
            conn.send(answer)
        except (BrokenPipeError, OSError):
            return


class WorkerPool:
    """A fixed number of persistent query processes over one store; one on timeout is killed and replaced."""

    def __init__(self, store_dir: str | Path, size: int) -> None:
        self.store_dir = str(store_dir)
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[tuple[Any, Any]] = queue.Queue()
        self._all: set[Any] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, size)):
            self._idle.put(self._start())

    def _start(self) -> tuple[Any, Any]:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(self.store_dir, child), daemon=True)
        proc.start()
        child.close()
        with self._lock:
            self._all.add(proc)
        return proc, parent

    def _retire(self, proc: Any, conn: Any) -> None:
        proc.kill()
        proc.join(5)
        conn.close()
        with self._lock:
            self._all.discard(proc)
            closed = self._closed
        if not closed:
            self._idle.put(self._start())

    def run(self, query: str, fmt: str, limits: Limits) -> tuple[int, str, str | None]:
        """(status, body or error, truncation note): 503 when no worker is free in time or on timeout."""
        try:
            proc, conn = self._idle.get(timeout=limits.queue_wait)
        except queue.Empty:
            return 503, "the endpoint is busy: try again", None
        try:
            conn.send((query, fmt, limits.max_rows, limits.max_bytes))
            if conn.poll(limits.timeout):
                answer = conn.recv()
                self._idle.put((proc, conn))
                return answer
        except (EOFError, OSError) as err:
            log.warning("query worker failed: %s", err)
            self._retire(proc, conn)
            return 500, "the query worker failed; it was replaced", None
        self._retire(proc, conn)
        return 503, f"query stopped after {limits.timeout:g} s", None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            procs = list(self._all)
            self._all.clear()
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.join(5)


# ------------------------------------------------------------------------------------------ the store


def prepare_store(source: str | Path, workdir: str | Path | None = None) -> tuple[Path, bool]:
    """An Oxigraph store folder for ``source`` and whether it is a new temporary one (loaded from a file)."""
    from quotegraph.graph.store import is_store_dir, load_rdf, open_store

    source = Path(source)
    if source.is_dir() and is_store_dir(source):
        return source, False
    if not source.is_file():
        raise FileNotFoundError(f"no RDF file or Oxigraph store at {source}")
    folder = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="quotegraph-store-"))
    try:
        store = open_store(folder)
        load_rdf(store, source)
        del store
    except BaseException:
        if not workdir:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder, not workdir


# ---------------------------------------------------------------------------------------------- HTTP

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>quotegraph SPARQL</title>
<style>body{{font:14px system-ui,sans-serif;margin:2em;max-width:70em}}
textarea{{width:100%;height:14em;font:13px monospace}} table{{border-collapse:collapse;margin-top:1em}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}} dt{{font-weight:bold}}</style>
</head><body><h1>quotegraph SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 (GET or POST <code>/sparql</code>; results as JSON, CSV, TSV or XML by
<code>Accept</code> or <code>format=json|csv|tsv|xml</code>).</p>
<form method="get" action="/sparql"><textarea name="query">{query}</textarea><br>
<input type="hidden" name="format" value="html"><button>Run</button></form>{result}
<h2>Named queries</h2><p>Copy one into the box; bind a parameter by replacing its variable with a value.</p>
<dl>{named}</dl></body></html>"""


def _named_queries_html() -> str:
    from quotegraph.graph.query import description, list_queries, load_query, query_params

    parts = []
    for name in list_queries():
        params = query_params(name)
        plist = (
            "Parameters: "
            + ", ".join(f"?{p.name}{'' if p.required else ' (optional)'}: {html.escape(p.doc)}" for p in params)
            if params
            else "No parameters."
        )
        parts.append(
            f"<dt>{html.escape(name)}</dt><dd>{html.escape(description(name))}<br><small>{plist}</small>"
            f"<details><summary>query</summary><pre>{html.escape(load_query(name))}</pre></details></dd>"
        )
    return "".join(parts)


def _html_table(status: int, text: str, note: str | None) -> str:
    if status != 200:
        return f"<p><b>Error:</b> {html.escape(text)}</p>"
    payload = json.loads(text)
    if "boolean" in payload:
        return f"<p>{payload['boolean']}</p>"
    head = payload["head"]["vars"]
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(b.get(v, {}).get('value', ''))}</td>" for v in head) + "</tr>"
        for b in payload["results"]["bindings"]
    )
    warn = f"<p><b>{html.escape(note)}</b></p>" if note else ""
    return warn + "<table><tr>" + "".join(f"<th>{html.escape(v)}</th>" for v in head) + f"</tr>{rows}</table>"


def negotiate(accept: str | None, fmt: str | None) -> str | None:
    """The results format from a ``format`` parameter or the ``Accept`` header (None: nothing acceptable)."""
    if fmt:
        fmt = fmt.lower()
        return fmt if fmt in FORMATS or fmt == "html" else None
    if not accept:
        return "json"
    choices = []
    for i, part in enumerate(accept.split(",")):
        media, *opts = (p.strip() for p in part.split(";"))
        q = 1.0
        for opt in opts:
            if opt.startswith("q="):
                try:
                    q = float(opt[2:])
                except ValueError:
                    q = 0.0
        choices.append((-q, i, media.lower()))
    for neg_q, _, media in sorted(choices):
        if neg_q >= 0:
            continue
        if media in MEDIA_TYPES:
            return MEDIA_TYPES[media]
        if media in ("*/*", "application/*"):
            return "json"
        if media == "text/*":
            return "csv"
    return None


def _allowed_hosts(port: int, extra: tuple[str, ...]) -> set[str]:
    names = ["localhost", "127.0.0.1", "[::1]", *extra]
    hosts = set()
    for name in names:
        name = name.strip().lower()
        if not name:
            continue
        if re.search(r":\d+$", name) and not name.endswith("]"):
            hosts.add(name)  # given with its port
            continue
        hosts.add(f"{name}:{port}")
        if port == 80:
            hosts.add(name)
    return hosts


def make_handler(pool: WorkerPool, limits: Limits, hosts: set[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "quotegraph-sparql"
        protocol_version = "HTTP/1.1"
        timeout = 15  # socket timeout: a client that sends too little does not hold the thread

        def log_message(self, format: str, *args: Any) -> None:
            log.info("%s - %s", self.address_string(), format % args)

        def _send(self, status: int, body: str, ctype: str, note: str | None = None) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
            if note:
                self.send_header("X-Quotegraph-Truncated", note)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _error(self, status: int, message: str, close: bool = False) -> None:
            if close:
                self.close_connection = True
            self._send(status, json.dumps({"error": message}), "application/json")

        def _host_ok(self) -> bool:
            host = (self.headers.get("Host") or "").strip().lower()
            if host in hosts:
                return True
            self._error(400 if not host else 403, f"Host {host!r} is not served here", close=True)
            return False

        def _answer(self, params: dict[str, list[str]]) -> None:
            if "update" in params:
                self._error(403, "this endpoint is read-only")
                return
            query = (params.get("query") or [""])[0]
            fmt = negotiate(self.headers.get("Accept"), (params.get("format") or [""])[0])
            if not query:
                from quotegraph.graph.query import load_query

                page = PAGE.format(
                    query=html.escape(load_query("stance-matrix")), result="", named=_named_queries_html()
                )
                self._send(200, page, "text/html; charset=utf-8")
                return
            if fmt is None:
                self._error(406, f"no acceptable results format; use one of {', '.join(FORMATS)}")
                return
            refused = check_request(query, limits.allow_service)
            if refused:
                status, text, note = 400, refused, None
            else:
                status, text, note = pool.run(query, "json" if fmt == "html" else fmt, limits)
            if fmt == "html":
                page = PAGE.format(
                    query=html.escape(query), result=_html_table(status, text, note), named=_named_queries_html()
                )
                self._send(status, page, "text/html; charset=utf-8")
            elif status != 200:
                self._error(status, text)
            else:
                self._send(200, text, FORMATS[fmt], note)

        def do_GET(self) -> None:
            if not self._host_ok():
                return
            parsed = urllib.parse.urlparse(self.path)
            if parsed.path not in ("/", "/sparql", "/query"):
                self._error(404, "not found")
                return
            self._answer(urllib.parse.parse_qs(parsed.query))

        do_HEAD = do_GET

        def do_POST(self) -> None:
            if not self._host_ok():
                return
            if self.headers.get("Transfer-Encoding"):
                self._error(411, "send the body with a Content-Length", close=True)
                return
            raw = self.headers.get("Content-Length")
            if raw is None:
                self._error(411, "Content-Length required", close=True)
                return
            if not raw.strip().isdigit():
                self._error(400, f"bad Content-Length {raw!r}", close=True)
                return
            length = int(raw)
            if length > MAX_QUERY_BYTES:
                self._error(413, f"query too large (over {MAX_QUERY_BYTES} bytes)", close=True)
                return
            try:
                body = self.rfile.read(length).decode("utf-8", "replace")
            except (TimeoutError, OSError):
                self.close_connection = True
                return
            if len(body.encode("utf-8", "replace")) < length:
                self._error(400, "body shorter than Content-Length", close=True)
                return
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                self._error(403, "this endpoint is read-only")
                return
            params = {"query": [body]} if ctype == "application/sparql-query" else urllib.parse.parse_qs(body)
            if ctype == "application/sparql-query":
                query_string = urllib.parse.urlparse(self.path).query
                params.update({k: v for k, v in urllib.parse.parse_qs(query_string).items() if k != "query"})
            self._answer(params)

        def _read_only(self) -> None:
            if self._host_ok():
                self._error(405, "read-only", close=True)

        do_PUT = _read_only
        do_DELETE = _read_only
        do_PATCH = _read_only

    return Handler


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server with a cap on connections handled at once, owning its pool and temp store."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], limits: Limits, store_dir: Path, temporary: bool) -> None:
        self.limits = limits
        self.store_dir = store_dir
        self.temporary = temporary
        self._slots = threading.BoundedSemaphore(limits.max_connections)
        self._closed = False
        super().__init__(address, BaseHTTPRequestHandler, bind_and_activate=True)
        self.pool = WorkerPool(store_dir, limits.workers)
        self.RequestHandlerClass = make_handler(
            self.pool, limits, _allowed_hosts(self.server_port, limits.allowed_hosts)
        )

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._busy(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _busy(self, request: socket.socket) -> None:
        body = b'{"error": "the endpoint is busy: try again"}'
        try:
            request.settimeout(1.0)
            request.sendall(
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
            )
        except OSError:
            pass
        finally:
            self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        if self._closed:
            return
        self._closed = True
        self.pool.close()
        if self.temporary:
            shutil.rmtree(self.store_dir, ignore_errors=True)


def make_server(
    source: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    limits: Limits | None = None,
) -> SparqlServer:
    """The endpoint's server, not yet serving (``serve_forever`` starts it; ``server_close`` stops its
    workers and removes its temporary store)."""
    limits = limits or Limits(timeout=timeout)
    store_dir, temporary = prepare_store(source)
    if temporary:
        atexit.register(shutil.rmtree, store_dir, True)
    try:
        return SparqlServer((host, port), limits, store_dir, temporary)
    except BaseException:
        if temporary:
            shutil.rmtree(store_dir, ignore_errors=True)
        raise


def serve(source: str | Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None) -> None:
    """Serve until SIGINT or SIGTERM; the temporary store is removed either way."""

    def stop(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # one stop is enough: let the cleanup finish
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    server = None
    try:
        server = make_server(source, host, port, limits=limits)
        log.warning(
            "SPARQL endpoint on http://%s:%d/sparql (read-only, %g s per query, %d workers)",
            host,
            server.server_port,
            server.limits.timeout,
            server.limits.workers,
        )
        server.serve_forever()
    except KeyboardInterrupt:
        log.warning("stopping the endpoint")
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if server is not None:
            server.server_close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
