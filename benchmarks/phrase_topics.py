"""Stance on topics that only name a thing: stance-broad with each motion turned into its noun phrase.

    python benchmarks/phrase_topics.py [--out DIR] [--show N] [--list]

Benchmarks of argumentative comments give the topic as a noun phrase taken from the comment ("gun control",
"nuclear power"), and support means being FOR the thing. stance-broad's topics are sentences; this script
converts the ones whose shape makes the conversion mechanical and safe, as a converter would:

- "We should <verb> <object>" and "<object> should|must [not] be <verb-ed>" with nothing after the verb;
- the topic becomes the object noun phrase: proposition, label (first letter capitalised) and keywords are that
  phrase ("the use of" and "the abolition of" are read through: "We should abandon the use of school uniform"
  is about "school uniform");
- a verb that wants the thing gone or limited (ban, abolish, abandon, end, close, fight, prohibit, ...) swaps
  support and oppose; a verb that wants it (adopt, introduce, legalize, allow, ...) keeps them; "not" swaps again;
- any other motion (a quantity: "fees should be increased", a mandate: "X should be compulsory", a purpose or a
  complement after the verb, a subject that is a person: "Teachers must be banned from ...") is left out, and so
  are the motions of SKIP, whose opposers argue about the means, not the thing.

It reads ``../shared/eval/stance-broad/*/records.jsonl`` at run time, judges the converted rows with
``quotegraph stance``'s function (rules backend) and prints, per source and overall, the figures of
``../shared/eval/stance_trust.py --records``, the 2-label macro-F1, and how many rows get no side. The converted
records and the predictions are written to ``--out`` (default ``/tmp/phrase_topics``), never into the repo.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT / "shared")
BROAD = SHARED / "eval" / "stance-broad"

AGAINST = {
    "abandon",
    "abolish",
    "ban",
    "end",
    "close",
    "fight",
    "prohibit",
    "outlaw",
    "limit",
    "cancel",
    "scrap",
    "restrict",
    "criminalize",
    "criminalise",
    "eliminate",
    "stop",
    "fight for the abolition of",
}
FOR = {
    "adopt",
    "introduce",
    "legalize",
    "legalise",
    "subsidize",
    "subsidise",
    "protect",
    "allow",
    "permit",
    "encourage",
    "support",
    "promote",
    "keep",
}
PARTICIPLES = {
    "banned": "ban",
    "abolished": "abolish",
    "abandoned": "abandon",
    "scrapped": "scrap",
    "prohibited": "prohibit",
    "outlawed": "outlaw",
    "restricted": "restrict",
    "illegal": "ban",
    "made illegal": "ban",
    "criminalized": "criminalize",
    "criminalised": "criminalise",
    "a criminal offence": "ban",
    "legalized": "legalize",
    "legalised": "legalize",
    "legal": "legalize",
    "made legal": "legalize",
    "allowed": "allow",
    "permitted": "permit",
    "encouraged": "encourage",
    "introduced": "introduce",
    "subsidized": "subsidize",
    "subsidised": "subsidize",
}
SKIP = {"We should subsidize journalism"}
"""Motions whose opposers argue against the means and for the thing ("the press must stay independent of the
state"): being against subsidizing journalism is not being against journalism."""
THROUGH = re.compile(r"^(?:the use of|the abolition of|the practice of)\s+", re.I)
DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
WE_SHOULD = re.compile(r"^we should (fight for the abolition of|\w+) (.+?)\.?$", re.I)
SHOULD_BE = re.compile(
    r"^(.+?) (?:should|must) (not )?be (" + "|".join(sorted(PARTICIPLES, key=len, reverse=True)) + r")\.?$", re.I
)
PRONOUNS = {"it", "there", "this", "that", "they", "we"}
PERSONS = {"people", "children", "teachers", "women", "men"}


def convert(proposition: str) -> tuple[str, bool] | None:
    """(the noun phrase, whether support and oppose swap), or None when the motion is not mechanical."""
    if proposition.strip() in SKIP:
        return None
    m = WE_SHOULD.match(proposition.strip())
    if m:
        verb, phrase, negated = m.group(1).lower(), m.group(2), False
    else:
        m = SHOULD_BE.match(proposition.strip())
        if not m:
            return None
        phrase, negated, verb = m.group(1), bool(m.group(2)), PARTICIPLES[m.group(3).lower()]
        if phrase.split()[0].lower() in PERSONS:  # "Teachers must be banned ...": people, not a thing
            return None
    if verb not in AGAINST and verb not in FOR:
        return None
    phrase = THROUGH.sub("", phrase.strip())
    if phrase.split()[0].lower() in PRONOUNS or re.search(r"/| from ", phrase) or not re.search(r"[a-z]", phrase, re.I):
        return None
    return phrase, (verb in AGAINST) != negated


STOP = {"the", "a", "an", "of", "in", "on", "to", "and", "or", "for", "with", "by", "at", "from", "that", "other"}


def phrase_topic(topic: dict[str, Any], phrase: str, inner: bool = False) -> dict[str, Any]:
    """The topic as a phrase: proposition, label and keywords all the phrase (keywords lower case). ``inner``:
    as stance-broad's converter does with fewer than 2 keywords, the phrase's first content word is added
    ("school uniform" -> [school uniform, school])."""
    bare = DETERMINER.sub("", phrase).strip()
    keywords = [bare.lower()]
    words = [w for w in re.findall(r"[\w'-]+", bare.lower()) if w not in STOP]
    if inner and len(words) > 1:
        keywords.append(words[0])
    return {
        "id": topic["id"] + "-phrase",
        "label": bare[:1].upper() + bare[1:],
        "proposition": phrase.lower(),
        "keywords": keywords,
    }


SWAP = {"support": "oppose", "oppose": "support"}


def build(inner: bool = False) -> tuple[list[dict[str, Any]], Counter, Counter]:
    rows, kept, left = [], Counter(), Counter()
    for source in ("argkp", "perspectrum"):
        for record in map(json.loads, (BROAD / source / "records.jsonl").read_text(encoding="utf-8").splitlines()):
            converted = convert(record["topic"]["proposition"])
            if converted is None:
                left[(source, record["topic"]["proposition"])] += 1
                continue
            phrase, swap = converted
            kept[(source, record["topic"]["proposition"], phrase, swap)] += 1
            stance = SWAP.get(record["stance"], record["stance"]) if swap else record["stance"]
            rows.append({**record, "topic": phrase_topic(record["topic"], phrase, inner), "stance": stance})
    return rows, kept, left


def _trust_module():
    spec = importlib.util.spec_from_file_location("stance_trust", SHARED / "eval" / "stance_trust.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def figures(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> str:
    r = _trust_module().trust(preds, golds, 0.75, records=True)
    by_id = {p["id"]: p.get("stance") for p in preds}
    f1s = []
    for label in ("support", "oppose"):
        tp = sum(1 for g in golds if by_id.get(g["id"]) == label == g["stance"])
        fp = sum(1 for g in golds if by_id.get(g["id"]) == label != g["stance"])
        fn = sum(1 for g in golds if g["stance"] == label != by_id.get(g["id"]))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    unsided = sum(1 for g in golds if by_id.get(g["id"]) not in ("support", "oppose"))
    return (
        f"rows {len(golds)}, sided {r['sided_predicted']}, no side {unsided}, precision {r['precision']:.3f}, "
        f"coverage@0.75 {r['coverage_at_precision']:.3f}, ECE {r['ece']:.3f}, "
        f"2-label macro-F1 {sum(f1s) / 2:.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/phrase_topics", help="folder for the converted records and predictions")
    ap.add_argument("--no-gate", action="store_true", help="judge every text, also one that does not mention its topic")
    ap.add_argument("--inner", action="store_true", help="add the phrase's first content word as a keyword")
    ap.add_argument("--list", action="store_true", help="list the motions kept and left out")
    ap.add_argument("--show", type=int, default=0, help="print N wrong or unsided rows")
    args = ap.parse_args()
    rows, kept, left = build(args.inner)
    if args.list:
        for (source, prop, phrase, swap), n in sorted(kept.items()):
            print(f"kept {source} {n:3d} {'swap' if swap else 'keep'} {phrase!r} <- {prop!r}")
        for (source, prop), n in sorted(left.items()):
            print(f"left {source} {n:3d} {prop!r}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "records.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    from quotegraph.extract.stance.judge import judge_records

    preds = judge_records(rows, gate=not args.no_gate)
    with open(out / "pred.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(p) + "\n" for p in preds)
    topics = {(s, p) for s, p, _, _ in kept}
    print(f"kept {len(rows)} rows on {len(topics)} motions; left out {sum(left.values())} rows on {len(left)}")
    for source in ("argkp", "perspectrum"):
        golds = [r for r in rows if r["dataset"] == source]
        print(f"{source}: {figures([p for p, r in zip(preds, rows, strict=True) if r['dataset'] == source], golds)}")
    print(f"all: {figures(preds, rows)}")
    shown = 0
    for p, r in zip(preds, rows, strict=True):
        if shown < args.show and p["stance"] != r["stance"]:
            shown += 1
            print(
                f"[{r['stance']} got {p['stance']} {p['confidence']:.2f}] {r['topic']['proposition']}: {r['text']}"
                f"\n    {p['evidence']}"
            )


if __name__ == "__main__":
    main()
