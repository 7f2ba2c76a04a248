"""A read-only SPARQL 1.1 endpoint with a small query page, on 127.0.0.1 by default.

One Oxigraph store per server, loaded once. Queries run in a small pool of persistent worker processes
that hold the store open read-only. Each worker has no way to reach the network (a seccomp filter refuses
it Internet sockets) and a memory ceiling (``RLIMIT_AS``); a query that runs too long or needs more memory
stops its worker, which is replaced at once, and is answered 503 while the other workers go on.

What a query may do is decided from the parsed query (rdflib's SPARQL parser, in the worker): updates and
``SERVICE`` anywhere in the query are refused, and so is a query the parser cannot read. ``SERVICE`` only
runs when the server is started with ``allow_service=True`` (then the workers keep the network).

The HTTP side is bounded: a request's headers and body must arrive within ``read_timeout`` (a slow client
loses its own connection, not anyone's slot); a fixed number of requests are answered at once (more get
503 with ``Retry-After``), a fixed wait for a free worker; a checked ``Host`` header (DNS rebinding), a
refused ``Origin`` / ``Sec-Fetch-Site`` from other sites unless allowed, a checked ``Content-Length`` and
capped results (rows and bytes, with a note).

For a production server the ``oxigraph`` package's own binary serves the same store:
``oxigraph serve-read-only --location DIR``.
"""

from __future__ import annotations

import atexit
import contextlib
import csv
import ctypes
import functools
import html
import io
import json
import logging
import multiprocessing as mp
import os
import platform
import queue
import re
import resource
import shutil
import signal
import socket
import struct
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_QUERY_BYTES = 100_000
RETRY_AFTER = "1"  # seconds, on every busy answer

FORMATS = {
    "json": "application/sparql-results+json",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "xml": "application/sparql-results+xml",
}
GRAPH_FORMATS = {"turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples"}
MEDIA_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/html": "html",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
}
FORMAT_NAMES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples"}
SERVICE_REFUSED = (
    "SERVICE (a federated query, which would make the server fetch another URL) is refused by this endpoint; "
    "start it with --allow-service to allow it"
)
UNACCEPTABLE = (
    "no acceptable format: SELECT and ASK results come as JSON, CSV, TSV or XML, CONSTRUCT and DESCRIBE "
    "graphs as Turtle or N-Triples (Accept, or format=json|csv|tsv|xml|turtle|ntriples)"
)


@dataclass
class Limits:
    """What one server allows."""

    timeout: float = 30.0  # seconds a query may run
    workers: int = 2  # persistent query processes
    max_connections: int = 32  # requests answered at once (headers received); more get 503 at once
    queue_wait: float = 10.0  # seconds a request waits for a free worker, then 503
    max_rows: int = 10_000
    max_bytes: int = 10_000_000
    max_memory: int = 768  # MB a worker may grow by while answering (its address space ceiling above its start)
    read_timeout: float = 10.0  # seconds a client has to send a request's headers, and again its body
    max_pending: int = 256  # connections still sending headers; past it the oldest is dropped
    allow_service: bool = False
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)
    allowed_origins: tuple[str, ...] = field(default_factory=tuple)  # web origins that may call ("*": any)


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
    if isinstance(result, ox.QueryTriples):
        return render_graph(result, "turtle" if fmt not in GRAPH_FORMATS else fmt, max_rows, max_bytes)
    variables = [v.value for v in result.variables]
    rows, note = _capped(
        ((line, len(line.encode("utf-8"))) for line in (_row(fmt, variables, sol) for sol in result)),
        "rows",
        max_rows,
        max_bytes,
    )
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


PREFIXES = {
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "marl": "http://www.gsi.upm.es/ontologies/marl/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "qg": "https://quotegraph.org/ns#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _capped(sized: Iterable[tuple[T, int]], unit: str, max_rows: int, max_bytes: int) -> tuple[list[T], str | None]:
    """The leading items of ``sized`` (item, its size in bytes) within both caps, and the note that says
    where they were cut (None when nothing was). At most one item past the cut is read."""
    kept: list[T] = []
    size = 0
    for item, length in sized:
        if len(kept) >= max_rows:
            return kept, f"truncated: only the first {max_rows} {unit} (row cap of this endpoint)"
        size += length
        if size > max_bytes:
            return kept, f"truncated: only the first {len(kept)} {unit} (byte cap of {max_bytes} bytes)"
        kept.append(item)
    return kept, None


def render_graph(triples: Any, fmt: str, max_rows: int, max_bytes: int) -> tuple[str, str | None]:
    """A CONSTRUCT or DESCRIBE result as Turtle or N-Triples, capped like rows (one triple, one row)."""
    kept, note = _capped(((t, len(str(t).encode("utf-8")) + 3) for t in triples), "triples", max_rows, max_bytes)
    if fmt == "ntriples":
        text = "".join(f"{t} .\n" for t in kept)
        return (f"# {note}\n" if note else "") + text, note
    data = ox.serialize(kept, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
    return (f"# {note}\n" if note else "") + data, note


# ------------------------------------------------------------------------------------- worker processes

MEMORY_EXIT = 3  # a worker's exit status after a MemoryError


def deny_network() -> bool:
    """Refuse this process (all its threads, and what it starts) any Internet socket, with a seccomp filter
    on ``socket(AF_INET|AF_INET6, ...)``: DNS and HTTP fail with EACCES; Unix sockets and pipes still work.
    Linux on x86-64 or ARM64 only; False where it cannot be set (then a warning is logged)."""
    arch = {"x86_64": (0xC000003E, 41, 317), "aarch64": (0xC00000B7, 198, 277)}.get(platform.machine())
    if arch is None or not hasattr(os, "sched_getaffinity"):
        return False
    audit_arch, nr_socket, nr_seccomp = arch

    def op(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    load, jump_eq, ret = 0x20, 0x15, 0x06  # BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_RET|BPF_K
    allow, refuse = 0x7FFF0000, 0x00050000 | 13  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EACCES
    program = b"".join(
        [
            op(load, 0, 0, 4),  # seccomp_data.arch
            op(jump_eq, 0, 5, audit_arch),
            op(load, 0, 0, 0),  # seccomp_data.nr
            op(jump_eq, 0, 3, nr_socket),
            op(load, 0, 0, 16),  # seccomp_data.args[0]: the address family
            op(jump_eq, 2, 0, socket.AF_INET),
            op(jump_eq, 1, 0, socket.AF_INET6),
            op(ret, 0, 0, allow),
            op(ret, 0, 0, refuse),
        ]
    )

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    buffer = ctypes.create_string_buffer(program)
    prog = Program(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
            return False
        # seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, prog): every thread of the process
        return int(libc.syscall(nr_seccomp, 1, 1, ctypes.byref(prog))) == 0
    except (OSError, AttributeError):
        return False


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space at what it uses now plus ``megabytes`` (RLIMIT_AS), no core files."""
    size = 0
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    size = int(line.split()[1]) * 1024
    except OSError:
        size = 0
    ceiling = size + megabytes * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    except (ValueError, OSError) as err:
        log.warning("no memory ceiling for the query worker: %s", err)


@dataclass
class Job:
    """One query for a worker: the text and the formats wanted (None: not acceptable for that form)."""

    query: str
    results: str | None  # json, csv, tsv or xml for SELECT and ASK
    graph: str | None  # turtle or ntriples for CONSTRUCT and DESCRIBE
    max_rows: int
    max_bytes: int


@dataclass
class Answer:
    status: int
    body: str
    fmt: str = "json"  # a key of FORMATS or GRAPH_FORMATS
    note: str | None = None
    retire: bool = False  # the worker should be replaced (after a MemoryError)


@functools.lru_cache(maxsize=256)
def _parse(query: str) -> Any:
    """The parse of a query (a worker sees the same named queries again and again: parsed once each)."""
    from quotegraph.graph.query import parse_query

    return parse_query(query, ask_oxigraph=True)


def answer(store: Any, job: Job, allow_service: bool) -> Answer:
    """Check ``job.query`` from its parse and run it on ``store``: what the client gets."""
    from quotegraph.graph.query import QueryError, UncheckedQuery, describe_syntax_error

    try:
        parsed = _parse(job.query)
    except UncheckedQuery as err:
        return Answer(400, f"{SERVICE_REFUSED} ({err})" if err.service else str(err))
    except QueryError as err:
        return Answer(400, str(err))
    if parsed.service and not allow_service:
        return Answer(400, SERVICE_REFUSED)
    graph = parsed.kind in ("CONSTRUCT", "DESCRIBE")
    fmt = job.graph if graph else job.results
    if fmt is None:
        return Answer(406, UNACCEPTABLE)
    try:
        if graph:
            text, note = render_graph(store.query(job.query), fmt, job.max_rows, job.max_bytes)
        else:
            text, note = render(store.query(job.query), fmt, job.max_rows, job.max_bytes)
        return Answer(200, text, fmt, note)
    except SyntaxError as err:
        return Answer(400, describe_syntax_error(job.query, err))
    except MemoryError:
        return Answer(503, "", retire=True)
    except PermissionError as err:  # the sandbox: no network
        return Answer(400, f"the query tried to reach the network, which this endpoint cannot do ({err})")
    except (ValueError, OSError, RuntimeError) as err:
        return Answer(400, str(err).strip().splitlines()[0][:500] if str(err).strip() else type(err).__name__)
    except Exception as err:  # anything else Oxigraph raises: an answer, not a dead worker
        log.warning("query failed: %r", err)
        return Answer(500, f"the query failed ({type(err).__name__})")


def _worker_main(store_dir: str, conn: Any, allow_service: bool, max_memory: int) -> None:
    """A worker: cut off from the network and capped in memory, open the store once, then answer Jobs."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    os.environ["RUST_BACKTRACE"] = "0"  # past the memory ceiling Rust aborts: one line on stderr, not a trace
    if not allow_service and not deny_network():
        log.warning("could not cut the query worker off from the network (seccomp); SERVICE is refused by parse only")
    import quotegraph.graph.query  # noqa: F401  (parser loaded before the ceiling is measured)
    from rdflib.plugins.sparql import parser  # noqa: F401

    store = ox.Store.read_only(store_dir)
    limit_memory(max_memory)
    try:
        conn.send("ready")
    except OSError:
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = answer(store, job, allow_service)
        except MemoryError:
            result = Answer(503, "", retire=True)
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
        except MemoryError:
            os._exit(MEMORY_EXIT)
        if result.retire:
            os._exit(MEMORY_EXIT)


class WorkerPool:
    """A fixed number of persistent query processes over one store; one that times out or runs out of
    memory is killed and replaced."""

    def __init__(self, store_dir: str | Path, size: int, allow_service: bool = False, max_memory: int = 768) -> None:
        self.store_dir = str(store_dir)
        self.allow_service = allow_service
        self.max_memory = max_memory
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[tuple[Any, Any]] = queue.Queue()
        self._all: set[Any] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._failures = 0
        for _ in range(max(1, size)):
            self._start()

    def _start(self) -> None:
        """Start a worker; it joins the idle ones once it says it is ready (store open, limits set)."""
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_worker_main, args=(self.store_dir, child, self.allow_service, self.max_memory), daemon=True
        )
        proc.start()
        child.close()
        with self._lock:
            self._all.add(proc)
        threading.Thread(target=self._await_ready, args=(proc, parent), daemon=True).start()

    def _await_ready(self, proc: Any, conn: Any) -> None:
        try:
            ready = conn.poll(120) and conn.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        with self._lock:
            closed = self._closed
        if ready and not closed:
            self._failures = 0
            self._idle.put((proc, conn))
            return
        proc.kill()
        proc.join(5)
        conn.close()
        with self._lock:
            self._all.discard(proc)
        if closed:
            return
        self._failures += 1
        log.error("a query worker did not start (exit %s)", proc.exitcode)
        if self._failures <= 5:
            time.sleep(1)
            self._start()

    def _retire(self, proc: Any, conn: Any) -> None:
        proc.kill()
        proc.join(5)
        conn.close()
        with self._lock:
            self._all.discard(proc)
            closed = self._closed
        if not closed:
            self._start()

    def idle(self) -> int:
        """How many workers are started and free."""
        return self._idle.qsize()

    def pids(self) -> list[int]:
        with self._lock:
            return [p.pid for p in self._all if p.pid]

    def _memory_answer(self) -> Answer:
        return Answer(
            503,
            f"the query needed more memory than a query worker may use ({self.max_memory} MB) and was stopped; "
            "the worker was replaced: narrow the query (fewer rows, shorter strings)",
        )

    def run(self, job: Job, limits: Limits) -> Answer:
        """The worker's answer; 503 when no worker is free in time, on timeout and past the memory ceiling."""
        try:
            proc, conn = self._idle.get(timeout=limits.queue_wait)
        except queue.Empty:
            return Answer(503, f"the endpoint is busy (no query worker free within {limits.queue_wait:g} s): try again")
        try:
            conn.send(job)
            if conn.poll(limits.timeout):
                result: Answer = conn.recv()
                if result.retire:
                    self._retire(proc, conn)
                    return self._memory_answer()
                self._idle.put((proc, conn))
                return result
        except (EOFError, OSError) as err:
            proc.join(1)
            code = proc.exitcode
            self._retire(proc, conn)
            if code in (MEMORY_EXIT, -signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
                log.warning("query worker stopped (exit %s): over its memory ceiling", code)
                return self._memory_answer()
            log.warning("query worker failed (exit %s): %s", code, err)
            return Answer(500, "the query worker failed; it was replaced")
        self._retire(proc, conn)
        return Answer(503, f"query stopped after {limits.timeout:g} s (the time limit of this endpoint)")

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
    """An Oxigraph store folder for ``source`` (an RDF file, a build folder's graph.ttl, or a store folder)
    and whether it is a new temporary one. What is not a graph raises ValueError with a sentence."""
    from quotegraph.graph.store import find_graph, load_rdf, open_store

    source = find_graph(source)
    if source.is_dir():
        try:
            store = ox.Store.read_only(str(source))
            store.query("ASK { ?s ?p ?o }")
            del store
        except (OSError, SyntaxError, RuntimeError) as err:
            raise ValueError(f"{source} is not a readable Oxigraph store: {str(err).strip()[:300]}") from None
        return source, False
    folder = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="quotegraph-store-"))
    try:
        store = open_store(folder)
        size = load_rdf(store, source)
        del store
    except BaseException:
        if not workdir:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    if size == 0:
        log.warning("%s holds no triples: every query will answer nothing", source)
    return folder, not workdir


# ---------------------------------------------------------------------------------------------- HTTP

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>quotegraph SPARQL</title>
<style>body{{font:14px system-ui,sans-serif;margin:2em;max-width:70em}}
textarea{{width:100%;height:14em;font:13px monospace}} table{{border-collapse:collapse;margin-top:1em}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}} dt{{font-weight:bold}}</style>
</head><body><h1>quotegraph SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 (GET or POST <code>/sparql</code>; SELECT and ASK results as JSON, CSV, TSV or XML,
CONSTRUCT and DESCRIBE as Turtle or N-Triples, by <code>Accept</code> or
<code>format=json|csv|tsv|xml|turtle|ntriples</code>).</p>
<form method="get" action="/sparql"><textarea name="query">{query}</textarea><br>
<input type="hidden" name="format" value="html"><button>Run</button></form>{result}
<h2>Named queries</h2><p>Run one at <code>/queries/NAME?PARAMETER=VALUE</code> (the list as JSON at
<code>/queries</code>), or copy it into the box and add its parameters to the URL.</p>
<dl>{named}</dl></body></html>"""


def _named_queries_html() -> str:
    from quotegraph.graph.query import description, list_queries, load_query, query_params

    parts = []
    for name in list_queries():
        params = query_params(name)
        plist = (
            "Parameters: "
            + ", ".join(f"{p.name}{'' if p.required else ' (optional)'}: {html.escape(p.doc)}" for p in params)
            if params
            else "No parameters."
        )
        link = f"/queries/{urllib.parse.quote(name)}?format=html" if not any(p.required for p in params) else ""
        title = f'<a href="{html.escape(link)}">{html.escape(name)}</a>' if link else html.escape(name)
        parts.append(
            f"<dt>{title}</dt><dd>{html.escape(description(name))}<br><small>{plist}</small>"
            f"<details><summary>query</summary><pre>{html.escape(load_query(name))}</pre></details></dd>"
        )
    return "".join(parts)


def _html_result(answer: Answer) -> str:
    if answer.status != 200:
        return f"<p><b>Error:</b> {html.escape(answer.body)}</p>"
    warn = f"<p><b>{html.escape(answer.note)}</b></p>" if answer.note else ""
    if answer.fmt in GRAPH_FORMATS:
        return warn + f"<pre>{html.escape(answer.body)}</pre>"
    payload = json.loads(answer.body)
    if "boolean" in payload:
        return f"<p>{payload['boolean']}</p>"
    head = payload["head"]["vars"]
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(b.get(v, {}).get('value', ''))}</td>" for v in head) + "</tr>"
        for b in payload["results"]["bindings"]
    )
    return warn + "<table><tr>" + "".join(f"<th>{html.escape(v)}</th>" for v in head) + f"</tr>{rows}</table>"


def negotiate(accept: str | None, fmt: str | None) -> str | None:
    """The format from a ``format`` parameter or the ``Accept`` header: json, csv, tsv, xml, html, turtle or
    ntriples (None: nothing this endpoint writes)."""
    if fmt:
        fmt = FORMAT_NAMES.get(fmt.lower(), fmt.lower())
        return fmt if fmt in FORMATS or fmt in GRAPH_FORMATS or fmt == "html" else None
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


def job_for(query: str, want: str | None, limits: Limits) -> Job:
    """The worker's job: a results format for SELECT/ASK and a graph format for CONSTRUCT/DESCRIBE. A graph
    comes as Turtle unless N-Triples is asked (whatever results format was asked, so no 406 for it)."""
    if want is None:
        return Job(query, None, None, limits.max_rows, limits.max_bytes)
    results = "json" if want == "html" else want if want in FORMATS else None
    graph = want if want in GRAPH_FORMATS else "turtle"
    return Job(query, results, graph, limits.max_rows, limits.max_bytes)


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


_PARAM_HEAD = re.compile(r"^#\s*@param\s+(\w+)(\?)?", re.MULTILINE)
PROTOCOL_PARAMS = {"query", "format", "default-graph-uri", "named-graph-uri", "timeout"}


def make_handler(pool: WorkerPool, limits: Limits, hosts: set[str]) -> type[BaseHTTPRequestHandler]:
    own_origins = {f"http://{h}" for h in hosts} | {f"http://{h}".removesuffix(":80") for h in hosts}
    allowed_origins = {o.strip().rstrip("/").lower() for o in limits.allowed_origins if o.strip()}

    class Handler(BaseHTTPRequestHandler):
        server_version = "quotegraph-sparql"
        protocol_version = "HTTP/1.1"
        timeout = 15  # socket timeout per read or write; the request as a whole has limits.read_timeout
        server: SparqlServer
        cors: str | None = None
        _body: bytes | None = None  # a POST's body, read before the slot

        def log_message(self, format: str, *args: Any) -> None:
            log.info("%s - %s", self.address_string(), format % args)

        def setup(self) -> None:
            super().setup()
            with contextlib.suppress(OSError):  # headers and body go out at once (no 40 ms delayed-ACK wait)
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        # ---- one request: headers under a deadline, then a slot

        def handle_one_request(self) -> None:
            srv = self.server
            self.cors = None
            ok = False
            srv.watch(self.connection, limits.read_timeout)
            try:
                self.raw_requestline = self.rfile.readline(65537)
                if len(self.raw_requestline) > 65536:
                    self.requestline = self.request_version = self.command = ""
                    self.send_error(414)
                    self.close_connection = True
                    return
                if not self.raw_requestline:
                    self.close_connection = True
                    return
                ok = self.parse_request()
            except (TimeoutError, OSError):
                self.close_connection = True
                return
            finally:
                expired = srv.unwatch(self.connection)
            if expired:
                self.close_connection = True
                return
            if not ok:
                return
            method = getattr(self, "do_" + self.command, None)
            if method is None:
                self.send_error(501, f"Unsupported method ({self.command!r})")
                return
            self._body = None
            if self.command == "POST":
                try:
                    self._body = self._read_body()
                except (TimeoutError, OSError):
                    self.close_connection = True
                    return
                if self._body is None:
                    return
            if not srv.take_slot():
                self._error(503, "the endpoint is busy: try again", close=True)
                return
            self._watch_answer()
            try:
                method()
                self.wfile.flush()
            except (TimeoutError, OSError):
                self.close_connection = True
            except Exception:  # a bug here: the client gets a 500, the log the trace
                log.exception("error while answering %s", self.requestline[:200])
                with contextlib.suppress(OSError):
                    self._error(500, "internal error of the endpoint (see its log)", close=True)
            finally:
                if srv.unwatch(self.connection):
                    self.close_connection = True
                srv.free_slot()

        def _watch_answer(self) -> None:
            """The whole answer (a free worker, the query, writing the result) has a deadline too, so a
            client that does not read what it asked for gives its slot back."""
            seconds = limits.queue_wait + limits.timeout + 2 * limits.read_timeout
            self.server.watch(self.connection, seconds, evictable=False)

        # ---- answers

        def _send(self, status: int, body: str, ctype: str, note: str | None = None) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
            self.send_header("Vary", "Origin")
            if self.cors:
                self.send_header("Access-Control-Allow-Origin", self.cors)
                self.send_header("Access-Control-Expose-Headers", "X-Quotegraph-Truncated")
            if status == 503:
                self.send_header("Retry-After", RETRY_AFTER)
            if note:
                self.send_header("X-Quotegraph-Truncated", note)
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _error(self, status: int, message: str, close: bool = False, **extra: Any) -> None:
            if close:
                self.close_connection = True
            self._send(status, json.dumps({"error": message, **extra}), "application/json")

        def _host_ok(self) -> bool:
            host = (self.headers.get("Host") or "").strip().lower()
            if host in hosts:
                return True
            self._error(400 if not host else 403, f"Host {host!r} is not served here", close=True)
            return False

        def _origin_ok(self) -> bool:
            """Same-origin requests, requests with no site (typed URLs, scripts) and allowed origins pass."""
            origin = self.headers.get("Origin")
            site = (self.headers.get("Sec-Fetch-Site") or "").strip().lower()
            if origin is not None:
                o = origin.strip().rstrip("/").lower()
                if o in own_origins:
                    return True
                if o in allowed_origins or "*" in allowed_origins:
                    self.cors = origin.strip()
                    return True
                self._error(
                    403,
                    f"requests from another site (Origin {origin.strip()!r}) are refused: start the endpoint "
                    f"with --allow-origin {origin.strip()} to let that site query it",
                    close=True,
                )
                return False
            if site in ("cross-site", "same-site"):
                self._error(
                    403,
                    f"requests from another site (Sec-Fetch-Site: {site}) are refused: start the endpoint with "
                    "--allow-origin ORIGIN to let a site query it",
                    close=True,
                )
                return False
            return True

        def _checked(self) -> bool:
            return self._host_ok() and self._origin_ok()

        def _run(self, query: str, fmt_param: str, title_query: str | None = None) -> None:
            want = negotiate(self.headers.get("Accept"), fmt_param)
            result = pool.run(job_for(query, want, limits), limits)
            if want == "html":
                page = PAGE.format(
                    query=html.escape(title_query if title_query is not None else query),
                    result=_html_result(result),
                    named=_named_queries_html(),
                )
                self._send(result.status, page, "text/html; charset=utf-8")
            elif result.status != 200:
                self._error(result.status, result.body)
            else:
                ctype = FORMATS.get(result.fmt) or GRAPH_FORMATS[result.fmt]
                self._send(200, result.body, ctype, result.note)

        def _answer(self, params: dict[str, list[str]]) -> None:
            from quotegraph.graph.query import QueryError, bind_values, load_query

            if "update" in params:
                self._error(403, "this endpoint is read-only")
                return
            query = (params.get("query") or [""])[0]
            fmt = (params.get("format") or [""])[0]
            if not query:
                page = PAGE.format(
                    query=html.escape(load_query("stance-matrix")), result="", named=_named_queries_html()
                )
                self._send(200, page, "text/html; charset=utf-8")
                return
            if len(query.encode("utf-8")) > MAX_QUERY_BYTES:
                self._error(413, f"query too large (over {MAX_QUERY_BYTES} bytes)")
                return
            # a named query pasted as is: its declared parameters are bound from the URL
            declared = {m.group(1): not m.group(2) for m in _PARAM_HEAD.finditer(query)}
            given = {k: v[0] for k, v in params.items() if k in declared and v and v[0].strip()}
            missing = [k for k, required in declared.items() if required and k not in given]
            if missing:
                self._error(400, f"this query needs the parameter {', '.join(missing)} (add &{missing[0]}=VALUE)")
                return
            try:
                bound = bind_values(query, given)
            except QueryError as err:
                self._error(400, str(err))
                return
            self._run(bound, fmt, query)

        def _list_queries(self) -> None:
            from quotegraph.graph.query import description, list_queries, query_params

            items = [
                {
                    "name": name,
                    "description": description(name),
                    "url": f"/queries/{name}",
                    "parameters": [
                        {"name": p.name, "required": p.required, "description": p.doc} for p in query_params(name)
                    ],
                }
                for name in list_queries()
            ]
            self._send(200, json.dumps({"queries": items}, indent=1), "application/json")

        def _named(self, name: str, params: dict[str, list[str]]) -> None:
            from quotegraph.graph.query import QueryError, bind_values, list_queries, load_query, query_params

            names = list_queries()
            if name not in names:
                self._error(404, f"no query named {name!r}; named queries: {', '.join(names)}", queries=names)
                return
            declared = query_params(name)
            fmt = (params.get("format") or [""])[0]
            values = {k: v[0] for k, v in params.items() if k != "format" and v}
            missing = [p for p in declared if p.required and not values.get(p.name, "").strip()]
            if missing:
                self._error(
                    400,
                    f"query {name!r} needs the parameter {missing[0].name} ({missing[0].doc}): "
                    f"/queries/{name}?{missing[0].name}=VALUE",
                    missing=[p.name for p in missing],
                )
                return
            unknown = sorted(set(values) - {p.name for p in declared})
            if unknown:
                known = ", ".join(p.name for p in declared) or "none"
                self._error(400, f"query {name!r} has no parameter {', '.join(unknown)} (its parameters: {known})")
                return
            text = load_query(name)
            try:
                bound = bind_values(text, {k: v for k, v in values.items() if v.strip()})
            except QueryError as err:
                self._error(400, str(err))
                return
            self._run(bound, fmt, text)

        # ---- methods

        def do_GET(self) -> None:
            if not self._checked():
                return
            parsed = urllib.parse.urlparse(self.path)
            params = urllib.parse.parse_qs(parsed.query)
            path = parsed.path.rstrip("/") or "/"
            if path in ("/", "/sparql", "/query"):
                self._answer(params)
            elif path == "/queries":
                self._list_queries()
            elif path.startswith("/queries/"):
                self._named(urllib.parse.unquote(path[len("/queries/") :]), params)
            else:
                self._error(404, "not found: the endpoint is /sparql, the named queries are at /queries")

        do_HEAD = do_GET

        def do_OPTIONS(self) -> None:
            if not self._checked():
                return
            self.send_response(204)
            if self.cors:
                self.send_header("Access-Control-Allow-Origin", self.cors)
                self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
                self.send_header("Access-Control-Max-Age", "600")
            self.send_header("Vary", "Origin")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _read_body(self) -> bytes | None:
            """A POST's checks and body, read before the request takes a slot (a slow sender holds none),
            under the read deadline. None: refused (answered) or cut off."""
            if not self._checked():
                return None
            if self.headers.get("Transfer-Encoding"):
                self._error(411, "send the body with a Content-Length", close=True)
                return None
            raw = self.headers.get("Content-Length")
            if raw is None:
                self._error(411, "Content-Length required", close=True)
                return None
            if not re.fullmatch(r"[0-9]+", raw.strip()):
                self._error(400, f"Content-Length must be a plain number of bytes, not {raw!r}", close=True)
                return None
            length = int(raw.strip())
            if length > MAX_QUERY_BYTES:
                self._error(413, f"query too large (over {MAX_QUERY_BYTES} bytes)", close=True)
                return None
            self.server.watch(self.connection, limits.read_timeout)
            try:
                data = self.rfile.read(length)
            except (TimeoutError, OSError):
                data = b""
            finally:
                expired = self.server.unwatch(self.connection)
            if expired:
                self.close_connection = True
                return None
            if len(data) < length:
                self._error(400, "body shorter than Content-Length", close=True)
                return None
            return data

        def do_POST(self) -> None:
            data = self._body
            if data is None:
                return
            body = data.decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                self._error(403, "this endpoint is read-only")
                return
            params = {"query": [body]} if ctype == "application/sparql-query" else urllib.parse.parse_qs(body)
            if ctype == "application/sparql-query":
                query_string = urllib.parse.urlparse(self.path).query
                params.update({k: v for k, v in urllib.parse.parse_qs(query_string).items() if k != "query"})
            path = urllib.parse.urlparse(self.path).path.rstrip("/")
            if path.startswith("/queries/"):
                self._named(urllib.parse.unquote(path[len("/queries/") :]), params)
                return
            self._answer(params)

        def _read_only(self) -> None:
            if self._host_ok():
                self._error(405, "read-only", close=True)

        do_PUT = _read_only
        do_DELETE = _read_only
        do_PATCH = _read_only

    return Handler


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server owning its pool and temporary store. A connection costs a thread, not a slot,
    while it sends its request: the headers (and a POST body) must arrive within ``read_timeout`` or the
    connection is closed by a watchdog; past ``max_pending`` such connections the oldest is closed. Only a
    received request takes one of ``max_connections`` slots (none free: 503 with Retry-After)."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], limits: Limits, store_dir: Path, temporary: bool) -> None:
        self.limits = limits
        self.store_dir = store_dir
        self.temporary = temporary
        self._slots = threading.BoundedSemaphore(limits.max_connections)
        self._answering = 0
        self._closed = False
        self._stop = threading.Event()
        self._watch_lock = threading.Lock()
        self._watched: dict[Any, list[Any]] = {}  # socket -> [deadline, started, expired, evictable]
        super().__init__(address, BaseHTTPRequestHandler, bind_and_activate=True)
        self.pool = WorkerPool(store_dir, limits.workers, limits.allow_service, limits.max_memory)
        self.RequestHandlerClass = make_handler(
            self.pool, limits, _allowed_hosts(self.server_port, limits.allowed_hosts)
        )
        self._watchdog = threading.Thread(target=self._reap, name="read-deadlines", daemon=True)
        self._watchdog.start()

    # ---- read deadlines

    def watch(self, sock: Any, seconds: float, evictable: bool = True) -> None:
        """``sock`` must be done (sending a request, or being answered) within ``seconds``, else it is shut
        down. Past ``max_pending`` evictable sockets (clients still sending), the oldest one is shut down."""
        now = time.monotonic()
        evict = None
        with self._watch_lock:
            pending = [s for s, entry in self._watched.items() if entry[3] and s is not sock]
            if evictable and len(pending) >= self.limits.max_pending:
                evict = min(pending, key=lambda s: self._watched[s][1])
                self._watched[evict][2] = True
            self._watched[sock] = [now + seconds, now, False, evictable]
        if evict is not None:
            self._cut(evict)

    def unwatch(self, sock: Any) -> bool:
        """Stop watching ``sock``: whether it was cut off (deadline passed or evicted)."""
        with self._watch_lock:
            entry = self._watched.pop(sock, None)
        return bool(entry and entry[2])

    @staticmethod
    def _cut(sock: Any) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def _reap(self) -> None:
        while not self._stop.wait(0.2):
            now = time.monotonic()
            late = []
            with self._watch_lock:
                for sock, entry in self._watched.items():
                    if not entry[2] and entry[0] <= now:
                        entry[2] = True
                        late.append(sock)
            for sock in late:
                self._cut(sock)

    # ---- slots

    def take_slot(self) -> bool:
        if not self._slots.acquire(blocking=False):
            return False
        with self._watch_lock:
            self._answering += 1
        return True

    def free_slot(self) -> None:
        with self._watch_lock:
            self._answering -= 1
        self._slots.release()

    def answering(self) -> int:
        """How many requests hold a slot now."""
        return self._answering

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.warning("connection from %s ended with an error", client_address[0] if client_address else "?")

    def server_close(self) -> None:
        super().server_close()
        if self._closed:
            return
        self._closed = True
        self._stop.set()
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
