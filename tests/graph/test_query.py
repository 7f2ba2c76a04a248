from __future__ import annotations

import json

import pandas as pd
import pytest
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.query import QueryError, list_queries, query_params, run_query, write_frame
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
    assert list(zip(opp["side"], opp["speaker"], opp["topic"], strict=True)) == [
        ("support", "Ann Lee", "tax"),
        ("oppose", "Bo Park", "tax"),
    ]
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


def test_query_unknown_name_says_so_and_lists_the_names(ttl):
    with pytest.raises(QueryError, match=r"no query named 'who-said'.*multi-outlet.*timeline"):
        run_query(ttl, "who-said")


def test_query_missing_required_parameter_is_an_error(ttl):
    with pytest.raises(QueryError, match="needs the parameter speaker"):
        run_query(ttl, "speaker-statements")
    with pytest.raises(QueryError, match="has no parameter who"):
        run_query(ttl, "speaker-statements", params={"speaker": "Ann", "who": "x"})
    assert query_params("speaker-statements") == [query_params("speaker-statements")[0]]
    assert query_params("speaker-statements")[0].name == "speaker"
    assert query_params("timeline") == []


def test_query_multi_outlet_shows_the_quotes(ttl):
    frame = run_query(ttl, "multi-outlet")
    quotes = frame["quotes"][0].split(" | ")
    assert len(quotes) == 3 and all("restrictions on the weapons" in q for q in quotes)


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_missing_values_print_the_same_in_every_format(fmt):
    frame = pd.DataFrame({"speaker": ["Ann Lee", None], "n": [1.0, float("nan")]})
    out = write_frame(frame, None, fmt)
    assert "None" not in out and "NaN" not in out and "null" not in out
    if fmt == "json":
        assert json.loads(out)[1] == {"speaker": "", "n": ""}


@pytest.mark.parametrize(
    ("value", "term"),
    [
        ("Ann Lee", '"Ann Lee"'),
        ('a "quoted" \\ name }', '"a \\"quoted\\" \\\\ name }"'),
        ("line\nbreak", '"line\\nbreak"'),
        ("https://quotegraph.org/id/person/ann-lee", "<https://quotegraph.org/id/person/ann-lee>"),
        ("urn:x:1", "<urn:x:1>"),
        ("ann-lee", '"ann-lee"'),
    ],
)
def test_query_parameter_values_become_rdf_terms(value, term):
    from quotegraph.graph.query import param_term

    assert param_term("speaker", value) == term


@pytest.mark.parametrize("value", ["http://x> }", "http://a b", 'https://x"y', "http://x\\y"])
def test_query_invalid_iri_parameter_is_one_line_error(value):
    from quotegraph.graph.query import param_term

    with pytest.raises(QueryError, match="not a valid IRI") as caught:
        param_term("speaker", value)
    assert "\n" not in str(caught.value)


def test_query_values_go_into_where_blocks_only():
    from quotegraph.graph.query import bind_values

    text = 'SELECT * WHERE { ?s ?p "WHERE { x" } # WHERE {\n'
    bound = bind_values(text, {"p": "v"})
    assert bound.count("VALUES") == 1 and bound.startswith('SELECT * WHERE { VALUES (?p) { ("v") }')


@pytest.mark.parametrize(
    ("query", "kind", "service"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT", False),
        ("ASK { ?s ?p ?o }", "ASK", False),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", False),
        ("DESCRIBE <urn:a>", "DESCRIBE", False),
        ('SELECT ?service WHERE { ?service ?p "SERVICE <x>" }', "SELECT", False),
        ("SELECT * WHERE { ?a ?b ?c .SERVICE <urn:u> { ?s ?p ?o } }", "SELECT", True),
        (
            "SELECT * WHERE { ?a ?b ?c OPTIONAL { { SELECT * WHERE { service <urn:u> { ?s ?p ?o } } } } }",
            "SELECT",
            True,
        ),
        ("ASK { ?a ?b ?c FILTER(NOT EXISTS { SERVICE SILENT <urn:u> { ?s ?p ?o } }) }", "ASK", True),
    ],
)
def test_query_parse_finds_form_and_service_anywhere(query, kind, service):
    from quotegraph.graph.query import parse_query

    parsed = parse_query(query)
    assert (parsed.kind, parsed.service) == (kind, service)
