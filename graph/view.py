"""The interactive HTML view: speakers, topics and stance edges, with the statements behind them.

The page is one self-contained file: vis-network (shipped inside the pyvis package) and the CSS are
inlined, so it opens offline and loads nothing from the web. Article text travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the page renders it
with ``textContent`` only: a quote holding ``<script>`` shows as text and runs nothing.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from quotegraph.extract.atomic import atomic_write
from quotegraph.extract.model import KEY_PREFIX, Statement
from quotegraph.extract.text import fold

log = logging.getLogger(__name__)

STANCE_COLOURS = {"support": "#2e7d32", "oppose": "#c62828", "neutral": "#9e9e9e"}
TYPE_COLOURS = {"person": "#1f77b4", "organization": "#9467bd", "group": "#17becf", "document": "#8c564b"}
"""Speakers are coloured by what they are (a legend of speaker_org values would list titles and places)."""
TYPE_NAMES = {"person": "person", "organization": "organisation", "group": "group", "document": "document"}
OTHER_COLOUR = "#78909c"
TOPIC_COLOUR = "#f2c14e"
DRAFT_COLOUR = "#fff3c4"
PER_TOPIC = 20
"""Speakers per topic in the default view (the most quoted on it)."""

# the layout grid, in canvas units: each speaker owns a cell big enough for its dot and a two-line label
CELL_W, CELL_H = 150.0, 84.0
NODE_TOP = 26.0  # a dot's centre below its cell's top
SPEAKER_FONT = 12
SPEAKER_CHARS = 18
TOPIC_CHARS = 20
TOPIC_LINES = 3
TOPIC_SIZE = 20.0
PAD = 30.0
BLOCK_GAP = 110.0
COLUMN = 6
BUSY = 40  # speakers with a side, above which links out of a speaker's own map are drawn light
CHAR_W = 0.62  # a generous average glyph width (in font sizes) of the page's sans-serif


def _vis_js() -> str:
    import pyvis

    base = Path(pyvis.__file__).parent
    for rel in ("templates/lib/vis-9.1.2/vis-network.min.js", "lib/vis-9.1.2/vis-network.min.js"):
        path = base / rel
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError("vis-network.min.js not found in the pyvis package")


def wrap_label(text: str, width: int, lines: int) -> str:
    """``text`` broken at spaces into at most ``lines`` lines of at most ``width`` characters; what does
    not fit is cut with an ellipsis (the node's tooltip keeps the whole)."""
    # a line may break at a space or after a hyphen ("nato-direct-|involvement")
    words = [w for w in re.split(r"\s+|(?<=-)(?=\w)", text) if w]
    out: list[str] = []
    line = ""
    for w in words:
        if len(w) > width:
            w = w[: width - 1] + "…"
        glue = "" if line.endswith("-") else " "
        if not line:
            line = w
        elif len(line) + len(glue) + len(w) <= width:
            line += glue + w
        else:
            out.append(line)
            line = w
    if line:
        out.append(line)
    if len(out) > lines:
        last = out[lines - 1]
        out = [*out[: lines - 1], (last[: width - 1] if len(last) >= width else last) + "…"]
    return "\n".join(out)


def _remark_of(s: Statement) -> str:
    from quotegraph.graph.positions import remark_key

    return remark_key(s)


def graph_data(
    statements: Iterable[Statement],
    *,
    max_nodes: int = 1500,
    per_topic: int = PER_TOPIC,
    focus_topic: str | None = None,
    focus_speaker: str | None = None,
    topic_labels: dict[str, str] | None = None,
    propositions: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """Nodes, edges and the statements behind them. Counts are remarks (merged statements): one stance
    edge per speaker, topic and side, its width the remarks behind it; a remark's side on a topic is
    its most confident report's (:mod:`quotegraph.graph.positions`), and sides below the display
    threshold travel as low-confidence edges the page hides until asked. ``per_topic`` marks all but the
    most quoted speakers of each topic as extra (hidden until "show all"; 0 marks none; a focused
    speaker's neighbourhood is never cut); ``max_nodes`` caps the speakers in the page. The "who opposes
    whom" mode draws, per topic, the camps: each speaker's position (supporters left, opponents right),
    one link per position, from :func:`quotegraph.graph.positions.positions`."""
    from quotegraph.graph import positions as pos_mod

    labels = dict(topic_labels or {})
    props = propositions or {}
    threshold = pos_mod.display_threshold()
    items = focus(statements, topic=focus_topic, speaker=focus_speaker, topic_labels=labels)
    items.sort(key=lambda s: (s.article, s.start))
    remarks_all = pos_mod.remark_list(items, topic_labels=labels, min_confidence=threshold)
    per_topic_counts, overall = _remark_counts(items, remarks_all)
    notice_parts: list[str] = []
    total_speakers = len(overall)
    speaker_budget = max(1, max_nodes - len(per_topic_counts))
    if len(overall) > speaker_budget:
        kept = _most_quoted_per_topic(per_topic_counts, overall, speaker_budget)
        notice_parts.append(
            f"The page holds the {len(kept)} most quoted of {total_speakers} speakers (cap: {max_nodes} nodes; "
            "view --max-nodes to change)."
        )
        items = [s for s in items if s.speaker_key in kept]
        remarks_all = [r for r in remarks_all if r.speaker in kept]
        per_topic_counts, overall = _remark_counts(items, remarks_all)
    top: set[str] | None = None
    if per_topic > 0 and not focus_speaker:
        chosen = _top_per_topic(per_topic_counts, overall, per_topic)
        if len(chosen) < len(overall):
            top = chosen
    topics = sorted(per_topic_counts, key=lambda t: (-sum(per_topic_counts[t].values()), t))
    drafts = _draft_topics(items)
    drafts |= {t for t in topics if t in props and not props[t]}

    rows: list[dict[str, Any]] = []
    articles: dict[tuple[Any, ...], int] = {}
    rows_of: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    types: dict[str, Counter[str]] = {}
    for s in items:
        names.setdefault(s.speaker_key, s.speaker or "")
        types.setdefault(s.speaker_key, Counter())[s.speaker_type or ""] += 1
    by_remark_topic = {(r.remark, r.topic): r for r in remarks_all}
    topics_of_remark: dict[str, list[str]] = {}
    for r in remarks_all:
        topics_of_remark.setdefault(r.remark, []).append(r.topic)
    reply_edges: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(items):
        key = s.speaker_key
        rm = _remark_of(s)
        rows_of.setdefault(rm, []).append(i)
        # what belongs to the article travels once per article (the page copies it back to each row)
        art = articles.setdefault((s.article, s.outlet, s.url, s.title), len(articles))
        ts = []
        for t in topics_of_remark.get(rm, ()):
            r = by_remark_topic[(rm, t)]
            ts.append([t, r.stance, 1 if r.low_confidence else 0])
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
                "ts": ts,
                "date": s.statement_date or s.published,
                "venue": s.venue,
                "statement_id": s.statement_id,
                "rm": rm,
                "a": art,
            }
        )
        if s.replies_to_speaker:
            target = s.replies_to_speaker
            if target not in names:
                names[target] = s.replies_to_name or target.partition("/")[2]
            reply_edges.setdefault((key, target), []).append(i)

    # stance edges: per speaker, topic and side, the remarks behind it (low-confidence ones apart)
    stance_edges: dict[tuple[str, str, str, bool], list[str]] = {}
    hidden_low = 0
    about: dict[tuple[str, str], list[str]] = {}
    for r in remarks_all:
        if r.stance is None and r.speaker is not None and r.topic in drafts:
            about.setdefault((r.speaker, r.topic), []).append(r.remark)  # a draft topic: who speaks on it
        if r.stance is None or r.speaker is None:
            continue  # undetermined (no evidence either way): no stance edge, never a neutral one
        hidden_low += r.low_confidence
        stance_edges.setdefault((r.speaker, r.topic, r.stance, r.low_confidence), []).append(r.remark)
    pos_list = [p for p in pos_mod.positions_from(remarks_all) if p.speaker in names]
    main_side = _main_sides(pos_list, per_topic_counts)

    node_ids: dict[str, int] = {}

    def node_id(key: str) -> int:
        if key not in node_ids:
            node_ids[key] = len(node_ids) + 1
        return node_ids[key]

    edge_list: list[dict[str, Any]] = []
    busy = len({k for k, _, _, low in stance_edges if not low}) > BUSY
    for (src, topic, side, low), rms in sorted(stance_edges.items()):
        n = len(rms)
        label = labels.get(topic, topic)
        behind = sorted(i for rm in rms for i in rows_of.get(rm, ()))
        edge_list.append(
            {
                "id": f"e{len(edge_list)}",
                "from": node_id(src),
                "to": node_id(f"topic/{topic}"),
                "rel": "stance",
                "stance": side,
                "topic": topic,
                "low": low,
                "remarks": n,
                "statements": behind,
                # in a busy picture a link out of the speaker's own map is drawn light: the maps stay readable
                "width": 1 if low or (busy and main_side.get(src, ("",))[0] != topic) else 1 + 1.2 * min(n, 10),
                "color": _pale(STANCE_COLOURS[side], 0.45)
                if low
                else _pale(STANCE_COLOURS[side], 0.3)
                if busy and main_side.get(src, ("",))[0] != topic
                else STANCE_COLOURS[side],
                "dashes": low,
                "arrows": "to",
                "hidden": low,
                "title": f"{names.get(src, src)}: {_verb(side)} «{label}» · {_n(n, 'remark')}"
                + (f" (low confidence, below {threshold:g})" if low else ""),
            }
        )
    for (src, topic), rms in sorted(about.items()):
        n = len(rms)
        edge_list.append(
            {
                "id": f"e{len(edge_list)}",
                "from": node_id(src),
                "to": node_id(f"topic/{topic}"),
                "rel": "about",
                "stance": None,
                "topic": topic,
                "remarks": n,
                "statements": sorted(i for rm in rms for i in rows_of.get(rm, ())),
                "width": 1 + 0.8 * min(n, 10),
                "color": "#b89b3c",
                "dashes": [2, 4],
                "arrows": "to",
                "title": f"{names.get(src, src)} speaks on «{labels.get(topic, topic)}» · {_n(n, 'remark')} "
                "(a proposed topic without a proposition: no side judged)",
            }
        )
    for (src, dst), behind in sorted(reply_edges.items()):
        n = len({rows[i]["rm"] for i in behind})
        edge_list.append(
            {
                "id": f"e{len(edge_list)}",
                "from": node_id(src),
                "to": node_id(dst),
                "rel": "reply",
                "stance": None,
                "topic": None,
                "remarks": n,
                "statements": behind,
                "width": 1 + min(n, 5),
                "color": "#546e7a",
                "dashes": True,
                "arrows": "to",
                "title": f"{names.get(src, src)} replies to {names.get(dst, dst)} · {_n(n, 'remark')}",
            }
        )
    # a speaker with no edge at all (quoted on no topic, in no reply) would only ever be hidden: their
    # statements stay in the panel's data (the speaker list still finds them), the node goes
    linked = {e["from"] for e in edge_list} | {e["to"] for e in edge_list}
    speakers = [k for k in names if node_id(k) in linked]
    extra = {k for k in speakers if top is not None and k not in top}
    if extra:
        shown = len(speakers) - len(extra)
        notice_parts.insert(
            0,
            f"Showing the {per_topic} most quoted speakers of each topic ({shown} of {len(speakers)} speakers).",
        )
    nodes: list[dict[str, Any]] = []
    for key in sorted(speakers, key=lambda k: (names[k], k)):
        n = overall.get(key, 0)
        kind = _speaker_type(types.get(key), key)
        nodes.append(
            {
                "id": node_id(key),
                "key": key,
                "label": wrap_label(names[key], SPEAKER_CHARS, 2),
                "name": names[key],
                "kind": "speaker",
                "type": kind,
                "extra": key in extra,
                "hidden": key in extra,
                "statements": n,
                "shape": "dot",
                "size": _size(n),
                "color": TYPE_COLOURS.get(kind, OTHER_COLOUR),
                "font": {"size": SPEAKER_FONT},
                "title": f"{names[key]} · {_n(n, 'remark')}" + (f" · {TYPE_NAMES.get(kind, kind)}" if kind else ""),
            }
        )
    topic_font = 15
    for topic in topics:
        label = labels.get(topic, topic)
        draft = topic in drafts
        n = sum(per_topic_counts[topic].values())
        prop = props.get(topic)
        title = f"topic: {label} · {_n(len(_remarks_on(remarks_all, topic)), 'remark')}"
        if draft:
            title += " · proposed topic without a proposition: no stance is judged until a person writes one"
        elif prop:
            title += f" · proposition: {prop}"
        nodes.append(
            {
                "id": node_id(f"topic/{topic}"),
                "key": f"topic/{topic}",
                "label": wrap_label(label, TOPIC_CHARS, TOPIC_LINES),
                "name": label,
                "kind": "topic",
                "draft": draft,
                "statements": n,
                "shape": "diamond",
                "size": TOPIC_SIZE,
                "font": {"size": topic_font, "color": "#222222", "background": "rgba(255,255,255,0.85)"},
                "color": {"background": DRAFT_COLOUR if draft else TOPIC_COLOUR, "border": "#8a6d1a"},
                "borderWidth": 2,
                "title": title,
            }
        )
    # what the page draws first: a node with no drawn link (only low-confidence sides, or extra) waits
    drawn = {e[k] for e in edge_list if not e.get("hidden") for k in ("from", "to")}
    for node in nodes:
        if node["kind"] == "speaker" and not node["extra"]:
            node["hidden"] = node["id"] not in drawn
    # topic labels that read when the picture is fitted: the font follows the picture's size (and the
    # picture the font, as a label owns its place): a few rounds settle it
    for _ in range(4):
        extent = _layout_stance(nodes, node_id, main_side, per_topic_counts, topics, overall, topic_font)
        wanted = fitted_font(extent)
        if wanted == topic_font:
            break
        topic_font = wanted
    else:
        _layout_stance(nodes, node_id, main_side, per_topic_counts, topics, overall, topic_font)
    for node in nodes:
        if node["kind"] == "topic":
            node["font"]["size"] = topic_font
    camp_nodes, camp_edges, camp_topics = _camps(pos_list, names, types, rows_of, labels, node_id, extra, topic_font)
    for node in nodes:
        if node["kind"] == "topic":
            # where the topic stands in the "who opposes whom" mode (the page moves it there)
            at = camp_topics.get(node["key"].partition("/")[2], (node["x"], node["y"], node["ax"], node["ay"]))
            node["vx"], node["vy"], node["avx"], node["avy"] = at
    nodes += camp_nodes
    edge_list += camp_edges
    legend_types = {TYPE_NAMES[k]: c for k, c in TYPE_COLOURS.items()}
    sided = [p for p in pos_list if p.stance in ("support", "oppose")]
    return {
        "nodes": nodes,
        "edges": edge_list,
        "statements": rows,
        "articles": [dict(zip(("article", "outlet", "url", "title"), a, strict=True)) for a in articles],
        "notice": " ".join(notice_parts) or None,
        "limited": bool(extra),
        "per_topic": per_topic,
        "hidden_low": hidden_low,
        "threshold": threshold,
        "drafts": sorted(drafts),
        "positions": len(sided),
        "legend": {"stance": STANCE_COLOURS, "types": legend_types, "other": OTHER_COLOUR, "topic": TOPIC_COLOUR},
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


def _n(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _verb(side: str | None) -> str:
    return {"support": "supports", "oppose": "opposes", "neutral": "neutral on"}.get(side or "", "on")


def _pale(colour: str, alpha: float = 0.45) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _size(n: int) -> float:
    """A dot's radius (canvas units) by remarks: 7 to 21, never bigger than its cell."""
    return round(7 + 14 * min(1.0, (max(n, 1) - 1) / 30) ** 0.5, 1)


def _speaker_type(types: Counter[str] | None, key: str) -> str:
    if types:
        best = max(types.items(), key=lambda kv: (kv[1], kv[0]))[0]
        if best:
            return best
    return _KIND_OF_PREFIX.get(key.partition("/")[0], "")


_KIND_OF_PREFIX = {prefix: kind for kind, prefix in KEY_PREFIX.items() if kind}
"""A speaker key's type by its prefix ("org/nato": organization): :data:`~quotegraph.extract.model.KEY_PREFIX`
read backwards ("agent/" tells none)."""


def _remarks_on(remarks: list[Any], topic: str) -> set[str]:
    return {r.remark for r in remarks if r.topic == topic}


def _draft_topics(items: Iterable[Statement]) -> set[str]:
    """Topics whose every stance says the topic has no proposition yet (a proposed topic, unedited)."""
    from quotegraph.extract.stance.topics import DRAFT_EVIDENCE

    seen: dict[str, bool] = {}
    for s in items:
        for t in s.topics:
            draft = any(DRAFT_EVIDENCE in e for e in t.evidence)
            seen[t.topic] = seen.get(t.topic, True) and draft
    return {t for t, d in seen.items() if d}


def _remark_counts(items: list[Statement], remarks: list[Any]) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Remarks per speaker key: per topic, and overall."""
    per_topic: dict[str, Counter[str]] = {}
    for r in remarks:
        if r.speaker is not None:
            per_topic.setdefault(r.topic, Counter())[r.speaker] += 1
    seen: dict[str, set[str]] = {}
    for s in items:
        if s.speaker_key:
            seen.setdefault(s.speaker_key, set()).add(_remark_of(s))
    overall = Counter({k: len(v) for k, v in seen.items()})
    return per_topic, overall


def _by_count(counts: Counter[str]) -> list[str]:
    """The keys of ``counts``, the most counted first (ties by key)."""
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _top_per_topic(per_topic: dict[str, Counter[str]], overall: Counter[str], n: int) -> set[str]:
    """The ``n`` most quoted speakers of each topic (ties by key) and the ``n`` most quoted overall
    (those quoted on no topic too); without any topic, the ``4 * n`` most quoted overall."""
    ranked = [_by_count(c)[:n] for c in per_topic.values()]
    ranked.append(_by_count(overall)[: n if per_topic else 4 * n])
    return {k for r in ranked for k in r}


def _most_quoted_per_topic(per_topic: dict[str, Counter[str]], overall: Counter[str], budget: int) -> set[str]:
    """Up to ``budget`` speakers: the most quoted of each topic in turn (round robin over topics, so a
    small topic keeps its voices), then the most quoted overall."""
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


def _main_sides(positions: list[Any], per_topic: dict[str, Counter[str]]) -> dict[str, tuple[str, str | None]]:
    """Each speaker's main topic (most remarks; ties by topic id) and their position on it."""
    best: dict[str, tuple[int, str]] = {}
    for topic, c in per_topic.items():
        for speaker, n in c.items():
            if speaker not in best or (-n, topic) < (-best[speaker][0], best[speaker][1]):
                best[speaker] = (n, topic)
    side = {(p.speaker, p.topic): p.stance for p in positions}
    return {k: (t, side.get((k, t))) for k, (_, t) in best.items()}


def _topic_box(font: int) -> tuple[float, float]:
    """Width and height of a topic's node and label (canvas units)."""
    width = TOPIC_CHARS * font * CHAR_W + 2 * PAD
    height = 2 * TOPIC_SIZE + 12 + TOPIC_LINES * font * 1.3 + 16
    return max(width, CELL_W), height


def _grid(n: int) -> tuple[int, int]:
    """Columns and rows of a grid of ``n`` cells: one column up to ``COLUMN`` cells (links to the topic
    never pass through a neighbour), then about square on the canvas."""
    if n <= 0:
        return 0, 0
    cols = 1 if n <= COLUMN else max(1, math.ceil(math.sqrt(n * CELL_H / CELL_W)))
    return cols, math.ceil(n / cols)


def _block(
    left: list[Any], mid: list[Any], right: list[Any], font: int | None
) -> tuple[float, float, dict[Any, tuple[float, float]], tuple[float, float] | None]:
    """An argument map of one topic, in its own coordinates: the topic at the top of the middle
    column with its label, those with no side under it, supporters' cells to the left and opponents' to
    the right, each side filled from the topic outwards, the first of each list nearest. Returns width,
    height, {member: (x, y)} and the topic's (x, y) (None without a topic)."""
    lc, lr = _grid(len(left))
    rc, rr = _grid(len(right))
    mc, mr = _grid(len(mid))
    tw, th = _topic_box(font) if font else (0.0, 0.0)
    mid_w = max(tw, mc * CELL_W)
    x_mid = lc * CELL_W + (PAD if lc else 0)
    x_right = x_mid + mid_w + (PAD if rc else 0)
    # the topic faces the middle of its camps (their links fan out), its label under it, then the rest
    side_h = max(lr, rr) * CELL_H
    topic_y = max(TOPIC_SIZE + 4, side_h / 2 - TOPIC_SIZE) if font else 0.0
    top_mid = topic_y - TOPIC_SIZE - 4 + th if font else 0.0
    at: dict[Any, tuple[float, float]] = {}
    for k, m in enumerate(left):
        j, i = divmod(k, lr)
        at[m] = (x_mid - (PAD if lc else 0) - (j + 0.5) * CELL_W, i * CELL_H + NODE_TOP)
    for k, m in enumerate(right):
        j, i = divmod(k, rr)
        at[m] = (x_right + (j + 0.5) * CELL_W, i * CELL_H + NODE_TOP)
    x0 = x_mid + (mid_w - mc * CELL_W) / 2
    for k, m in enumerate(mid):
        i, j = divmod(k, mc)
        at[m] = (x0 + (j + 0.5) * CELL_W, top_mid + i * CELL_H + NODE_TOP)
    topic = (x_mid + mid_w / 2, topic_y) if font else None
    width = x_right + rc * CELL_W
    height = max(side_h, top_mid + mr * CELL_H)
    return width, height, at, topic


SCREEN = (1000.0, 770.0)
"""The canvas a first view fits (a 1400x850 window less the side panel and the legend)."""


def _pack(blocks: list[tuple[float, float]], target: float) -> tuple[list[tuple[float, float]], float, float]:
    out: list[tuple[float, float]] = []
    x = y = row_h = width = 0.0
    for w, h in blocks:
        if x > 0 and x + w > target:
            x, y, row_h = 0.0, y + row_h + BLOCK_GAP, 0.0
        out.append((x, y))
        width = max(width, x + w)
        x += w + BLOCK_GAP
        row_h = max(row_h, h)
    return out, width, y + row_h


def _shelves(blocks: list[tuple[float, float]]) -> tuple[list[tuple[float, float]], float, float]:
    """Top-left corners for blocks of (width, height), packed in rows; of the row widths tried, the one
    whose picture fits the screen at the largest scale. Returns the corners, width and height."""
    if not blocks:
        return [], 0.0, 0.0
    widest = max(w for w, _ in blocks)
    total = sum(w + BLOCK_GAP for w, _ in blocks)
    best: tuple[float, list[tuple[float, float]], float, float] | None = None
    for k in range(24):
        target = widest + (total - widest) * k / 23
        corners, width, height = _pack(blocks, target)
        scale = min(SCREEN[0] / max(width, 1.0), SCREEN[1] / max(height, 1.0))
        if best is None or scale > best[0] + 1e-9:
            best = (scale, corners, width, height)
    assert best is not None
    return best[1], best[2], best[3]


def _place_blocks(
    specs: list[tuple[str | None, list[Any], list[Any], list[Any]]], font: int
) -> tuple[dict[Any, tuple[float, float]], dict[str, tuple[float, float]], tuple[float, float]]:
    """Member and topic positions for blocks (topic, left, mid, right), centred on (0, 0), and the
    picture's width and height."""
    built = [_block(left, mid, right, font if topic else None) for topic, left, mid, right in specs]
    corners, width, height = _shelves([(w, h) for w, h, _, _ in built])
    members: dict[Any, tuple[float, float]] = {}
    topics: dict[str, tuple[float, float]] = {}
    for (topic, *_), (_, _, at, tpos), (bx, by) in zip(specs, built, corners, strict=True):
        for m, (x, y) in at.items():
            members[m] = (bx + x, by + y)
        if topic and tpos:
            topics[topic] = (bx + tpos[0], by + tpos[1])
    cx, cy = width / 2, height / 2
    members = {m: (round(x - cx, 1), round(y - cy, 1)) for m, (x, y) in members.items()}
    topics = {t: (round(x - cx, 1), round(y - cy, 1)) for t, (x, y) in topics.items()}
    return members, topics, (width, height)


def fitted_font(extent: tuple[float, float], on_screen: float = 13.0) -> int:
    """A topic label's font (canvas units) that shows ``on_screen`` px when a picture of ``extent``
    is fitted to the screen."""
    scale = min(1.0, SCREEN[0] / max(extent[0], 1.0), SCREEN[1] / max(extent[1], 1.0))
    return int(max(15, min(90, round(on_screen / scale))))


def _layout_stance(
    nodes: list[dict[str, Any]],
    node_id: Any,
    main_side: dict[str, tuple[str, str | None]],
    per_topic: dict[str, Counter[str]],
    topics: list[str],
    overall: Counter[str],
    font: int,
) -> tuple[float, float]:
    """Positions computed here, so the page draws at once with physics off: one argument map per topic
    (see :func:`_block`), each speaker in the map of the topic they speak on most, on the side of their
    position there; speakers with no topic (replies only) in a grid of their own. Every node owns a cell
    as big as its dot and label, and each topic's label its own place: nothing covers anything. The
    speakers a per-topic limit hides are placed after the shown ones (outermost), so the shown picture
    is compact either way. Deterministic. Returns the shown picture's width and height."""
    speakers = [n for n in nodes if n["kind"] == "speaker"]

    def place(members_of: list[dict[str, Any]]) -> tuple[dict[Any, tuple[float, float]], dict[str, Any]]:
        groups: dict[str | None, dict[str, list[tuple[Any, ...]]]] = {}
        for n in members_of:
            topic, side = main_side.get(n["key"], (None, None))
            where = {"support": "left", "oppose": "right"}.get(side or "", "mid")
            count = per_topic[topic][n["key"]] if topic else overall.get(n["key"], 0)
            groups.setdefault(topic, {"left": [], "mid": [], "right": []})[where].append((-count, n["name"], n["id"]))
        specs = []
        for topic in [*topics, None]:
            g = groups.get(topic)
            if g is None and topic is None:
                continue
            g = g or {"left": [], "mid": [], "right": []}
            specs.append((topic, *(([m[2] for m in sorted(g[k])]) for k in ("left", "mid", "right"))))
        members, topic_at, extent = _place_blocks(specs, font)
        shown_extent.append(extent)
        return members, topic_at

    shown_extent: list[tuple[float, float]] = []
    # two pictures: the one shown first (the most quoted of each topic) and, for "show all", everyone
    members, topic_at = place([n for n in speakers if not n["extra"]])
    every, topic_all = place(speakers) if any(n["extra"] for n in speakers) else (members, topic_at)
    for n in nodes:
        if n["kind"] == "speaker":
            n["ax"], n["ay"] = every[n["id"]]
            n["x"], n["y"] = members.get(n["id"], every[n["id"]])
        else:
            topic = n["key"].partition("/")[2]
            n["x"], n["y"] = topic_at[topic]
            n["ax"], n["ay"] = topic_all[topic]
    return shown_extent[0]


def _camps(
    positions: list[Any],
    names: dict[str, str],
    types: dict[str, Counter[str]],
    rows_of: dict[str, list[int]],
    labels: dict[str, str],
    node_id: Any,
    extra: set[str],
    font: int,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, tuple[float, float, float, float]]]:
    """The "who opposes whom" mode: per topic an argument map of its camps, supporters left and
    opponents right (a speaker's position: :func:`quotegraph.graph.positions.positions`), neutral ones
    under the topic; one node per speaker and topic (so a speaker of two topics stands in both camps) and
    one link per position to its topic, saying the side, the topic and the remarks behind it. Links are
    as many as the speakers drawn: never every pair. Hidden until the mode is chosen; the topics move to
    ``vx``/``vy`` (``avx``/``avy`` with every speaker shown). Returns the nodes, the links and, per topic,
    (vx, vy, avx, avy)."""
    from quotegraph.graph.positions import camps

    by_topic: dict[str, dict[str, list[Any]]] = {}
    for topic in sorted({p.topic for p in positions}):
        c = camps(positions, topic)
        c = {side: [p for p in ps if p.speaker in names] for side, ps in c.items()}
        if any(c.values()):
            by_topic[topic] = c
    order = sorted(by_topic, key=lambda t: (-sum(len(v) for v in by_topic[t].values()), t))

    def member(p: Any) -> tuple[str, str]:
        return (p.speaker, p.topic)

    def ranked(ps: list[Any]) -> list[tuple[str, str]]:
        # shown speakers first (a per-topic limit hides the rest), then by confidence and remarks
        return [member(p) for p in sorted(ps, key=lambda p: (p.speaker in extra, -p.confidence, -len(p.remarks)))]

    def place(keep: Any) -> tuple[dict[Any, tuple[float, float]], dict[str, tuple[float, float]]]:
        specs = [
            (t, *(ranked([p for p in by_topic[t][side] if keep(p)]) for side in ("support", "neutral", "oppose")))
            for t in order
        ]
        return _place_blocks(specs, font)[:2] if specs else ({}, {})

    members, topic_at = place(lambda p: p.speaker not in extra)
    every, topic_all = place(lambda p: True) if extra else (members, topic_at)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for topic in order:
        for side in ("support", "oppose", "neutral"):
            for p in by_topic[topic][side]:
                key = p.speaker
                nid = node_id(f"camp/{topic}/{key}")
                ax, ay = every[member(p)]
                x, y = members.get(member(p), (ax, ay))
                kind = _speaker_type(types.get(key), key)
                n = len(p.remarks)
                label = labels.get(topic, topic)
                nodes.append(
                    {
                        "id": nid,
                        "key": key,
                        "camp": topic,
                        "side": side,
                        "label": wrap_label(f"{names[key]} ({n})", SPEAKER_CHARS, 2),
                        "name": names[key],
                        "kind": "speaker",
                        "type": kind,
                        "extra": key in extra,
                        "hidden": True,
                        "statements": n,
                        "shape": "dot",
                        "size": _size(n),
                        "color": TYPE_COLOURS.get(kind, OTHER_COLOUR),
                        "font": {"size": SPEAKER_FONT},
                        "x": x,
                        "y": y,
                        "ax": ax,
                        "ay": ay,
                        "title": f"{names[key]} {_verb(side)} «{label}» · {_n(n, 'remark')}",
                    }
                )
                behind = sorted(i for rm in p.remarks for i in rows_of.get(rm, ()))
                edges.append(
                    {
                        "id": f"c{len(edges)}",
                        "from": nid,
                        "to": node_id(f"topic/{topic}"),
                        "rel": "position",
                        "stance": side,
                        "topic": topic,
                        "remarks": n,
                        "confidence": p.confidence,
                        "statements": behind,
                        "width": 1 + 1.2 * min(n, 10),
                        "color": STANCE_COLOURS[side],
                        "arrows": "to",
                        "hidden": True,
                        "title": f"{names[key]} {_verb(side)} «{label}» · {_n(n, 'remark')} behind it "
                        f"(position confidence {p.confidence:.2f})",
                    }
                )
    return nodes, edges, {t: (*topic_at.get(t, xy), *xy) for t, xy in topic_all.items()}


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
    propositions: dict[str, str | None] | None = None,
) -> Path:
    """Write the self-contained interactive view of ``statements`` to ``path``."""
    data = graph_data(
        statements,
        max_nodes=max_nodes,
        per_topic=per_topic,
        focus_topic=focus_topic,
        focus_speaker=focus_speaker,
        topic_labels=topic_labels,
        propositions=propositions,
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
