from __future__ import annotations

import json

import pytest

from quotegraph.evaluate import dice, evaluate_files, same_speaker, score, words


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Jens Stoltenberg", "Jens Stoltenberg", True),
        ("Stoltenberg", "NATO Secretary General Jens Stoltenberg", True),
        ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy", True),
        ("Justin Bamberg", "one of the family's attorneys, Justin Bamberg,", True),  # the appositive names him
        ("Bamberg", "one of the attorneys, who spoke to Justin Bamberg", False),
        ("Lily Batchelder", "Lily Batchelder, a tax expert at NYU", True),
        ("Sergej Lavrov", "Sergey Lavrov", True),
        ("Dmitry Peskov", "Jens Stoltenberg", False),
        (None, "Jens Stoltenberg", False),
        ("Peskov", None, False),
    ],
)
def test_evaluate_same_speaker_is_a_surname_test(predicted, gold, same):
    assert same_speaker(predicted, gold) is same


def test_evaluate_dice_of_word_multisets():
    assert dice(words("a b c"), words("a b c")) == 1.0
    assert dice(words("a b"), words("c d")) == 0.0
    assert dice(words("Über Kyiv"), words("uber kyiv")) == 1.0


def _row(article="a.txt", quote="", speaker=None, **kw):
    return {"article": article, "quote": quote, "speaker": speaker, **kw}


def test_evaluate_score_counts_hits_misses_and_false_alarms():
    gold = [
        _row(quote="NATO is flirting with military rhetoric", speaker="Dmitry Peskov"),
        _row(quote="we will not send an Italian soldier", speaker="Antonio Tajani"),
        _row(quote="a borderline remark", speaker="X", optional=True),
    ]
    preds = [
        _row(quote="NATO is flirting with military rhetoric", speaker="Peskov"),
        _row(quote="we will not send an Italian soldier to fight", speaker="Stoltenberg"),
        _row(quote="a borderline remark", speaker="X"),
        _row(quote="something nobody said", speaker="Y"),
    ]
    s = score(preds, gold)
    assert (s.gold_required, s.matched) == (2, 2)
    assert s.quote_precision == pytest.approx(2 / 3)
    assert s.quote_recall == 1.0
    assert s.speaker_accuracy == 0.5
    assert len(s.errors["false_alarms"]) == 1
    assert len(s.errors["wrong_speaker"]) == 1


def test_evaluate_matches_within_an_article_only():
    gold = [_row(article="a.txt", quote="same words here")]
    preds = [_row(article="b.txt", quote="same words here")]
    s = score(preds, gold)
    assert s.matched == 0 and s.quote_f1 == 0.0


def test_evaluate_topic_and_stance_accuracy():
    gold = [
        _row(quote="one two three", speaker="A", topic="t", stance="support"),
        _row(quote="four five six", speaker="A", topic="t", stance="oppose"),
        _row(quote="seven eight nine", speaker="A", topic="u", stance="neutral"),
    ]
    preds = [
        _row(quote="one two three", speaker="A", topic="t", stance="support"),
        _row(quote="four five six", speaker="A", topic="t", stance="support"),
        _row(quote="seven eight nine", speaker="A", topic="t", stance="neutral"),
    ]
    s = score(preds, gold)
    assert s.topic_accuracy == pytest.approx(2 / 3)
    assert s.stance_accuracy == 0.5


def test_evaluate_files_reports_bad_json_line(tmp_path):
    good = tmp_path / "g.jsonl"
    good.write_text(json.dumps(_row(quote="x")) + "\n", encoding="utf-8")
    bad = tmp_path / "p.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.jsonl:1"):
        evaluate_files(bad, good)


def test_evaluate_stance_per_class_and_confusion_matrix():
    quotes = ["taxes must fall now", "no tax cut ever", "we study the tax plan", "cut them all today", "tax is a topic"]
    gold_stances = ["support", "oppose", "neutral", "support", "neutral"]
    pred_stances = ["support", "support", "neutral", None, "neutral"]
    gold = [_row(quote=q, speaker="Ann Lee", topic="t", stance=st) for q, st in zip(quotes, gold_stances, strict=True)]
    preds = [_row(quote=q, speaker="Lee", topic="t", stance=st) for q, st in zip(quotes, pred_stances, strict=True)]
    s = score(preds, gold)
    assert s.stance_confusion == {
        "support": {"support": 1, "undetermined": 1},
        "oppose": {"support": 1},
        "neutral": {"neutral": 2},
    }
    assert s.stance_classes["support"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert s.stance_classes["oppose"]["recall"] == 0.0 and s.stance_classes["neutral"]["f1"] == 1.0
    table = s.table()
    assert "confusion (rows gold, columns predicted)" in table and "undetermined" in table
    assert "undetermined: 1 of 5 (20%) have no stance" in table
    assert json.loads(json.dumps(s.to_dict()))["stance_confusion"]["oppose"] == {"support": 1}


def test_evaluate_utterance_pieces_match_together_or_apart():
    pieces = [
        _row(quote="Strikes will not change the demographics", speaker="Vogel", utterance="u1"),
        _row(quote="The reform is unavoidable and fair to the young", speaker="Vogel", utterance="u1"),
    ]
    joined = [_row(quote="Strikes will not change the demographics The reform is unavoidable and fair to the young",
                   speaker="Anna Vogel")]  # fmt: skip
    apart = [_row(quote=p["quote"], speaker="Anna Vogel") for p in pieces]
    one = score(pieces, joined)
    assert (one.matched, one.predicted, one.quote_precision) == (1, 2, 1.0)
    two = score(pieces, apart)
    assert (two.matched, two.quote_f1) == (2, 1.0)


def _judged_row(article: str, quote: str, speaker: str | None, confidence: float, rule: str, **kw) -> dict:
    return {"article": article, "quote": quote, "speaker": speaker, "confidence": confidence, "rule": rule, **kw}


def test_evaluate_confidence_ece_and_precision_by_rule():
    gold = [
        {"article": "a", "quote": "the allies will send more air defence", "speaker": "Jens Stoltenberg"},
        {"article": "a", "quote": "we are losing money on every bus", "speaker": "Ann Lee"},
        {"article": "a", "quote": "nobody asked the drivers", "speaker": None},
    ]
    preds = [
        _judged_row("a", "the allies will send more air defence", "Jens Stoltenberg", 0.9, "cue_statements"),
        _judged_row("a", "we are losing money on every bus", "Bob Marsh", 0.9, "cue_statements"),  # wrong speaker
        _judged_row("a", "nobody asked the drivers", None, 0.3, "unattributed"),  # right: gold names nobody
        _judged_row("a", "the weather was fine", "Ann Lee", 0.3, "sentence_before"),  # matches nothing
    ]
    s = score(preds, gold)
    assert s.by_rule == {"cue_statements": (2, 1), "unattributed": (1, 1), "sentence_before": (1, 0)}
    # bins: 0.3 (two, one right: 0.5) and 0.9 (two, one right: 0.5): |0.5-0.3|/2 + |0.5-0.9|/2
    assert s.confidence_ece == pytest.approx(0.3)
    assert [(b.n, b.right) for b in s.reliability] == [(2, 0.5), (2, 0.5)]
    assert "cue_statements" in s.rule_table() and "ECE 0.300" in s.reliability_table()


def test_evaluate_stance_ece_over_sided_predictions():
    gold = [
        {"article": "a", "quote": "lift the ban on strikes now", "speaker": "X", "topic": "t", "stance": "support"},
        {"article": "a", "quote": "the ban must stay as it is", "speaker": "Y", "topic": "t", "stance": "support"},
        {"article": "a", "quote": "we will see what happens", "speaker": "Z", "topic": "t", "stance": "neutral"},
    ]
    topics = [
        [{"topic": "t", "stance": "support", "confidence": 0.8}],
        [{"topic": "t", "stance": "oppose", "confidence": 0.8}],
        [{"topic": "t", "stance": "neutral", "confidence": 0.9}],  # not sided: left out
    ]
    preds = [{**g, "topics": t} for g, t in zip(gold, topics, strict=True)]
    s = score(preds, gold)
    assert s.stance_ece == pytest.approx(0.3)
    assert [b.n for b in s.stance_reliability] == [2]


def test_evaluate_files_made_before_rules_count_as_unknown():
    gold = [{"article": "a", "quote": "the allies will send more air defence", "speaker": "Jens Stoltenberg"}]
    preds = [{"article": "a", "quote": "the allies will send more air defence", "speaker": "Jens Stoltenberg"}]
    assert score(preds, gold).by_rule == {"unknown": (1, 1)}
