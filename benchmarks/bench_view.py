"""The HTML view of a real corpus in headless Chromium: page size, first paint, filter times.

    python benchmarks/bench_view.py STATEMENTS.jsonl [--topics TOPICS.yaml] [--runs 3]

STATEMENTS.jsonl is a build's statements.jsonl (for the README figures, polnear-train: 840 articles,
10,727 statements; ``python benchmarks/bench_build.py`` writes one). Prints the HTML size, the nodes and
edges drawn, the time from navigation to the first drawn frame (vis-network ``afterDrawing``) and until
the page is idle, and the time of each filter change (topic, stance, speaker, search) and of a click on
the busiest topic (the side panel), measured in the page with ``performance.now()``.
Needs Playwright and Debian's chromium.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from quotegraph.extract.model import read_jsonl
from quotegraph.graph.view import render_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

PROBE = """() => new Promise(resolve => {
  const t0 = performance.timeOrigin;
  const wait = () => {
    const q = window.quotegraph;
    if (!q || !q.network) return setTimeout(wait, 5);
    if (q.firstDraw) return resolve(q.firstDraw);
    q.network.once('afterDrawing', () => resolve(performance.now()));
  };
  wait();
})"""

FILTER = """([id, value]) => {
  const el = document.getElementById(id);
  const t = performance.now();
  el.value = value;
  el.dispatchEvent(new Event('input'));
  return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - t))));
}"""


CLICK = """() => {
  // the busiest topic node: the click that painted 5,979 cards before the panel paged
  const q = window.quotegraph;
  ['f-topic', 'f-stance', 'f-speaker', 'f-search'].forEach(id => {
    const el = document.getElementById(id); el.value = ''; el.dispatchEvent(new Event('input')); });
  const topics = q.data.nodes.filter(n => n.kind === 'topic');
  const busiest = topics
    .map(n => [q.data.edges.filter(e => e.to === n.id).reduce((a, e) => a + e.statements.length, 0), n.id])
    .sort((a, b) => b[0] - a[0])[0];
  const t = performance.now();
  q.showNode(busiest ? busiest[1] : q.data.nodes[0].id);
  return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() =>
    r([performance.now() - t, document.querySelectorAll('#panel .stmt').length]))));
}"""

SHOWN = """() => { const q = window.quotegraph;
  return [q.nodes.get({filter: n => !n.hidden}).length, q.edges.get({filter: e => !e.hidden}).length]; }"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("statements", type=Path)
    ap.add_argument("--topics", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--screenshot", type=Path, default=None, help="PNG of the page as loaded (first run)")
    ap.add_argument("--per-topic", type=int, default=None, help="speakers per topic (default: the view's)")
    args = ap.parse_args()
    items = list(read_jsonl(args.statements))
    labels = {}
    if args.topics:
        from quotegraph.extract.stance import load_topics

        labels = {t.id: t.label for t in load_topics(args.topics)}
    out = Path(tempfile.mkdtemp(prefix="bench-view-")) / "graph.html"
    t = time.perf_counter()
    kw = {} if args.per_topic is None else {"per_topic": args.per_topic}
    render_html(items, out, topic_labels=labels, **kw)
    size = out.stat().st_size / 1e6
    print(f"statements {len(items):,}; render_html {time.perf_counter() - t:.1f} s; html {size:.1f} MB")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        paints, idles, filters = [], [], {}
        for _ in range(args.runs):
            page = browser.new_page(viewport={"width": 1300, "height": 800})
            began = time.perf_counter()
            page.goto(out.as_uri(), wait_until="commit")
            paints.append(page.evaluate(PROBE) / 1000)
            page.wait_for_load_state("load")
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
            idles.append(time.perf_counter() - began)
            if args.screenshot and not paints[1:]:
                page.screenshot(path=str(args.screenshot))
            drawn = page.evaluate(SHOWN)
            notice = page.evaluate("() => document.getElementById('notice').textContent")
            zoom = page.evaluate("() => window.quotegraph.network.getScale()")
            second = "(id) => (document.querySelector('#' + id + ' option:nth-child(2)') || {}).value || ''"
            topic = page.evaluate(second, "f-topic")
            speaker = page.evaluate(second, "f-speaker")
            for name, change in [
                ("topic", ["f-topic", topic]),
                ("stance", ["f-stance", "oppose"]),
                ("speaker", ["f-speaker", speaker]),
                ("search", ["f-search", "tax"]),
                ("clear", ["f-search", ""]),
            ]:
                filters.setdefault(name, []).append(page.evaluate(FILTER, change))
            ms, cards = page.evaluate(CLICK)
            filters.setdefault("click", []).append(ms)
            page.close()
        browser.close()
    print(f"shown at load: {drawn[0]:,} nodes, {drawn[1]:,} edges ({notice or 'everything'}); fitted zoom {zoom:.2f}")
    print(f"first paint: median {statistics.median(paints):.2f} s (runs: {', '.join(f'{x:.2f}' for x in paints)})")
    print(f"page idle:   median {statistics.median(idles):.2f} s")
    for name, times in filters.items():
        print(f"filter {name:<8} median {statistics.median(times):7.0f} ms (max {max(times):.0f})")
    print(f"click on the busiest topic paints {cards} cards")


if __name__ == "__main__":
    main()
