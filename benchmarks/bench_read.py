"""CPU time of reading one article (boilerplate, title and repeated-line detection, the reader's scans)
against its line count: N lines, then 2N, so a linear scan shows a ratio near 2 (the detection used to
grow with the square of the line count: 0.5 MB of repeated quote lines took 27 CPU-s, 20 MB about 12 h).

    python benchmarks/bench_read.py [--lines 5000,10000,20000,40000] [--repeat 3]

Three shapes of text, each with every line a quote: the same line repeated (a hostile file), each line
a little different (a number in it: past the detection's work limit), and a real-looking article body
printed twice. Prints the seconds for each size and the ratio to the size before it.
"""

from __future__ import annotations

import argparse
import time

from quotegraph.extract.reading.articles import find_skips

LINE = "\u201cWe will not raise taxes this year and we will not change the plans for the budget,\u201d Anna Berg said."
PARAGRAPH = (
    "The minister said on Tuesday that the government would not change its plans for the budget, "
    "and that the opposition had been told about the decision in a meeting with the party leaders {n}."
)


def text(shape: str, lines: int) -> str:
    if shape == "same":
        body = [LINE] * lines
    elif shape == "numbered":
        body = [LINE.replace("this year", f"in year {n}") for n in range(lines)]
    else:  # an article of distinct paragraphs printed twice
        half = [PARAGRAPH.format(n=n) + f" Paragraph {n} of the report." for n in range(lines // 2)]
        body = half + half
    return "A title\n\n" + "\n".join(body) + "\n"


def cpu_seconds(shape: str, lines: int, repeat: int) -> float:
    sample = text(shape, lines)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        find_skips(sample)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", default="5000,10000,20000,40000", help="line counts, each the double of the last")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (the fastest is kept)")
    args = parser.parse_args()
    sizes = [int(float(n)) for n in args.lines.split(",")]
    print(f"{'shape':<10} {'lines':>8} {'MB':>6} {'CPU-s':>8} {'ratio':>6}")
    for shape in ("same", "numbered", "twice"):
        last = None
        for n in sizes:
            seconds = cpu_seconds(shape, n, args.repeat)
            ratio = f"{seconds / last:6.2f}" if last else "     -"
            print(f"{shape:<10} {n:>8} {len(text(shape, n)) / 1e6:>6.2f} {seconds:>8.3f} {ratio}")
            last = seconds


if __name__ == "__main__":
    main()
