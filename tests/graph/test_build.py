from __future__ import annotations

from dataclasses import replace

import networkx as nx
from quotegraph.graph.build import agreement, build_graph, position_rows, stance_matrix, write_gexf
from quotegraph.graph.merge import merge_statements


def test_build_graph_nodes_and_edges(sample):
    g = build_graph(merge_statements(sample))
    types = nx.get_node_attributes(g, "type")
    assert sum(1 for t in types.values() if t == "statement") == 3
    assert sum(1 for t in types.values() if t == "article") == 4
    assert sum(1 for t in types.values() if t == "outlet") == 3
    rels = [d["rel"] for _, _, d in g.edges(data=True)]
    assert rels.count("reported_in") == 5
    assert rels.count("responds_to") == 1
    assert rels.count("holds_role") == 1
    shared = next(n for n, d in g.nodes(data=True) if d.get("type") == "statement" and d["reports"] == 3)
    assert g.nodes[shared]["date"] == "2024-05-24"


def test_build_stance_matrix_counts_remarks_once(sample):
    g = build_graph(merge_statements(sample), topic_labels={"tax": "A tax on fuel"})
    m = stance_matrix(g).set_index(["speaker", "topic"])
    ann = m.loc[("person/ann-lee", "tax")]
    assert (ann["support"], ann["remarks"], ann["reports"]) == (1, 1, 3)  # three reports, one remark
    assert (ann["speaker_name"], ann["topic_label"], ann["first"]) == ("Ann Lee", "A tax on fuel", "2024-05-24")
    assert m.loc[("person/bo-park", "tax"), "oppose"] == 1
    assert g.nodes["topic:tax"]["name"] == "A tax on fuel"


def test_build_positions_are_speaker_to_topic_edges(sample):
    g = build_graph(merge_statements(sample), min_confidence=0.6)
    [(_, top, data)] = [e for e in g.out_edges("person/ann-lee", data=True) if e[2]["rel"] == "position"]
    assert top == "topic:tax" and (data["stance"], data["confidence"], data["remarks"]) == ("support", 0.8, 1)
    assert g.graph["display_threshold"] == 0.6 and g.graph["hidden"] == 0
    positions = position_rows(g)
    assert list(zip(positions["speaker_name"], positions["stance"], strict=True)) == [
        ("Ann Lee", "support"),
        ("Bo Park", "oppose"),
    ]


def test_build_low_confidence_stances_stay_marked_and_vote_in_no_position(sample):
    g = build_graph(merge_statements(sample), min_confidence=0.75)  # Bo Park's stance is 0.7
    about = [d for u, _, d in g.edges(data=True) if d["rel"] == "about" and d["stance"] == "oppose"]
    assert len(about) == 1 and about[0]["low_confidence"] and g.graph["hidden"] == 1
    assert not [e for e in g.out_edges("person/bo-park", data=True) if e[2]["rel"] == "position"]
    m = stance_matrix(g).set_index(["speaker", "topic"])
    assert (m.loc[("person/bo-park", "tax"), "oppose"], m.loc[("person/bo-park", "tax"), "hidden"]) == (0, 1)
    assert agreement(g, "tax").empty  # one position left: no pair


def test_build_agreement_finds_disagreement(sample):
    a = agreement(build_graph(merge_statements(sample)), "tax")
    assert list(a["relation"]) == ["disagree"]


def test_build_gexf_round_trip(sample, tmp_path):
    g = build_graph(merge_statements(sample))
    path = write_gexf(g, tmp_path / "g.gexf")
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()


def test_build_a_reply_answers_the_statement_or_else_the_speaker_node(sample):
    merged = merge_statements(sample)
    g = build_graph(merged)
    reply = next(s for s in merged if s.speaker == "Bo Park")
    [(_, target)] = [(u, v) for u, v, d in g.edges(data=True) if d["rel"] == "responds_to"]
    assert target == f"statement:{reply.replies_to}"
    unknown = replace(reply, replies_to=None, replies_to_speaker="person/zed-unknown", replies_to_name="Zed Unknown")
    g = build_graph([unknown])
    assert g.nodes["person/zed-unknown"]["name"] == "Zed Unknown"
    assert g.has_edge(f"statement:{reply.statement_id}", "person/zed-unknown", key="responds_to")


def test_build_speaker_nodes_are_speaker_keys(sample):
    g = build_graph(merge_statements(sample))
    assert g.nodes["person/ann-lee"]["name"] == "Ann Lee"
    assert g.nodes["org/italy"]["type"] == "organization"  # Bo Park's role is held in Italy


def _snapshot(g: nx.MultiDiGraph) -> tuple:
    nodes = sorted((n, sorted(d.items())) for n, d in g.nodes(data=True))
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


def test_build_graph_any_order_of_statements_gives_one_graph(sample):
    """A reply whose answered statement sorts later (the reply in "a0.txt", the remark in "z.txt") once
    made the answered node without attributes (KeyError: 'reports'); every order gives the same graph."""
    import random

    from tests.conftest import stmt

    remark = "We will lift the restrictions on the weapons we gave to the allies this year."
    statements = [
        *sample,
        stmt("z.txt", 0, remark, "Ann Lee", outlet="Zeta", published="2024-05-20"),
        stmt("a0.txt", 0, "Her words about lifting the restrictions on weapons are dangerous.", "Bo Park",
             outlet="Alpha", published="2024-05-21", replies_to_speaker="person/ann-lee", replies_to_name="Ann Lee"),
    ]  # fmt: skip
    expected = _snapshot(build_graph(merge_statements(statements)))
    assert any(dict(d)["rel"] == "responds_to" for *_, d in expected[1])
    for seed in range(6):
        shuffled = statements[:]
        random.Random(seed).shuffle(shuffled)
        merged = merge_statements(shuffled)
        random.Random(seed + 100).shuffle(merged)  # the graph stage alone, on statements in any order
        assert _snapshot(build_graph(merged)) == expected


def test_build_gexf_is_static_valid_xml_with_names_as_labels(sample, tmp_path):
    from xml.etree import ElementTree

    odd = replace(sample[-1], quote="Markets\x01 will\x00 recover\x0b by the end of the year if rates fall.")
    odd = replace(odd, end=odd.start + len(odd.quote))
    path = write_gexf(build_graph(merge_statements([*sample[:-1], odd])), tmp_path / "g.gexf")
    root = ElementTree.parse(path).getroot()  # valid XML: control characters left out
    ns = {"g": root.tag.split("}")[0].strip("{")}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "static" and graph.find("g:attributes[@mode='dynamic']", ns) is None
    assert not root.findall(".//g:edge[@start]", ns) and not root.findall(".//g:spells", ns)
    labels = {n.get("id"): n.get("label") for n in root.iter(f"{{{ns['g']}}}node")}
    assert labels["person/ann-lee"] == "Ann Lee" and labels["outlet:daily"] == "Daily"
    assert any(label.startswith("Markets will recover") for label in labels.values())
    back = nx.read_gexf(path)
    offsets = [d for *_, d in back.edges(data=True) if d.get("rel") == "reported_in"]
    assert offsets and all(isinstance(d["char_start"], int) and isinstance(d["char_end"], int) for d in offsets)
