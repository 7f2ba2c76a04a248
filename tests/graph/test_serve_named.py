"""Named queries over HTTP, parse errors in words, CONSTRUCT/DESCRIBE as RDF, and what ``serve`` accepts as a
graph. A real server on 127.0.0.1 (port 0) and real requests; the CLI through typer's runner."""

from __future__ import annotations

import csv
import http.client
import io
import json
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.query import QueryError, check_query, list_queries, query_params, run_query
from quotegraph.graph.rdf import statements_to_rdf, write_rdf
from quotegraph.graph.serve import Limits, SparqlServer, make_server, prepare_store
from typer.testing import CliRunner

from quotegraph.cli import app
from tests.conftest import stmt

STOLTENBERG = "https://quotegraph.org/id/person/jens-stoltenberg"


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out like a build's output: graph.ttl beside other files."""
    out = tmp_path_factory.mktemp("out")
    statements = [
        stmt("a.txt", 10, "Allies should lift the restrictions on the weapons.", "Jens Stoltenberg", outlet="Daily"),
        stmt("b.txt", 40, "Allies should lift the restrictions on the weapons they gave.", "Jens Stoltenberg",
             outlet="Herald"),
        stmt("c.txt", 10, "We will not change our position on this at all.", "Bo Park", outlet="Post"),
    ]  # fmt: skip
    write_rdf(statements_to_rdf(merge_statements(statements)), out / "graph.ttl")
    (out / "report.json").write_text("{}", encoding="utf-8")
    (out / "statements.jsonl").write_text("", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def server(build_dir: Path) -> Iterator[SparqlServer]:
    srv = make_server(build_dir, host="127.0.0.1", port=0, limits=Limits(timeout=10.0, workers=1, queue_wait=30))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def get(server: SparqlServer, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        body = resp.read().decode("utf-8")
    finally:
        conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def names_in(body: str) -> set[str]:
    return {b["name"]["value"] for b in json.loads(body)["results"]["bindings"]}


def test_serve_lists_named_queries_with_parameters(server):
    status, headers, body = get(server, "/queries")
    assert status == 200 and headers["content-type"] == "application/json"
    items = {q["name"]: q for q in json.loads(body)["queries"]}
    assert set(items) == set(list_queries())
    params = items["speaker-statements"]["parameters"]
    assert params == [{"name": "speaker", "required": True, "description": query_params("speaker-statements")[0].doc}]
    assert items["timeline"]["parameters"] == [] and items["timeline"]["url"] == "/queries/timeline"


@pytest.mark.parametrize("speaker", ["Jens Stoltenberg", "stoltenberg", "JENS STOLTENBERG", "jens-stoltenberg",
                                     STOLTENBERG])  # fmt: skip
def test_serve_named_query_binds_the_speaker_as_typed(server, speaker):
    status, _, body = get(server, "/queries/speaker-statements?" + urllib.parse.urlencode({"speaker": speaker}))
    assert status == 200 and names_in(body) == {"Jens Stoltenberg"}
    assert len(json.loads(body)["results"]["bindings"]) == 2  # one remark, two reports


@pytest.mark.parametrize("hostile", ['Stoltenberg" } } DROP ALL #', "x') || true || ('", "\\u0022) || (\\u0022"])
def test_serve_named_query_values_cannot_change_the_query(server, hostile):
    status, _, body = get(server, "/queries/speaker-statements?" + urllib.parse.urlencode({"speaker": hostile}))
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_serve_named_query_bad_iri_value_is_one_sentence(server):
    status, _, body = get(server, "/queries/speaker-statements?" + urllib.parse.urlencode({"speaker": "http://x> }"}))
    assert status == 400 and "not a valid IRI" in json.loads(body)["error"]


def test_serve_named_query_missing_and_unknown(server):
    status, _, body = get(server, "/queries/speaker-statements")
    error = json.loads(body)
    assert status == 400 and "needs the parameter speaker" in error["error"] and error["missing"] == ["speaker"]
    status, _, body = get(server, "/queries/speaker-statements?speaker=x&who=y")
    assert status == 400 and "no parameter who" in json.loads(body)["error"]
    status, _, body = get(server, "/queries/who-said-it")
    error = json.loads(body)
    assert status == 404 and "timeline" in error["error"] and "speaker-statements" in error["queries"]


@pytest.mark.parametrize(
    ("accept", "fmt", "ctype"),
    [
        (None, None, "application/sparql-results+json"),
        ("text/csv", None, "text/csv"),
        (None, "tsv", "text/tab-separated-values"),
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/csv", "json", "application/sparql-results+json"),
    ],
)
def test_serve_named_query_formats(server, accept, fmt, ctype):
    query = {"speaker": "stoltenberg"} | ({"format": fmt} if fmt else {})
    status, headers, body = get(
        server, "/queries/speaker-statements?" + urllib.parse.urlencode(query), {"Accept": accept} if accept else {}
    )
    assert status == 200 and headers["content-type"].startswith(ctype)
    if ctype == "text/csv":
        assert {r["name"] for r in csv.DictReader(io.StringIO(body))} == {"Jens Stoltenberg"}
    elif "xml" in ctype:
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert "Jens Stoltenberg" in {e.text for e in ET.fromstring(body).iter(f"{ns}literal")}
    elif "tab" in ctype:
        assert '"Jens Stoltenberg"' in body


def test_serve_named_query_pasted_binds_its_parameters(server):
    from quotegraph.graph.query import load_query

    text = load_query("speaker-statements")
    status, _, body = get(server, "/sparql?" + urllib.parse.urlencode({"query": text, "speaker": "stoltenberg"}))
    assert status == 200 and names_in(body) == {"Jens Stoltenberg"}
    status, _, body = get(server, "/sparql?" + urllib.parse.urlencode({"query": text}))
    assert status == 400 and "speaker" in json.loads(body)["error"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("SELECT * WHERE { ?s ?p ?o", ["line 1, column", "'}'"]),
        ("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o > )\n}", ["line 3, column 3", "FILTER(?o > )", "expected"]),
        ("SELECT * WHERE { ?s ex:p ?o }", ["line 1, column", "prefix 'ex:' is not declared"]),
        ("SELECT ?s WHERE { ?s ?p ?o } LIMT 3", ["line 1, column", "LIMT"]),
        ("SELEC * WHERE { ?s ?p ?o }", ["line 1", "SELECT, ASK, CONSTRUCT or DESCRIBE", "SELEC"]),
        ('SELECT * WHERE { ?s ?p "open }', ["line 1, column", "string is not closed"]),
    ],
)
def test_serve_parse_errors_in_words(server, query, words):
    status, _, body = get(server, "/sparql?" + urllib.parse.urlencode({"query": query}))
    error = json.loads(body)["error"]
    assert status == 400 and all(w in error for w in words), error
    assert "\\u{" not in error and "..=" not in error and "\n" not in error
    with pytest.raises(QueryError) as caught:
        check_query(query) if "ex:p" not in query else run_query(server.store_dir, query)
    assert "line 1" in str(caught.value) or "line 3" in str(caught.value)
    assert "\\u{" not in str(caught.value) and "..=" not in str(caught.value)


@pytest.mark.parametrize(
    ("query", "accept", "fmt", "ctype", "rdf"),
    [
        ("CONSTRUCT WHERE { ?s <http://schema.org/name> ?o }", "text/turtle", None, "text/turtle", "turtle"),
        ("CONSTRUCT WHERE { ?s <http://schema.org/name> ?o }", "application/n-triples", None,
         "application/n-triples", "nt"),
        ("CONSTRUCT WHERE { ?s <http://schema.org/name> ?o }", None, "ntriples", "application/n-triples", "nt"),
        ("CONSTRUCT WHERE { ?s <http://schema.org/name> ?o }", "application/sparql-results+json", None,
         "text/turtle", "turtle"),
        (f"DESCRIBE <{STOLTENBERG}>", "text/turtle", None, "text/turtle", "turtle"),
        (f"DESCRIBE <{STOLTENBERG}>", None, None, "text/turtle", "turtle"),
    ],
)  # fmt: skip
def test_serve_construct_and_describe_as_rdf(server, query, accept, fmt, ctype, rdf):
    params = {"query": query} | ({"format": fmt} if fmt else {})
    status, headers, body = get(
        server, "/sparql?" + urllib.parse.urlencode(params), {"Accept": accept} if accept else {}
    )
    assert status == 200 and headers["content-type"].startswith(ctype)
    graph = rdflib.Graph().parse(data=body, format=rdf)
    names = {str(o) for o in graph.objects(None, rdflib.URIRef("http://schema.org/name"))}
    assert "Jens Stoltenberg" in names


def test_serve_select_asked_as_turtle_is_a_sentence(server):
    status, _, body = get(server, "/sparql?query=ASK%20%7B%7D", {"Accept": "text/turtle"})
    assert status == 406 and "SELECT and ASK results come as JSON" in json.loads(body)["error"]


def test_serve_takes_a_build_folder_and_refuses_what_is_not_a_graph(build_dir, tmp_path):
    store, temporary = prepare_store(build_dir)
    assert temporary and store.is_dir()
    other = tmp_path / "articles"
    other.mkdir()
    (other / "a.txt").write_text("Title\nBody.", encoding="utf-8")
    bad = tmp_path / "graph.ttl"
    bad.write_text("@prefix x\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    cases = [
        (other, "neither an Oxigraph store nor a build's graph.ttl"),
        (tmp_path / "empty", "empty folder"),
        (bad, "not a readable RDF graph"),
        (other / "a.txt", "not an RDF file"),
        (tmp_path / "missing.ttl", "no RDF file, build folder or Oxigraph store"),
    ]
    runner = CliRunner()
    for source, words in cases:
        with pytest.raises((ValueError, FileNotFoundError), match=words):
            prepare_store(source)
        result = runner.invoke(app, ["serve", str(source), "--port", "0"])
        assert result.exit_code != 0 and "Traceback" not in result.output
        if source.exists():
            assert words in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["speaker-statements", "-p", "speaker=http://x> }"], "not a valid IRI"),
        (["SELECT * WHERE { ?s ?p ?o"], "line 1, column"),
        (["who-said-it"], "no query named"),
        (["speaker-statements"], "needs the parameter speaker"),
    ],
)
def test_cli_query_errors_are_one_line(build_dir, args, words):
    result = CliRunner().invoke(app, ["query", str(build_dir), *args])
    assert result.exit_code == 2 and words in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_cli_query_reads_a_build_folder(build_dir):
    result = CliRunner().invoke(app, ["query", str(build_dir), "speaker-statements", "-p", "speaker=jens-stoltenberg"])
    assert result.exit_code == 0 and "Jens Stoltenberg" in result.output


def test_serve_workers_start_before_the_first_query_counts_its_time(build_dir):
    """A query sent while the workers still start waits for one (queue_wait), not its own time limit."""
    srv = make_server(build_dir, host="127.0.0.1", port=0, limits=Limits(timeout=0.5, workers=1, queue_wait=60))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        started = time.monotonic()
        status, _, _ = get(srv, "/sparql?query=ASK%20%7B%7D")
        assert status == 200 and time.monotonic() - started < 60
    finally:
        srv.shutdown()
        srv.server_close()


def test_serve_quick_start_build_answers_speaker_statements(built_sample):
    """The README quick-start build served as its folder: Stoltenberg's remarks by his name as typed."""
    srv = make_server(built_sample, host="127.0.0.1", port=0, limits=Limits(workers=1, queue_wait=60))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        status, _, body = get(srv, "/queries/speaker-statements?speaker=jens%20stoltenberg")
        rows = json.loads(body)["results"]["bindings"]
        assert status == 200 and {r["name"]["value"] for r in rows} == {"Jens Stoltenberg"}
        assert len({r["statement"]["value"] for r in rows}) >= 10
        status, _, body = get(srv, "/queries/speaker-statements?speaker=jens-stoltenberg&format=csv")
        assert status == 200 and len(list(csv.DictReader(io.StringIO(body)))) == len(rows)
        assert get(srv, "/queries/speaker-statements")[0] == 400
    finally:
        srv.shutdown()
        srv.server_close()
