"""A record judged on its own (``quotegraph stance``) on which no rule decides takes the side its faint evidence
or evaluation leans to, at the low confidence of a leaning; a quote of an article stays undetermined (our own
sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.stance import StanceAssigner, judge_records, parse_topics
from quotegraph.extract.stance.scorers import LEAN

THING = {"id": "interns", "label": "Unpaid internships", "proposition": "unpaid internships",
         "keywords": ["unpaid internships"]}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "stance", "kind"),
    [
        ("I don't like unpaid internships.", "oppose", "faint lean: evaluation"),
        ("Unpaid internships are fine with me.", "support", "faint lean: evaluation"),
        # negatives: nothing leans either way; a clear evaluation is no leaning
        ("Unpaid internships last three months.", None, "no evidence either way"),
        ("I hate unpaid internships.", "oppose", "negative evaluation of the matter"),
    ],
)
def test_stance_lean_of_a_record(nlp, text, stance, kind):
    [judged] = judge_records([{"id": 1, "text": text, "topic": THING}], nlp=nlp)
    assert judged["stance"] == stance
    assert any(e.startswith(kind) for e in judged["evidence"]), judged["evidence"]
    if kind.startswith("faint lean"):
        assert judged["confidence"] == LEAN


def test_stance_lean_not_in_an_article(nlp):
    # the same text as a quote of an article (a parse not marked as a record): undetermined
    text = "I don't like unpaid internships."
    [topic] = parse_topics({"topics": [THING]})
    s = Statement(article="a.txt", quote=text, start=0, end=len(text), kind="direct", speaker="Ann Lee", cue="said")
    [judged] = StanceAssigner([topic]).judge([(s, topic, text, nlp(text))])
    assert judged.stance is None, judged.evidence


CURSIVE = {"id": "cursive", "label": "Cursive writing", "proposition": "cursive writing", "keywords": ["cursive writing"]}
REVIEWED = "The review of cursive writing in schools found it to be valuable."


def test_stance_lean_past_the_talk_of_news_in_a_record(nlp):
    # a step of a process ("review") makes a quote of news neutral; a record reads on, and what it finds leans
    [judged] = judge_records([{"id": 1, "text": REVIEWED, "topic": CURSIVE}], nlp=nlp)
    assert judged["stance"] == "support" and judged["confidence"] == LEAN
    assert any(e.startswith("faint lean") and "after procedure" in e for e in judged["evidence"]), judged["evidence"]


def test_stance_lean_the_talk_of_news_is_neutral_in_an_article(nlp):
    [topic] = parse_topics({"topics": [CURSIVE]})
    s = Statement(article="a.txt", quote=REVIEWED, start=0, end=len(REVIEWED), kind="direct", speaker="Ann Lee", cue="said")
    [judged] = StanceAssigner([topic]).judge([(s, topic, REVIEWED, nlp(REVIEWED))])
    assert judged.stance == "neutral", judged.evidence
