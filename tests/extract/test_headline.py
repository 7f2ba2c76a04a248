"""Statements of a headline (real model): a cue gives a named speaker what it reports, and two clauses
joined by a comma are no report."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.headline import headline_statements


@pytest.mark.parametrize(
    ("title", "speaker", "quoted"),
    [
        # two clauses joined by a comma: the second subject does not say the first clause
        ("Labour minister defends pension plan as reform, unions threaten strikes", "unions", False),
        # (not "critics blast the cost": a verb of judging reports its short object, "the cost", see
        # short_objects in cues.yaml and test_component_objects)
        ("Ottawa unveils housing plan, critics fear the cost", "critics", False),
        ("Stoltenberg says allies must send more air defence to Ukraine", "Stoltenberg", True),
        ("Higher rates will hurt families, Vogel warns", "Vogel", True),
    ],
)
def test_headline_statements_only_from_a_report(nlp, title: str, speaker: str, quoted: bool) -> None:
    title_doc = nlp(title)
    body_doc = nlp("The talks went on.")
    found = headline_statements(title_doc, 0, body_doc, [])
    assert any(s.speaker_mention == speaker for s in found) is quoted
    assert all(s.cue and s.cue not in s.quote for s in found)


def test_headline_statements_take_the_full_name_from_the_body(nlp) -> None:
    title_doc = nlp("Vogel says pension reform cannot wait")
    body_doc = nlp("Labour minister Anna Vogel spoke in Berlin on Monday.")
    found = headline_statements(title_doc, 10, body_doc, [])
    assert [s.speaker for s in found] == ["Anna Vogel"]
    assert found[0].start >= 10
