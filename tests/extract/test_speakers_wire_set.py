"""Speaker families found on the project's wire set (data/wire, issue 27), on sentences of their own.

The cases marked xfail are families whose fix belongs to the attribution rules, the mentions or the
coreference (other modules than the ones that found them): each says which and how; the negatives pass
now and must keep passing when the fix lands."""

from __future__ import annotations

import pytest
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements, speaker_of


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        # a title's abbreviation or synonym names the role a description stands for where the holder does not
        # speak (NameIndex.holder; the equivalents are resources/roles.yaml role_equivalents)
        (
            "Justice Helen Osei sentenced the former mayor to two years on Friday.\n\n"
            '"Public office is a trust, not a treasure chest," the judge said.',
            "Public office",
            "Helen Osei",
        ),
        (
            "Dr. Omar Haddad, a family physician in Moncton, runs the only clinic in town."
            '\n\n"We turn people away every single day," the doctor said.',
            "We turn people away",
            "Omar Haddad",
        ),
        (
            "Coun. Rosa Lindqvist, who represents Ward 5, voted against the plan. The councillor said the budget "
            "would double within a year.",
            "the budget would double",
            "Rosa Lindqvist",
        ),
        # the holder speaks in the article: one speaker, whatever the title (entities.join_roles)
        (
            "Justice Helen Osei said the sentence had to deter others.\n\n"
            '"Public office is a trust, not a treasure chest," the judge said.',
            "Public office",
            "Helen Osei",
        ),
        (
            "Dr. Omar Haddad said the clinic had a waiting list of 3,000 people.\n\n"
            '"We turn people away every single day," the doctor said.',
            "We turn people away",
            "Omar Haddad",
        ),
        # of two titles in the article, the one the description names
        (
            "Justice Helen Osei heard the case. Dr. Omar Haddad, a family physician, testified on Friday.\n\n"
            '"We turn people away every single day," the doctor said.',
            "We turn people away",
            "Omar Haddad",
        ),
        # negatives: a description nobody in the article holds stays what it is
        (
            'Coun. Rosa Lindqvist voted against the plan.\n\n"We will find the money," the mayor said.',
            "We will find the money",
            "the mayor",
        ),
        (
            'The hearing lasted two days.\n\n"Public office is a trust, not a treasure chest," the judge said.',
            "Public office",
            "the judge",
        ),
        (
            'Mayor Olivia Hart opened the meeting.\n\n"We turn people away every single day," the doctor said.',
            "We turn people away",
            "the doctor",
        ),
    ],
)
def test_speakers_wire_set_title_synonyms(extractor: Extractor, body: str, start: str, speaker: str) -> None:
    assert speaker_of(extractor, body, start) == speaker


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        # coref._describe: a bare age after a surname ("Vo, 26,") describes her
        (
            "Emily Vo and her partner, Marcus Lee, set out on Friday morning.\n\n"
            "Vo, 26, said she planned to return next summer.\n\n"
            '"With a satellite phone this time," the 26-year-old said.',
            "With a satellite phone",
            "Vo",  # the tagger types no "Emily Vo" here: the surname is the name the article gives
        ),
        # coref.named_pair: "the couple" is the two people the article named together
        (
            "The owners of the bakery, Ian and Ruth Cole, said they would close for good in March. The couple "
            "said rents had tripled since 2019.",
            "rents had tripled",
            "Ian and Ruth Cole",
        ),
        # nobody named together: the couple stays unnamed
        (
            "Mayor Olivia Hart opened the meeting. A couple from Halifax lost their home in the fire. The couple "
            "said the insurer had refused to pay.",
            "the insurer had refused",
            "The couple",
        ),
        # a number after a name that is no age: nobody is "the 26-year-old"
        (
            "Emily Vo and her partner, Marcus Lee, set out on Friday morning.\n\n"
            "Vo, Lee and 26 others said they planned to return next summer.\n\n"
            '"With a satellite phone this time," the 26-year-old said.',
            "With a satellite phone",
            "the 26-year-old",
        ),
        # still right: an age apposition to a full name
        (
            'Ben Okoro, 31, said he waited six hours. "Nobody should wait that long," the 31-year-old said.',
            "Nobody should wait",
            "Ben Okoro",
        ),
    ],
)
def test_speakers_wire_set_descriptions(extractor: Extractor, body: str, start: str, speaker: str) -> None:
    assert speaker_of(extractor, body, start) == speaker


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        # coref.previous_subject: a one-sentence paragraph before the quote
        (
            "Prosecutor Dan Ruiz said the fraud had cost the charity $200,000.\n\n"
            "Martin Kell briefly addressed the court before he was sentenced.\n\n"
            '"I am ashamed of what I did," he said.',
            "I am ashamed",
            "Martin Kell",
        ),
        # the quote runs over two sentences before its tag
        (
            "Prosecutor Dan Ruiz said the fraud had cost the charity $200,000.\n\n"
            "Martin Kell briefly addressed the court.\n\n"
            '"I am sorry. I let down every family in the club," he said.',
            "I am sorry",
            "Martin Kell",
        ),
        # a passive or copular subject ("Hale was unmoved")
        (
            'Mayor Tom Hale spoke first. "We are not moving the library," Hale said.\n\n'
            "Resident Greg Vance said the branch was too small.\n\n"
            'Hale was unmoved. "The library stays where it is," he said.',
            "The library stays",
            "Tom Hale",
        ),
        # a one-sentence paragraph about no person: the speaker before it
        (
            "Martin Kell told the court he had repaid half the money.\n\n"
            "The hearing resumed after lunch.\n\n"
            '"I am ashamed of what I did," he said.',
            "I am ashamed",
            "Martin Kell",
        ),
        # still right: the subject of the sentence before, fully named
        (
            "Economist Sara Lind said last month that prices would keep rising.\n\n"
            "Finance Minister Ana Brooks rejected the forecast. She said inflation had already peaked.",
            "inflation had already peaked",
            "Ana Brooks",
        ),
    ],
)
def test_speakers_wire_set_pronoun_after_a_paragraph_about_someone(
    extractor: Extractor, body: str, start: str, speaker: str
) -> None:
    assert speaker_of(extractor, body, start) == speaker


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        pytest.param(
            "“They built houses on a swamp and acted surprised when it flooded.”\n\n"
            "The charge came from Coun. Paul Reyes, at a meeting of the planning committee on Wednesday.",
            "They built houses",
            "Paul Reyes",
        ),
        pytest.param(
            "“Three floods in five years is not bad luck.”\n\nThat was Greg Amos, whose basement flooded.",
            "Three floods",
            "Greg Amos",
        ),
        # still right: the "he added" after it is the person just named
        (
            "“They built houses on a swamp.”\n\nThe charge came from Coun. Paul Reyes on Wednesday. He added "
            "that residents had warned the city as early as 2019.",
            "residents had warned",
            "Paul Reyes",
        ),
    ],
)
def test_speakers_wire_set_speaker_named_after_the_quote(
    extractor: Extractor, body: str, start: str, speaker: str
) -> None:
    assert speaker_of(extractor, body, start) == speaker


def test_speakers_wire_set_two_people_one_surname(extractor: Extractor) -> None:
    body = "The owners of the café, Luc and Hélène Marchand, said they had collected 900 signatures."
    [statement] = article_statements(extractor, body)
    assert statement.speaker is not None and statement.speaker.endswith("Marchand")


def test_speakers_wire_set_findings_published_by_an_organisation(extractor: Extractor) -> None:
    body = (
        "The findings, published by the Manitoba Labour Board in 2023, showed that wages had fallen behind inflation."
    )
    [statement] = article_statements(extractor, body)
    assert statement.speaker == "Manitoba Labour Board"


@pytest.mark.parametrize(
    ("body", "speaker", "role"),
    [
        # a council title the tokenizer would cut at its full stop: the speaker was "Coun", the sentence broken
        ('"This is a bad deal for taxpayers," said Coun. Josh Marlow, who represents Ward 12.', "Josh Marlow", "Coun."),
        ("The motion passed after Coun. Josh Marlow said the plan would cost $40 million.", "Josh Marlow", "Coun."),
        ('"The city will act," said Ald. Greg Ross, who represents Ward 3.', "Greg Ross", "Ald."),
        ("Cllr. Jane Moss said the library would stay open on Sundays.", "Jane Moss", "Cllr."),
        ('"We pray for the families," said Fr. Tomas Ruiz, the parish priest.', "Tomas Ruiz", None),
        # unchanged: a name without a title, and a title the tokenizer already kept
        ('"This is a bad deal for taxpayers," said Josh Marlow, who represents Ward 12.', "Josh Marlow", None),
        ("Supt. Dana Reid said the investigation was continuing.", "Dana Reid", "Supt."),
    ],
)
def test_speakers_wire_set_abbreviated_titles(extractor: Extractor, body: str, speaker: str, role: str | None) -> None:
    [statement] = article_statements(extractor, body)
    assert statement.speaker == speaker
    assert statement.speaker_role == role
