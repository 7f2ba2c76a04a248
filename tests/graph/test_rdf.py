from __future__ import annotations

import random

import pytest
from pyshacl import validate
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.namespace import BASE, MARL, OA, QG, SCHEMA, entity_iri
from quotegraph.graph.rdf import RunInfo, statements_to_rdf, write_rdf
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from tests.conftest import ROOT, stmt

SHAPES = ROOT / "graph" / "shapes" / "quotegraph.shacl.ttl"


def _shapes() -> Graph:
    return Graph().parse(SHAPES)


def test_rdf_statement_report_and_stance_shape(sample):
    g = statements_to_rdf(merge_statements(sample), run=RunInfo(model="en_core_web_sm-3.8.0"))
    assert len(set(g.subjects(RDF.type, SCHEMA.Quotation))) == 3
    assert len(set(g.subjects(RDF.type, OA.TextPositionSelector))) == 5
    assert len(set(g.subjects(RDF.type, MARL.Opinion))) == 2  # one per remark and topic, however many reports
    assert set(g.objects(None, MARL.hasPolarity)) == {MARL.Positive, MARL.Negative}
    assert len(set(g.subjects(RDF.type, SCHEMA.NewsMediaOrganization))) == 3
    assert not any(isinstance(n, URIRef) is False for n in g.subjects())  # no blank nodes


def test_rdf_conforms_to_the_shapes(sample):
    g = statements_to_rdf(merge_statements(sample))
    conforms, _, text = validate(g, shacl_graph=_shapes(), inference="none")
    assert conforms, text


@pytest.mark.parametrize("drop", [SCHEMA.text, OA.start])
def test_rdf_shapes_catch_a_broken_graph(sample, drop):
    g = statements_to_rdf(merge_statements(sample))
    for triple in list(g.triples((None, drop, None)))[:1]:
        g.remove(triple)
    conforms, _, _ = validate(g, shacl_graph=_shapes(), inference="none")
    assert not conforms


def test_rdf_same_input_any_order_gives_isomorphic_graphs(sample):
    first = statements_to_rdf(merge_statements(sample))
    shuffled = sample[:]
    random.Random(3).shuffle(shuffled)
    assert isomorphic(first, statements_to_rdf(merge_statements(shuffled)))


def test_rdf_shards_split_at_remarks_merge_to_the_whole(sample):
    from quotegraph.graph.rdf import positions_to_rdf

    merged = merge_statements(sample)
    whole = statements_to_rdf(merged)
    first = merged[0].statement_id
    a = statements_to_rdf([s for s in merged if s.statement_id == first], positions=False)
    b = statements_to_rdf([s for s in merged if s.statement_id != first], positions=False)
    assert isomorphic(whole, a + b + positions_to_rdf(merged))


def test_rdf_one_stance_per_remark_from_its_most_confident_report_low_confidence_kept(sample):
    from dataclasses import replace

    from quotegraph.extract.model import TopicStance

    merged = merge_statements(sample)
    # one report of Ann Lee's remark judged weakly the other way: the remark keeps its confident side
    merged[1] = replace(merged[1], topics=(TopicStance("tax", "oppose", 0.3, ("weak",)),))
    weak = replace(merged[-1], topics=(TopicStance("tax", "support", 0.4, ("maybe",)),), topic="tax")
    g = statements_to_rdf([*merged[:-1], weak], min_confidence=0.6)
    ann = URIRef(BASE + "statement/" + str(merged[0].statement_id))
    [opinion] = g.subjects(MARL.extractedFrom, ann)
    assert g.value(opinion, MARL.hasPolarity) == MARL.Positive
    low = URIRef(BASE + "statement/" + str(weak.statement_id))
    [leaning] = g.subjects(MARL.extractedFrom, low)  # below the threshold: still in the graph
    assert float(g.value(leaning, MARL.algorithmConfidence)) == 0.4
    conforms, _, text = validate(g, shacl_graph=_shapes(), inference="none")
    assert conforms, text


def test_rdf_positions_per_speaker_and_topic(sample):
    from rdflib.namespace import PROV

    merged = merge_statements(sample)
    g = statements_to_rdf(merged, min_confidence=0.6)
    by_speaker = {g.value(p, PROV.wasAttributedTo): p for p in g.subjects(RDF.type, QG.Position)}
    assert set(by_speaker) == {URIRef(BASE + "person/ann-lee"), URIRef(BASE + "person/bo-park")}
    ann = by_speaker[URIRef(BASE + "person/ann-lee")]
    assert (ann, RDF.type, MARL.AggregatedOpinion) in g
    assert g.value(ann, MARL.hasPolarity) == MARL.Positive and float(g.value(ann, MARL.algorithmConfidence)) == 0.8
    assert g.value(ann, MARL.opinionCount).toPython() == 1  # three reports, one remark
    [remark] = g.objects(ann, PROV.wasDerivedFrom)
    assert (remark, RDF.type, SCHEMA.Quotation) in g
    [opinion] = g.objects(ann, MARL.aggregatesOpinion)
    assert (opinion, MARL.extractedFrom, remark) in g
    # a threshold above Bo Park's remark (0.7): no position for him, his stance stays
    g = statements_to_rdf(merged, min_confidence=0.75)
    assert len(set(g.subjects(RDF.type, QG.Position))) == 1
    assert next(g.objects(None, QG.displayThreshold)).toPython() == pytest.approx(0.75)
    assert len(set(g.subjects(RDF.type, MARL.Opinion))) == 2


@pytest.mark.parametrize("ext", ["ttl", "jsonld", "nt"])
def test_rdf_serialisations_round_trip(sample, tmp_path, ext):
    g = statements_to_rdf(merge_statements(sample))
    path = write_rdf(g, tmp_path / f"graph.{ext}")
    back = Graph().parse(path, format={"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}[ext])
    assert isomorphic(g, back)


def test_rdf_sample_build_conforms_and_rebuilds_identically(built_sample, tmp_path):
    from quotegraph.run import build

    g = Graph().parse(built_sample / "graph.ttl")
    conforms, _, text = validate(g, shacl_graph=_shapes(), inference="none")
    assert conforms, text
    again = tmp_path / "again"
    build([ROOT / "data" / "articles"], again, topics=ROOT / "data" / "topics.yaml",
          entities=[ROOT / "data" / "entities.yaml"], progress=False)  # fmt: skip
    assert isomorphic(g, Graph().parse(again / "graph.ttl"))
    wikidata = {str(o) for o in g.objects(None, SCHEMA.sameAs)}
    assert "http://www.wikidata.org/entity/Q3874799" in wikidata  # Zelenskyy, from the entity file


def test_rdf_turtle_is_byte_stable_and_uses_the_schema_prefix(sample, tmp_path):
    g = statements_to_rdf(merge_statements(sample))
    a, b = (
        write_rdf(g, tmp_path / "a.ttl"),
        write_rdf(statements_to_rdf(merge_statements(sample[::-1])), tmp_path / "b.ttl"),
    )
    assert a.read_bytes() == b.read_bytes()  # the same graph gives the same file
    text = a.read_text(encoding="utf-8")
    assert "@prefix schema: <http://schema.org/> ." in text and "schema1:" not in text
    assert isomorphic(Graph().parse(a), g)


def test_rdf_speaker_iri_is_the_speaker_key(sample):
    g = statements_to_rdf(merge_statements(sample))
    lee = URIRef(BASE + "person/ann-lee")
    assert (lee, SCHEMA.name, Literal("Ann Lee")) in g
    assert entity_iri("person/ann-lee") == lee
    assert entity_iri("Q42") == URIRef(BASE + "agent/q42")  # an entity-file id without a kind


def test_rdf_a_reply_points_at_the_answered_statement(sample):
    merged = merge_statements(sample)
    reply = next(s for s in merged if s.speaker == "Bo Park")
    g = statements_to_rdf(merged)
    assert set(g.objects(URIRef(BASE + "statement/" + str(reply.statement_id)), QG.repliesTo)) == {
        URIRef(BASE + "statement/" + str(reply.replies_to))
    }


def test_rdf_a_reply_to_a_speaker_without_statements_names_the_speaker():
    s = stmt(
        "a.txt", 0, "Those are personal opinions of the minister.", "Bo Park",
        replies_to_speaker="person/zed-unknown", replies_to_name="Zed Unknown",
    )  # fmt: skip
    g = statements_to_rdf(merge_statements([s]))
    zed = URIRef(BASE + "person/zed-unknown")
    assert len(set(g.subjects(QG.repliesTo, zed))) == 1
    assert (zed, SCHEMA.name, Literal("Zed Unknown")) in g
    conforms, _, text = validate(g, shacl_graph=_shapes(), inference="none")
    assert conforms, text


def test_rdf_the_org_of_a_role_is_the_org_as_a_speaker():
    minister = stmt("a.txt", 0, "We will not change our rules.", "Bo Park", speaker_org="NATO", speaker_role="Minister")
    nato = stmt("b.txt", 0, "The alliance stands united.", "NATO", speaker_id=None, speaker_type="organization")
    g = statements_to_rdf(merge_statements([minister, nato]))
    assert len(set(g.subjects(RDF.type, SCHEMA.Organization))) == 1
    assert (URIRef(BASE + "org/nato"), SCHEMA.name, Literal("NATO")) in g


def test_rdf_shapes_catch_a_reply_to_a_bare_name(sample):
    g = statements_to_rdf(merge_statements(sample))
    g.add((next(g.subjects(RDF.type, SCHEMA.Quotation)), QG.repliesTo, Literal("Ann Lee")))
    conforms, _, _ = validate(g, shacl_graph=_shapes(), inference="none")
    assert not conforms


def test_rdf_a_group_speaker_is_a_foaf_group():
    from quotegraph.graph.rdf import statements_to_rdf
    from rdflib.namespace import FOAF, PROV, RDF

    from tests.conftest import stmt

    s = stmt("a.txt", 0, "The new tax would cost thousands of jobs in the region.", "Industry groups",
             speaker_type="group", speaker_id="group/industry-groups")  # fmt: skip
    g = statements_to_rdf([s])
    agents = set(g.subjects(RDF.type, FOAF.Group))
    assert len(agents) == 1 and (next(iter(agents)), RDF.type, PROV.Agent) in g
    assert str(next(iter(agents))).endswith("/group/industry-groups")


def test_rdf_a_document_speaker_is_a_creative_work_and_no_person():
    from rdflib.namespace import PROV

    s = stmt("a.txt", 0, "She violated agency rules by using a private server.", "The report",
             speaker_type="document", speaker_id="document/report/0123456789")  # fmt: skip
    g = statements_to_rdf([s])
    agent = entity_iri("document/report/0123456789")
    assert (agent, RDF.type, SCHEMA.CreativeWork) in g and (agent, RDF.type, PROV.Agent) in g
    assert (agent, RDF.type, SCHEMA.Person) not in g
    assert validate(g, shacl_graph=_shapes())[0]
