"""Tables and plots for analysts: what the notebooks call.

Everything here takes merged statements (``quotegraph.run.build`` output or
``quotegraph.extract.model.read_jsonl(".../statements.jsonl")``) and returns pandas DataFrames or matplotlib
figures; nothing reads or writes files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from quotegraph.extract.model import Statement
from quotegraph.graph import positions as pos
from quotegraph.graph.positions import display_threshold, topic_labels_of

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "COLUMNS",
    "outlet_coverage",
    "plot_stance_heatmap",
    "plot_timeline",
    "remark_travel",
    "show_html",
    "stance_table",
    "statements_frame",
    "timeline",
]

STANCE_COLOURS = {"support": "#2e7d32", "oppose": "#c62828", "neutral": "#757575", None: "#bdbdbd"}
__all__ = [
    "STANCE_COLOURS",
    "display_threshold",
    "outlet_coverage",
    "plot_stance_heatmap",
    "plot_timeline",
    "positions_table",
    "remark_counts",
    "remark_travel",
    "show_html",
    "stance_table",
    "statements_frame",
    "timeline",
    "topic_labels_of",
]

COLUMNS = (
    "statement_id",
    "article",
    "speaker",
    "speaker_role",
    "speaker_org",
    "kind",
    "cue",
    "quote",
    "topic",
    "stance",
    "outlet",
    "published",
    "statement_date",
    "venue",
    "replies_to",
    "replies_to_name",
    "start",
    "end",
    "confidence",
    "rule",
    "speaker_rule",
)


def statements_frame(statements: Iterable[Statement]) -> pd.DataFrame:
    """One row per statement report, analyst-friendly columns first; dates as datetimes.

    Parameters
    ----------
    statements : iterable of Statement
        Merged statements (a build's ``statements.jsonl``).

    Returns
    -------
    pandas.DataFrame
        The :data:`COLUMNS` and ``date`` (the statement's date, else the article's).
    """
    rows = [{c: getattr(s, c) for c in COLUMNS} for s in statements]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in ("published", "statement_date"):
        frame[col] = pd.to_datetime(frame[col], errors="coerce")
    frame["date"] = frame["statement_date"].fillna(frame["published"])
    return frame


def stance_table(
    statements: Iterable[Statement],
    *,
    min_confidence: float | None = None,
    topic_labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Speaker x topic in remarks (merged statements; reports of one remark count once): the one table
    of :func:`quotegraph.graph.positions.stance_table` that the query, the networkx graph and the view
    count alike. Columns: speaker (key), speaker_name, topic (id), topic_label, support, oppose, neutral
    (at or above ``min_confidence``, default the display threshold), undetermined (no evidence either
    way, never neutral), hidden (sides below the threshold, counted apart), remarks, reports, net
    ((support - oppose) / shown determined remarks; NaN when there is none), first, last."""
    return pos.stance_table(statements, min_confidence=min_confidence, topic_labels=topic_labels)


def remark_counts(statements: Iterable[Statement], *, topic_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Who speaks most, and about what: remarks per speaker (rows, by name, most first) and topic
    (columns, by label), every remark counted whatever its stance; "(no topic)" for remarks on none."""
    items = list(statements)
    table = pos.stance_table(items, min_confidence=0, topic_labels=topic_labels)
    grid = table.pivot_table(index="speaker_name", columns="topic_label", values="remarks", aggfunc="sum", fill_value=0)
    on_topics = {pos.remark_key(s) for s in items if s.topic or s.topics}
    none = pd.Series(
        [s.speaker for s in {pos.remark_key(s): s for s in items if s.speaker}.values()
         if pos.remark_key(s) not in on_topics],
        dtype=object,
    ).value_counts()  # fmt: skip
    if len(none):
        grid = grid.reindex(grid.index.union(none.index), fill_value=0)
        grid["(no topic)"] = none.reindex(grid.index, fill_value=0)
    grid = grid.loc[grid.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return grid.rename_axis(index="speaker", columns="topic")


def positions_table(
    statements: Iterable[Statement],
    *,
    min_confidence: float | None = None,
    topic_labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Each speaker's position on each topic (a confidence-weighted vote of their shown remarks, see
    :func:`quotegraph.graph.positions.positions`): stance (support/oppose/neutral, None when mixed or
    nothing is shown), confidence, remarks (behind the position), and the remark counts per side."""
    rows = [
        {
            "speaker": p.speaker,
            "speaker_name": p.speaker_name,
            "topic": p.topic,
            "topic_label": p.topic_label,
            "stance": p.stance,
            "confidence": p.confidence,
            "remarks": len(p.remarks),
            **{k: p.count(k) for k in ("support", "oppose", "neutral", "undetermined", "hidden")},
        }
        for p in pos.positions(statements, min_confidence=min_confidence, topic_labels=topic_labels)
    ]
    columns = ["speaker", "speaker_name", "topic", "topic_label", "stance", "confidence", "remarks",
               "support", "oppose", "neutral", "undetermined", "hidden"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    frame["stance"] = frame["stance"].astype(object).where(frame["stance"].notna(), None)
    return frame


def timeline(
    statements: Iterable[Statement],
    *,
    min_confidence: float | None = None,
    topic_labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Who said what when: one row per remark with its earliest date, the outlets that carried it, and
    its stance on its main topic (the remark's, as every table counts it; ``low_confidence`` below the
    display threshold). ``when`` is the day, or "undated"."""
    items = list(statements)
    frame = statements_frame(items)
    if frame.empty:
        return frame
    frame = frame.assign(remark=[pos.remark_key(s) for s in items])
    grouped = frame.groupby("remark", sort=False)
    out = grouped.agg(
        date=("date", "min"),
        speaker=("speaker", "first"),
        topic=("topic", "first"),
        quote=("quote", "first"),
        reports=("article", "count"),
        outlets=("outlet", lambda s: sorted({o for o in s if isinstance(o, str)})),
    )
    stances = {(r.remark, r.topic): r for r in pos.remark_list(items, min_confidence=min_confidence)}
    labels = topic_labels or {}
    found = [stances.get((remark, topic)) for remark, topic in zip(out.index, out["topic"], strict=True)]
    out["topic_label"] = [labels.get(t, t) if isinstance(t, str) else None for t in out["topic"]]
    out["stance"] = [r.stance if r else None for r in found]
    out["confidence"] = [r.confidence if r else None for r in found]
    out["low_confidence"] = [bool(r and r.low_confidence) for r in found]
    out["when"] = [d.strftime("%Y-%m-%d") if pd.notna(d) else "undated" for d in out["date"]]
    return out.sort_values(["date", "speaker"], na_position="last").reset_index()


def outlet_coverage(statements: Iterable[Statement]) -> pd.DataFrame:
    """Outlet x speaker: how many remarks of each speaker each outlet carried.

    Parameters
    ----------
    statements : iterable of Statement
        Merged statements (a build's ``statements.jsonl``).

    Returns
    -------
    pandas.DataFrame
        Outlets as rows, speakers as columns, remark counts as values.
    """
    frame = statements_frame(statements)
    frame = frame.assign(outlet=frame["outlet"].fillna("(unknown outlet)"))
    return frame.pivot_table(index="outlet", columns="speaker", values="quote", aggfunc="count", fill_value=0)


def remark_travel(statements: Iterable[Statement], *, min_reports: int = 2) -> pd.DataFrame:
    """How one remark travelled: every report of remarks carried by at least ``min_reports`` articles,
    ordered by date, with each outlet's own wording.

    Parameters
    ----------
    statements : iterable of Statement
        Merged statements (a build's ``statements.jsonl``).
    min_reports : int
        The fewest articles a remark must be reported in.

    Returns
    -------
    pandas.DataFrame
        One row per report.
    """
    frame = statements_frame(statements)
    frame = frame[frame["statement_id"].notna()]
    sizes = frame.groupby("statement_id")["article"].transform("nunique")
    frame = frame[sizes >= min_reports]
    return frame.sort_values(["statement_id", "published", "outlet"], na_position="last")[
        ["statement_id", "speaker", "outlet", "published", "article", "quote"]
    ].reset_index(drop=True)


def text_colour(rgba: Sequence[float]) -> str:
    """Black or white, whichever reads better on a background of colour ``rgba`` (WCAG relative
    luminance: white on anything darker than about mid-grey)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(float(c)) for c in rgba[:3])
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#ffffff" if luminance < 0.179 else "#111111"


def plot_stance_heatmap(table: pd.DataFrame, *, ax: Any = None) -> Figure:
    """Heatmap of net stance (support minus oppose, over shown remarks) per speaker and topic, named by
    the speakers' names and the topics' labels. Each cell shows its counts (support / oppose / neutral;
    "+N undetermined" and "+N low-confidence" on further lines), in black or white as the cell's colour
    needs; a pair with no remark is grey and marked "no statements", so it never reads as neutral; a
    pair with undetermined or low-confidence remarks only is grey too and shows its counts."""
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import Normalize

    table = table.copy()
    for col in ("undetermined", "hidden"):
        if col not in table:
            table[col] = 0
    table["row"] = table["speaker_name"] if "speaker_name" in table else table["speaker"]
    table["col"] = table["topic_label"] if "topic_label" in table else table["topic"]
    grid = table.pivot_table(index="row", columns="col", values="net", aggfunc="mean", dropna=False)
    grid = grid.reindex(index=sorted(set(table["row"])), columns=sorted(set(table["col"])))
    counts = table.groupby(["row", "col"])[["support", "oppose", "neutral", "undetermined", "hidden"]].sum()
    if ax is None:
        fig, ax = plt.subplots(figsize=(2.2 + 1.9 * max(1, grid.shape[1]), 1.4 + 0.55 * max(1, grid.shape[0])))
    else:
        fig = ax.figure
    cmap = plt.get_cmap("RdYlGn").with_extremes(bad="#e0e0e0")
    norm = Normalize(vmin=-1, vmax=1)
    values = np.ma.masked_invalid(grid.to_numpy(dtype=float))
    image = ax.imshow(values, cmap=cmap, norm=norm, aspect="auto")
    for i, speaker in enumerate(grid.index):
        for j, topic in enumerate(grid.columns):
            if (speaker, topic) in counts.index:
                c = counts.loc[(speaker, topic)]
                label = f"{int(c['support'])}/{int(c['oppose'])}/{int(c['neutral'])}"
                if int(c["undetermined"]):
                    label += f"\n+{int(c['undetermined'])} undetermined"
                if int(c["hidden"]):
                    label += f"\n+{int(c['hidden'])} low-confidence"
            else:
                label = "no statements"
            value = grid.iat[i, j]
            background = cmap(norm(value)) if pd.notna(value) else cmap.get_bad()
            ax.text(j, i, label, ha="center", va="center", fontsize=7, color=text_colour(background))
    ax.set_xticks(range(grid.shape[1]), [_wrap(str(c)) for c in grid.columns], rotation=0, fontsize=8)
    ax.set_yticks(range(grid.shape[0]), grid.index)
    fig.colorbar(image, ax=ax, label="net stance (support − oppose) / remarks")
    hidden = int(table["hidden"].sum())
    title = "Stance by speaker and topic (remarks: support/oppose/neutral; grey: no stance)"
    if hidden:
        title += f"\n{hidden} low-confidence remark stance(s) counted apart, not coloured"
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def _wrap(label: str, width: int = 18) -> str:
    """A long axis label on several lines (topic labels are phrases)."""
    import textwrap

    return "\n".join(textwrap.wrap(label, width)) or label


def _packed(frame: pd.DataFrame, rows: Sequence[str], key: str, width: float) -> list[tuple[float, float]]:
    """(x offset, y) of each remark: remarks of one speaker on one day (``key``) packed in a small grid
    around the day (at most four a column, columns side by side within ``width``) in the speaker's row,
    so that no marker covers another."""
    import math

    out = []
    seen: dict[tuple[str, Any], int] = {}
    sizes = frame.groupby(["speaker", key]).size()
    for _, row in frame.iterrows():
        group = (row["speaker"], row[key])
        n = int(sizes[group])
        k = seen.get(group, 0)
        seen[group] = k + 1
        per_column = min(n, 4)
        columns = math.ceil(n / per_column)
        column, place = divmod(k, per_column)
        dx = (column - (columns - 1) / 2) * min(width / max(columns, 1), width / 4)
        dy = (place - (per_column - 1) / 2) * 0.19
        out.append((dx, rows.index(row["speaker"]) + dy))
    return out


def plot_timeline(
    statements: Sequence[Statement],
    *,
    ax: Any = None,
    min_confidence: float | None = None,
    topic_labels: Mapping[str, str] | None = None,
) -> Figure:
    """Dots per remark over time, one row per speaker, coloured by the remark's stance (hollow: below the
    display threshold), sized by reports; remarks of one speaker on one day are packed side by side
    around the day, never drawn on top of each other. Date-only data gets day ticks. Undated remarks are
    not dropped: they stand in their own "undated" column at the right, counted in its title (with ``ax``
    given, in the main title)."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    frame = timeline(statements, min_confidence=min_confidence, topic_labels=topic_labels)
    if not frame.empty:
        frame = frame[frame["speaker"].map(lambda s: isinstance(s, str))]
    speakers = sorted(set(frame.get("speaker", [])))
    dated = frame[frame["date"].notna()] if not frame.empty else frame
    undated = frame[frame["date"].isna()] if not frame.empty else frame
    side = None
    if ax is None:
        fig, axes = plt.subplots(
            1, 2, figsize=(11, 1.6 + 0.5 * max(1, len(speakers))), sharey=True, width_ratios=[9, 1], squeeze=True
        )
        ax, side = axes
    else:
        fig = ax.figure

    def dots(target: Any, xs: Any, part: pd.DataFrame, places: Sequence[tuple[Any, float]]) -> None:
        for (_, row), x, (dx, y) in zip(part.iterrows(), xs, places, strict=True):
            colour = STANCE_COLOURS.get(row["stance"], STANCE_COLOURS[None])
            target.scatter(
                x + dx,
                y,
                s=18 + 10 * min(row["reports"], 8),
                facecolors="none" if row["low_confidence"] else colour,
                edgecolors=colour,
                linewidths=1.5,
                alpha=0.85,
                zorder=3,
            )

    if len(dated):
        days = dated["date"].dt.normalize()
        dated = dated.assign(day=days)
        offsets = [(pd.Timedelta(days=dx), y) for dx, y in _packed(dated, speakers, "day", 0.8)]
        dots(ax, list(dated["day"]), dated, offsets)
        first, last = days.min(), days.max()
        span = max(1, (last - first).days)
        ax.set_xlim(first - pd.Timedelta(hours=12), last + pd.Timedelta(hours=12))
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, span // 8)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
        ax.xaxis.set_minor_locator(mdates.DayLocator())
    ax.set_yticks(range(len(speakers)), speakers)
    ax.set_ylim(len(speakers) - 0.4, -0.6)  # the first speaker on top
    ax.grid(axis="x", which="major", color="#eeeeee", zorder=0)
    title = "Who said what when (one dot a remark; size: reports)"
    if side is not None:
        if len(undated):
            undated = undated.assign(day="undated")
            dots(side, [0] * len(undated), undated, _packed(undated, speakers, "day", 1.6))
        side.set_xticks([0], ["undated"])
        side.set_xlim(-1, 1)
        side.set_title(f"{len(undated)} undated", fontsize=9)
    elif len(undated):
        title += f"; {len(undated)} undated remark(s) not shown"
    ax.set_title(title)
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=8, color=colour, label=name or "undetermined")
        for name, colour in STANCE_COLOURS.items()
    ]
    handles.append(
        Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor="none", color="#555555",
               label="below the display threshold")
    )  # fmt: skip
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False, fontsize=8)
    fig.autofmt_xdate(rotation=30)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig


def show_html(path: str | Path, *, height: int = 650) -> Any:
    """Show a saved ``graph.html`` inline in Jupyter (an ``<iframe srcdoc>``, so its scripts run in
    JupyterLab and classic notebooks alike, and nothing is fetched)."""
    import html

    from IPython.display import HTML

    page = Path(path).read_text(encoding="utf-8")
    return HTML(
        f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{height}px;border:0" '
        'sandbox="allow-scripts"></iframe>'
    )
