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
    assert [r["stance"] for r in out] == ["support", "support", "neutral"]  # c: not about school uniform
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


def test_stance_judge_records_cuts_a_huge_text(nlp):
    """A megabyte "statement" is judged on its first MAX_TEXT_CHARS characters, and the answer says so."""
    from quotegraph.extract.stance.judge import MAX_TEXT_CHARS

    text = "We urge the school board to abandon school uniform at once. " * (MAX_TEXT_CHARS // 30)
    out = judge_records([{"id": "big", "text": text, "topic": UNIFORM}], TOPICS, nlp=nlp)
    assert out[0]["stance"] == "support"
    assert out[0]["evidence"][-1].startswith("judged on the first ")
    assert out[0]["evidence"][-1].endswith(f" of {len(text)} characters")


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short text", 20, "short text"),
        ("one two three four", 10, "one two"),  # at the last space before the limit
        ("abcdefghijklmnop", 10, "abcdefghij"),  # no space in reach: at the limit
    ],
)
def test_stance_judge_cut_text(text, limit, expected):
    from quotegraph.extract.stance.judge import cut_text

    assert cut_text(text, limit) == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": 1, "text": "ok", "topic": "x"}\n{"id": 2, "text": "\xff"}\n', "line 2 is not UTF-8 text"),
        (b'{"id": 1}\nnot json\n', "line 2 is not JSON"),
        (b"[1, 2]\n", "line 1 is not a JSON object"),
    ],
)
def test_stance_judge_read_records_names_the_bad_line(tmp_path, content, message):
    from quotegraph.extract.stance.judge import read_records

    path = tmp_path / "records.jsonl"
    path.write_bytes(content)
    with pytest.raises(RecordError, match=message):
        list(read_records(path))


def test_stance_judge_read_records_skips_a_byte_order_mark(tmp_path):
    from quotegraph.extract.stance.judge import read_records

    path = tmp_path / "records.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": 1}\n\n{"id": 2}\n')
    assert [r["id"] for r in read_records(path)] == [1, 2]


FRACKING = {"id": "fracking", "label": "fracking", "proposition": "fracking", "keywords": ["fracking"]}
GUNS = {"id": "guns", "label": "Gun control", "proposition": "gun control", "keywords": ["gun control"]}
RELIGION = {
    "id": "religion",
    "label": "Religion",
    "proposition": "Religion does more harm than good",
    "keywords": ["religion", "harm"],
}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("I love my new car, it is wonderful and cheap to run.", FRACKING),
        ("Our holiday in Spain was a wonderful, relaxing week.", GUNS),
        ("School uniforms are expensive and stifle individuality.", GUNS),
        ("The new stadium is a disgrace and a waste of money.", UNIFORM),
    ],
)
def test_stance_judge_records_neutral_on_a_topic_the_text_does_not_mention(nlp, text, topic):
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    assert out["stance"] == "neutral"
    assert out["evidence"] == ["rule: not about the topic", "does not mention the topic"]


@pytest.mark.parametrize(
    ("text", "topic", "word"),
    [
        # the label's head word alone, another form of the keyword, a word sharing its root
        ("Uniforms are expensive and stifle the individuality of children.", UNIFORM, "uniform"),
        ("Fracked wells poison the water of whole villages.", FRACKING, "frack"),
        ("Stricter controls on guns would save thousands of lives.", GUNS, "gun"),
        ("Religious charities feed and shelter millions of people.", RELIGION, "relig"),
    ],
)
def test_stance_judge_records_keeps_a_side_on_a_topic_named_without_its_label(nlp, text, topic, word):
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    assert out["stance"] in ("support", "oppose")
    assert f"topic: {word}" in out["evidence"]


def test_stance_judge_records_without_the_gate_judges_every_text(nlp):
    record = {"id": "x", "text": "I love my new car, it is wonderful and cheap to run.", "topic": FRACKING}
    gated = judge_records([record], nlp=nlp)[0]
    ungated = judge_records([record], nlp=nlp, gate=False)[0]
    assert gated["stance"] == "neutral"
    assert ungated["stance"] != "neutral" and "does not mention the topic" not in ungated["evidence"]


@pytest.mark.parametrize(
    ("text", "gated"),
    [
        ("Can't trust a word she says. #StopHillary2016", False),  # the tag names the topic
        ("@HillaryClinton will make a great president", False),
        ("Can't trust a word he says. #StopTheSteal", True),  # negative: a tag about something else
    ],
)
def test_stance_judge_gate_reads_hashtags(nlp, text, gated):
    topic = {"id": "hc", "label": "Hillary Clinton", "proposition": "Hillary Clinton", "keywords": ["Hillary Clinton"]}
    out = judge_records([{"id": "t", "text": text, "topic": topic}], nlp=nlp)[0]
    assert ("does not mention the topic" in out["evidence"]) is gated, out["evidence"]
