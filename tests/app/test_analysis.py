from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from quotegraph.extract.model import Statement

from quotegraph.analysis import (
    outlet_coverage,
    plot_stance_heatmap,
    plot_timeline,
    positions_table,
    remark_travel,
    show_html,
    stance_table,
    statements_frame,
    timeline,
)


def _s(article, start, speaker, topic, stance, sid, outlet, published, quote="q"):
    return Statement(
        article=article,
        quote=quote,
        start=start,
        end=start + len(quote),
        kind="direct",
        speaker=speaker,
        topic=topic,
        stance=stance,
        statement_id=sid,
        outlet=outlet,
        published=published,
    )


@pytest.fixture
def sample():
    return [
        _s("a.txt", 0, "Ann Lee", "tax", "support", "s1", "Daily", "2024-05-24", "cut taxes now"),
        _s("b.txt", 5, "Ann Lee", "tax", "support", "s1", "Herald", "2024-05-25", "taxes must be cut now"),
        _s("b.txt", 50, "Ann Lee", "tax", "oppose", "s2", "Herald", "2024-05-25"),
        _s("c.txt", 0, "Bo Park", "tax", "oppose", "s3", None, "2024-05-20"),
        _s("c.txt", 9, "Bo Park", None, None, "s4", None, "2024-05-20"),
    ]


def test_analysis_statements_frame_has_one_row_per_report(sample):
    frame = statements_frame(sample)
    assert len(frame) == 5
    assert str(frame["date"].dtype).startswith("datetime64")


def test_analysis_stance_table_counts_remarks_once(sample):
    table = stance_table(sample).set_index(["speaker_name", "topic"])
    assert table.loc[("Ann Lee", "tax"), "support"] == 1  # two reports of s1 count once
    assert table.loc[("Ann Lee", "tax"), "oppose"] == 1
    assert table.loc[("Ann Lee", "tax"), "net"] == 0
    assert table.loc[("Bo Park", "tax"), "net"] == -1


def test_analysis_timeline_and_travel(sample):
    tl = timeline(sample)
    assert next(iter(tl["remark"])) in {"s3", "s4"}  # earliest date first
    s1 = tl.set_index("remark").loc["s1"]
    assert s1["reports"] == 2 and s1["outlets"] == ["Daily", "Herald"]
    travel = remark_travel(sample)
    assert list(travel["outlet"]) == ["Daily", "Herald"]
    cov = outlet_coverage(sample)
    assert cov.loc["(unknown outlet)", "Bo Park"] == 2


def test_analysis_plots_render(sample):
    fig = plot_stance_heatmap(stance_table(sample))
    assert fig.axes and fig.axes[0].get_title().startswith("Stance")
    fig2 = plot_timeline(sample)
    assert len(fig2.axes[0].collections) == 4  # four remarks, four dots


def test_analysis_empty_input_gives_empty_tables():
    assert stance_table([]).empty
    assert timeline([]).empty


def test_analysis_show_html_escapes_the_page_into_srcdoc(tmp_path):
    page = tmp_path / "g.html"
    page.write_text('<html><script>var a = "<b>";</script></html>', encoding="utf-8")
    out = show_html(page)._repr_html_()
    assert out.startswith("<iframe srcdoc=")
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_analysis_heatmap_shows_counts_and_tells_no_statements_from_neutral():
    from quotegraph.extract.model import TopicStance

    from tests.conftest import stmt

    items = [
        stmt("a.txt", 0, "We must cut the tax on fuel this year for every family.", "Ann Lee",
             topics=(TopicStance("tax", "support", 0.8, ()),), topic="tax", stance="support"),
        stmt("b.txt", 0, "The port will open again next spring after the repairs.", "Bo Park",
             topics=(TopicStance("port", "neutral", 0.6, ()),), topic="port", stance="neutral"),
        stmt("c.txt", 0, "We will look at the port again next year, she said.", "Ann Lee",
             topics=(TopicStance("port", None, 0.2, ()),), topic="port", stance=None),
    ]  # fmt: skip
    table = stance_table(items, min_confidence=0.6).set_index(["speaker_name", "topic"])
    # Ann Lee's undetermined remark on the port is counted apart, never as a neutral one
    ann_port = table.loc[("Ann Lee", "port")]
    assert (ann_port["neutral"], ann_port["undetermined"]) == (0, 1) and pd.isna(ann_port["net"])
    assert table.loc[("Bo Park", "port"), "undetermined"] == 0
    texts = {t.get_text() for t in plot_stance_heatmap(table.reset_index()).axes[0].texts}
    assert {"1/0/0", "0/0/1", "0/0/0\n+1 undetermined", "no statements"} <= texts


def test_analysis_heatmap_reads_labels_counts_low_confidence_apart_and_contrasts_its_text():
    from quotegraph.extract.model import TopicStance

    from quotegraph.analysis import text_colour
    from tests.conftest import stmt

    def said(article, speaker, topic, stance, confidence):
        return stmt(article, 0, f"{speaker} on {topic}: a remark of ours.", speaker,
                    topics=(TopicStance(topic, stance, confidence, ()),), topic=topic, stance=stance)  # fmt: skip

    items = [
        said("a.txt", "Ann Lee", "tax", "support", 0.9),
        said("b.txt", "Ann Lee", "tax", "oppose", 0.3),  # a low-confidence leaning: counted apart
        said("c.txt", "Bo Park", "tax", "oppose", 0.8),
        said("d.txt", "Bo Park", "port", "neutral", 0.7),
    ]
    labels = {"tax": "A tax on fuel for every family", "port": "The new port"}
    table = stance_table(items, min_confidence=0.6, topic_labels=labels)
    fig = plot_stance_heatmap(table)
    ax = fig.axes[0]
    assert [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()] == [
        "A tax on fuel for every family",
        "The new port",
    ]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ann Lee", "Bo Park"]
    cells = {t.get_text(): t.get_color() for t in ax.texts}
    assert "1/0/0\n+1 low-confidence" in cells and "1 low-confidence" in ax.get_title()
    assert cells["1/0/0\n+1 low-confidence"] == "#ffffff"  # net +1: dark green, white text
    assert cells["0/0/1"] == "#111111"  # net 0: pale yellow, black text
    assert text_colour((0.0, 0.0, 0.0, 1.0)) == "#ffffff" and text_colour((1.0, 1.0, 0.8, 1.0)) == "#111111"


def test_analysis_positions_table_one_row_per_speaker_and_topic(sample):
    table = positions_table(sample, min_confidence=0).set_index(["speaker_name", "topic"])
    assert table.loc[("Ann Lee", "tax"), "stance"] is None  # one support, one oppose: mixed
    assert table.loc[("Bo Park", "tax"), "stance"] == "oppose" and table.loc[("Bo Park", "tax"), "remarks"] == 1


def test_analysis_timeline_shows_undated_remarks_as_undated(sample):
    from tests.conftest import stmt

    items = [*sample, stmt("d.txt", 0, "We will not take part in the talks at all.", "Cy Diaz")]
    tl = timeline(items)
    assert tl.iloc[-1]["when"] == "undated" and tl.iloc[0]["when"] == "2024-05-20"
    fig = plot_timeline(items)
    main, side = fig.axes[:2]
    assert len(main.collections) == 4 and len(side.collections) == 1  # the undated remark has its column
    assert [t.get_text() for t in side.get_xticklabels()] == ["undated"]
    assert side.get_title() == "1 undated"


def test_analysis_timeline_has_day_ticks_a_legend_and_no_marker_on_another():
    from quotegraph.extract.model import TopicStance

    from tests.conftest import stmt

    items = [
        stmt(f"{i}.txt", 0, f"Remark number {i} about the tax on fuel.", "Ann Lee", published="2024-05-24",
             topics=(TopicStance("tax", "support", 0.9 if i else 0.3, ()),), topic="tax", stance="support")
        for i in range(3)
    ] + [stmt("z.txt", 0, "Another remark about the tax, days later.", "Bo Park", published="2024-05-27")]  # fmt: skip
    fig = plot_timeline(items)
    main = fig.axes[0]
    ticks = [t.get_text() for t in main.get_xticklabels()]
    assert ticks[0] == "24 May 2024" and all(":" not in t for t in ticks)  # days, not hours
    assert fig.legends and "below the display threshold" in [t.get_text() for t in fig.legends[0].texts]
    ys = [tuple(c.get_offsets()[0]) for c in main.collections]
    assert len(set(ys)) == 4  # three remarks of one speaker on one day: stacked, none on another
    hollow = [c for c in main.collections if len(c.get_facecolors()) == 0 or c.get_facecolors()[0][3] == 0]
    assert len(hollow) == 1  # the remark below the threshold is drawn hollow
