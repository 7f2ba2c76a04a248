"""Speakers across one article (issue 27): a run of "she said" keeps the profile's subject, a role or a
description stands for the person the article named so, a document speaks for its issuer, titles read as
roles, one person is one key, and a headline makes no speaker of a role or a common noun."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _of(statements: list[Statement], start: str) -> Statement:
    [found] = [s for s in statements if s.quote.startswith(start)]
    return found


PROFILE = (
    "Maria Delgado still keeps her son's bicycle in the garage.\n\n"
    '"I can\'t bring myself to sell it," Delgado said.\n\n'
    "Her son was killed in 2019 when a truck ran a red light. The driver, Kevin Marsh, was later convicted.\n\n"
    '"It took me a year before I could drive through that intersection," she said.\n\n'
    "Since then Delgado has collected 4,000 signatures. Transportation Minister Paul Hendricks has promised "
    "to review the request.\n\n"
    '"We hear these families and we are looking at the data," Hendricks told reporters on Tuesday.\n\n'
    '"A review is not a camera," she said.\n\n'
    "Councillor Ana Ruiz, who represents the ward, said the city supports the plan.\n\n"
    '"I want the council to vote on this before the summer," she said.\n\n'
    '"She has done more for road safety than anyone," said Peter Oduya, a neighbour.\n\n'
    '"Tomas would have been 21 this year," she said.'
)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        ("It took me a year", "Maria Delgado"),  # a man named in between takes no "she"
        ("A review is not a camera", "Maria Delgado"),  # nor a man quoted in between
        ("I want the council", "Ana Ruiz"),  # a woman who speaks in the paragraph before takes it
        ("Tomas would have been", "Maria Delgado"),  # the profile's subject, quoted most, is the default
        ("We hear these families", "Paul Hendricks"),  # a surname alone is the article's person
    ],
)
def test_speakers_article_profile_keeps_her_she_said(extractor: Extractor, start: str, speaker: str) -> None:
    assert _of(article_statements(extractor, PROFILE), start).speaker == speaker


ROLES = (
    "Mayor Olivia Chow said on Monday that the city would not accept cuts to its transit budget.\n\n"
    '"We will not balance the books on the backs of riders," the mayor said.\n\n'
    "The province's finance minister, Peter Bethlenfalvy, said the cuts were necessary. "
    '"Every ministry has to find savings," the minister said.\n\n'
    "A 26-year-old cyclist, Jordan Pike, was injured on the bridge last week. "
    '"I was lucky," the 26-year-old said from his hospital bed.\n\n'
    "A police official said the investigation was continuing."
)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        ("We will not balance", "Olivia Chow"),
        ("Every ministry has to", "Peter Bethlenfalvy"),  # "the minister": the one holder of a minister's role
        ("I was lucky", "Jordan Pike"),  # "the 26-year-old": the person the article described so
        ("the investigation was continuing", "A police official"),  # indefinite: someone unnamed
    ],
)
def test_speakers_article_role_and_description_mentions(extractor: Extractor, start: str, speaker: str) -> None:
    assert _of(article_statements(extractor, ROLES), start).speaker == speaker


DOCUMENTS = (
    "The Canadian Union of Public Employees filed a complaint with the labour board on Thursday.\n\n"
    "The complaint says the employer broke the collective agreement by laying off 40 workers.\n\n"
    '"These layoffs were planned for months," a release from the union said.\n\n'
    "A report says that staffing levels had fallen below the provincial standard."
)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        ("the employer broke", "Canadian Union of Public Employees"),  # who the article says filed it
        ("These layoffs were planned", "Canadian Union of Public Employees"),  # "from the union"
        ("staffing levels had fallen", "A report"),  # nobody is said to have issued it: it stays
    ],
)
def test_speakers_article_document_speaks_for_its_issuer(extractor: Extractor, start: str, speaker: str) -> None:
    statement = _of(article_statements(extractor, DOCUMENTS), start)
    assert statement.speaker == speaker
    if speaker.startswith("Canadian"):
        assert statement.speaker_type == "organization"


@pytest.mark.parametrize(
    ("sentence", "role", "org"),
    [
        ("Labour Minister Jane Roe said the minimum wage would rise in October.", "Labour Minister", None),
        ("Transportation Minister Paul Hendricks said the review would take a year.", "Transportation Minister", None),
        ("Green Leader Mike Schreiner said the increase was too small for most workers.", "Leader", "Green Party"),
        ("Russian Foreign Minister Sergey Lavrov said the talks would go on next week.", "Foreign Minister", "Russia"),
    ],
)
def test_speakers_article_titles_read_as_roles(extractor: Extractor, sentence: str, role: str, org: str | None) -> None:
    [statement] = article_statements(extractor, sentence)
    assert (statement.speaker_role, statement.speaker_org) == (role, org)


def test_speakers_article_one_person_one_key(extractor: Extractor) -> None:
    body = (
        "Developer Harold Finch said the tower would bring 900 homes to the neighbourhood.\n\n"
        '"This is the housing the city says it needs," Finch said.\n\n'
        "In Brampton, Finch told a meeting that the plan had the support of the planning department."
    )
    statements = article_statements(extractor, body)
    assert {s.speaker for s in statements} == {"Harold Finch"}
    assert {s.speaker_id for s in statements} == {"person/harold-finch"}


@pytest.mark.parametrize(
    ("title", "body", "speaker"),
    [
        (
            "Minister says library hours must be cut",
            '"Nobody likes to cut hours," Culture Minister Neil Lumsden said on Monday in Toronto.',
            "Neil Lumsden",  # a role alone is the body's holder of it, no node of its own
        ),
        (
            "Stoltenberg says allies must send more air defence",
            "NATO Secretary General Jens Stoltenberg spoke in Brussels on Tuesday about air defence.",
            "Jens Stoltenberg",
        ),
    ],
)
def test_speakers_article_headline_subject_is_the_body_speaker(
    extractor: Extractor, title: str, body: str, speaker: str
) -> None:
    statements = article_statements(extractor, body, title)
    headline = [s for s in statements if s.start < len(title)]
    assert [s.speaker for s in headline] == [speaker]


def test_speakers_article_headline_common_noun_is_no_name_cut(extractor: Extractor) -> None:
    from quotegraph.extract.attribution.headline import named_in_body

    words = {"white", "house", "clinton", "hillary"}
    assert named_in_body("Clinton Wades In", words, {"clinton"}) == "Clinton"
    assert named_in_body("White House Doctor", words, {"clinton"}) is None  # no person's name cut short
    assert named_in_body("Minister", words, {"clinton"}) is None


def test_speakers_article_opposition_party_keeps_its_name(extractor: Extractor) -> None:
    body = "The opposition Greens called on Thursday for a two-year freeze on rents in the province."
    [statement] = article_statements(extractor, body)
    assert statement.speaker == "Greens"


def test_speakers_article_dateline_is_no_speaker(extractor: Extractor) -> None:
    body = (
        "OSLO (AP) — Norway will raise its defence spending by 2030, Prime Minister Jonas Gahr Store said "
        'Friday.\n\n"The security situation has changed," Store told reporters.'
    )
    speakers = {s.speaker for s in article_statements(extractor, body)}
    assert speakers == {"Jonas Gahr Store"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Saturday at the state party convention Sen. Elizabeth Warren said the Republican nominee was a "
            "proven failure in business.",
            "Elizabeth Warren",
        ),
        ('Trump, in Kentucky, said Tuesday that the senator was "a total lightweight."', "Trump"),
        (
            "ORLANDO, Fla. (Reuters) - President Barack Obama met survivors of the shooting on Thursday and said "
            "the country must act to control gun violence.",
            "Barack Obama",
        ),
    ],
)
def test_speakers_article_day_or_dateline_is_no_subject(extractor: Extractor, body: str, speaker: str) -> None:
    [statement] = article_statements(extractor, body)
    assert statement.speaker is not None
    assert statement.speaker.endswith(speaker)


def test_speakers_article_age_description_still_speaks(extractor: Extractor) -> None:
    body = 'Jordan Pike, a 26-year-old cyclist, was hurt. "I was lucky," the 26-year-old said on Friday.'
    assert _of(article_statements(extractor, body), "I was lucky").speaker == "Jordan Pike"


def test_speakers_article_capitals_then_a_hyphen_are_no_dateline(extractor: Extractor) -> None:
    body = "CNN said the right-leaning group had lost much of its support in the state this year."
    [statement] = article_statements(extractor, body)
    assert statement.speaker == "CNN"


@pytest.mark.parametrize(
    ("sentence", "speaker_type"),
    [
        ("Some said the plan would never work in a state this large and this poor.", "group"),
        ("Others warned that the deal would collapse within a year of its signing.", "group"),
        ("A handful of Democrats said the bill would fail in the Senate next week.", "group"),
        ("Some of his supporters said he would win the state by a wide margin in November.", "group"),
        ("The report said she violated agency rules by using a private server for years.", "document"),
        ("The lawsuit says the company hid the defects from regulators for a decade.", "document"),
        ("The senator said the bill would fail in the Senate next week.", "person"),
        ("The Washington Post said the senator had misled voters about the deal.", "organization"),
        ("A New Hampshire Republican said the candidate had no chance in the primary next month.", "person"),
        ("An Iowa Democrat told reporters that the caucus would be close this year.", "person"),
        ("Republicans said the bill would fail in the Senate next week.", "group"),
    ],
)
def test_speakers_article_type_of_an_unnamed_speaker(extractor: Extractor, sentence: str, speaker_type: str) -> None:
    [statement] = article_statements(extractor, sentence)
    assert statement.speaker_type == speaker_type
    assert statement.speaker_key.startswith({"organization": "org"}.get(speaker_type, speaker_type) + "/")


def test_speakers_article_document_of_a_named_issuer_is_not_a_document(extractor: Extractor) -> None:
    body = (
        "Halton police issued a release on Tuesday. "
        "The release said two children were hurt in the crash on the highway."
    )
    [statement] = article_statements(extractor, body)
    assert (statement.speaker, statement.speaker_type) == ("Halton police", "organization")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("A New Hampshire Republican said the candidate had no chance in the primary next month.",
         "A New Hampshire Republican"),  # one person by their party, not the party
        ("The Florida Republican said the bill would fail in the Senate next week.", "The Florida Republican"),
        ("Republicans said the bill would fail in the Senate next week.", "Republicans"),
    ],
)  # fmt: skip
def test_speakers_article_a_party_member_is_no_party(extractor: Extractor, sentence: str, speaker: str) -> None:
    [statement] = article_statements(extractor, sentence)
    assert statement.speaker == speaker

