"""The news adjustment of stance confidence: per kind of deciding evidence, a shift in log-odds, applied to the
rules' sided judgements of statements from articles, never to judged records."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement, TopicStance
from quotegraph.extract.stance.news import (
    NewsCalibration,
    evidence_kind,
    news_adjusted,
    news_calibration,
    parse_news_calibration,
)

UP = NewsCalibration(shift=1.0)
"""Moves every sided confidence up (0.6 -> 0.803)."""


@pytest.mark.parametrize(
    ("evidence", "kind"),
    [
        (("topic: income tax", "negative evaluation (-0.36): careless, not reasonable"), "negative evaluation"),
        (("topic: tax", "cue: accused"), "cue"),
        (("topic: tax cut", "asserts the proposition"), "asserts the proposition"),
        (("would not",), "would not"),
        (
            ("cue: praised", "consistent with the speaker's other statements on this topic (3 of 4 support)"),
            "consistency",
        ),
        (("topic: income tax",), ""),  # only the topic's words: no kind
        ((), ""),
    ],
)
def test_stance_news_evidence_kind_is_the_first_line_beyond_the_topic(evidence, kind):
    assert evidence_kind(evidence) == kind


@pytest.mark.parametrize(
    ("confidence", "kind", "expected"),
    [
        (0.5, "asserts the proposition", 0.731),  # log-odds 0 + 1.0
        (0.6, "positive evaluation", 0.5),  # log-odds 0.405 - 0.405
        (0.6, "negation", 0.6),  # a kind the file does not name keeps its confidence
        (0.999, "asserts the proposition", 0.993),  # kept within the bound before the shift
    ],
)
def test_stance_news_confidence_shifts_per_kind(confidence, kind, expected):
    cal = NewsCalibration(kinds={"asserts the proposition": 1.0, "positive evaluation": -0.405})
    assert cal.confidence(confidence, kind) == pytest.approx(expected, abs=0.001)


@pytest.mark.parametrize(
    "ts",
    [
        TopicStance("tax-cut", "neutral", 0.6, ("topic: tax",)),
        TopicStance("tax-cut", None, 0.2, ("topic only in the context",)),
        TopicStance("tax-cut", "support", 0.6, ("asserts the proposition",), backend="nli"),
    ],
)
def test_stance_news_adjust_leaves_neutral_undetermined_and_model_judgements(ts):
    assert UP.adjust(ts) == ts


def test_stance_news_adjust_moves_a_sided_rules_judgement():
    ts = TopicStance("tax-cut", "oppose", 0.6, ("topic: tax", "cue: accused"))
    assert UP.adjust(ts).confidence == pytest.approx(0.803, abs=0.001)
    assert UP.adjust(ts).evidence[:2] == ts.evidence and UP.adjust(ts).stance == "oppose"
    assert UP.adjust(ts).evidence[-1] == "confidence as on news (cue): 0.600 -> 0.803"


def test_stance_news_adjust_never_moves_a_confidence_twice():
    once = UP.adjust(TopicStance("tax-cut", "support", 0.6, ("asserts the proposition",)))
    assert UP.adjust(once) == once


def test_stance_news_adjust_leaves_a_kind_the_file_does_not_move():
    ts = TopicStance("tax-cut", "support", 0.6, ("negation",))
    assert NewsCalibration(kinds={"cue": -0.3}).adjust(ts) == ts


def test_stance_news_without_a_file_changes_nothing():
    cal = parse_news_calibration(None)
    assert cal.identity and cal.confidence(0.637, "cue") == 0.637


def test_stance_news_shipped_file_only_shifts_kinds_a_little():
    cal = news_calibration()
    assert cal.scale == 1.0 and cal.shift == 0.0
    assert all(abs(v) < 1.5 for v in cal.kinds.values())
    assert "consistency" not in cal.kinds  # a lent side is computed after the adjustment


def _statement(*topics: TopicStance) -> Statement:
    quote = "Cutting income tax now would be a reckless mistake."
    return Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee",
                     topics=topics, topic=topics[0].topic if topics else None,
                     stance=topics[0].stance if topics else None)  # fmt: skip


def test_stance_news_adjusted_moves_only_the_sided_topics_of_a_statement():
    sided = TopicStance("tax-cut", "oppose", 0.6, ("topic: income tax", "negative evaluation (-0.5): reckless"))
    other = TopicStance("budget", None, 0.2, ("topic only in the context",))
    out = news_adjusted(_statement(sided, other), NewsCalibration(kinds={"negative evaluation": 1.0}))
    assert out.topics[0].confidence == pytest.approx(0.803, abs=0.001) and out.topics[1] == other
    assert out.stance == "oppose" and out.quote == _statement(sided).quote


@pytest.mark.parametrize("topics", [(), (TopicStance("tax-cut", "support", 0.6, ("cue: urged",)),)])
def test_stance_news_adjusted_without_a_change_is_the_statement(topics):
    s = _statement(*topics)
    assert news_adjusted(s, NewsCalibration()) is s


def test_stance_news_fit_keeps_the_shipped_shifts_and_fits_only_the_kinds_it_lacks():
    from tests.conftest import script

    fit = script("fit_news_calibration")
    # two topics; "negation" sides are right a third of the time at 0.7, "cue" sides always
    rows = [("negation", 0.7, i % 3 == 0, f"s/t{i % 2}") for i in range(60)]
    rows += [("cue", 0.6, True, f"s/t{i % 2}") for i in range(30)]
    kept = {"cue": 0.25}
    check = fit.topic_check(rows, 20, 4.0, kept)
    assert check["log_loss_after"] < check["log_loss_before"]  # the negation shift helps held-out topics
    text = fit.render({**kept, "negation": -1.2}, rows, check, 4.0, '# Fit: old\nkinds:\n  "cue": 0.25  # 37 sided\n')
    assert text.count("# Fit") == 2 and '"cue": 0.25  # 37 sided' in text and '"negation": -1.2  # 60 sided' in text
    assert fit.parse_kinds(text) == {"cue": 0.25, "negation": -1.2}
