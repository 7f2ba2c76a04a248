"""``quotegraph extract`` informs a speaker's weak stances by their clear ones, as a build does."""

from __future__ import annotations

from functools import partial

from quotegraph.extract.stance.consistency import EVIDENCE

from quotegraph.run import _consistent
from tests.conftest import topic_statement

_st = partial(topic_statement, topic="pension-reform")


def test_run_consistency_informs_weak_stances_of_a_stream() -> None:
    statements = [
        _st("The reform is a betrayal of working people", "Mara Quint", "oppose", 0.8),
        _st("We will fight this reform in every town", "Mara Quint", "oppose", 0.7),
        _st("The pension age is on the table again", "Mara Quint", None, 0.2),
        _st("The pension age is on the table again", "Tom Reyes", None, 0.2),
    ]
    out = list(_consistent(iter(statements)))
    assert [s.stance for s in out] == ["oppose", "oppose", "oppose", None]
    assert out[2].topics[0].evidence[-1].startswith(EVIDENCE)
    assert out[:2] == statements[:2] and out[3] == statements[3]


def test_run_consistency_without_statements() -> None:
    assert list(_consistent(iter([]))) == []
