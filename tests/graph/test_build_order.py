"""Every stage of a build after extraction (linking, merging, statements.jsonl, RDF, the networkx graph,
GEXF, HTML, report.json) gives the same result for any order of its statements."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.speakers.entities import EntityResolver
from quotegraph.graph.build import build_graph
from quotegraph.graph.merge import merge_statements
from rdflib import Graph
from rdflib.compare import isomorphic

from quotegraph.run import RunReport, _write_outputs
from tests.conftest import stmt

OUTPUTS = ("statements.jsonl", ".statements-raw.jsonl", "graph.gexf", "graph.html")


@pytest.fixture
def corpus(sample: list[Statement]) -> list[Statement]:
    """The sample (one remark in three outlets, a reply to it) plus: a reply in "a0.txt" to a remark in
    "z.txt" that sorts after it (once KeyError: 'reports'), a surname-only speaker the corpus links to
    its full name, and two files named report.txt in two folders reporting one remark."""
    remark = "We will lift the restrictions on the weapons we gave to the allies this year."
    again = "The strike will go ahead next week whatever the government offers the union."
    return [
        *sample,
        stmt("z.txt", 0, remark, "Ann Lee", outlet="Zeta", published="2024-05-20"),
        stmt("a0.txt", 0, "Her words about lifting the restrictions on weapons are dangerous.", "Bo Park",
             outlet="Alpha", published="2024-05-21", replies_to_speaker="person/ann-lee", replies_to_name="Ann Lee"),
        stmt("e.txt", 30, "Taxes on fuel will stay where they are until the election.", "Lee", speaker_id=None,
             outlet="Echo", published="2024-05-22"),
        replace(stmt("report.txt", 0, again, "Tom Vik", outlet="One"), article_id="one/report.txt"),
        replace(stmt("report.txt", 0, again, "Tom Vik", outlet="Two"), article_id="two/report.txt"),
    ]  # fmt: skip


def _orders(items: list[Statement]) -> list[list[Statement]]:
    orders = [items[::-1]]
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    return orders


def _build(items: list[Statement], out: Path) -> dict[str, bytes]:
    ex = SimpleNamespace(resolver=EntityResolver.load(None), topics=[])
    report = RunReport(model="test-model")
    out.mkdir()
    _write_outputs(ex, report, items, out, out, rdf_formats=("ttl",), html=True)  # type: ignore[arg-type]
    return {name: (out / name).read_bytes() for name in (*OUTPUTS, "graph.ttl", "report.json")}


def test_build_order_every_output_is_the_same_for_any_order(corpus, tmp_path):
    expected = _build(corpus, tmp_path / "first")
    merged = json.loads(expected["report.json"])
    assert merged["counts"]["statements"] == len(corpus)
    graph = Graph().parse(data=expected["graph.ttl"].decode(), format="turtle")
    for i, order in enumerate(_orders(corpus)):
        got = _build(order, tmp_path / f"order{i}")
        for name in OUTPUTS:
            assert got[name] == expected[name], f"{name} differs for order {i}"
        assert isomorphic(Graph().parse(data=got["graph.ttl"].decode(), format="turtle"), graph)
        assert json.loads(got["report.json"]) | {"outputs": None} == merged | {"outputs": None}


def test_build_order_each_stage_on_shuffled_input(corpus):
    """Stage by stage, each fed a shuffle of what the previous one gave (not only the build's own order)."""
    resolver = EntityResolver.load(None)
    linked = sorted(resolver.link_corpus(corpus), key=lambda s: (s.article_key, s.start))
    merged = merge_statements(linked)
    edges = {(u, v, k) for u, v, k in build_graph(merged).edges(keys=True)}
    assert sum(1 for *_, k in edges if k == "responds_to") == 2  # both replies answer the remark itself
    assert any(u.startswith("statement:") and v.startswith("statement:") for u, v, k in edges if k == "responds_to")
    one = {s.statement_id for s in merged if s.speaker == "Tom Vik"}
    assert len(one) == 1  # the two report.txt report one remark: two reports, two articles
    assert len({s.article_key for s in merged if s.speaker == "Tom Vik"}) == 2
    assert {s.speaker for s in linked if s.article == "e.txt"} == {"Ann Lee"}
    for order in _orders(corpus):
        relinked = sorted(resolver.link_corpus(order), key=lambda s: (s.article_key, s.start))
        assert relinked == linked
        random.Random(len(order)).shuffle(relinked)
        remerged = merge_statements(relinked)
        assert remerged == merged
        random.Random(7).shuffle(remerged)
        assert {(u, v, k) for u, v, k in build_graph(remerged).edges(keys=True)} == edges
