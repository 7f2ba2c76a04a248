from __future__ import annotations

import random

from quotegraph.graph.merge import merge_statements

from tests.conftest import stmt


def _ids(statements):
    return {(s.article, s.start): s.statement_id for s in statements}


def test_merge_one_remark_in_three_outlets_is_one_statement(sample):
    merged = merge_statements(sample)
    ids = _ids(merged)
    assert ids[("a.txt", 10)] == ids[("b.txt", 40)] == ids[("c.txt", 5)]
    assert len({s.statement_id for s in merged}) == 3


def test_merge_never_joins_different_speakers():
    a = stmt("a.txt", 0, "We will lift the restrictions on the weapons next week.", "Ann Lee")
    b = stmt("b.txt", 0, "We will lift the restrictions on the weapons next week.", "Bo Park")
    merged = merge_statements([a, b])
    assert merged[0].statement_id != merged[1].statement_id


def test_merge_keeps_remarks_at_different_events_apart():
    a = stmt(
        "a.txt",
        0,
        "The time has come to consider lifting some of the restrictions.",
        "Ann Lee",
        venue="interview with X",
    )
    b = stmt(
        "b.txt",
        0,
        "The time has come to consider lifting some of the restrictions.",
        "Ann Lee",
        venue="press conference in Y",
    )
    merged = merge_statements([a, b])
    assert merged[0].statement_id != merged[1].statement_id


def test_merge_is_independent_of_input_order(sample):
    expected = _ids(merge_statements(sample))
    for seed in range(5):
        shuffled = sample[:]
        random.Random(seed).shuffle(shuffled)
        assert _ids(merge_statements(shuffled)) == expected


def test_merge_resolves_a_reply_to_the_answered_statement(sample):
    merged = merge_statements(sample)
    reply = next(s for s in merged if s.speaker == "Bo Park")
    lee = next(s for s in merged if s.article == "a.txt")
    assert reply.replies_to == lee.statement_id
    assert reply.replies_to_speaker == lee.speaker_key == "person/ann-lee"  # the answered speaker stays


def test_merge_keeps_only_the_speaker_when_the_answered_statement_is_unknown():
    s = stmt(
        "a.txt", 0, "Those are personal opinions of the minister.", "Bo Park",
        replies_to_speaker="person/zed-unknown", replies_to_name="Zed Unknown",
    )  # fmt: skip
    out = merge_statements([s])[0]
    assert out.replies_to is None and out.replies_to_speaker == "person/zed-unknown"


def test_merge_answers_the_speaker_by_key_not_by_surname():
    lee = stmt("a.txt", 0, "We will lift the restrictions on the weapons next week.", "Ann Lee")
    other_lee = stmt("b.txt", 0, "Taxes are too high for the families of this country.", "Tom Lee")
    reply = stmt(
        "c.txt", 0, "Those are personal opinions of the senator.", "Bo Park",
        replies_to_speaker="person/ann-lee", replies_to_name="Ann Lee",
    )  # fmt: skip
    merged = {s.article: s for s in merge_statements([lee, other_lee, reply])}
    assert merged["c.txt"].replies_to == merged["a.txt"].statement_id


def test_merge_a_speaker_does_not_answer_itself():
    lee = stmt("a.txt", 0, "We will lift the restrictions on the weapons next week.", "Ann Lee")
    reply = stmt("b.txt", 0, "I stand by what I said.", "Ann Lee", replies_to_speaker="person/ann-lee")
    assert [s.replies_to for s in merge_statements([lee, reply])] == [None, None]


def test_merge_scales_with_blocking_on_a_big_speaker_block():
    rng = random.Random(7)
    vocab = [f"w{i}x" for i in range(3000)]
    remarks = [" ".join(rng.sample(vocab, 14)) for _ in range(300)]
    statements = [stmt(f"{i:04d}.txt", 0, r, "Ann Lee") for i, r in enumerate(remarks)]
    words = remarks[5].split()
    words[3], words[9] = "changed", "wording"  # another outlet's rendering of remark 5
    statements.append(stmt("zzz.txt", 0, " ".join(words), "Ann Lee"))
    merged = merge_statements(statements)
    ids = _ids(merged)
    assert ids[("0005.txt", 0)] == ids[("zzz.txt", 0)]
    assert len(set(ids.values())) == 300


def test_merge_sample_economist_interview_reports_share_a_statement(sample_statements):
    """OBOZ.UA, MENAFN and Ukrainska Pravda carry Stoltenberg's Economist interview."""
    by_id = {}
    for s in sample_statements:
        if s.speaker == "Jens Stoltenberg":
            by_id.setdefault(s.statement_id, set()).add(s.outlet)
    assert any({"OBOZ.UA", "MENAFN", "Ukrainska Pravda"} <= outlets for outlets in by_id.values())


def test_merge_sample_peskov_and_tajani_reply_to_stoltenberg(sample_statements):
    stoltenberg_ids = {s.statement_id for s in sample_statements if s.speaker == "Jens Stoltenberg"}
    for name in ("Dmitry Peskov", "Antonio Tajani"):
        replies = [s.replies_to for s in sample_statements if s.speaker == name and s.replies_to]
        assert replies and all(r in stoltenberg_ids for r in replies), name
