"""Judging given statements on given topics, without extraction (``judge_records``)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import RecordError, judge_records, parse_topics

UNIFORM = {
    "id": "uniform",
    "label": "School uniform",
    "proposition": "We should abandon the use of school uniform",
    "keywords": ["school uniform"],
}
TOPICS = parse_topics({"topics": [UNIFORM]})


def test_stance_judge_records_one_answer_a_record_in_order(nlp):
    records = [
        {"id": "a", "text": "We urge the school board to abandon school uniform at once.", "topic": UNIFORM},
        {"id": "b", "text": "We urge the school board to abandon school uniform at once.", "topic": "uniform", "x": 1},
        {"id": "c", "text": "The weather was mild on Tuesday.", "topic": UNIFORM},
    ]
    out = judge_records(records, TOPICS, nlp=nlp)
    assert [r["id"] for r in out] == ["a", "b", "c"]
    assert [r["stance"] for r in out] == ["support", "support", None]
    assert out[0]["confidence"] == out[1]["confidence"]  # a topic by id is the topic given in full
    for r in out:
        assert set(r) == {"id", "stance", "confidence", "evidence"}
        assert 0 <= r["confidence"] <= 1 and r["evidence"]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a", "text": "Fine.", "topic": "nope"}, "nope"),
        ({"id": "a", "text": "Fine."}, "no topic"),
        ({"id": "a", "topic": UNIFORM}, "no text"),
    ],
)
def test_stance_judge_records_refuses_a_record_it_cannot_judge(nlp, record, message):
    with pytest.raises(RecordError, match=message):
        judge_records([record], TOPICS, nlp=nlp)
