"""A read-only SPARQL 1.1 endpoint with a small query page, on localhost by default.

Queries run in a worker process over a read-only Oxigraph store, so one that runs too long is stopped
(the worker is killed and replaced) and answered with 503. Updates are refused. For a production server
the ``oxigraph`` package's own binary serves the same store: ``oxigraph serve-read-only --location DIR``.
"""

from __future__ import annotations

import html
import json
import logging
import multiprocessing as mp
import tempfile
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from quotegraph.graph.query import QueryError, check_query, list_queries, load_query
from quotegraph.graph.store import is_store_dir, load_rdf, open_store

log = logging.getLogger(__name__)

MAX_QUERY_BYTES = 100_000


def prepare_store(source: str | Path, workdir: str | Path | None = None) -> Path:
    """An Oxigraph store folder for ``source``: the folder itself, or a new one loaded from an RDF file."""
    source = Path(source)
    if source.is_dir() and is_store_dir(source):
        return source
    if not source.is_file():
        raise FileNotFoundError(f"no RDF file or Oxigraph store at {source}")
    folder = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="quotegraph-store-"))
    store = open_store(folder)
    load_rdf(store, source)
    del store
    return folder


def _worker(store_dir: str, query: str, out: Any) -> None:
    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(store_dir)
        result = store.query(query)
        if isinstance(result, ox.QueryBoolean):
            payload = {"head": {}, "boolean": bool(result)}
        elif isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            bindings = []
            for sol in result:
                row = {}
                for name in variables:
                    term = sol[name]
                    if term is None:
                        continue
                    if isinstance(term, ox.NamedNode):
                        row[name] = {"type": "uri", "value": term.value}
                    elif isinstance(term, ox.BlankNode):
                        row[name] = {"type": "bnode", "value": term.value}
                    else:
                        cell = {"type": "literal", "value": term.value}
                        if term.language:
                            cell["xml:lang"] = term.language
                        elif term.datatype and not term.datatype.value.endswith("#string"):
                            cell["datatype"] = term.datatype.value
                        row[name] = cell
                bindings.append(row)
            payload = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        else:
            payload = {"error": "CONSTRUCT and DESCRIBE are not served here; use SELECT or ASK"}
        out.send(payload)
    except Exception as err:
        out.send({"error": str(err)})
    finally:
        out.close()


def execute(store_dir: str | Path, query: str, timeout: float) -> tuple[int, dict[str, Any]]:
    """Run ``query`` in a fresh worker process; (HTTP status, SPARQL JSON results or error)."""
    try:
        check_query(query)
    except QueryError as err:
        return 400, {"error": str(err)}
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_worker, args=(str(store_dir), query, child), daemon=True)
    proc.start()
    child.close()
    if not parent.poll(timeout):
        proc.kill()
        proc.join(5)
        return 503, {"error": f"query stopped after {timeout:g} s"}
    payload = parent.recv()
    proc.join(5)
    return (400 if "error" in payload else 200), payload


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>quotegraph SPARQL</title>
<style>body{{font:14px system-ui,sans-serif;margin:2em;max-width:70em}}
textarea{{width:100%;height:14em;font:13px monospace}} table{{border-collapse:collapse;margin-top:1em}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}}</style>
</head><body><h1>quotegraph SPARQL endpoint</h1><p>Read-only. Named queries: {names}</p>
<form method="get" action="/sparql"><textarea name="query">{query}</textarea><br>
<input type="hidden" name="format" value="html"><button>Run</button></form>{result}</body></html>"""


def _html_table(payload: dict[str, Any]) -> str:
    if "error" in payload:
        return f"<p><b>Error:</b> {html.escape(payload['error'])}</p>"
    if "boolean" in payload:
        return f"<p>{payload['boolean']}</p>"
    head = payload["head"]["vars"]
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(b.get(v, {}).get('value', ''))}</td>" for v in head) + "</tr>"
        for b in payload["results"]["bindings"]
    )
    return "<table><tr>" + "".join(f"<th>{html.escape(v)}</th>" for v in head) + f"</tr>{rows}</table>"


def make_handler(store_dir: Path, timeout: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "quotegraph-sparql"

        def log_message(self, format: str, *args: Any) -> None:
            log.info("%s - %s", self.address_string(), format % args)

        def _send(self, status: int, body: str, ctype: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
            self.end_headers()
            self.wfile.write(data)

        def _answer(self, params: dict[str, list[str]]) -> None:
            if "update" in params:
                self._send(403, json.dumps({"error": "this endpoint is read-only"}), "application/json")
                return
            query = (params.get("query") or [""])[0]
            fmt = (params.get("format") or [""])[0]
            if not query:
                default = load_query("stance-matrix")
                self._send(
                    200,
                    PAGE.format(names=", ".join(list_queries()), query=html.escape(default), result=""),
                    "text/html; charset=utf-8",
                )
                return
            status, payload = execute(store_dir, query, timeout)
            if fmt == "html":
                page = PAGE.format(
                    names=", ".join(list_queries()), query=html.escape(query), result=_html_table(payload)
                )
                self._send(status, page, "text/html; charset=utf-8")
            else:
                self._send(status, json.dumps(payload), "application/sparql-results+json")

        def do_GET(self) -> None:
            parsed = urllib.parse.urlparse(self.path)
            if parsed.path not in ("/", "/sparql", "/query"):
                self._send(404, json.dumps({"error": "not found"}), "application/json")
                return
            self._answer(urllib.parse.parse_qs(parsed.query))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_QUERY_BYTES:
                self._send(413, json.dumps({"error": "query too large"}), "application/json")
                return
            body = self.rfile.read(length).decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if ctype == "application/sparql-update":
                self._send(403, json.dumps({"error": "this endpoint is read-only"}), "application/json")
                return
            params = {"query": [body]} if ctype == "application/sparql-query" else urllib.parse.parse_qs(body)
            self._answer(params)

        def do_PUT(self) -> None:
            self._send(405, json.dumps({"error": "read-only"}), "application/json")

        do_DELETE = do_PUT
        do_PATCH = do_PUT

    return Handler


def make_server(
    source: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0
) -> ThreadingHTTPServer:
    """The endpoint's server, not yet serving (``serve_forever`` starts it)."""
    store_dir = prepare_store(source)
    return ThreadingHTTPServer((host, port), make_handler(store_dir, timeout))


def serve(source: str | Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0) -> None:
    server = make_server(source, host, port, timeout)
    log.warning(
        "SPARQL endpoint on http://%s:%d/sparql (read-only, %g s per query)",
        host,
        server.server_port,
        timeout,
    )
    try:
        server.serve_forever()
    finally:
        server.server_close()
