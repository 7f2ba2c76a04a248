"""Speaker mentions on real sentences: a string of titles that ends with the person's name, a name that ends a
relative clause, a quote's last word glued to the name after it."""

from __future__ import annotations

import pytest
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _speakers(extractor: Extractor, body: str) -> list[tuple[str | None, str | None]]:
    statements = article_statements(extractor, body, "Budget row")
    return [(s.speaker, s.speaker_mention) for s in statements]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # titles coordinated before the name: the name speaks, not the first title
        (
            "GOP presidential contender and former neurosurgeon Ben Carson responded on Sunday to accusations "
            "that he exaggerated his life story.",
            "Ben Carson",
        ),
        ("Radio Network Vice President for news and talk Dave Moran called the show “a great success.”", "Dave Moran"),
        (
            "“He is reprising that role,” said former Ohio Gov. and Democratic National Committee Chairman Ed Harlan.",
            "Ed Harlan",
        ),
        # negatives: two speakers, or a name the tagger missed, stay as they were
        ("The mayor and Sen. Jane Roe said the bridge would be rebuilt.", "Jane Roe"),
        ("Trump and former Florida Gov. Jeb Bush said the debate was unfair.", "Donald Trump"),
    ],
)
def test_mentions_titles_before_a_name(extractor: Extractor, body: str, speaker: str) -> None:
    assert [s for s, _ in _speakers(extractor, body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the name before the verb ends a relative clause: the person it describes speaks
        (
            '"Voters deserve a straight answer on taxes,"Katie Moss, who is chairman of Our Values Pac said in '
            "a statement.",
            "Moss",
        ),
        # negative: no relative clause, the name before the verb speaks
        ('"Voters deserve a straight answer on taxes," Katie Moss said in a statement.', "Katie Moss"),
    ],
)
def test_mentions_name_closing_a_relative_clause(extractor: Extractor, body: str, speaker: str) -> None:
    assert [s for s, _ in _speakers(extractor, body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker", "mention"),
    [
        # no space after the closing mark: the quote's last word is no part of the name
        ("“It has been a lot of prejudice and paranoia,”Clinton said.", "Hillary Clinton", "Clinton"),
        # negative: a nickname in quote marks inside a name keeps the name whole
        ('“We will win,” said Dwayne "The Rock" Johnson.', None, None),
    ],
)
def test_mentions_quote_glued_to_the_name(
    extractor: Extractor, body: str, speaker: str | None, mention: str | None
) -> None:
    [(got, got_mention)] = _speakers(extractor, body)
    if speaker is None:
        assert got is not None and got.endswith("Johnson")
    else:
        assert (got, got_mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a name and its apposition between commas before a verb the parser left without a subject: the
        # name speaks, not the hearer after the verb
        ("“We were wrong not to confront him from the start,” Ramos, 58, told AFP in an interview.", "Ramos"),
        (
            "It was no accident — Brendan Buck, a spokesman for Ryan, told POLITICO that the speaker had given notice.",
            "Brendan Buck",
        ),
        # a relative clause between the commas ("called" misread as a participle)
        (
            "Stuart Lane, who served as Romney's chief strategist during the 2012 campaign, called Trump's "
            'statements on Sunday "childish."',
            "Stuart Lane",
        ),
        # negatives: a verb after the quote ('recalled Tajani'), a verb with its own subject
        ("“It is over,” recalled Tajani.", "Antonio Tajani"),
        ("“We will not back down,” Jane Roe, the mayor, told reporters.", "Jane Roe"),
    ],
)
def test_mentions_name_before_its_apposition(extractor: Extractor, body: str, speaker: str) -> None:
    assert [s for s, _ in _speakers(extractor, body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        # a relative clause that ends the group's phrase names nobody who speaks
        (
            "Many of the local party leaders who would rather be working for Cruz or Ben Carson said they have "
            "rallied behind the ticket.",
            "Many of the local party leaders",
        ),
        # negatives: a clause that names nobody stays; one with a comma may hold the head's apposition
        (
            "Many of the voters who came to the rally on Sunday said they have rallied behind the ticket.",
            "Many of the voters who came to the rally on Sunday",
        ),
    ],
)
def test_mentions_group_without_its_relative_clause(extractor: Extractor, body: str, mention: str) -> None:
    assert [m for _, m in _speakers(extractor, body)] == [mention]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a document speaks for the issuer named right before it
        ('"The impact of the vote remains very unclear for trade," the IMF report stated.', "IMF"),
        # negative: a name's own last word is no document ("Post")
        ('"The impact of the vote remains very unclear for trade," the Washington Post reported.', "Washington Post"),
    ],
)
def test_mentions_document_speaks_for_its_issuer(extractor: Extractor, body: str, speaker: str) -> None:
    assert [s for s, _ in _speakers(extractor, body)] == [speaker]


def test_mentions_day_after_the_verb_is_no_speaker(extractor: Extractor) -> None:
    # a party in brackets after the name and a day after the verb: the name speaks, never "Friday"
    body = (
        "Attorney General Roy Cooper (D), the governor's opponent in the upcoming election, called Friday for "
        "releasing the police videos."
    )
    assert {s for s, _ in _speakers(extractor, body)} == {"Roy Cooper"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a lone first name joined to a full name: two people of one surname speak together
        ("The owners of the bakery, Luc and Hélène Marchand, said the rent had doubled.", "Luc and Hélène Marchand"),
        ("Ruth and Ian Cole said the rent had doubled.", "Ruth and Ian Cole"),
        ("The owners of the farm, Marc and Julie Tessier, said the rent had doubled.", "Marc and Julie Tessier"),
        # a surname the article gives someone is no first name; a full name before "and" is its own person
        (
            "Prime Minister Mark Carney spoke first. Carney and Diane Lebouthillier said the cuts would hold.",
            "Mark Carney",
        ),
        ("Mark Carney and Diane Lebouthillier said the cuts would hold.", "Mark Carney"),
    ],
)
def test_mentions_two_people_of_one_surname(extractor: Extractor, body: str, speaker: str) -> None:
    assert [s for s, _ in _speakers(extractor, body)][:1] == [speaker]


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        # an event that leads someone to speak: the one it leads speaks
        (
            "The narrow defeat led council leader Maria Ortiz to declare that the budget was dead.",
            "council leader Maria Ortiz",
        ),
        ("The late vote prompted Democrats to say that the bill had been rushed.", "Democrats"),
        # a passive subject coordinated with the cue: the subject speaks, never the agent
        (
            "Union officials were angered by the ruling and predicted that it would lead to more strikes.",
            "Union officials",
        ),
        # negatives: a verb that is no causative keeps its subject; a person the agent's relative clause
        # goes on about keeps speaking; a plain subject stays
        ("The mayor asked residents to say whether the park should close.", "The mayor"),
        (
            "Harris was asked by host Tom Reed, who backs her but has long dismissed the idea that taxes should rise.",
            "host Tom Reed",
        ),
        ("Union officials met the minister and predicted that the strike would end.", "Union officials"),
    ],
)
def test_mentions_event_leads_someone_to_speak(extractor: Extractor, body: str, mention: str) -> None:
    assert [m for _, m in _speakers(extractor, body)][:1] == [mention]


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        # a tally, a calculation or audio speaks for whoever made it
        ("Jones had won 412 delegates, according to a tally by the Associated Press.", "the Associated Press"),
        (
            "A fair wage is $14 an hour, according to calculations by Dana Reyes of Lakeview University.",
            "Dana Reyes of Lakeview University",
        ),
        ("The plan would cost $2 billion, according to audio provided by Harbor Public Radio.", "Harbor Public Radio"),
        # negative: a tally nobody is named for stays as it is
        ("Jones had won 412 delegates, according to an unofficial tally.", "an unofficial tally"),
    ],
)
def test_mentions_tally_speaks_for_its_maker(extractor: Extractor, body: str, mention: str) -> None:
    assert [m for _, m in _speakers(extractor, body)][:1] == [mention]
