"""The HTML view without a browser: data, escaping, no external URLs, caps."""

from __future__ import annotations

import json
import re

import pytest
from quotegraph.extract.model import TopicStance
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.view import graph_data, render_html

from tests.conftest import stmt

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def _embedded(path) -> dict:
    html = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="qg-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_view_counts_match_the_statements(sample, tmp_path):
    merged = merge_statements(sample)
    data = _embedded(render_html(merged, tmp_path / "g.html"))
    # a speaker quoted on no topic and in no reply (Cy Diaz) has no node (it could never be drawn) but
    # keeps their statement for the panel and the speaker list
    speakers = {s.speaker for s in sample if s.speaker and (s.topics or s.replies_to_speaker)} | {"Ann Lee"}
    topics = {t.topic for s in sample for t in s.topics}
    assert {n["name"] for n in data["nodes"] if n["kind"] == "speaker" and not n.get("camp")} == speakers
    assert len([n for n in data["nodes"] if not n.get("camp")]) == len(speakers) + len(topics)
    assert len(data["statements"]) == len(sample)
    assert "Cy Diaz" in {s["speaker"] for s in data["statements"]}
    rels = [e["rel"] for e in data["edges"]]
    assert rels.count("reply") == 1 and rels.count("stance") == 2


def test_view_support_and_oppose_between_the_same_nodes_stay_two_edges():
    t_sup = (TopicStance("tax", "support", 0.8),)
    t_opp = (TopicStance("tax", "oppose", 0.8),)
    data = graph_data(
        [
            stmt("a.txt", 0, "We should cut taxes.", "Ann Lee", topics=t_sup),
            stmt("b.txt", 0, "We should not cut taxes.", "Ann Lee", topics=t_opp),
            stmt("c.txt", 0, "Taxes must be cut now.", "Ann Lee", topics=t_sup),
        ]
    )
    stance_edges = [e for e in data["edges"] if e["rel"] == "stance"]
    assert sorted((e["stance"], len(e["statements"])) for e in stance_edges) == [
        ("oppose", 1),
        ("support", 2),
    ]


def test_view_escapes_article_text(tmp_path):
    path = render_html(
        [stmt("a.txt", 0, HOSTILE, "Ann Lee", topics=(TopicStance("t", "neutral"),))], tmp_path / "g.html"
    )
    html = path.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert _embedded(path)["statements"][0]["quote"] == HOSTILE
    assert "innerHTML" not in html.split("/*{{VIS_JS}}*/")[-1]


def test_view_loads_nothing_from_the_web(sample, tmp_path):
    html = render_html(merge_statements(sample), tmp_path / "g.html").read_text(encoding="utf-8")
    assert not re.search(r'<(script|link)[^>]+(src|href)=["\']?https?://', html)
    assert "cdn" not in html.lower().split("<script>")[0]


def test_view_caps_nodes_with_a_notice(tmp_path):
    many = [
        stmt(f"{i}.txt", 0, f"Remark {i}.", f"Speaker Number{i}", topics=(TopicStance("t", "neutral"),))
        for i in range(40)
    ]
    data = graph_data(many, max_nodes=11)
    assert len(data["nodes"]) <= 11
    assert "most quoted" in data["notice"]


def test_view_focus_on_one_topic(sample):
    data = graph_data(merge_statements(sample), focus_topic="tax")
    labels = {n["label"] for n in data["nodes"]}
    assert "Ann Lee" in labels and "Cy Diaz" not in labels


def _neighbourhood_sample():
    t = (TopicStance("tax", "support", 0.8, ("urged",)),)
    return [
        stmt("a.txt", 0, "We must cut the tax on fuel this year for every family.", "Ann Lee", topics=t, topic="tax"),
        stmt("b.txt", 0, "Her plan to cut the fuel tax is reckless and unfunded.", "Bo Park",
             replies_to_speaker="person/ann-lee", replies_to_name="Ann Lee"),
        stmt("c.txt", 0, "His words about the port were simply not true at all.", "Cy Diaz",
             replies_to_speaker="person/dee-fox", replies_to_name="Dee Fox"),
        stmt("d.txt", 0, "The port will open again next spring after the repairs.", "Dee Fox"),
    ]  # fmt: skip


def test_view_focus_on_a_speaker_keeps_their_neighbourhood_only():
    from quotegraph.graph.view import focus

    items = _neighbourhood_sample()
    shown = {s.speaker for s in focus(items, speaker="Ann Lee")}
    assert shown == {"Ann Lee", "Bo Park"}  # her statement and the reply to her; not Cy Diaz's reply to Dee Fox
    assert {s.speaker for s in focus(items, speaker="person/dee-fox")} == {"Dee Fox", "Cy Diaz"}
    data = graph_data(items, focus_speaker="Bo Park")
    reply = next(e for e in data["edges"] if e["rel"] == "reply")
    target = next(n for n in data["nodes"] if n["id"] == reply["to"])
    assert target["name"] == "Ann Lee"  # a reply target is labelled by the speaker, never a statement id


@pytest.mark.parametrize("topic", ["tax", "Cutting fuel tax", "cutting FUEL tax"])
def test_view_focus_on_a_topic_by_id_or_label(topic):
    from quotegraph.graph.view import focus

    shown = focus(_neighbourhood_sample(), topic=topic, topic_labels={"tax": "Cutting fuel tax"})
    assert [s.speaker for s in shown] == ["Ann Lee"]


@pytest.mark.parametrize(("kw", "message"), [({"topic": "ports"}, "topics: tax"), ({"speaker": "Eve"}, "speaker")])
def test_view_unknown_focus_fails_clearly(kw, message):
    from quotegraph.graph.view import UnknownFocus, focus

    with pytest.raises(UnknownFocus, match=message):
        focus(_neighbourhood_sample(), **kw)


def test_view_undetermined_stance_draws_no_edge_and_topics_show_labels():
    undetermined = (TopicStance("tax", None, 0.2, ("no evidence either way",)),)
    items = [
        stmt("a.txt", 0, "We will look at the fuel tax again next year, we said.", "Ann Lee", topics=undetermined),
        stmt("b.txt", 0, "We must cut the tax on fuel this year for every family.", "Bo Park",
             topics=(TopicStance("tax", "support", 0.8, ()),)),
    ]  # fmt: skip
    data = graph_data(items, topic_labels={"tax": "Cutting fuel tax"})
    stances = [e["stance"] for e in data["edges"] if e["rel"] == "stance"]
    assert stances == ["support"]  # one edge, Bo Park's; Ann Lee's undetermined statement draws none
    assert any(n["kind"] == "topic" and n["label"] == "Cutting fuel tax" for n in data["nodes"])


@pytest.mark.parametrize("org", ["Sen.", "Texas", "House", "White House"])
def test_view_colours_speakers_by_type_never_by_noisy_org_values(org):
    t = (TopicStance("tax", "support", 0.8),)
    items = [
        stmt("a.txt", 0, "We must cut the tax on fuel this year.", "Ann Lee", speaker_org=org, topics=t),
        stmt("b.txt", 0, "The tax cut is good for families.", "Unions", speaker_type="group",
             speaker_id="group/unions", topics=t),
    ]  # fmt: skip
    data = graph_data(items)
    assert list(data["legend"]["types"]) == ["person", "organisation", "group", "document"]
    assert org not in json.dumps(data["legend"])
    colours = {n["name"]: n["color"] for n in data["nodes"] if n["kind"] == "speaker" and not n.get("camp")}
    assert colours["Ann Lee"] == data["legend"]["types"]["person"] != colours["Unions"]


def _two_topics(big: int, small: int) -> list:
    """``big`` speakers on a busy topic (speaker i quoted i+1 times) and ``small`` on a quiet one."""
    items = []
    for i in range(big):
        items += [
            stmt(f"b{i}-{j}.txt", 0, f"The port plan number {j} is the right plan.", f"Port Speaker{i}",
                 topics=(TopicStance("port", "support", 0.8, ()),))
            for j in range(i + 1)
        ]  # fmt: skip
    items += [
        stmt(f"s{i}.txt", 0, "We must cut the tax on fuel this year.", f"Tax Speaker{i}",
             topics=(TopicStance("tax", "oppose", 0.8, ()),))
        for i in range(small)
    ]  # fmt: skip
    return items


def test_view_default_keeps_the_most_quoted_speakers_of_each_topic():
    data = graph_data(_two_topics(30, 3), per_topic=5)
    main = [n for n in data["nodes"] if n["kind"] == "speaker" and not n.get("camp")]
    speakers = {n["name"] for n in main if not n["extra"]}
    # the five busiest of the port topic and every voice of the quiet tax topic (not a global top 8)
    assert speakers == {f"Port Speaker{i}" for i in range(25, 30)} | {f"Tax Speaker{i}" for i in range(3)}
    assert "5 most quoted speakers of each topic (8 of 33 speakers)" in data["notice"] and data["limited"]
    # the others travel hidden, for the page's "show all speakers"
    assert all(n["hidden"] for n in main if n["extra"]) and len(main) == 33
    assert {s["speaker"] for s in data["statements"]} == {n["name"] for n in main}


def test_view_per_topic_zero_and_a_focused_speaker_keep_everyone():
    items = _two_topics(30, 3)
    data = graph_data(items, per_topic=0)
    main = [n for n in data["nodes"] if n["kind"] == "speaker" and not n.get("camp")]
    assert len(main) == 33 and not any(n["extra"] for n in main)
    data = graph_data(items, per_topic=5, focus_speaker="Port Speaker0")
    assert [n["name"] for n in data["nodes"] if n["kind"] == "speaker" and not n.get("camp")] == ["Port Speaker0"]
    assert data["notice"] is None


def test_view_lays_out_every_node_in_python():
    data = graph_data(_two_topics(12, 3), per_topic=0)
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    # the same statements draw the same picture
    again = graph_data(_two_topics(12, 3), per_topic=0)
    assert [(n["x"], n["y"]) for n in data["nodes"]] == [(n["x"], n["y"]) for n in again["nodes"]]


def test_view_article_fields_travel_once_per_article(sample, tmp_path):
    data = _embedded(render_html(merge_statements(sample), tmp_path / "g.html"))
    assert len(data["articles"]) == len({s.article for s in sample})
    row = data["statements"][0]
    assert "title" not in row and data["articles"][row["a"]]["outlet"]


@pytest.mark.parametrize(
    ("text", "width", "lines", "expected"),
    [
        ("Jens Stoltenberg", 18, 2, "Jens Stoltenberg"),
        ("US House Intelligence Committee", 18, 2, "US House\nIntelligence…"),
        ("Western weapons against targets in Russia", 20, 3, "Western weapons\nagainst targets in\nRussia"),
        ("Supercalifragilisticexpialidocious", 10, 2, "Supercali…"),
        ("nato-direct-involvement", 20, 3, "nato-direct-\ninvolvement"),
    ],
)
def test_view_wrap_label_fits_its_place(text, width, lines, expected):
    from quotegraph.graph.view import wrap_label

    assert wrap_label(text, width, lines) == expected


def test_view_who_opposes_whom_one_link_per_position():
    tax = lambda st: (TopicStance("tax", st, 0.9),)  # noqa: E731
    items = [
        stmt(f"{name}{i}.txt", 0, f"Remark {i} on the fuel tax.", name, topics=tax(side))
        for name, side in [("Ann Lee", "support"), ("Bo Park", "oppose"), ("Cy Diaz", "support"), ("Di Ng", "oppose")]
        for i in range(2)
    ]
    data = graph_data(items)
    links = [e for e in data["edges"] if e["rel"] == "position"]
    camps = [n for n in data["nodes"] if n.get("camp")]
    assert len(links) == len(camps) == 4  # four speakers: four links, not 2 x 2 pairs and more
    assert all("«tax»" in e["title"] and "2 remarks" in e["title"] for e in links)
    x = {n["name"]: n["x"] for n in camps}
    topic_x = next(n["vx"] for n in data["nodes"] if n["kind"] == "topic")
    assert x["Ann Lee"] < topic_x < x["Bo Park"] and x["Cy Diaz"] < topic_x < x["Di Ng"]


def test_view_draft_topics_are_named_as_such():
    draft = (TopicStance("proposed-border-wall", None, 0.0, ("topic: border wall", "no proposition yet")),)
    items = [stmt("a.txt", 0, "The border wall will be built.", "Ann Lee", topics=draft)]
    data = graph_data(items, topic_labels={"proposed-border-wall": "border wall"})
    assert data["drafts"] == ["proposed-border-wall"]
    topic = next(n for n in data["nodes"] if n["kind"] == "topic")
    assert topic["draft"] and "without a proposition" in topic["title"]
