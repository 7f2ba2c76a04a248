"""Screenshots of the HTML view in headless Chromium, for the README.

    python scripts/make_screenshot.py                       # builds data/ and writes docs/graph.png
    python scripts/make_screenshot.py --html OUT/graph.html -o docs/view-polnear-train.png [--mode versus]

Without ``--html`` the README quick-start build of the sample (``data/articles`` with its topics and
entities) is made in a temporary folder and its ``graph.html`` is shot, so docs/graph.png always shows
what the quick start gives. Needs Playwright and Debian's chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SIZE = {"width": 1400, "height": 850}


def build_sample(outdir: Path) -> Path:
    from quotegraph.run import build

    data = ROOT / "data"
    build(
        [data / "articles"],
        outdir,
        topics=data / "topics.yaml",
        entities=[data / "entities.yaml"],
        progress=False,
    )
    return outdir / "graph.html"


def shoot(html: Path, png: Path, *, mode: str = "stance", select: str | None = None, topic: str | None = None) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport=SIZE, device_scale_factor=1)
        page.goto(html.resolve().as_uri())
        page.wait_for_function("window.quotegraph && window.quotegraph.network && window.quotegraph.firstDraw")
        if mode != "stance":
            page.select_option("#f-mode", mode)
        if topic:
            page.select_option("#f-topic", topic)
        if select:
            page.evaluate("name => window.quotegraph.jumpTo(name)", select)
            page.evaluate("() => window.quotegraph.fitShown()")
        page.wait_for_timeout(400)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        browser.close()
    return png


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--html", type=Path, help="a graph.html to shoot (default: build the sample)")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "graph.png")
    ap.add_argument("--mode", default="stance", choices=("stance", "versus"))
    ap.add_argument("--select", help="a speaker to select (their statements in the side panel)")
    ap.add_argument("--topic", help="a topic id to filter on")
    args = ap.parse_args()
    if args.html:
        print(shoot(args.html, args.output, mode=args.mode, select=args.select, topic=args.topic))
        return
    with tempfile.TemporaryDirectory() as tmp:
        html = build_sample(Path(tmp) / "out")
        print(shoot(html, args.output, mode=args.mode, select=args.select, topic=args.topic))


if __name__ == "__main__":
    main()
