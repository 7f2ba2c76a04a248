"""Speakers in ordinary wire copy: inverted cues with a title before the name, a role named by its
apposition, pronouns that agree in gender, section heads that are nobody."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.pipeline import Extractor
from quotegraph.extract.speakers.coref import agrees, gender_of

from tests.extract.conftest import article_statements


def _statements(extractor: Extractor, body: str) -> list[Statement]:
    return article_statements(extractor, body, "Pension row")


def _speakers(extractor: Extractor, body: str) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.quote) for s in _statements(extractor, body)]


@pytest.mark.parametrize(
    ("body", "speaker", "quote"),
    [
        (
            "BERLIN (dpa) - The government defended its pension plan on Monday. "
            "“This is a pay cut dressed up as reform,” said union spokesman Tobias Reinhardt.",
            "Tobias Reinhardt",
            "This is a pay cut dressed up as reform",
        ),
        (
            "The company rejected the claims. Its spokesman, Edmund Price, said the plant would stay open.",
            "Edmund Price",
            "the plant would stay open",
        ),
        (
            "Anna Vogel rejected the strike threat. Tom Berg, the union leader, had called it. "
            "“Strikes will not change the demographics,” she said.",
            "Anna Vogel",
            "Strikes will not change the demographics",
        ),
        (
            "Tom Berg called the strike. Anna Vogel, the minister, had rejected it. "
            "“We will not give up our pensions,” he said.",
            "Tom Berg",
            "We will not give up our pensions",
        ),
    ],
)
def test_speaker_wire_copy(extractor, body, speaker, quote):
    assert (speaker, quote) in _speakers(extractor, body)


def test_speaker_section_heads_of_a_market_wrap_are_nobody(extractor):
    body = (
        "ANALYST'S TAKE: The market will fall further this week as rates rise again.\n\n"
        "CURRENCIES: The dollar rose against the euro and the yen on Tuesday."
    )
    assert _speakers(extractor, body) == []


def test_speaker_a_transcript_keeps_its_turns(extractor):
    body = (
        "WALLACE: Let me start with the economy and the jobs you promised.\n\n"
        "PENCE: Well, look, the economy is growing faster than anyone expected.\n\n"
        "WALLACE: But the numbers say otherwise, governor, and you know it.\n\n"
        "PENCE: The numbers will prove us right by the end of the year."
    )
    assert [s for s, _ in _speakers(extractor, body)].count("PENCE") + [s for s, _ in _speakers(extractor, body)].count(
        "Pence"
    ) == 2


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Anna Vogel", "f"), ("Tom Berg", "m"), ("Mrs. Smith", "f"), ("Mr. Lee", "m"), ("Vogel", None), ("Kim Ode", None)],
)
def test_speaker_gender_from_title_or_first_name(name, gender):
    assert gender_of(name) == gender


@pytest.mark.parametrize(
    ("name", "pronoun", "ok"),
    [("Anna Vogel", "f", True), ("Anna Vogel", "m", False), ("both candidates", "m", False), ("Vogel", "f", True)],
)
def test_speaker_pronoun_agreement(name, pronoun, ok):
    assert agrees(name, pronoun) is ok


@pytest.mark.parametrize(
    ("body", "speaker", "quote"),
    [
        (
            "The debate turned sour.\n\n“Jeb wants to be a tough guy tonight,” Trump shot back. “Let me talk.”",
            "Trump",
            "Jeb wants to be a tough guy tonight",
        ),
        (
            "The minister left early.\n\n“You will not find a single worker who backs this plan,” Anna Vogel fumed.",
            "Anna Vogel",
            "You will not find a single worker who backs this plan",
        ),
        (
            "The crowd applauded.\n\nHannity interjected: “So you are saying there will be some flexibility?”",
            "Hannity",
            "So you are saying there will be some flexibility?",
        ),
        (
            "Sanders delivered a snappy retort: “We are going to go forward with this.”",
            "Sanders",
            "We are going to go forward with this.",
        ),
    ],
)
def test_speaker_any_verb_next_to_a_quote(extractor, body, speaker, quote):
    """A quote closed by a comma and followed by 'Name verbed', or led by 'Name verbed:', is that name's,
    whatever the verb (the cue lexicon does not list 'shot back', 'fumed', 'interjected')."""
    found = _speakers(extractor, body)
    assert any(s is not None and s.endswith(speaker) and q.startswith(quote.rstrip("?.")) for s, q in found), found


@pytest.mark.parametrize(
    "body",
    [
        # a label line that gives a source is read by source_line, not as a speaker called "Quote"
        "Source: Stoltenberg in an interview with The Economist\n\n"
        "Quote: “The time has come for allies to consider lifting some of the restrictions.”",
        # the quote is the object of the verb, not speech of the subject
        "“Tax the rich,” read the banners that the marchers carried through the town centre.",
    ],
)
def test_speaker_any_verb_negatives(extractor, body):
    found = _speakers(extractor, body)
    assert all(s not in ("Quote", "banners", "the banners") for s, _ in found), found


@pytest.mark.parametrize(
    ("body", "speaker", "quote"),
    [
        (
            "Anna Vogel met the union on Monday. A European Commission spokesman, Marco Bellini, disagreed with "
            "her. He said the reform would cut the deficit by half.",
            "Marco Bellini",
            "the reform would cut the deficit by half",
        ),
        (
            "“We will not give in,” said Tom Berg, a union leader. The company tweeted its reply at noon. "
            "“Strikes will not change the demographics,” he said.",
            "Tom Berg",
            "Strikes will not change the demographics",
        ),
    ],
)
def test_speaker_pronoun_salience_and_persons(extractor, body, speaker, quote):
    """'He' is the person the previous sentence is about, even before they have spoken; and a pronoun
    is a person, never the company or account that spoke last."""
    assert (speaker, quote) in _speakers(extractor, body)


def test_speaker_quote_after_an_attribution_continues_it(extractor):
    """The next quote of the paragraph continues the speaker just attributed, though their own mention
    names an organisation ('said Ohio State University professor Paul Beck.')."""
    body = (
        "Voters usually rally behind the winner, said Ohio State University professor Paul Beck. "
        "“That is how it has worked for decades, and it will work that way again.”"
    )
    found = _speakers(extractor, body)
    assert ("Paul Beck", "That is how it has worked for decades, and it will work that way again.") in found, found


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Exxon Mobil reported a loss for the quarter on Tuesday. "
            "The company said oil prices would stay low for several more years.",
            "Exxon Mobil",
        ),
        # no organisation named before: the description stays
        ("Prices fell again on Tuesday. The company said oil prices would stay low for several more years.", None),
    ],
)
def test_speaker_the_company_is_the_organisation_named_before(extractor, body, speaker):
    found = [s for s, q in _speakers(extractor, body) if q.startswith("oil prices")]
    assert found, _speakers(extractor, body)
    assert found[0] == (speaker or found[0]) and (speaker is not None or found[0] != "Exxon Mobil")


@pytest.mark.parametrize(
    ("body", "speaker", "kind"),
    [
        ("Industry groups said the new tax would cost thousands of jobs.", "Industry groups", "group"),
        ("The opposition said the budget was a disgrace to the country.", "The opposition", "group"),
        ("Democrats said the bill was dead in the Senate this year.", "Democrats", "group"),
        ("Helen Ward said the plan would fail within the year.", "Helen Ward", "person"),
    ],
)
def test_speaker_groups_are_typed_as_groups(extractor, body, speaker, kind):
    [s] = [s for s in _statements(extractor, body) if s.speaker == speaker]
    assert s.speaker_type == kind and s.speaker_key.startswith(kind + "/")


@pytest.mark.parametrize(
    ("body", "speaker", "role"),
    [
        # titles the tagger takes into the name: parliaments and police beyond Washington
        ("Liberal MPP Adil Shamji said the cap does nothing for renters.", "Adil Shamji", "MPP"),
        ("Spokesperson Justine Teplycky said the government remains committed.", "Justine Teplycky", "Spokesperson"),
        ("Sgt. Kevin Ng said officers had responded to 40 disputes this year.", "Kevin Ng", "Sgt."),
        (
            "Premier Doug Ford announced the cap on Thursday. “Nobody should choose between rent and food,” "
            "the premier said.",
            "Doug Ford",
            "Premier",
        ),
        # an organisation's own name keeps its first word
        (
            "The Republican National Committee said the ads would run until November.",
            "Republican National Committee",
            None,
        ),
        ("The U.S. Geological Survey said the quake struck at a depth of 10 km.", "U.S. Geological Survey", None),
    ],
)
def test_speaker_wire_titles_are_no_part_of_the_name(extractor, body: str, speaker: str, role: str | None) -> None:
    statements = _statements(extractor, body)
    assert statements, body
    assert {s.speaker for s in statements} == {speaker}
    assert statements[-1].speaker_role == role


def test_speaker_wire_he_is_the_subject_of_the_sentence_before(extractor) -> None:
    # the tagger takes "Ford" for the company: the sentence's subject still names the premier, not the last speaker
    body = (
        "Premier Doug Ford announced the cap on Thursday. Liberal MPP Adil Shamji said the cap does nothing. "
        "“It's a press release, not a plan,” Shamji said.\n\n"
        "Ford has faced criticism over housing for months. Last week, he told reporters that the province was "
        "doing everything it can."
    )
    last = _statements(extractor, body)[-1]
    assert last.speaker_mention == "he" and last.speaker == "Doug Ford"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # an unnamed source too long to be a name is named by its head phrase
        (
            "According to early results of exit polls conducted for the Associated Press and television networks "
            "by Edison Research, the economy was the top concern of most voters in the state.",
            "early results of exit polls",
        ),
        (
            "One of two witnesses who saw the crash from the bridge said the driver had not braked at all.",
            "One of two witnesses",
        ),
        # a short one stays as written
        (
            "A Homeland Security Department official said the border would stay open.",
            "A Homeland Security Department official",
        ),
    ],
)
def test_speaker_wire_unnamed_source_is_named_by_its_head_phrase(extractor, body: str, speaker: str) -> None:
    assert [s.speaker for s in _statements(extractor, body)] == [speaker]
