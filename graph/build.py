"""Statements to a networkx graph, and the derived views analysts ask for.

Nodes are typed (``type`` attribute): ``person``, ``organization`` (speakers and organisations of roles),
``statement`` (one per remark, with its reports), ``topic``, ``article``, ``outlet``, ``venue``. Edges
carry a ``rel``: ``said``, ``about`` (stance, confidence, evidence), ``reported_in`` (offsets, text),
``published_by``, ``at_venue``, ``holds_role``, ``responds_to``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pandas as pd
from quotegraph.extract.model import Statement, entity_key
from quotegraph.extract.text import slug

_WORD = re.compile(r"\w+")


def speaker_node(s: Statement) -> str | None:
    return s.speaker_key  # speakers' nodes are their keys: "person/...", "org/...", "agent/..."


def statement_node(s: Statement) -> str:
    return f"statement:{s.statement_id or f'{s.article_key}@{s.start}'}"


def build_graph(statements: Iterable[Statement]) -> nx.MultiDiGraph:
    """The graph of merged statements (see :func:`quotegraph.graph.merge.merge_statements`)."""
    g = nx.MultiDiGraph()
    items = sorted(statements, key=lambda s: (s.article_key, s.start, s.end))
    statement_ids = {statement_node(s) for s in items}
    for s in items:
        st = statement_node(s)
        if st not in g:
            g.add_node(st, type="statement", text=s.quote, kind=s.kind, speaker=s.speaker or "", reports=0)
        g.nodes[st]["reports"] += 1
        date = s.statement_date or s.published
        if date and (not g.nodes[st].get("date") or date < g.nodes[st]["date"]):
            g.nodes[st]["date"] = date

        sp = speaker_node(s)
        if sp:
            if sp not in g:
                g.add_node(sp, type=s.speaker_type or "agent", name=s.speaker or "")
            if not g.has_edge(sp, st, key="said"):
                g.add_edge(sp, st, key="said", rel="said")
            if s.speaker_org:
                org = entity_key(s.speaker_org, "organization")
                if org not in g:
                    g.add_node(org, type="organization", name=s.speaker_org)
                key = f"holds_role:{s.speaker_role or ''}"
                if not g.has_edge(sp, org, key=key):
                    g.add_edge(sp, org, key=key, rel="holds_role", role=s.speaker_role or "")

        art = f"article:{s.article_key}"
        if art not in g:
            g.add_node(art, type="article", name=s.article, title=s.title or "", published=s.published or "")
            if s.article_id:
                g.nodes[art]["source"] = s.article_id
        g.add_edge(st, art, key=f"reported_in:{s.start}", rel="reported_in", start=s.start, end=s.end, text=s.quote)
        if s.outlet:
            out = f"outlet:{slug(s.outlet)}"
            if out not in g:
                g.add_node(out, type="outlet", name=s.outlet)
            if not g.has_edge(art, out, key="published_by"):
                g.add_edge(art, out, key="published_by", rel="published_by")
        if s.venue:
            ven = f"venue:{slug(s.venue)}"
            if ven not in g:
                g.add_node(ven, type="venue", name=s.venue)
            if not g.has_edge(st, ven, key="at_venue"):
                g.add_edge(st, ven, key="at_venue", rel="at_venue")
        for ts in s.topics or ():
            top = f"topic:{ts.topic}"
            if top not in g:
                g.add_node(top, type="topic", name=ts.topic)
            key = f"about:{ts.stance}"
            if not g.has_edge(st, top, key=key):
                g.add_edge(
                    st,
                    top,
                    key=key,
                    rel="about",
                    stance=ts.stance or "",
                    confidence=ts.confidence,
                    evidence="; ".join(ts.evidence),
                )
        if s.topic and not s.topics:
            top = f"topic:{s.topic}"
            if top not in g:
                g.add_node(top, type="topic", name=s.topic)
            key = f"about:{s.stance}"
            if not g.has_edge(st, top, key=key):
                g.add_edge(st, top, key=key, rel="about", stance=s.stance or "", confidence=0.0, evidence="")
    for s in items:  # replies last, so that an answered speaker's node is the one its statements made
        target = f"statement:{s.replies_to}" if s.replies_to else None
        if target not in statement_ids:
            target = s.replies_to_speaker
            if target and target not in g:
                g.add_node(target, type="agent", name=s.replies_to_name or target.partition("/")[2])
        if target and not g.has_edge(statement_node(s), target, key="responds_to"):
            g.add_edge(statement_node(s), target, key="responds_to", rel="responds_to")
    return g


def _speaker_of(g: nx.MultiDiGraph, statement: str) -> str | None:
    for sp, _, data in g.in_edges(statement, data=True):
        if data.get("rel") == "said":
            return sp
    return None


def stance_rows(g: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for st, top, data in g.edges(data=True):
        if data.get("rel") != "about":
            continue
        sp = _speaker_of(g, st)
        if sp is None:
            continue
        rows.append(
            {
                "speaker": g.nodes[sp].get("name") or sp,
                "topic": g.nodes[top].get("name") or top,
                "stance": data.get("stance") or "none",
                "date": g.nodes[st].get("date"),
                "statement": st,
            }
        )
    return rows


def stance_matrix(g: nx.MultiDiGraph) -> pd.DataFrame:
    """Speaker x topic: support / oppose / neutral counts over remarks, share supporting, first and last date."""
    rows = stance_rows(g)
    columns = ["speaker", "topic", "support", "oppose", "neutral", "support_share", "first", "last"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows)
    out = []
    for (speaker, topic), grp in frame.groupby(["speaker", "topic"], sort=True):
        c = Counter(grp["stance"])
        total = c["support"] + c["oppose"] + c["neutral"]
        dates = sorted(d for d in grp["date"] if d)
        out.append(
            {
                "speaker": speaker,
                "topic": topic,
                "support": c["support"],
                "oppose": c["oppose"],
                "neutral": c["neutral"],
                "support_share": c["support"] / total if total else 0.0,
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
            }
        )
    return pd.DataFrame(out, columns=columns)


def agreement(g: nx.MultiDiGraph, topic: str | None = None) -> pd.DataFrame:
    """Speaker pairs that agree or disagree on a topic (by each speaker's majority stance)."""
    matrix = stance_matrix(g)
    if topic is not None:
        matrix = matrix[matrix["topic"] == topic]
    rows = []
    for top, grp in matrix.groupby("topic", sort=True):
        majority = {}
        for _, r in grp.iterrows():
            counts = {"support": r["support"], "oppose": r["oppose"]}
            if counts["support"] != counts["oppose"]:
                majority[r["speaker"]] = max(counts, key=lambda k: counts[k])
        speakers = sorted(majority)
        for i, a in enumerate(speakers):
            for b in speakers[i + 1 :]:
                rows.append(
                    {
                        "topic": top,
                        "speaker_a": a,
                        "speaker_b": b,
                        "stance_a": majority[a],
                        "stance_b": majority[b],
                        "relation": "agree" if majority[a] == majority[b] else "disagree",
                    }
                )
    return pd.DataFrame(rows, columns=["topic", "speaker_a", "speaker_b", "stance_a", "stance_b", "relation"])


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_GEXF_RESERVED = {"start": "char_start", "end": "char_end", "label": "label_text", "id": "node_id"}
"""networkx reads ``start``/``end`` as time intervals (a dynamic graph in Gephi): offsets get other names."""


def _gexf_value(value: object) -> str | int | float | bool:
    if isinstance(value, bool | int | float):
        return value
    return _XML_INVALID.sub("", value if isinstance(value, str) else str(value))


def _gexf_attrs(data: dict) -> dict:
    return {_GEXF_RESERVED.get(k, k): _gexf_value(v) for k, v in data.items() if v is not None}


def write_gexf(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """The graph as GEXF for Gephi: a static graph (character offsets are attributes ``char_start`` and
    ``char_end``, never time intervals), node labels are names, attribute values typed (text, integer,
    float, boolean), and characters XML cannot hold (control characters) left out, so the file is valid."""
    from quotegraph.extract.atomic import atomic_write

    clean = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        attrs = _gexf_attrs(data)
        attrs["label"] = _gexf_value(data.get("name") or data.get("text") or n)
        if data.get("type") == "statement":
            text = str(attrs["label"])
            attrs["label"] = text if len(text) <= 80 else text[:77] + "..."
        clean.add_node(_gexf_value(n), **attrs)
    for u, v, k, data in g.edges(keys=True, data=True):
        clean.add_edge(_gexf_value(u), _gexf_value(v), key=_gexf_value(k), **_gexf_attrs(data))
    path = Path(path)
    with atomic_write(path, "wb") as f:
        nx.write_gexf(clean, f)
    return path
