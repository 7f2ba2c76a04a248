"""A topic whose proposition only names its matter ("the death penalty", "gun control", as topics made from a
phrase are) claims, proposes and accuses nothing: support is being for the thing, and naming it asserts
nothing (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records, parse_topics
from quotegraph.extract.stance.proposition import accuses, names_a_thing


def _topic(proposition: str, keywords: list[str], label: str | None = None):
    data = {"id": "t", "label": label or proposition, "proposition": proposition, "keywords": keywords}
    return parse_topics({"topics": [data]})[0]


@pytest.mark.parametrize(
    ("proposition", "keywords", "named"),
    [
        ("the death penalty", ["death penalty"], True),
        ("Gun control", ["gun control"], True),
        ("terrorism", ["terrorism"], True),
        # negatives: a claim, a proposal or a motion, even when a keyword repeats it whole
        ("We should abolish the death penalty", ["death penalty"], False),
        ("Fast Food Advertising Should Be Banned", ["fast food advertising should be banned"], False),
        ("Build hydroelectric dams", ["build hydroelectric dams"], False),
        ("Terrorism is a threat to democracy", ["terrorism", "threat", "democracy"], False),
        ("The death penalty", ["capital punishment"], False),  # names it, but the analyst's words differ
    ],
)
def test_stance_named_thing_names_a_thing(proposition, keywords, named):
    assert names_a_thing(_topic(proposition, keywords, label="Topic")) is named


@pytest.mark.parametrize(
    ("phrase", "keyword"), [("the death penalty", "death penalty"), ("gun violence", "gun violence")]
)
def test_stance_named_thing_accuses_no_one(phrase, keyword):
    assert accuses(_topic(phrase, [keyword])) is False


@pytest.mark.parametrize(
    ("text", "phrase", "keyword", "stance"),
    [
        ("The death penalty is barbaric and should be abolished.", "the death penalty", "death penalty", "oppose"),
        ("Gun control saves lives and we need much more of it.", "gun control", "gun control", "support"),
        ("Gun violence is a horrible, deadly plague on our cities.", "gun violence", "gun violence", "oppose"),
        # naming the thing takes no side
        ("The panel on gun control meets at the library on Thursday.", "gun control", "gun control", None),
    ],
)
def test_stance_named_thing_side_is_for_the_thing(nlp, text, phrase, keyword, stance):
    topic = {"id": "t", "label": phrase, "proposition": phrase, "keywords": [keyword]}
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    if stance is None:
        assert out["stance"] not in ("support", "oppose"), out["evidence"]
    else:
        assert out["stance"] == stance, out["evidence"]
