"""Fit the statement confidence table (``extract/resources/attribution_rules.yaml``) on gold.

    quotegraph extract ARTICLES --no-consistency -o PRED.jsonl
    python scripts/fit_attribution_confidence.py PRED.jsonl GOLD.jsonl [-o extract/resources/attribution_rules.yaml]

Each predicted statement is judged as ``quotegraph evaluate`` judges it (right: it matches a required gold
statement and names the gold's speaker where the gold names one; a statement that matches nothing is
wrong) and counted in its cells (:func:`quotegraph.extract.attribution.confidence.cell_keys`: rule; rule
and kind; and speaker class; and length). How much a small cell leans on the one above it (the prior
strength) is chosen by cross-validation over articles (five folds, the lowest log loss: calibration
and sharpness together). The confidences in PRED do not matter: only what the statements are.
"""

from __future__ import annotations

import argparse
import logging
import math
import zlib
from collections.abc import Sequence
from pathlib import Path

import yaml
from quotegraph.extract.attribution.confidence import ConfidenceTable, cell_keys
from quotegraph.extract.model import Statement

from quotegraph.evaluate import calibration, judged_statements, load_rows, match

log = logging.getLogger("fit_attribution_confidence")

LENGTH_BINS = (8, 20, 40)  # quote words: short, sentence, long, very long
PRIOR_STRENGTHS = (1.0, 2.0, 5.0, 10.0, 20.0, 40.0, 80.0)
FOLDS = 5


def judged(pred_path: Path, gold_path: Path) -> list[tuple[str, Statement, bool]]:
    """(article, statement, right) for every judged prediction."""
    pairs, lone, _ = match(load_rows(pred_path), load_rows(gold_path))
    return [(str(row.get("article")), Statement.from_dict(dict(row)), ok) for row, ok in judged_statements(pairs, lone)]


def count(rows: Sequence[tuple[str, Statement, bool]], bins: Sequence[int]) -> dict[str, tuple[int, int]]:
    cells: dict[str, tuple[int, int]] = {}
    for _, s, ok in rows:
        for key in cell_keys(s, bins):
            n, right = cells.get(key, (0, 0))
            cells[key] = (n + 1, right + ok)
    return cells


def cross_validated(rows: Sequence[tuple[str, Statement, bool]], strength: float) -> tuple[float, float]:
    """The mean log loss and the expected calibration error of held-out articles' statements, five folds
    by article."""
    fold = [zlib.crc32(article.encode()) % FOLDS for article, _, _ in rows]
    scored = []
    for k in range(FOLDS):
        train = [r for r, f in zip(rows, fold, strict=True) if f != k]
        table = ConfidenceTable(count(train, LENGTH_BINS), strength, LENGTH_BINS)
        scored += [(table.confidence(s), ok) for (_, s, ok), f in zip(rows, fold, strict=True) if f == k]
    eps = 1e-6
    loss = -sum(math.log(max(eps, c if ok else 1 - c)) for c, ok in scored) / len(scored)
    return loss, calibration(scored)[0]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("predictions", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=Path("extract/resources/attribution_rules.yaml"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = judged(args.predictions, args.gold)
    scores = {m: cross_validated(rows, m) for m in PRIOR_STRENGTHS}
    for m, (loss, ece) in scores.items():
        log.info("prior strength %5.1f: cross-validated log loss %.4f, ECE %.4f", m, loss, ece)
    best = min(scores, key=lambda m: (scores[m], m))
    table = ConfidenceTable(count(rows, LENGTH_BINS), best, LENGTH_BINS, fitted_on=args.gold.parent.name)
    in_sample = calibration([(table.confidence(s), ok) for _, s, ok in rows])[0]
    log.info("%d statements, prior strength %.1f, ECE in sample %.4f", len(rows), best, in_sample)
    header = (
        "# Statement confidence: per cell (rule | kind | speaker class | quote length) the statements judged\n"
        "# on gold (n) and the right ones. Written by scripts/fit_attribution_confidence.py; do not edit.\n"
    )
    args.output.write_text(header + yaml.safe_dump(table.to_dict(), sort_keys=False, allow_unicode=True), "utf-8")
    log.info("wrote %s", args.output)


if __name__ == "__main__":
    main()
