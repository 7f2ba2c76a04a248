"""``quotegraph extract`` moves sided stance confidences to news after the consistency stage: no side changes."""

from __future__ import annotations

from functools import partial

from quotegraph.extract.stance.news import NewsCalibration, news_adjusted

from quotegraph.run import _consistent
from tests.conftest import topic_statement

_st = partial(topic_statement, topic="pension-reform")


def test_run_news_after_consistency_keeps_every_side() -> None:
    statements = [
        _st("The reform is a betrayal of working people", "Mara Quint", "oppose", 0.8),
        _st("We will fight this reform in every town", "Mara Quint", "oppose", 0.55),
        _st("The pension age is on the table again", "Mara Quint", None, 0.2),
    ]
    down = NewsCalibration(kinds={"cue": -1.0})  # would make the second remark weak if applied before
    informed = list(_consistent(iter(statements)))
    out = [news_adjusted(s, down) for s in informed]
    assert [s.stance for s in out] == [s.stance for s in informed] == ["oppose", "oppose", "oppose"]
    assert out[0].topics[0].confidence < 0.8 and out[1].topics[0].confidence < 0.5
    assert out[2].topics[0] == informed[2].topics[0]  # a lent side keeps the consistency stage's confidence
