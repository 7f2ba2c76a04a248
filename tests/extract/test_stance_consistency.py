from __future__ import annotations

import math
from functools import partial

import pytest
from quotegraph.extract.stance.consistency import (
    EVIDENCE,
    consistent_stances,
    lender_independence,
    side_confidence,
    speaker_consistency,
    stance_votes,
)

from tests.conftest import topic_statement

_st = partial(topic_statement, topic="tax-cut")


CLEAR = [
    _st("It is time to cut income tax for working families", "Ann Lee", "support", 0.8),
    _st("We must cut income tax before the winter", "Ann Lee", "support", 0.7),
]


@pytest.mark.parametrize(
    ("others", "weak", "expected"),
    [
        # two clear statements of hers agree: her undetermined one takes their side, said so in its evidence
        (CLEAR, _st("Income tax is on the table again", "Ann Lee", None, 0.2), "support"),
        (CLEAR, _st("Income tax is on the table again", "Ann Lee", "oppose", 0.4), "support"),
        # someone else's statements say nothing of hers
        (CLEAR, _st("Income tax is on the table again", "Bo Park", None, 0.2), None),
        # one clear statement is not enough, nor a split speaker
        (CLEAR[:1], _st("Income tax is on the table again", "Ann Lee", None, 0.2), None),
        (
            [
                *CLEAR,
                _st("No income tax cut this year", "Ann Lee", "oppose", 0.8),
                _st("The income tax cut can wait", "Ann Lee", "oppose", 0.8),
            ],
            _st("Income tax is on the table again", "Ann Lee", None, 0.2),
            None,
        ),
        # the same remark reported by two articles counts once
        (
            [CLEAR[0], _st(CLEAR[0].quote, "Ann Lee", "support", 0.8, article="b.txt")],
            _st("Income tax is on the table again", "Ann Lee", None, 0.2),
            None,
        ),
    ],
)
def test_stance_consistency_informs_weak_stances(others, weak, expected):
    out = consistent_stances([*others, weak])
    informed = out[-1]
    assert informed.stance == expected and informed.topics[0].stance == expected
    assert out[: len(others)] == others  # clear stances are left as they are
    if expected is not None:
        # the chance the side is right: two agreeing remarks at 0.8 and 0.7, the speaker on their side
        assert informed.topics[0].confidence == side_confidence(
            {"a": {"support": 0.8}, "b": {"support": 0.7}}, "support", speaker_consistency(), lender_independence()
        )
        assert any(e.startswith(EVIDENCE) for e in informed.topics[0].evidence)
    assert consistent_stances(out) == out  # a second pass (build --add) changes nothing


def test_stance_consistency_keeps_neutral_and_clear_stances():
    neutral = _st("Whether to cut income tax is up to each parliament", "Ann Lee", "neutral", 0.6)
    against = _st("An income tax cut would be a disaster", "Ann Lee", "oppose", 0.7)
    assert consistent_stances([*CLEAR, neutral, against])[2:] == [neutral, against]


def test_consistency_votes_stream() -> None:
    """The votes are counted in one pass over a stream; informing each statement then gives what the whole
    list gives."""
    from quotegraph.extract.stance.consistency import informed, stance_votes

    statements = [*CLEAR, _st("Income tax is on the table again", "Ann Lee", None, 0.2)]
    votes = stance_votes(iter(statements))
    assert [informed(s, votes) for s in statements] == consistent_stances(statements)


@pytest.mark.parametrize(
    ("votes", "side", "low", "high"),
    [
        # two agreeing remarks: more sure than either, never above the speaker's consistency
        ({"a": {"support": 0.8}, "b": {"support": 0.7}}, "support", 0.85, 0.96),
        # a dissenting remark lowers it
        ({"a": {"support": 0.8}, "b": {"support": 0.7}, "c": {"oppose": 0.7}}, "support", 0.7, 0.85),
        # barely-backed remarks lend a barely-backed side
        ({"a": {"support": 0.55}, "b": {"support": 0.55}}, "support", 0.55, 0.65),
    ],
)
def test_stance_consistency_side_confidence(votes, side, low, high) -> None:
    assert low <= side_confidence(votes, side, 0.967) <= high
    assert side_confidence(votes, side, 0.967) <= 0.967


@pytest.mark.parametrize(
    "votes",
    [
        {"a": {"support": 0.8}, "b": {"support": 0.7}},
        {"a": {"support": 0.7}, "b": {"support": 0.7}, "c": {"support": 0.7}, "d": {"support": 0.7}},
        {"a": {"support": 0.8}, "b": {"support": 0.7}, "c": {"oppose": 0.6}},
    ],
)
def test_stance_consistency_correlated_lenders(votes) -> None:
    """Votes that share their errors count less than independent ones: at independence 0 the speaker's side is
    as sure as the mean vote, at 1 as their sum; in between, in between."""
    sure = [side_confidence(votes, "support", 1.0, a) for a in (0.0, 0.5, 1.0)]
    assert sure[0] < sure[1] < sure[2]
    logits = [math.log(c / (1 - c)) * (1 if "support" in v else -1) for v in votes.values() for c in v.values()]
    mean = 1 / (1 + math.exp(-sum(logits) / len(logits)))
    assert sure[0] == round(mean, 3)


def test_stance_consistency_shipped_independence_is_fitted() -> None:
    assert 0.0 <= lender_independence() <= 1.0


def test_stance_consistency_lent_sides_never_vote() -> None:
    """A side lent by the speaker's other statements (an earlier build's) does not count as a clear one."""
    lent = consistent_stances([*CLEAR, _st("Income tax is on the table again", "Ann Lee", None, 0.2)])[-1]
    assert lent.topics[0].confidence >= 0.5  # clear by its number, still not a vote
    (cell,) = stance_votes([CLEAR[0], lent]).values()
    assert len(cell) == 1  # CLEAR[0] alone


@pytest.mark.parametrize(
    ("stances", "expected"),
    [
        (["support", "support", "support"], (3, 3)),
        # a neutral remark is checked against the others' side and does not take it (the stage would lend it)
        (["support", "support", "support", "neutral"], (3, 4)),
        (["support", "support", "oppose"], (0, 1)),
    ],
)
def test_stance_consistency_fit_counts_neutral_remarks(stances, expected):
    rows = [{"speaker": "Jens Stoltenberg", "topic": "t", "stance": s} for s in stances]
    from tests.conftest import script

    assert script("fit_speaker_consistency").consistency(rows) == expected
