from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.query import QueryError, list_queries, run_query
from quotegraph.graph.rdf import statements_to_rdf, write_rdf
from quotegraph.graph.store import load_rdf, open_store
from rdflib import Graph


@pytest.fixture
def ttl(sample, tmp_path):
    return write_rdf(statements_to_rdf(merge_statements(sample)), tmp_path / "g.ttl")


def test_query_named_queries_run_on_every_store(ttl, tmp_path):
    store_dir = tmp_path / "store"
    load_rdf(open_store(store_dir), ttl)
    rdflib_graph = Graph().parse(ttl)
    for name in list_queries():
        params = {"speaker": "Ann Lee"} if name == "speaker-statements" else None
        a = run_query(ttl, name, params=params)
        b = run_query(store_dir, name, params=params)
        c = run_query(rdflib_graph, name, params=params)
        assert len(a) == len(b) == len(c), name


def test_query_results_have_the_expected_content(ttl):
    multi = run_query(ttl, "multi-outlet")
    assert list(multi["reports"]) == [3]
    assert set(multi["outlets"][0].split(", ")) == {"Daily", "Herald", "Post"}
    opp = run_query(ttl, "who-opposes-whom")
    assert list(zip(opp["supporter"], opp["opponent"], strict=False)) == [("Ann Lee", "Bo Park")]
    replies = run_query(ttl, "replies")
    assert list(replies["speaker"]) == ["Bo Park"] and list(replies["answered"]) == ["Ann Lee"]
    assert len(run_query(ttl, "speaker-statements", params={"speaker": "Ann Lee"})) == 3


@pytest.mark.parametrize("hostile", ['Ann Lee" } } DROP ALL #', "x') || true || ('", '\\" ; DELETE WHERE { ?s ?p ?o }'])
def test_query_parameters_cannot_change_the_query(ttl, hostile):
    assert len(run_query(ttl, "speaker-statements", params={"speaker": hostile})) == 0
    assert len(run_query(ttl, "multi-outlet")) == 1  # the graph is intact


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
        "LOAD <http://x.org/a>",
    ],
)
def test_query_refuses_updates(ttl, update):
    with pytest.raises(QueryError, match=r"Update|not a SPARQL query"):
        run_query(ttl, update)


def test_query_unknown_source_is_a_clear_error(tmp_path):
    with pytest.raises(QueryError, match="no graph"):
        run_query(tmp_path / "missing.ttl", "timeline")


def test_query_endpoint_serves_read_only_with_time_limit(ttl):
    from quotegraph.graph.serve import make_server

    server = make_server(ttl, host="127.0.0.1", port=0, timeout=20)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/sparql"
    try:
        assert server.server_address[0] == "127.0.0.1"
        frame = run_query(base, "multi-outlet")
        assert list(frame["reports"]) == ["3"]
        data = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(urllib.request.Request(base, data=data), timeout=20)
        assert err.value.code == 403
        q = urllib.parse.urlencode({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{base}?{q}", timeout=20)
        assert err.value.code == 400
        page = urllib.request.urlopen(base, timeout=20).read().decode()
        assert "<textarea" in page
    finally:
        server.shutdown()
        server.server_close()


def test_query_endpoint_stops_a_query_that_runs_too_long(ttl):
    from quotegraph.graph.serve import execute, prepare_store

    store = prepare_store(ttl)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, payload = execute(store, slow, timeout=1.0)
    assert status == 503 and "stopped" in payload["error"]
    status, payload = execute(store, "ASK { ?s ?p ?o }", timeout=20)
    assert status == 200 and payload["boolean"] is True
    assert json.dumps(payload)
