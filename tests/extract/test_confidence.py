"""Statement confidence from the fitted table: cells, shrinkage, the packaged table."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.confidence import (
    ConfidenceTable,
    cell_keys,
    length_class,
    load_table,
    speaker_class,
)
from quotegraph.extract.attribution.rules import default_rules
from quotegraph.extract.model import Statement


def _s(quote: str = "we will not give up this fight", **kw) -> Statement:
    return Statement(article="a", quote=quote, start=0, end=len(quote), kind=kw.pop("kind", "direct"), **kw)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, "none"),
        ({"speaker": "Ann Lee", "speaker_mention": "Ann Lee"}, "name"),
        ({"speaker": "Ann Lee", "speaker_mention": "she", "speaker_rule": "coreference"}, "pronoun"),
        ({"speaker": "Ann Lee", "speaker_mention": "the mayor", "speaker_rule": "coreference"}, "antecedent"),
        ({"speaker": "Ann Lee", "speaker_mention": "Ann Lee", "speaker_rule": "previous_speaker"}, "previous"),
        ({"speaker": "a senior official", "speaker_mention": "a senior official"}, "description"),
        ({"speaker": "The company", "speaker_mention": "The company"}, "description"),
    ],
)
def test_confidence_speaker_class(kw, expected):
    assert speaker_class(_s(**kw)) == expected


def test_confidence_length_class_and_cells():
    assert length_class(_s("one two three"), (8, 20)) == "<8"
    assert length_class(_s(" ".join(["w"] * 30)), (8, 20)) == ">=20"
    keys = cell_keys(_s(rule="dash_attribution", speaker="Ann Lee", speaker_mention="Ann Lee"), (8, 20))
    assert keys == [
        "dash_attribution",
        "dash_attribution|direct",
        "dash_attribution|direct|name",
        "dash_attribution|direct|name|<8",
    ]


def test_confidence_small_cells_lean_on_their_parent():
    table = ConfidenceTable(
        cells={"r": (100, 80), "r|direct": (100, 80), "r|direct|none": (2, 0), "q": (100, 40)},
        prior_strength=10.0,
        length_bins=(8,),
    )
    assert table.overall == pytest.approx(0.6)
    assert table.estimate(["r"]) == pytest.approx((80 + 10 * 0.6) / 110)
    # two wrong statements pull the estimate down only a little
    low = table.confidence(_s(rule="r"))
    assert 0.6 < low < table.estimate(["r", "r|direct"])
    # a rule nobody fitted gets the overall precision
    assert table.confidence(_s(rule="unheard_of")) == pytest.approx(0.6, abs=1e-3)


def test_confidence_packaged_table_covers_the_shipped_rules():
    table = load_table()
    assert table.prior_strength > 0 and table.length_bins
    for rule in default_rules():
        if rule not in ("dash_labels", "source_line", "inverted_cue", "named_after"):  # rare: may have no statement
            assert table.precision(rule)[1] > 0, rule
    assert ConfidenceTable.from_dict(table.to_dict()) == table
