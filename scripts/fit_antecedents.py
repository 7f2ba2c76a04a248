"""Fit the antecedent chooser of speaker pronouns (``extract/resources/antecedents.yaml``) on gold.

    python scripts/fit_antecedents.py /tmp/pieces-parses ../shared/eval/polnear-train/gold.jsonl \
        --dev /tmp/pieces-devparses ../shared/eval/polnear-dev/gold.jsonl --scorer ../shared/eval/score.py

The parses are those of ``scripts/attribution_harness.py parse``. Attribution runs on them as the harness
does; for every speaker pronoun ("she said") the candidates of
:func:`quotegraph.extract.speakers.coref.pronoun_candidates` and their features
(:mod:`quotegraph.extract.speakers.antecedents`) are recorded. The scorer's own matching pairs the
statements with gold; a matched statement whose gold names its speaker labels the candidates (the
scorer's surname test says which is right). Only pronouns with a right candidate count. A conditional
logistic model (softmax over one pronoun's candidates, L2) is fitted on the first set, scored by 5-fold
cross-validation over articles there and on the held-out ``--dev`` set against the rules' own pick, and
enabled only where it beats the rules on both. Gold stays outside the repository: only weights and figures
are written.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import numpy as np
import yaml
from quotegraph.extract.pipeline import Extractor
from quotegraph.extract.speakers import antecedents, coref
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]
Example = tuple[str, np.ndarray, np.ndarray, int]  # article, features (candidates x features), labels, rule's pick


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record(ex: Extractor, store: Path) -> tuple[list[dict], dict[tuple[str, int], tuple[list, str | None]]]:
    """Statements (as dicts) of the stored parses and, per (article, pronoun offset), the candidates and
    the rules' pick."""
    nlp = ex.nlp
    with open(store / "articles.pkl", "rb") as f:
        articles, _ = pickle.load(f)
    docs = DocBin().from_bytes((store / "docs.spacy").read_bytes()).get_docs(nlp.vocab)
    attribution = nlp.get_pipe("quote_attribution")
    seen: dict[tuple[str, int], tuple[list, str | None]] = {}
    current = [""]
    by_rules = coref._pronoun_by_rules

    def recording(mention, index, previous, doc, said):  # type: ignore[no-untyped-def]
        speaker, confidence = by_rules(mention, index, previous, doc, said)
        wanted, quote = said
        names = coref.pronoun_candidates(mention, index, previous, wanted, quote)
        found = antecedents.candidates(names, index, previous, doc, mention.start, (quote, wanted, speaker))
        seen[(current[0], mention.start)] = (found, speaker)
        return speaker, confidence

    coref._pronoun_by_rules = recording
    statements = []
    try:
        for doc, article in zip(docs, articles, strict=True):
            current[0] = article.name
            statements.extend(s.to_dict() for s in ex.finish(attribution(doc), article, None))
    finally:
        coref._pronoun_by_rules = by_rules
    return statements, seen


def examples(score: ModuleType, statements: list[dict], gold_path: Path, seen: dict) -> list[Example]:
    """One example per matched statement with a pronoun mention, a named gold speaker and a right candidate."""
    golds = score.load(str(gold_path))
    pairs, _, _ = score.match(statements, golds)
    out: list[Example] = []
    for pred, gold, _ in pairs:
        if gold.get("optional") or not gold.get("speaker") or pred.get("speaker_start") is None:
            continue
        key = (pred["article"], pred["speaker_start"])
        if key not in seen:
            continue
        found, pick = seen[key]
        labels = np.array([score.same_speaker(c.name, gold["speaker"]) for c in found], dtype=float)
        if not found or not labels.any():
            continue
        rule = next((k for k, c in enumerate(found) if pick is not None and c.values[0] == 1.0), -1)
        out.append((pred["article"], np.array([c.values for c in found]), labels, rule))
    return out


def fit(rows: Sequence[Example], l2: float = 1.0, steps: int = 2000, rate: float = 0.1) -> np.ndarray:
    """Weights of a conditional logit: maximise the log of the share of softmax mass on right candidates."""
    w = np.zeros(len(antecedents.FEATURES))
    for _ in range(steps):
        grad = l2 * w
        for _, x, y, _ in rows:
            p = np.exp(x @ w - (x @ w).max())
            p /= p.sum()
            q = p * y / (p * y).sum()
            grad -= (q - p) @ x
        w -= rate * grad / max(1, len(rows))
    return w


def accuracy(rows: Sequence[Example], w: np.ndarray | None) -> float:
    """Share of pronouns whose chosen candidate is right (``w`` None: the rules' pick)."""
    right = 0
    for _, x, y, rule in rows:
        if w is None:
            right += rule >= 0 and y[rule] > 0
        else:
            s = x @ w
            right += y[max(range(len(s)), key=lambda k: (s[k], k))] > 0
    return right / len(rows) if rows else 0.0


def cross_validated(rows: Sequence[Example], folds: int = 5) -> float:
    articles = sorted({a for a, *_ in rows})
    fold_of = {a: k % folds for k, a in enumerate(articles)}
    right = 0.0
    for k in range(folds):
        test = [r for r in rows if fold_of[r[0]] == k]
        w = fit([r for r in rows if fold_of[r[0]] != k])
        right += accuracy(test, w) * len(test)
    return right / len(rows) if rows else 0.0


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parses", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--dev", nargs=2, type=Path, metavar=("PARSES", "GOLD"), required=True)
    parser.add_argument("--scorer", type=Path, required=True)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "extract/resources/antecedents.yaml")
    args = parser.parse_args(argv)
    score = load_scorer(args.scorer)
    ex = Extractor(workers=1)
    train = examples(score, *_recorded(ex, args.parses, args.gold))
    dev = examples(score, *_recorded(ex, args.dev[0], args.dev[1]))
    w = fit(train)
    figures = {
        "train pronouns": len(train),
        "train rules": round(float(accuracy(train, None)), 4),
        "train chooser (5-fold)": round(float(cross_validated(train)), 4),
        "dev pronouns": len(dev),
        "dev rules": round(float(accuracy(dev, None)), 4),
        "dev chooser": round(float(accuracy(dev, w)), 4),
    }
    enabled = (
        figures["train chooser (5-fold)"] > figures["train rules"] and figures["dev chooser"] > figures["dev rules"]
    )
    print(yaml.safe_dump(figures, sort_keys=False), file=sys.stderr)
    header = (
        "# Learned chooser over the antecedents of a speaker pronoun (extract/speakers/antecedents.py): weights\n"
        "# of a conditional logit over the candidates' features. Written by scripts/fit_antecedents.py; do not\n"
        "# edit by hand. enabled only where it beats the rules' pick on both sets (figures: share of\n"
        "# pronouns whose pick the scorer's surname test finds right, among those with a right candidate).\n"
    )
    data = {
        "enabled": enabled,
        "fitted": f"{datetime.date.today().isoformat()} on {args.gold.parent.name} gold, held out: "
        f"{args.dev[1].parent.name}",
        "figures": figures,
        "weights": {f: round(float(v), 4) for f, v in zip(antecedents.FEATURES, w, strict=True)},
    }
    args.output.write_text(header + yaml.safe_dump(data, sort_keys=False), "utf-8")


def _recorded(ex: Extractor, parses: Path, gold: Path) -> tuple[list[dict], Path, dict]:
    statements, seen = record(ex, parses)
    return statements, gold, seen


if __name__ == "__main__":
    main()
