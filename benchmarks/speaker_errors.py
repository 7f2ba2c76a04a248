"""Count the wrong-speaker errors of a prediction by family (issue 27).

    python benchmarks/speaker_errors.py PRED.jsonl GOLD.jsonl --scorer /work/shared/eval/score.py [--articles DIR]
        [--show FAMILY]

The scorer's own matching and surname test decide which matched statements have a wrong speaker; this
script only sorts them by what the prediction's speaker mention was:

    unattributed          no speaker and no mention (no rule gave one)
    pronoun-unresolved    a pronoun mention left without a name
    pronoun-wrong         a pronoun resolved to someone else
    continued-wrong       no mention: the quote was taken to continue the previous speaker
    description-kept      a role or description ("the mayor") kept as the speaker where gold names someone
    description-wrong     a description resolved to another person
    document              a document ("a release", "the report") as the speaker
    date-or-place         a time, a day or a place as the speaker ("Tuesday", "2:40 p.m", "OSLO")
    headline              a statement of the title line
    gold-description      gold keeps a description ("the Florida senator") where a name was predicted
    named-other           the mention names someone else (attribution picked another mention)
    other
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import re

PRONOUNS = {"he", "she", "they", "him", "her", "them", "i", "we", "it", "his", "their", "you"}
DOCUMENT = {
    "article",
    "column",
    "op-ed",
    "editorial",
    "email",
    "letter",
    "memo",
    "statement",
    "ad",
    "video",
    "report",
    "study",
    "analysis",
    "document",
    "filing",
    "brief",
    "release",
    "post",
    "tweet",
    "message",
    "book",
    "paper",
    "survey",
    "poll",
    "data",
    "story",
    "blog",
    "website",
    "petition",
    "lawsuit",
    "complaint",
    "findings",
    "ruling",
    "decision",
    "order",
    "indictment",
    "motion",
    "suit",
    "transcript",
    "statements",
    "reports",
}
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
TIME = re.compile(r"\d+:\d+|\b[ap]\.?m\b|^\d{4}$", re.I)


def load_scorer(path: str):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def named(text: str) -> bool:
    """A name: some capitalised word that is not the first word's capital alone ("The mayor")."""
    words = re.findall(r"[\w’'.-]+", text or "")
    caps = [w for i, w in enumerate(words) if w[:1].isupper() and (i > 0 or w.lower() not in ("the", "a", "an"))]
    return bool(caps)


def family(pred: dict, gold: dict, titles: dict[str, str]) -> str:
    mention = (pred.get("speaker_mention") or "").strip()
    speaker = pred.get("speaker")
    low = mention.lower()
    words = low.split()
    title = titles.get(pred.get("article") or "")
    start = pred.get("start")
    if title and start is not None and start < len(title) + 5 and (pred.get("quote") or "") in title:
        return "headline"
    if not mention and not speaker:
        return "unattributed"
    if not mention:
        return "continued-wrong"
    if words and words[-1] in PRONOUNS and len(words) <= 2:
        return "pronoun-unresolved" if not speaker else "pronoun-wrong"
    if words and (words[-1].strip(",.") in DOCUMENT or any(w in DOCUMENT for w in words[:3])):
        return "document"
    if words and (words[-1].strip(",.") in DAYS or TIME.search(mention)):
        return "date-or-place"
    if mention.isupper() and len(mention) > 2:
        return "date-or-place"
    gold_speaker = gold.get("speaker") or ""
    if not named(gold_speaker) and speaker and named(speaker):
        return "gold-description"
    if not named(mention):
        return "description-kept" if speaker and not named(speaker) else "description-wrong"
    return "named-other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred")
    ap.add_argument("gold")
    ap.add_argument("--scorer", required=True)
    ap.add_argument("--show", default=None, help="print the errors of this family")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    preds = score.load(args.pred)
    golds = score.load(args.gold)
    titles = {p["article"]: p.get("title") or "" for p in preds}
    pairs, _, _ = score.match(preds, golds)
    counts: collections.Counter[str] = collections.Counter()
    judged = 0
    for p, g, _ in pairs:
        if g.get("optional") or not g.get("speaker"):
            continue
        judged += 1
        if score.same_speaker(p.get("speaker"), g["speaker"]):
            continue
        fam = family(p, g, titles)
        counts[fam] += 1
        if args.show == fam:
            print(
                json.dumps(
                    [
                        p["article"][:40],
                        p.get("speaker_mention"),
                        p.get("speaker"),
                        g["speaker"],
                        (g.get("quote") or "")[:60],
                    ],
                    ensure_ascii=False,
                )
            )
    total = sum(counts.values())
    print(f"judged {judged}, wrong {total} (speaker accuracy {1 - total / judged:.4f})")
    for fam, n in counts.most_common():
        print(f"  {fam:<20} {n}")


if __name__ == "__main__":
    main()
