"""The genders an article's own pronouns give its people (extract/speakers/genders.py)."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.content import find_quotes
from quotegraph.extract.speakers.coref import build_index
from quotegraph.extract.speakers.genders import article_genders, gender_rules


@pytest.mark.parametrize(
    ("body", "name", "gender"),
    [
        # a person's own "her" in their clause, kept under the fullest name the article gives
        ("Nkechi Obi opened her salon in 2009. Obi says the rent has doubled since.", "Nkechi Obi", "f"),
        ("Robin Lee said his sales fell last year.", "Robin Lee", "m"),
        # the same name given both says nothing
        ("Robin Lee opened his shop in May. Robin Lee sold her car in June.", "Robin Lee", None),
        # a short name given both leaves the full name's "her" standing, not two names that disagree
        (
            "Hillary Clinton opened her office in May. Clinton said his plan failed. Clinton sold her car.",
            "Hillary Clinton",
            "f",
        ),
        ("Hillary Clinton opened her office in May. Clinton said his plan failed.", "Hillary Clinton", None),
        # a "her" of someone else's clause, or inside a quote, says nothing of the person
        ("Robin Lee met Dana Cole after her speech.", "Robin Lee", None),
        ('Robin Lee said: "I sold her car."', "Robin Lee", None),
    ],
)
def test_genders_article_genders_by_canonical_name(nlp, body: str, name: str, gender: str | None) -> None:
    doc = nlp(body)
    index = build_index(doc, find_quotes(doc.text))
    assert article_genders(doc, index).get(name) == gender


def test_genders_rules_are_named_data() -> None:
    rules = gender_rules()
    assert rules["rules"] == ["possessive", "voiced"]
    assert rules["voiced"]["votes"] >= 2 and rules["voiced"]["majority"] > 1
