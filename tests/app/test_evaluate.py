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
        ("Justin Bamberg", "one of the family's attorneys, Justin Bamberg,", False),
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
