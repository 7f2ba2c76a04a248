"""Does ``quotegraph stance`` (records mode) keep off topics a statement is not about? A synthetic check on the
broad stance set, which has no neutral class of its own.

    python benchmarks/topic_gate.py [--broad DIR] [--share 0.333] [--seed 2024] [--root-letters N]
    python benchmarks/topic_gate.py --long 6 [--phrase] [--show N]

Per source (``argkp``, ``perspectrum``) the true records (their topic, their gold side) are judged, and so is
each text paired with the topic of another record (another topic, drawn with ``--seed``: the way benchmarks with
a neutral class build much of it), labelled neutral. The mix is the true records plus swapped ones at ``--share``
of it. ``--long K``: comments rather than single rows, as a benchmark of online comments has them (50-200 words):
the rows of one topic and one gold side joined, 3 to K at a time (sizes drawn with ``--seed``; a last group of
2 kept, a single row left out), one text with that side; a long text meets a word of another topic far more
often than one row does. ``--wander`` (with ``--long``): instead each row among 2 to K - 1 rows of other topics,
a comment that argues its topic in one sentence and wanders off (swapped: a topic of none of its rows), where
a mention test strict on long texts loses most true mentions. ``--phrase``: the topics turned into noun phrases
first, as
``benchmarks/phrase_topics.py`` turns them (the rows it can convert). Printed for the true records and the mix,
with the gate (``records_gate`` of topic_match.yaml) and without: sided predictions, their precision, coverage of
sided gold at precision >= 0.75, stance ECE (as ``stance_trust.py`` computes them), 3-class macro-F1; and how many
true and swapped records mention their topic (the false-mention rate: swapped ones that do; ``--show N`` prints N).
Reads the set at run time and writes nothing.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT / "shared")
SOURCES = ("argkp", "perspectrum")
TARGET = 0.75
SIDES = ("support", "oppose")


def trust(pairs: Sequence[tuple[str | None, float, str]]) -> dict[str, float]:
    """(predicted, confidence, gold) -> sided, precision, coverage at TARGET, ECE (10 bins), macro-F1."""
    sided_gold = sum(g in SIDES for _, _, g in pairs)
    rows = sorted(((c, p == g) for p, c, g in pairs if p in SIDES), key=lambda r: -r[0])
    best, right = 0.0, 0
    for i, (c, ok) in enumerate(rows, 1):
        right += ok
        if (i == len(rows) or rows[i][0] != c) and right / i >= TARGET:
            best = max(best, right / sided_gold if sided_gold else 0.0)
    ece = 0.0
    for b in range(10):
        cell = [(c, ok) for c, ok in rows if b / 10 <= c < (b + 1) / 10 or (b == 9 and c == 1.0)]
        if cell:
            ece += (
                len(cell) / len(rows) * abs(sum(ok for _, ok in cell) / len(cell) - sum(c for c, _ in cell) / len(cell))
            )
    f1s = []
    for label in (*SIDES, "neutral"):
        tp = sum(p == label == g for p, _, g in pairs)
        fp = sum(p == label != g for p, _, g in pairs)
        fn = sum(g == label != p for p, _, g in pairs)
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    precision = sum(ok for _, ok in rows) / len(rows) if rows else 0.0
    return {"sided": len(rows), "precision": precision, "coverage": best, "ece": ece, "macro_f1": sum(f1s) / len(f1s)}


def swapped(records: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Each record's text with the topic of another record on another topic, labelled neutral."""
    rng = random.Random(seed)
    out = []
    for record in records:
        while True:
            other = records[rng.randrange(len(records))]
            if other["topic"]["id"] not in record.get("topics", (record["topic"]["id"],)):
                break
        out.append(
            {**record, "id": f"{record['id']}|{other['topic']['id']}", "topic": other["topic"], "stance": "neutral"}
        )
    return out


def comments(records: list[dict[str, Any]], most: int, seed: int) -> list[dict[str, Any]]:
    """The rows of each (topic, gold side) joined into comments of 3 to ``most`` rows (a last group of 2 kept),
    each row a sentence: one text with the rows' topic and side, its id the rows' ids."""
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for record in records:
        groups.setdefault((record["topic"]["id"], record["stance"]), []).append(record)
    out = []
    for key in sorted(groups):
        rows = groups[key]
        rng.shuffle(rows)
        while len(rows) >= 2:
            size = min(len(rows), rng.randint(3, max(3, most)))
            chunk, rows = rows[:size], rows[size:]
            text = " ".join(sentence(r["text"]) for r in chunk)
            out.append({**chunk[0], "id": "+".join(r["id"] for r in chunk), "text": text})
    return out


def wandering(records: list[dict[str, Any]], most: int, seed: int) -> list[dict[str, Any]]:
    """Each row among 2 to ``most`` - 1 rows of other topics, in a random place: a comment that argues its
    topic in one sentence and wanders off (its topic and side the row's; ``topics``: all its rows' topics)."""
    rng = random.Random(seed)
    out = []
    for record in records:
        others = [o for o in rng.sample(records, 3 * most) if o["topic"]["id"] != record["topic"]["id"]]
        others = others[: rng.randint(2, max(2, most - 1))]
        parts = [sentence(o["text"]) for o in others]
        parts.insert(rng.randrange(len(parts) + 1), sentence(record["text"]))
        topics = sorted({record["topic"]["id"], *(o["topic"]["id"] for o in others)})
        out.append({**record, "text": " ".join(parts), "topics": topics})
    return out


def sentence(text: str) -> str:
    """A row as a sentence of a comment: capital first letter, a full stop at the end."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text[-1:] in ".!?" else text + "."


def judged(records: list[dict[str, Any]], docs: list[Any], gate: bool) -> list[tuple[str | None, float, str]]:
    """(predicted, confidence, gold) of each record, judged as ``quotegraph stance`` judges it."""
    from quotegraph.extract.stance import StanceAssigner
    from quotegraph.extract.stance.judge import record_item

    assigner = StanceAssigner([])
    items = [(*record_item(r, {}, n), doc) for n, (r, doc) in enumerate(zip(records, docs, strict=True), 1)]
    answers = assigner.judge(items, gate)
    return [(a.stance, a.confidence, r["stance"]) for a, r in zip(answers, records, strict=True)]


def phrase_rows() -> list[dict[str, Any]]:
    """The rows ``benchmarks/phrase_topics.py`` converts to noun-phrase topics."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("phrase_topics", Path(__file__).with_name("phrase_topics.py"))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.build()[0]


def show(name: str, result: dict[str, float]) -> str:
    return f"{name}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--broad", type=Path, default=SHARED / "eval" / "stance-broad")
    ap.add_argument("--share", type=float, default=1 / 3, help="share of swapped (neutral) records in the mix")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--root-letters", type=int, help="override mention.root_letters of topic_match.yaml")
    ap.add_argument("--long", type=int, default=0, help="join 3 to K rows of a topic and side into one comment")
    ap.add_argument("--wander", action="store_true", help="with --long: one row among rows of other topics")
    ap.add_argument("--phrase", action="store_true", help="noun-phrase topics (benchmarks/phrase_topics.py)")
    ap.add_argument("--show", type=int, default=0, help="print N swapped records that mention their topic")
    args = ap.parse_args()
    import json

    from quotegraph.extract.nlp import load_base
    from quotegraph.extract.stance import aboutness
    from quotegraph.extract.stance.topics import parse_topics

    def about(doc: Any) -> aboutness.About:
        return aboutness.about_weights(doc, 0, len(doc.text))

    if args.root_letters is not None:
        aboutness._config()["mention"]["root_letters"] = args.root_letters
    nlp = load_base()
    phrased = phrase_rows() if args.phrase else []
    for source in SOURCES:
        lines = (args.broad / source / "records.jsonl").read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
        if args.phrase:
            records = [r for r in phrased if r["dataset"] == source]
        if args.long:
            records = (wandering if args.wander else comments)(records, args.long, args.seed)
            words = sum(len(r["text"].split()) for r in records) / len(records)
            print(f"{source}: {len(records)} comments of {words:.0f} words on average")
        docs = list(nlp.pipe((r["text"] for r in records), batch_size=256))
        swaps = swapped(records, args.seed)
        keep = sorted(
            random.Random(args.seed + 1).sample(range(len(swaps)), round(len(records) * args.share / (1 - args.share)))
        )
        said = [
            [
                aboutness.mentions(parse_topics({"topics": [r["topic"]]})[0], r["text"], about(doc))
                for r, doc in zip(rs, docs, strict=True)
            ]
            for rs in (records, swaps)
        ]
        mentioned = [sum(map(bool, s)) for s in said]
        print(
            f"{source}: mention their topic: true {mentioned[0]}/{len(records)}, swapped {mentioned[1]}/{len(swaps)}"
            f" (false-mention rate {mentioned[1] / len(swaps):.3f})"
        )
        shown = [(w, r) for w, r in zip(said[1], swaps, strict=True) if w][: args.show]
        for words, r in shown:
            print(f"    {r['topic']['proposition']!r} by {words}: {r['text'][:300]}")
        for gate in (False, True):
            true = judged(records, docs, gate)
            fake = judged([swaps[i] for i in keep], [docs[i] for i in keep], gate)
            label = "gate" if gate else "no gate"
            print("  " + show(f"{label}, true", trust(true)))
            print("  " + show(f"{label}, mix ({len(keep)} swapped)", trust(true + fake)))


if __name__ == "__main__":
    main()
