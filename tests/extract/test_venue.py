"""Venues and relays: where a statement was made, and who carried it first."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.venue import find_relay, find_venue


@pytest.mark.parametrize(
    ("sentence", "venue"),
    [
        ("He said this in an interview with The Economist on May 24.", "interview with The Economist"),
        (
            "NATO Secretary General Jens Stoltenberg said this at a press conference in Sofia.",
            "press conference in Sofia",
        ),
        ("Stoltenberg told the France 5 broadcaster that the alliance was not involved.", "France 5"),
        ("Peskov said in an interview with the Izvestia newspaper reported by Tass.", "interview with Izvestia"),
        ("The minister spoke during the summit in Vilnius on Tuesday.", "summit in Vilnius"),
        ("He wrote in a post on Telegram that the strikes would go on.", "Telegram"),
        # no venue named
        ("The minister said the budget would not change.", None),
        ("He told reporters that the talks had failed.", None),
    ],
)
def test_venue_found_in_real_sentences(sentence, venue):
    assert find_venue(sentence) == venue


@pytest.mark.parametrize(
    ("sentence", "relay"),
    [
        ("Peskov said in an interview with the Izvestia newspaper reported by Tass.", "Tass"),
        ("The remarks, quoted by Reuters, were made on Friday.", "Reuters"),
        ("The minister said the budget would not change.", None),
    ],
)
def test_venue_relay_is_the_outlet_that_carried_it(sentence, relay):
    assert find_relay(sentence) == relay
