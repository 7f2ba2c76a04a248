"""A sarcastic opening ("Oh great, ...", "Yeah, because ...") turns the praise that follows (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.scorers import sarcastic

TOLLS = {"id": "tolls", "label": "Road tolls", "proposition": "Road tolls should be introduced on the ring road"}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("oh great, another toll that drivers will simply avoid.", "oh great"),
        ("tolls will fix traffic. yeah, because that worked so well last time.", "yeah because"),
        # negatives: the same words sincere, or not opening a sentence
        ("the new road is great and drivers love it.", None),
        ("we hope the plan works out great, another chance for the city.", None),
    ],
)
def test_stance_sarcasm_cue(text, cue):
    assert sarcastic(text) == cue


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Oh great, road tolls, a wonderful new way to tax commuters.", "oppose"),
        # negative: the praise is sincere
        ("Road tolls on the ring road would be a wonderful way to cut traffic.", "support"),
    ],
)
def test_stance_sarcasm_turns_praise(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": TOLLS}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]
