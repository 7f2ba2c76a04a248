"""Sentences that look like reports but say nothing said (false alarms), next to reports that stay statements:
the quote_attribution component with the real model."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement


def _statements(nlp, text: str) -> list[Statement]:
    return nlp(text)._.statements


@pytest.mark.parametrize(
    "text",
    [
        # verbs of position tell what someone favours, not what they said
        "Farmers in the north back the regional governor by a wide margin.",
        "The union has long supported a higher minimum wage for seasonal workers.",
        "Several mayors endorsed the transport minister in the leadership race.",
        "Most residents oppose the new landfill near the river.",
        # asking for a thing is not a report of words
        "The organisers invited the prime minister to open the harbour festival.",
        "The committee requested documents from the energy ministry last week.",
        "Local clubs encourage young players to join the summer league.",
    ],
)
def test_component_position_and_request_verbs_are_not_statements(nlp, text: str) -> None:
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote_has", "cue"),
    [
        (
            "Finance Minister Clara Holt urged lawmakers to pass the budget before the summer recess.",
            "lawmakers",
            "urged",
        ),
        ("Clara Holt said she supports the new landfill near the river.", "she supports", "said"),
        ("The mayor called on residents to save water during the heat wave.", "residents", "called on"),
    ],
)
def test_component_reports_around_position_verbs_stay_statements(nlp, text: str, quote_has: str, cue: str) -> None:
    statements = _statements(nlp, text)
    assert any(quote_has in s.quote and s.cue == cue for s in statements), statements


@pytest.mark.parametrize(
    ("text", "said", "title"),
    [
        (
            "“We will not raise taxes this year,” Finance Minister Clara Holt said on Channel 4’s “Morning Report.”",
            ["We will not raise taxes this year"],
            "Morning Report",
        ),
        (
            "“The budget is balanced,” Holt told NBC’s “Meet the Nation.” “We will not cut a single pension.”",
            ["The budget is balanced", "We will not cut a single pension."],
            "Meet the Nation",
        ),
        (
            "“Prices will keep rising,” said Tom Berry, the author of “Cold Bread.”",
            ["Prices will keep rising"],
            "Cold Bread",
        ),
    ],
)
def test_component_a_quoted_title_in_the_attribution_is_not_said(nlp, text: str, said: list[str], title: str) -> None:
    statements = _statements(nlp, text)
    quotes = [s.quote for s in statements]
    assert all(any(words in q for q in quotes) for words in said), quotes
    assert not any(title in q for q in quotes), quotes


def test_component_a_quote_after_the_attribution_still_continues_it(nlp) -> None:
    text = "“The budget is balanced,” Holt said in Springfield, Ill. “We will not cut a single pension.”"
    statements = _statements(nlp, text)
    pension = next(s for s in statements if "pension" in s.quote)
    assert pension.speaker is not None and pension.speaker.endswith("Holt")


@pytest.mark.parametrize(
    "text",
    [
        "That said, the senator cannot win the nomination outright before the convention.",
        "It's fair to say the mayor was referring to the new border plan.",
        "Only time will tell if the governor's lead will last through the winter.",
        "All told, five million families could be eligible for the new benefit.",
        "Needless to say, the plan to rebuild the harbour failed within a year.",
    ],
)
def test_component_set_phrases_with_a_cue_verb_are_not_statements(nlp, text: str) -> None:
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote_has", "cue"),
    [
        ("That said, voters say the economy matters most to them this year.", "the economy matters", "say"),
        ("Protesters carried a sign that said the mayor must resign at once.", "the mayor must resign", "said"),
        ("The minister said that time will tell whether the reform works.", "time will tell", "said"),
    ],
)
def test_component_reports_next_to_set_phrases_stay(nlp, text: str, quote_has: str, cue: str) -> None:
    statements = _statements(nlp, text)
    assert any(quote_has in s.quote and s.cue == cue for s in statements), statements


def test_component_a_quote_that_continues_a_speaker_is_one_utterance_with_it(nlp) -> None:
    text = (
        "“The budget is balanced and the deficit is gone,” Finance Minister Clara Holt said on Monday at the "
        "opening of the new harbour terminal.\n\n"
        "“We will not cut a single pension while I am in this office.”"
    )
    statements = _statements(nlp, text)
    budget = next(s for s in statements if "budget" in s.quote)
    pension = next(s for s in statements if "pension" in s.quote)
    assert pension.speaker == budget.speaker and pension.utterance is not None
    assert pension.utterance == budget.utterance


def test_component_a_quote_after_someone_else_is_named_is_no_continuation(nlp) -> None:
    text = (
        "“The budget is balanced and the deficit is gone,” Finance Minister Clara Holt said on Monday.\n\n"
        "Opposition leader Mark Dunn disagreed.\n\n"
        "“We will not cut a single pension while I am in this office.”"
    )
    statements = _statements(nlp, text)
    budget = next(s for s in statements if "budget" in s.quote)
    pension = next((s for s in statements if "pension" in s.quote), None)
    assert pension is None or pension.utterance is None or pension.utterance != budget.utterance


@pytest.mark.parametrize(
    ("text", "speaker_has", "quote_has", "quote_lacks"),
    [
        (
            "As reported by the Harbour Gazette, the council will close the old ferry terminal next spring.",
            "Harbour Gazette",
            "close the old ferry terminal",
            "reported",
        ),
        (
            "The council will close the old ferry terminal next spring, as first reported by the Harbour Gazette.",
            "Harbour Gazette",
            "close the old ferry terminal",
            "Gazette",
        ),
    ],
)
def test_component_as_reported_by_reads_like_according_to(nlp, text, speaker_has, quote_has, quote_lacks) -> None:
    found = [s for s in _statements(nlp, text) if s.speaker and speaker_has in s.speaker]
    assert found and quote_has in found[0].quote and quote_lacks not in found[0].quote


@pytest.mark.parametrize(
    "text",
    [
        # "as" of time or manner, no agent who reports: no statement of a source
        "The ferry terminal closed as expected by the end of the season.",
        "The council reported a surplus as the harbour fees rose.",
    ],
)
def test_component_as_reported_by_needs_a_passive_report_with_its_agent(nlp, text) -> None:
    assert not any(s.speaker and "harbour" in s.speaker.lower() for s in _statements(nlp, text))
