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
    page = browser.new_page(viewport={"width": 1300, "height": 800})
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
    data_nodes = page.evaluate("window.quotegraph.data.nodes.length")
    # the "who opposes whom" edges wait, hidden, for their mode
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
    page.fill("#f-search", "ecstasy")
    count = page.locator("#counts").inner_text()
    matching = sum("ecstasy" in s.quote.lower() for s in sample_statements)
    assert 1 <= matching < len(sample_statements)
    assert count.endswith(f" {matching} of {len(sample_statements)} statements"), count


def test_view_browser_injected_script_never_runs(browser, tmp_path):
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> said the man'
    statements = merge_statements([
        stmt("a.txt", 0, hostile, "Ann Lee", topics=(TopicStance("t", "support"),), topic="t", stance="support"),
        stmt("b.txt", 0, "A second, harmless remark about the budget.", "Bo Park", topics=(TopicStance("t", "oppose"),)),
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
    topics = (TopicStance("troops", "oppose"), TopicStance("arms", "support"))
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
    shown = page.evaluate("window.quotegraph.edges.get().filter(e => !e.hidden).map(e => e.rel).sort()")
    assert shown == ["agrees", "opposes", "opposes"]  # Lee and Diaz agree, each opposes Park
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
