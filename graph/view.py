"""The interactive HTML view: speakers, topics and stance edges, with the statements behind them.

The page is one self-contained file: vis-network (shipped inside the pyvis package) and the CSS are
inlined, so it opens offline and loads nothing from the web. Article text travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the page renders it
with ``textContent`` only: a quote holding ``<script>`` shows as text and runs nothing.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from quotegraph.extract.atomic import atomic_write
from quotegraph.extract.model import Statement
from quotegraph.extract.text import fold

log = logging.getLogger(__name__)

STANCE_COLOURS = {"support": "#2e7d32", "oppose": "#c62828", "neutral": "#9e9e9e"}
PALETTE = (
    "#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
)  # fmt: skip
TOPIC_COLOUR = "#f2c14e"
PER_TOPIC = 20
"""Speakers per topic in the default view (the most quoted on it)."""


def _vis_js() -> str:
    import pyvis

    base = Path(pyvis.__file__).parent
    for rel in ("templates/lib/vis-9.1.2/vis-network.min.js", "lib/vis-9.1.2/vis-network.min.js"):
        path = base / rel
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError("vis-network.min.js not found in the pyvis package")


def graph_data(
    statements: Iterable[Statement],
    *,
    max_nodes: int = 1500,
    per_topic: int = PER_TOPIC,
    focus_topic: str | None = None,
    focus_speaker: str | None = None,
    topic_labels: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Nodes, edges and the statements behind them, aggregated: one edge per speaker, topic and stance
    (a support and an oppose edge between the same two nodes stay two edges), reply edges between
    speakers. ``per_topic`` keeps the most quoted speakers of each topic (without topics, ``per_topic``
    times four overall; 0 keeps all; a focused speaker's neighbourhood is never cut), ``max_nodes``
    caps the speakers shown (the busiest of each topic in turn); ``notice`` says what was left out."""
    from pyvis.network import Network

    labels = topic_labels or {}
    items = focus(statements, topic=focus_topic, speaker=focus_speaker, topic_labels=labels)
    items.sort(key=lambda s: (s.article, s.start))
    counts = Counter(s.speaker_key for s in items)
    topics = sorted(topic_ids(items))
    notice = None
    if per_topic > 0 and not focus_speaker:
        chosen = _top_per_topic(items, per_topic)
        if len(chosen) < len(counts):
            items = [s for s in items if s.speaker_key in chosen]
            notice = (
                f"Showing the {per_topic} most quoted speakers of each topic ({len(chosen)} of {len(counts)} "
                f"speakers, {len(items):,} statements); view --per-topic 0 shows all."
            )
            counts = Counter(s.speaker_key for s in items)
    speaker_budget = max(1, max_nodes - len(topics))
    if len(counts) > speaker_budget:
        kept = _most_quoted_per_topic(items, speaker_budget)
        notice = (notice + " " if notice else "") + (
            f"Showing the {len(kept)} most quoted of {len(counts)} speakers, the most quoted of each topic "
            f"first (cap: {max_nodes} nodes)."
        )
        items = [s for s in items if s.speaker_key in kept]
        counts = Counter(s.speaker_key for s in items)
    # the most frequent organisations get the colours (a legend of the first few by the alphabet tells nothing)
    org_counts = Counter(s.speaker_org for s in items if s.speaker_org)
    orgs = _by_count(org_counts)[: len(PALETTE)]
    org_colour = {o: PALETTE[i] for i, o in enumerate(orgs)}

    net = Network(directed=True)
    rows: list[dict[str, Any]] = []
    articles: dict[tuple[Any, ...], int] = {}
    node_ids: dict[str, int] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    names: dict[str, str] = {}
    for s in items:
        names.setdefault(s.speaker_key, s.speaker or "")
    for i, s in enumerate(items):
        key = s.speaker_key
        # what belongs to the article travels once per article (the page copies it back to each row)
        art = articles.setdefault((s.article, s.outlet, s.url, s.title), len(articles))
        rows.append(
            {
                "i": i,
                "speaker": s.speaker,
                "speaker_key": key,
                "role": s.speaker_role,
                "org": s.speaker_org,
                "quote": s.quote,
                "cue": s.cue,
                "topic": s.topic,
                "stance": s.stance,
                "date": s.statement_date or s.published,
                "venue": s.venue,
                "statement_id": s.statement_id,
                "a": art,
            }
        )
        pairs = [(t.topic, t.stance) for t in s.topics] or ([(s.topic, s.stance)] if s.topic else [])
        for topic, stance in pairs:
            if stance is None:
                continue  # undetermined (no evidence either way): no stance edge, never a neutral one
            e = edges.setdefault((key, f"topic/{topic}", stance), {"statements": []})
            e["statements"].append(i)
        if s.replies_to_speaker:
            target = s.replies_to_speaker
            if target not in names:
                names[target] = s.replies_to_name or target.partition("/")[2]
            e = edges.setdefault((key, target, "reply"), {"statements": []})
            e["statements"].append(i)

    def node_id(key: str) -> int:
        if key not in node_ids:
            node_ids[key] = len(node_ids) + 1
        return node_ids[key]

    nodes: list[dict[str, Any]] = []
    for key in sorted(names):
        org = next((s.speaker_org for s in items if s.speaker_key == key and s.speaker_org), None)
        n = counts.get(key, 0)
        nodes.append(
            {
                "id": node_id(key),
                "key": key,
                "label": names[key],
                "kind": "speaker",
                "org": org,
                "statements": n,
                "shape": "dot",
                "size": 12 + 6 * min(n, 12) ** 0.8,
                "value": n,
                "color": org_colour.get(org, "#607d8b"),
                "title": f"{names[key]} · {n} statement(s)" + (f" · {org}" if org else ""),
            }
        )
    for topic in topics:
        key = f"topic/{topic}"
        nodes.append(
            {
                "id": node_id(key),
                "key": key,
                "label": labels.get(topic, topic),
                "kind": "topic",
                "shape": "box",
                "font": {"size": 48, "color": "#222222"},  # topics are named at any zoom
                "color": TOPIC_COLOUR,
                "title": f"topic: {labels.get(topic, topic)} ({topic})",
            }
        )
    for node in nodes:
        net.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    edge_list = []
    for n, ((src, dst, rel), e) in enumerate(sorted(edges.items())):
        count = len(e["statements"])
        reply = rel == "reply"
        edge_list.append(
            {
                "id": f"e{n}",
                "from": node_id(src),
                "to": node_id(dst),
                "rel": "reply" if reply else "stance",
                "stance": None if reply else rel,
                "topic": None if reply else dst.split("/", 1)[1],
                "statements": e["statements"],
                "width": 1 + 1.5 * min(count, 10),
                "color": "#546e7a" if reply else STANCE_COLOURS.get(rel, "#9e9e9e"),
                "dashes": reply,
                "arrows": "to",
                "title": f"{'replies to' if reply else rel} · {count} statement(s)",
            }
        )
    edge_list += _versus_edges(items, node_id, len(edge_list))
    # a speaker with no edge at all (quoted on no topic, in no reply) would only ever be hidden: their
    # statements stay in the panel's data (the speaker list still finds them), the node goes
    linked = {e["from"] for e in edge_list} | {e["to"] for e in edge_list}
    net.nodes = [n for n in net.nodes if n["id"] in linked or n["kind"] == "topic"]
    # pyvis's add_edge checks every existing edge (quadratic) and merges parallel edges: append directly
    net.edges.extend(edge_list)
    _place(net.nodes, edge_list)
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "statements": rows,
        "articles": [dict(zip(("article", "outlet", "url", "title"), a, strict=True)) for a in articles],
        "notice": notice,
        "legend": {"stance": STANCE_COLOURS, "orgs": org_colour, "topic": TOPIC_COLOUR},
        "topic_labels": {t: labels.get(t, t) for t in topics},
    }


def _safe_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _by_count(counts: Counter[str]) -> list[str]:
    """The keys of ``counts``, the most counted first (ties by key)."""
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _speaker_counts(items: list[Statement]) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Statements per speaker key: per topic, and overall."""
    per_topic: dict[str, Counter[str]] = {}
    overall: Counter[str] = Counter()
    for s in items:
        overall[s.speaker_key] += 1
        for t in set(_topics_of(s)):
            per_topic.setdefault(t, Counter())[s.speaker_key] += 1
    return per_topic, overall


def _top_per_topic(items: list[Statement], n: int) -> set[str]:
    """The ``n`` most quoted speakers of each topic (ties by key) and the ``n`` most quoted overall
    (those quoted on no topic too); without any topic, the ``4 * n`` most quoted overall."""
    per_topic, overall = _speaker_counts(items)
    ranked = [_by_count(c)[:n] for c in per_topic.values()]
    ranked.append(_by_count(overall)[: n if per_topic else 4 * n])
    return {k for r in ranked for k in r}


def _most_quoted_per_topic(items: list[Statement], budget: int) -> set[str]:
    """Up to ``budget`` speakers: the most quoted of each topic in turn (round robin over topics, so a
    small topic keeps its voices), then the most quoted overall."""
    per_topic, overall = _speaker_counts(items)
    queues = [_by_count(c) for _, c in sorted(per_topic.items())]
    kept: set[str] = set()
    depth = 0
    while len(kept) < budget and any(depth < len(q) for q in queues):
        for q in queues:
            if depth < len(q) and len(kept) < budget:
                kept.add(q[depth])
        depth += 1
    for k in _by_count(overall):
        if len(kept) >= budget:
            break
        kept.add(k)
    return kept


VERSUS_SPEAKERS = 30
"""Per topic, the most quoted speakers with a stance who get "who opposes whom" edges."""


def _versus_edges(items: list[Statement], node_id: Any, first: int) -> list[dict[str, Any]]:
    """Speaker-to-speaker edges of the "who opposes whom" mode: per topic, two speakers whose stances
    (their statements' majority, support or oppose) differ are joined by an "opposes" edge, alike by an
    "agrees" edge, weighted by the statements behind both. Hidden until the mode is chosen."""
    by_topic: dict[str, dict[str, Counter[str]]] = {}
    statements: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(items):
        for t in s.topics or ():
            if t.stance in ("support", "oppose"):
                by_topic.setdefault(t.topic, {}).setdefault(s.speaker_key, Counter())[t.stance] += 1
                statements.setdefault((t.topic, s.speaker_key), []).append(i)
    out: list[dict[str, Any]] = []
    for topic, speakers in sorted(by_topic.items()):
        ranked = sorted(speakers.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:VERSUS_SPEAKERS]
        sides = {k: c.most_common(1)[0][0] for k, c in ranked if c["support"] != c["oppose"]}
        keys = sorted(sides)
        for a_i, a in enumerate(keys):
            for b in keys[a_i + 1 :]:
                rel = "agrees" if sides[a] == sides[b] else "opposes"
                behind = statements[(topic, a)] + statements[(topic, b)]
                out.append(
                    {
                        "id": f"v{first + len(out)}",
                        "from": node_id(a),
                        "to": node_id(b),
                        "rel": rel,
                        "topic": topic,
                        "stance": None,
                        "statements": sorted(behind),
                        # opposition is the question: agreement is drawn thin and pale behind it
                        "width": (1.5 + 1.5 * min(len(behind), 10)) if rel == "opposes" else 1,
                        "color": "#c62828" if rel == "opposes" else "rgba(46,125,50,0.3)",
                        "dashes": rel == "agrees",
                        "hidden": True,
                        "title": f"{rel} on {topic} · {len(behind)} statement(s)",
                    }
                )
    return out


def _place(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    """Positions computed here (networkx), so the page draws at once with physics off. Topics sit on a
    circle and each speaker starts between the topics they speak on, then a force layout of the stance
    and reply edges (topics held) settles them: one cluster per topic, speakers of several topics
    between them. Seeded, so the same build draws the same picture; scaled to the canvas."""
    import math
    import random

    import networkx as nx

    if not nodes:
        return
    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    for e in edges:
        if e["rel"] in ("stance", "reply"):
            w = len(e["statements"])
            g.add_edge(e["from"], e["to"], weight=g.get_edge_data(e["from"], e["to"], {"weight": 0})["weight"] + w)
    n = g.number_of_nodes()
    topics = [node["id"] for node in nodes if node["kind"] == "topic"]
    if len(topics) < 2:
        pos = nx.spring_layout(g, seed=7, iterations=60 if n > 400 else 120, weight=None, k=1.6 / max(1, n) ** 0.5)
        scale = 90 * max(1.0, n**0.5)
    else:
        rng = random.Random(7)
        start: dict[Any, tuple[float, float]] = {}
        for i, t in enumerate(topics):
            angle = 2 * math.pi * i / len(topics)
            start[t] = (math.cos(angle), math.sin(angle))
        for v in g.nodes:
            if v in start:
                continue
            near = [start[u] for u in g.neighbors(v) if u in start]
            x = sum(p[0] for p in near) / len(near) if near else 0.0
            y = sum(p[1] for p in near) / len(near) if near else 0.0
            start[v] = (x * 0.8 + rng.uniform(-0.15, 0.15), y * 0.8 + rng.uniform(-0.15, 0.15))
        pos = nx.spring_layout(g, pos=start, fixed=topics, seed=7, iterations=50, weight=None, k=2.2 / max(4, n) ** 0.5)
        scale = 45 * max(4.0, n**0.5)
    for node in nodes:
        x, y = pos[node["id"]]
        node["x"], node["y"] = round(float(x) * scale, 1), round(float(y) * scale, 1)


class UnknownFocus(ValueError):
    """A topic or speaker to focus on that no statement has."""


def _topics_of(s: Statement) -> list[str]:
    """The topics a statement is about: those of its stances, else its main topic."""
    return [x.topic for x in s.topics] or ([s.topic] if s.topic else [])


def topic_ids(statements: Iterable[Statement]) -> set[str]:
    return {t for s in statements for t in _topics_of(s)}


def focus(
    statements: Iterable[Statement],
    *,
    topic: str | None = None,
    speaker: str | None = None,
    topic_labels: dict[str, str] | None = None,
) -> list[Statement]:
    """The statements a focused view shows. ``topic``: its id or label (``topic_labels`` maps ids to
    labels), the statements about it. ``speaker``: a name, entity id or key; the speaker's own
    statements and those that answer them (the neighbourhood), nothing else. UnknownFocus when no
    statement has the topic or speaker, listing what there is."""
    items = [s for s in statements if s.speaker]
    if topic:
        known = topic_ids(items)
        labels = topic_labels or {}
        wanted = topic if topic in known else next((i for i, lab in labels.items() if fold(lab) == fold(topic)), None)
        if wanted is None or wanted not in known:
            shown = ", ".join(sorted(f"{i} ({labels[i]})" if i in labels else i for i in known)) or "none"
            raise UnknownFocus(f"no statement is about the topic {topic!r}; topics: {shown}")
        items = [s for s in items if s.topic == wanted or any(t.topic == wanted for t in s.topics)]
    if speaker:
        keys = {s.speaker_key for s in items if speaker in (s.speaker, s.speaker_id, s.speaker_key)}
        keys |= {k for k in {s.speaker_key for s in items} if k and fold(speaker) == fold(k.partition("/")[2])}
        if not keys:
            raise UnknownFocus(f"no statement by the speaker {speaker!r}")
        items = [s for s in items if s.speaker_key in keys or s.replies_to_speaker in keys]
    return items


def render_html(
    statements: Iterable[Statement],
    path: str | Path,
    *,
    title: str = "quotegraph",
    max_nodes: int = 1500,
    per_topic: int = PER_TOPIC,
    focus_topic: str | None = None,
    focus_speaker: str | None = None,
    topic_labels: dict[str, str] | None = None,
) -> Path:
    """Write the self-contained interactive view of ``statements`` to ``path``."""
    data = graph_data(
        statements,
        max_nodes=max_nodes,
        per_topic=per_topic,
        focus_topic=focus_topic,
        focus_speaker=focus_speaker,
        topic_labels=topic_labels,
    )
    template = resources.files("quotegraph.graph").joinpath("templates/view.html").read_text("utf-8")
    import html as html_lib

    page = (
        template.replace("{{TITLE}}", html_lib.escape(title))
        .replace("/*{{VIS_JS}}*/", _vis_js().replace("</script", "<\\/script"))
        .replace("{{DATA}}", _safe_json(data))
    )
    path = Path(path)
    with atomic_write(path) as f:
        f.write(page)
    log.info("wrote %s (%d nodes, %d edges)", path, len(data["nodes"]), len(data["edges"]))
    return path
