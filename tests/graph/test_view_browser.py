"""The HTML view in a real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from quotegraph.extract.model import TopicStance
from quotegraph.graph.merge import merge_statements
from quotegraph.graph.view import render_html

from tests.conftest import stmt

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.browser

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_function("window.quotegraph && window.quotegraph.network")
    return page, errors, requests


def test_view_browser_loads_without_errors_and_counts_match(browser, built_sample):
    page, errors, requests = _open(browser, built_sample / "graph.html")
    # the "who opposes whom" camps wait, hidden, for their mode
    data_nodes = page.evaluate("window.quotegraph.data.nodes.filter(n => !n.hidden).length")
    data_edges = page.evaluate("window.quotegraph.data.edges.filter(e => !e.hidden).length")
    # nodeIndices/edgeIndices: what the network draws (body.nodes also holds hidden edge-smoothing helpers)
    rendered_nodes = page.evaluate("window.quotegraph.network.body.nodeIndices.length")
    rendered_edges = page.evaluate("window.quotegraph.network.body.edgeIndices.length")
    assert errors == []
    assert rendered_nodes == data_nodes > 5
    assert rendered_edges == data_edges > 5
    assert all(u.startswith("file://") for u in requests)


# a point of the node's box (in DOM coordinates) where the node itself is on top: the layout may lay another
# node over its centre
_VISIBLE_POINT = """id => {
    const net = window.quotegraph.network, b = net.getBoundingBox(id);
    for (let i = 0; i <= 8; i++) for (let j = 0; j <= 8; j++) {
        const p = net.canvasToDOM({x: b.left + (b.right - b.left) * i / 8, y: b.top + (b.bottom - b.top) * j / 8});
        if (net.getNodeAt(p) === id) return p;
    }
    return null;
}"""


def test_view_browser_click_on_a_speaker_lists_their_statements(browser, built_sample):
    page, errors, _ = _open(browser, built_sample / "graph.html")
    page.wait_for_timeout(1500)
    node_id = page.evaluate("window.quotegraph.data.nodes.find(n => n.label === 'Dmitry Peskov').id")
    pos = page.evaluate(_VISIBLE_POINT, node_id)
    assert pos is not None, "another node covers the whole of the speaker's node"
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    panel = page.locator("#panel")
    panel.locator("h2", has_text="Dmitry Peskov").wait_for(timeout=5000)
    texts = panel.locator(".stmt .q").all_inner_texts()
    assert len(texts) == 2 and any("NATO is flirting" in t for t in texts)
    assert errors == []


def test_view_browser_filter_hides_what_it_should(browser, built_sample, sample_statements):
    page, _, _ = _open(browser, built_sample / "graph.html")
    page.select_option("#f-stance", "oppose")
    hidden = page.evaluate("window.quotegraph.edges.get().filter(e => e.hidden).map(e => e.stance)")
    shown = page.evaluate(
        "window.quotegraph.edges.get().filter(e => !e.hidden && e.rel === 'stance').map(e => e.stance)"
    )
    assert shown and set(shown) == {"oppose"}
    assert "support" in hidden
    page.select_option("#f-stance", "")
    page.fill("#f-search", "ecstasy")
    count = page.locator("#counts").inner_text()
    remarks = {s.statement_id for s in sample_statements}
    matching = {s.statement_id for s in sample_statements if "ecstasy" in s.quote.lower()}
    assert 1 <= len(matching) < len(remarks)
    assert count.endswith(f" {len(matching)} of {len(remarks)} remarks"), count


def test_view_browser_injected_script_never_runs(browser, tmp_path):
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> said the man'
    statements = merge_statements([
        stmt("a.txt", 0, hostile, "Ann Lee", topics=(TopicStance("t", "support"),), topic="t", stance="support"),
        stmt("b.txt", 0, "A second, harmless remark about the budget.", "Bo Park", topics=(TopicStance("t", "oppose", 0.8),)),
    ])  # fmt: skip
    path = render_html(statements, tmp_path / "g.html")
    page, _errors, _ = _open(browser, path)
    node_id = page.evaluate("window.quotegraph.data.nodes.find(n => n.label === 'Ann Lee').id")
    page.evaluate(f"window.quotegraph.showNode({node_id})")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned" in page.locator("#panel .q").first.inner_text()
    assert page.locator("#panel img").count() == 0


def test_view_browser_stance_filter_reads_each_edges_own_stance(browser, tmp_path):
    # one statement: oppose on its main topic, support on a second one
    topics = (TopicStance("troops", "oppose", 0.8), TopicStance("arms", "support", 0.8))
    statements = merge_statements([
        stmt("a.txt", 0, "We send weapons, but we will not send troops.", "Ann Lee", topics=topics, topic="troops", stance="oppose"),
    ])  # fmt: skip
    page, errors, _ = _open(browser, render_html(statements, tmp_path / "g.html"))
    page.select_option("#f-stance", "oppose")
    shown = page.evaluate("window.quotegraph.edges.get().filter(e => !e.hidden).map(e => [e.topic, e.stance])")
    assert shown == [["troops", "oppose"]]
    page.select_option("#f-stance", "support")
    shown = page.evaluate("window.quotegraph.edges.get().filter(e => !e.hidden).map(e => [e.topic, e.stance])")
    assert shown == [["arms", "support"]]
    assert errors == []


def test_view_browser_who_opposes_whom_and_a_panel_that_follows_the_filters(browser, tmp_path):
    tax = lambda st: (TopicStance("tax", st, 0.8, ()),)  # noqa: E731
    statements = merge_statements([
        stmt("a.txt", 0, "We must cut the tax on fuel this year for every family.", "Ann Lee", topics=tax("support"),
             topic="tax", stance="support", outlet="Daily"),
        stmt("b.txt", 0, "A fuel tax cut now would be reckless and unfunded.", "Bo Park", topics=tax("oppose"),
             topic="tax", stance="oppose", outlet="Herald"),
        stmt("c.txt", 0, "Cutting the fuel tax is the right call for drivers.", "Cy Diaz", topics=tax("support"),
             topic="tax", stance="support", outlet="Herald"),
    ])  # fmt: skip
    page, errors, _ = _open(browser, render_html(statements, tmp_path / "g.html"))
    page.select_option("#f-mode", "versus")
    shown = page.evaluate(
        "window.quotegraph.edges.get().filter(e => !e.hidden).map(e => [window.quotegraph.nodes.get(e.from).name, e.stance])"
    )
    # the camps: Lee and Diaz support, Park opposes; one link each (never every pair)
    assert sorted(shown) == [["Ann Lee", "support"], ["Bo Park", "oppose"], ["Cy Diaz", "support"]]
    page.select_option("#f-mode", "stance")
    node_id = page.evaluate("window.quotegraph.data.nodes.find(n => n.kind === 'topic').id")
    page.evaluate(f"window.quotegraph.showNode({node_id})")
    assert page.locator("#panel .stmt").count() == 3
    page.select_option("#f-outlet", "Herald")  # the open panel follows the filter
    assert page.locator("#panel .stmt").count() == 2
    assert errors == []


def test_view_browser_search_jumps_to_a_speaker_and_undetermined_draws_nothing(browser, tmp_path):
    statements = [
        stmt("a.txt", 0, "We must cut the tax on fuel this year for every family.", "Ann Lee",
             topics=(TopicStance("tax", "support", 0.8, ()),), topic="tax", stance="support", outlet="Daily"),
        stmt("b.txt", 0, "We will look at the fuel tax again next year.", "Bo Park",
             topics=(TopicStance("tax", None, 0.2, ()),), topic="tax", stance=None, outlet="Herald"),
    ]  # fmt: skip
    page, errors, _ = _open(browser, render_html(statements, tmp_path / "g.html"))
    shown = page.evaluate("window.quotegraph.edges.get().filter(e => !e.hidden).map(e => e.stance)")
    assert shown == ["support"]  # Bo Park's undetermined remark draws no (neutral) edge
    page.fill("#f-search", "ann")
    page.press("#f-search", "Enter")
    selected = page.evaluate("window.quotegraph.network.getSelectedNodes()")
    label = page.evaluate(f"window.quotegraph.nodes.get({selected[0]}).label")
    assert label == "Ann Lee"
    assert page.locator("#panel h2").inner_text() == "Ann Lee"
    assert page.locator("#panel .stmt").count() == 1
    assert errors == []


# the boxes of what the network draws, in canvas coordinates: topics' labels and speakers' dots
_BOXES = """() => {
    const q = window.quotegraph, body = q.network.body, out = {topics: [], speakers: []};
    for (const id of body.nodeIndices) {
        const n = body.nodes[id], d = q.nodes.get(id);
        if (d.kind === 'topic') {
            const l = n.labelModule.size;
            out.topics.push({id, name: d.name, left: l.left, top: l.top, right: l.left + l.width, bottom: l.top + l.height});
        } else {
            const r = n.options.size;
            out.speakers.push({id, name: d.name, x: n.x, y: n.y, left: n.x - r, top: n.y - r, right: n.x + r, bottom: n.y + r});
        }
    }
    return out;
}"""


def _overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def _check_layout(page, *, click: bool = True) -> dict:
    """No topic label covers a speaker's dot, and each speaker is the node at its centre (a real click
    there selects it when ``click``)."""
    page.wait_for_timeout(200)
    boxes = page.evaluate(_BOXES)
    assert boxes["speakers"] and boxes["topics"]
    covered = [(t["name"], s["name"]) for t in boxes["topics"] for s in boxes["speakers"] if _overlaps(t, s)]
    assert covered == []
    at_centre = page.evaluate(
        """ss => ss.filter(s => window.quotegraph.network.getNodeAt(
               window.quotegraph.network.canvasToDOM({x: s.x, y: s.y})) !== s.id).map(s => s.name)""",
        boxes["speakers"],
    )
    assert at_centre == []
    if click:
        frame = page.locator("#network").bounding_box()
        for s in boxes["speakers"]:
            p = page.evaluate("s => window.quotegraph.network.canvasToDOM({x: s.x, y: s.y})", s)
            if not (0 < p["x"] < frame["width"] and 0 < p["y"] < frame["height"]):
                continue
            page.mouse.click(frame["x"] + p["x"], frame["y"] + p["y"])
            assert page.evaluate("window.quotegraph.network.getSelectedNodes()") == [s["id"]], s["name"]
            assert page.locator("#panel h2").inner_text().startswith(s["name"])
    return boxes


def _shown(page) -> tuple[int, int]:
    """(speaker nodes, links) drawn."""
    return page.evaluate(
        """() => { const q = window.quotegraph, b = q.network.body;
            return [b.nodeIndices.filter(id => q.nodes.get(id).kind === 'speaker').length, b.edgeIndices.length]; }"""
    )


def test_view_browser_sample_no_label_covers_a_speaker_and_each_speaker_clicks_at_its_centre(browser, built_sample):
    page, errors, _ = _open(browser, built_sample / "graph.html")
    boxes = _check_layout(page)
    # Zelenskyy's one remark is a side below the display threshold: he waits for "show them"
    assert {"Jens Stoltenberg", "Ukrainian government"} <= {s["name"] for s in boxes["speakers"]}
    page.select_option("#f-mode", "versus")
    _check_layout(page)
    assert errors == []


def test_view_browser_who_opposes_whom_draws_camps_with_topic_and_remarks(browser, built_sample):
    page, errors, _ = _open(browser, built_sample / "graph.html")
    assert page.locator("#f-mode option", has_text="who opposes whom").count() == 1
    page.select_option("#f-mode", "versus")
    speakers, links = _shown(page)
    assert 0 < links <= 2 * speakers
    titles = page.evaluate("window.quotegraph.edges.get().filter(e => !e.hidden).map(e => e.title.textContent)")
    labels = page.evaluate("Object.values(window.quotegraph.data.topic_labels)")
    assert all(any(f"«{lab}»" in t for lab in labels) and " remark" in t for t in titles), titles
    sides = page.evaluate("window.quotegraph.edges.get().filter(e => !e.hidden).map(e => e.stance)")
    assert "support" in sides and "oppose" in sides
    # supporters stand left of their topic, opponents right
    placed = page.evaluate(
        """() => { const q = window.quotegraph, b = q.network.body;
            return q.edges.get().filter(e => !e.hidden).map(e => [e.stance, b.nodes[e.from].x - b.nodes[e.to].x]); }"""
    )
    assert all(dx < 0 for side, dx in placed if side == "support") and all(
        dx > 0 for side, dx in placed if side == "oppose"
    )
    assert errors == []


def test_view_browser_topic_filter_and_topic_click_count_the_same_remarks(browser, built_sample):
    page, errors, _ = _open(browser, built_sample / "graph.html")
    page.select_option("#f-topic", "arms-deliveries")
    counted = int(page.locator("#counts").inner_text().split(" · ")[1].split(" of ")[0].replace(",", ""))
    page.select_option("#f-topic", "")
    topic = page.evaluate("window.quotegraph.data.nodes.find(n => n.key === 'topic/arms-deliveries').id")
    page.evaluate(f"window.quotegraph.showNode({topic})")
    listed = page.locator("#panel .stmt").count()
    assert page.locator("#panel p.meta").first.inner_text().startswith(f"{listed} remark")
    assert counted == listed > 2
    assert errors == []


def test_view_browser_low_confidence_sides_hidden_counted_and_shown_on_demand(browser, tmp_path):
    # a corpus of its own: the sample build's one low side shows on news (stance.news moves it above the threshold)
    items = [
        stmt(f"a{i}.txt", 0, f"Remark {i} on the levy.", f"Speaker Number{i % 3} Surname",
             topics=(TopicStance("levy", side, conf, ()),), topic="levy", stance=side)
        for i, (side, conf) in enumerate([("support", 0.9), ("oppose", 0.3), ("support", 0.35), ("oppose", 0.8)])
    ]  # fmt: skip
    page, errors, _ = _open(browser, render_html(items, tmp_path / "g.html"))
    hidden = page.evaluate("window.quotegraph.data.hidden_low")
    assert hidden > 0 and f"{hidden} low-confidence side" in page.locator("#notice").inner_text()
    low = "window.quotegraph.edges.get().filter(e => e.low && !e.hidden).length"
    assert page.evaluate(low) == 0
    page.click("#show-low")
    assert page.evaluate(low) > 0
    assert errors == []


def _corpus(topics: int, speakers: int, remarks: int) -> list:
    """``remarks`` statements by ``speakers`` speakers on ``topics`` topics with long labels, sides mixed."""
    import random

    rng = random.Random(3)
    items = []
    for i in range(remarks):
        sp = int(rng.paretovariate(1.2)) % speakers
        t = f"t{(sp + rng.randint(0, 1)) % topics}"
        side = "support" if (sp + int(t[1:])) % 3 else "oppose"
        items.append(
            stmt(f"a{i}.txt", 0, f"Remark {i} on the matter.", f"Speaker Number{sp} Long-Surname", outlet=f"o{i % 7}",
                 topics=(TopicStance(t, side, 0.5 + (i % 5) / 10, ()),), topic=t, stance=side)
        )  # fmt: skip
    return items


def test_view_browser_a_big_corpus_reads_like_a_small_one(browser, tmp_path):
    labels = {f"t{i}": f"A long topic label number {i} about the policy of the government" for i in range(8)}
    path = render_html(_corpus(8, 400, 10_000), tmp_path / "g.html", topic_labels=labels)
    page, errors, _ = _open(browser, path)
    _check_layout(page, click=False)
    assert "most quoted speakers of each topic" in page.locator("#notice").inner_text()
    before = _shown(page)[0]
    page.click("#show-all")
    _check_layout(page, click=False)
    assert _shown(page)[0] > before
    page.select_option("#f-mode", "versus")
    speakers, links = _shown(page)
    assert links <= 2 * speakers
    _check_layout(page, click=False)
    assert errors == []
