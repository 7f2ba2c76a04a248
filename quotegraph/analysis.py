"""Tables and plots for analysts: what the notebooks call.

Everything here takes merged statements (``quotegraph.run.build`` output or
``quotegraph.extract.model.read_jsonl(".../statements.jsonl")``) and returns pandas DataFrames or matplotlib
figures; nothing reads or writes files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from quotegraph.extract.model import Statement

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


def stance_table(statements: Iterable[Statement]) -> pd.DataFrame:
    """Speaker x topic: counts of support / oppose / neutral / undetermined over distinct remarks, and
    the net share ((support - oppose) / determined remarks; empty when every remark is undetermined).

    Reports of one remark (same ``statement_id``) count once. Undetermined (stance None: no evidence
    either way) is its own column, never neutral, and stays out of ``net``.
    """
    columns = ["speaker", "topic", "support", "oppose", "neutral", "undetermined", "net"]
    frame = statements_frame(statements)
    frame = frame[frame["topic"].notna() & frame["speaker"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    key = frame["statement_id"].fillna(frame["article"] + ":" + frame["start"].astype(str))
    frame = frame.assign(remark=key, stance=frame["stance"].fillna("undetermined"))
    frame = frame.drop_duplicates(["remark", "topic"])
    counts = frame.pivot_table(
        index=["speaker", "topic"], columns="stance", values="remark", aggfunc="count", fill_value=0
    )
    for stance in ("support", "oppose", "neutral", "undetermined"):
        if stance not in counts:
            counts[stance] = 0
    counts = counts[["support", "oppose", "neutral", "undetermined"]].astype(int)
    determined = counts[["support", "oppose", "neutral"]].sum(axis=1)
    counts["net"] = (counts["support"] - counts["oppose"]) / determined.where(determined > 0)
    return counts.reset_index().rename_axis(None, axis=1)[columns]


def timeline(statements: Iterable[Statement]) -> pd.DataFrame:
    """Who said what when: one row per remark with its earliest date and the outlets that carried it.

    Parameters
    ----------
    statements : iterable of Statement
        Merged statements (a build's ``statements.jsonl``).

    Returns
    -------
    pandas.DataFrame
        One row per remark (``statement_id``), ordered by date.
    """
    frame = statements_frame(statements)
    if frame.empty:
        return frame
    key = frame["statement_id"].fillna(frame["article"] + ":" + frame["start"].astype(str))
    grouped = frame.assign(remark=key).groupby("remark", sort=False)
    out = grouped.agg(
        date=("date", "min"),
        speaker=("speaker", "first"),
        topic=("topic", "first"),
        stance=("stance", "first"),
        quote=("quote", "first"),
        reports=("article", "count"),
        outlets=("outlet", lambda s: sorted({o for o in s if isinstance(o, str)})),
    )
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


def plot_stance_heatmap(table: pd.DataFrame, *, ax: Any = None) -> Figure:
    """Heatmap of net stance (support minus oppose, over remarks) per speaker and topic. Each cell
    shows its counts (support / oppose / neutral, and "+N undetermined" on a second line); a pair with
    no remark is grey and marked "no statements", so it never reads as neutral; a pair whose remarks
    are all undetermined (no evidence either way) is grey too and shows its count, not a colour."""
    import matplotlib.pyplot as plt
    import numpy as np

    grid = table.pivot_table(index="speaker", columns="topic", values="net", aggfunc="mean")
    if "undetermined" not in table:
        table = table.assign(undetermined=0)
    counts = table.set_index(["speaker", "topic"])[["support", "oppose", "neutral", "undetermined"]]
    if ax is None:
        fig, ax = plt.subplots(figsize=(1.6 + 1.6 * max(1, grid.shape[1]), 1 + 0.5 * max(1, grid.shape[0])))
    else:
        fig = ax.figure
    cmap = plt.get_cmap("RdYlGn").with_extremes(bad="#e0e0e0")
    values = np.ma.masked_invalid(grid.to_numpy(dtype=float))
    image = ax.imshow(values, cmap=cmap, vmin=-1, vmax=1, aspect="auto")
    for i, speaker in enumerate(grid.index):
        for j, topic in enumerate(grid.columns):
            if (speaker, topic) in counts.index:
                c = counts.loc[(speaker, topic)]
                label = f"{int(c['support'])}/{int(c['oppose'])}/{int(c['neutral'])}"
                if int(c["undetermined"]):
                    label += f"\n+{int(c['undetermined'])} undetermined"
            else:
                label = "no statements"
            ax.text(j, i, label, ha="center", va="center", fontsize=7, color="#333333")
    ax.set_xticks(range(grid.shape[1]), grid.columns, rotation=30, ha="right")
    ax.set_yticks(range(grid.shape[0]), grid.index)
    fig.colorbar(image, ax=ax, label="net stance (support − oppose) / remarks")
    ax.set_title("Stance by speaker and topic (support/oppose/neutral remarks; grey: no stance)")
    fig.tight_layout()
    return fig


def plot_timeline(statements: Sequence[Statement], *, ax: Any = None) -> Figure:
    """Dots per remark over time, one row per speaker, coloured by stance. Undated remarks are not
    dropped: they stand in their own "undated" column at the right (with ``ax`` given, their count is
    in the title)."""
    import matplotlib.pyplot as plt

    frame = timeline(statements)
    if not frame.empty:
        frame = frame[frame["speaker"].map(lambda s: isinstance(s, str))]
    speakers = sorted(set(frame.get("speaker", [])))
    dated = frame[frame["date"].notna()] if not frame.empty else frame
    undated = frame[frame["date"].isna()] if not frame.empty else frame
    side = None
    if ax is None:
        fig, axes = plt.subplots(
            1, 2, figsize=(10, 1 + 0.45 * max(1, len(speakers))), sharey=True, width_ratios=[9, 1], squeeze=True
        )
        ax, side = axes
    else:
        fig = ax.figure

    def dot(target: Any, x: Any, row: Any) -> None:
        target.scatter(
            x,
            speakers.index(row["speaker"]),
            s=40 + 30 * row["reports"],
            color=STANCE_COLOURS.get(row["stance"], STANCE_COLOURS[None]),
            alpha=0.8,
        )

    for _, row in dated.iterrows():
        dot(ax, row["date"], row)
    ax.set_yticks(range(len(speakers)), speakers)
    title = "Who said what when (size: reports; colour: stance)"
    if side is not None:
        for _, row in undated.iterrows():
            dot(side, 0, row)
        side.set_xticks([0], ["undated"])
        side.set_xlim(-1, 1)
        side.set_title(f"{len(undated)} undated", fontsize=9)
    elif len(undated):
        title += f"; {len(undated)} undated remark(s) not shown"
    ax.set_title(title)
    fig.autofmt_xdate()
    fig.tight_layout()
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
