"""Statements to a networkx graph, and the derived views analysts ask for.

Nodes are typed (``type`` attribute): ``person``, ``organization`` (speakers and organisations of roles),
``statement`` (one per remark, with its reports), ``topic`` (``name`` is its label), ``article``, ``outlet``,
``venue``. Edges carry a ``rel``: ``said``, ``about`` (one per remark and topic: stance, confidence,
evidence, ``low_confidence`` when a side is below the display threshold), ``position`` (speaker to topic:
the speaker's position from all their remarks, see :mod:`quotegraph.graph.positions`: stance, confidence,
remarks, counts), ``reported_in`` (offsets, text), ``published_by``, ``at_venue``, ``holds_role``,
``responds_to``. Low-confidence stances stay in the graph (marked); the tables below count them apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import networkx as nx
import pandas as pd
from quotegraph.extract.model import Statement, entity_key
from quotegraph.extract.text import slug
from quotegraph.graph import positions as pos

_WORD = re.compile(r"\w+")


def speaker_node(s: Statement) -> str | None:
    return s.speaker_key  # speakers' nodes are their keys: "person/...", "org/...", "agent/..."


def statement_node(s: Statement) -> str:
    return f"statement:{s.statement_id or f'{s.article_key}@{s.start}'}"


def build_graph(
    statements: Iterable[Statement],
    *,
    topic_labels: Mapping[str, str] | None = None,
    min_confidence: float | None = None,
) -> nx.MultiDiGraph:
    """The graph of merged statements (see :func:`quotegraph.graph.merge.merge_statements`), with each
    speaker's positions; stances below ``min_confidence`` (default: the display threshold) are marked
    ``low_confidence`` and vote in no position. ``g.graph["display_threshold"]`` records it and
    ``g.graph["hidden"]`` how many (remark, topic) stances it marks."""
    g = nx.MultiDiGraph()
    threshold = pos.display_threshold() if min_confidence is None else float(min_confidence)
    labels = topic_labels or {}
    items = sorted(statements, key=lambda s: (s.article_key, s.start, s.end))
    items = [s if s.statement_id else _with_remark_id(s) for s in items]
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
            _link_named(g, art, "outlet", s.outlet, "published_by")
        if s.venue:
            _link_named(g, st, "venue", s.venue, "at_venue")
    rows = pos.remark_list(items, topic_labels=labels, min_confidence=threshold)
    for row in rows:
        st, top = f"statement:{row.remark}", f"topic:{row.topic}"
        if top not in g:
            g.add_node(top, type="topic", name=row.topic_label, topic=row.topic)
        g.add_edge(
            st,
            top,
            key="about",
            rel="about",
            stance=row.stance or "",
            confidence=row.confidence,
            low_confidence=row.low_confidence,
            evidence="; ".join(row.evidence),
        )
    for p in pos.positions_from(rows):
        if p.remarks:  # at least one shown remark votes
            g.add_edge(
                p.speaker,
                f"topic:{p.topic}",
                key="position",
                rel="position",
                stance=p.stance or "mixed",
                confidence=p.confidence,
                remarks=len(p.remarks),
                **{side: p.count(side) for side in ("support", "oppose", "neutral", "hidden")},
            )
    g.graph["display_threshold"] = threshold
    g.graph["hidden"] = sum(r.low_confidence for r in rows)
    for s in items:  # replies last, so that an answered speaker's node is the one its statements made
        target = f"statement:{s.replies_to}" if s.replies_to else None
        if target not in statement_ids:
            target = s.replies_to_speaker
            if target and target not in g:
                g.add_node(target, type="agent", name=s.replies_to_name or target.partition("/")[2])
        if target and not g.has_edge(statement_node(s), target, key="responds_to"):
            g.add_edge(statement_node(s), target, key="responds_to", rel="responds_to")
    return g


def _link_named(g: nx.MultiDiGraph, source: str, kind: str, name: str, rel: str) -> None:
    """An edge ``rel`` (once) from ``source`` to the ``kind`` node of ``name`` ("outlet:daily-herald"),
    made on first use."""
    node = f"{kind}:{slug(name)}"
    if node not in g:
        g.add_node(node, type=kind, name=name)
    if not g.has_edge(source, node, key=rel):
        g.add_edge(source, node, key=rel, rel=rel)


def _with_remark_id(s: Statement) -> Statement:
    """A statement not merged: its remark (utterance, else its own report) as its id."""
    from dataclasses import replace

    return replace(s, statement_id=pos.remark_key(s))


def _speaker_of(g: nx.MultiDiGraph, statement: str) -> str | None:
    for sp, _, data in g.in_edges(statement, data=True):
        if data.get("rel") == "said":
            return sp
    return None


def _speaker_topic(g: nx.MultiDiGraph, sp: str, top: str) -> dict:
    """The four leading columns of a speaker-topic row: speaker, speaker_name, topic (id), topic_label."""
    return {
        "speaker": sp,
        "speaker_name": g.nodes[sp].get("name") or sp,
        "topic": g.nodes[top].get("topic") or top.removeprefix("topic:"),
        "topic_label": g.nodes[top].get("name") or top,
    }


def stance_rows(g: nx.MultiDiGraph) -> list[dict]:
    """One row per remark and topic (an ``about`` edge): speaker (key), speaker_name, topic (id),
    topic_label, stance ("" undetermined), confidence, low_confidence, date, statement, reports."""
    rows = []
    for st, top, data in g.edges(data=True):
        if data.get("rel") != "about":
            continue
        sp = _speaker_of(g, st)
        if sp is None:
            continue
        rows.append(
            {
                **_speaker_topic(g, sp, top),
                "stance": data.get("stance") or "",
                "confidence": data.get("confidence", 0.0),
                "low_confidence": bool(data.get("low_confidence")),
                "date": g.nodes[st].get("date"),
                "statement": st,
                "reports": g.nodes[st].get("reports", 1),
            }
        )
    return rows


def stance_matrix(g: nx.MultiDiGraph) -> pd.DataFrame:
    """Speaker x topic in remarks, the columns of :func:`quotegraph.graph.positions.stance_table`:
    support / oppose / neutral at or above the graph's display threshold, undetermined, hidden (below it),
    remarks, reports, net, first and last date."""
    import math

    columns = pos.TABLE_COLUMNS
    cells: dict[tuple[str, str], list[dict]] = {}
    for row in stance_rows(g):
        cells.setdefault((row["speaker"], row["topic"]), []).append(row)
    out = []
    for (speaker, topic), cell in sorted(cells.items()):
        kinds = ["hidden" if r["low_confidence"] else (r["stance"] or "undetermined") for r in cell]
        c = {k: kinds.count(k) for k in ("support", "oppose", "neutral", "undetermined", "hidden")}
        determined = c["support"] + c["oppose"] + c["neutral"]
        dates = sorted(r["date"] for r in cell if r["date"])
        out.append(
            {
                "speaker": speaker,
                "speaker_name": cell[0]["speaker_name"],
                "topic": topic,
                "topic_label": cell[0]["topic_label"],
                **c,
                "remarks": len(cell),
                "reports": sum(r["reports"] for r in cell),
                "net": (c["support"] - c["oppose"]) / determined if determined else math.nan,
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
            }
        )
    return pd.DataFrame(out, columns=columns)


def position_rows(g: nx.MultiDiGraph) -> pd.DataFrame:
    """The speakers' positions in the graph (``position`` edges): speaker, speaker_name, topic,
    topic_label, stance (support/oppose/neutral/mixed), confidence, remarks and counts per side."""
    columns = ["speaker", "speaker_name", "topic", "topic_label", "stance", "confidence", "remarks",
               "support", "oppose", "neutral", "hidden"]  # fmt: skip
    rows = []
    for sp, top, data in g.edges(data=True):
        if data.get("rel") == "position":
            rows.append({**_speaker_topic(g, sp, top), **{k: data.get(k) for k in columns[4:]}})
    return pd.DataFrame(rows, columns=columns).sort_values(["topic", "speaker"], ignore_index=True)


def agreement(g: nx.MultiDiGraph, topic: str | None = None) -> pd.DataFrame:
    """Speaker pairs that agree or disagree on a topic (id or label), by their positions (support or
    oppose, at or above the graph's display threshold)."""
    threshold = g.graph.get("display_threshold", pos.display_threshold())
    frame = position_rows(g)
    frame = frame[frame["stance"].isin(["support", "oppose"]) & (frame["confidence"] >= threshold)]
    if topic is not None:
        frame = frame[(frame["topic"] == topic) | (frame["topic_label"] == topic)]
    rows = []
    for top, grp in frame.groupby("topic", sort=True):
        held = grp.sort_values("speaker_name")
        records = list(held.itertuples(index=False))
        for i, a in enumerate(records):
            for b in records[i + 1 :]:
                rows.append(
                    {
                        "topic": top,
                        "speaker_a": a.speaker_name,
                        "speaker_b": b.speaker_name,
                        "stance_a": a.stance,
                        "stance_b": b.stance,
                        "relation": "agree" if a.stance == b.stance else "disagree",
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
