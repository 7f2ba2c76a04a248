"""Speakers of news-style attributions: a quote that goes on after an attribution whose apposition names
an organisation, a long apposition between a quote and its verb, a speaker clause before a colon that the
parser hangs on the quote's words."""

from __future__ import annotations

import pytest
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _speakers(extractor: Extractor, body: str) -> list[tuple[str | None, str]]:
    statements = article_statements(extractor, body, "Budget row")
    return [(s.speaker, s.quote) for s in statements]


def _speaker_of(found: list[tuple[str | None, str]], start: str) -> str | None:
    [speaker] = [s for s, q in found if q.startswith(start)] or [None]
    return speaker


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        # the next quote continues the speaker: the names in their apposition are nobody new
        (
            "The question for the party now is stark: would they prefer a moderate nominee or not?\n\n"
            "''If the governor is elected, the party would be much better off with a moderate nominee now,'' "
            "said Karen Holt, professor of law at Harvard Law School. ''That is a rational way of looking at "
            "it. I would hope they see reason.''",
            "That is a rational way",
            "Karen Holt",
        ),
        (
            "“Who is the real spendthrift here?” said Murphy, using a word Senator Dunn has used against him, "
            "on a call with reporters. “The senator voted for every one of these programs.”",
            "The senator voted",
            "Murphy",
        ),
        # a long apposition between the quote and its verb
        (
            "“The market will recover by the spring,” Robert Klein, the chief economist of the Federal Reserve "
            "Bank of Boston, said on Monday.",
            "The market will recover",
            "Robert Klein",
        ),
        # the clause before the colon, parsed as a clause of the quote's own verb
        (
            "The minister had promised a careful review of the plan.\n\n"
            'Sanders delivered a snappy retort: "No one is tearing this up. We are going to go forward."',
            "No one is tearing",
            "Sanders",
        ),
        # any verb before a comma, or before a colon that ends its paragraph
        (
            "The song is an old one.\n\nIn one of her early songs, Mary Holt sang, "
            "“Nobody ever tells you when the good times end.”",
            "Nobody ever tells you",
            "Mary Holt",
        ),
        (
            "The attack killed four people.\n\nMayor Ellen Cho issued the following statement:\n\n"
            "“Our thoughts are with the families of the victims tonight.”",
            "Our thoughts are with",
            "Ellen Cho",
        ),
        # the sentence before the quote, in its paragraph, has a person as its subject
        (
            "“The party is running out of time,” said Craig Dunn, a consultant.\n\n"
            'Professor Diane Baxter agreed. "Voters are looking for an alternative to the front-runner."',
            "Voters are looking",
            "Diane Baxter",
        ),
        # a participle after a comma speaks for the main clause, not for the clause inside it, and its
        # object is no speaker
        (
            "Campaign manager Corey Lane rejected the idea that the billionaire developer would be a drag on "
            "the ticket, saying the huge crowds at his rallies prove that he would energize the party.",
            "the huge crowds",
            "Corey Lane",
        ),
        (
            "Reached by phone, Barry Dunn denied that a campaign shakeup is coming, explaining that he was "
            "unaware of the interview because he was taking a day off.",
            "he was unaware",
            "Barry Dunn",
        ),
        (
            "Back in 1999, Ms. Ward expressed admiration for the governor's retail political skills, telling "
            'CNN: "I wish I could be like that. I just can\'t."',
            "I wish I could",
            "Ward",
        ),
        # quotes opened by doubled apostrophes
        (
            "The hearing ran late.\n\nSenator Ann Cole, Republican of Maine, gave the idea a try in an "
            "interview on Tuesday: ''You can easily argue that the plan is a tax on the poor.''",
            "You can easily argue",
            "Ann Cole",
        ),
        # the "Mr." of the speaker ends no sentence
        (
            "The criticism came fast.\n\n''If the mayor thinks she can unleash her husband on me, she is "
            "wrong!'' Mr. Tate wrote on Twitter on Monday.",
            "If the mayor thinks",
            "Tate",
        ),
        # a lower-case verb after a question closes it: the name after it speaks
        (
            "The speech drew fire.\n\n“What sport is he talking about, and who? Is the mayor profiling?” reacted Tate.",
            "What sport is he",
            "Tate",
        ),
        # a byline on the line after the quote
        (
            "The debate was lively.\n\n"
            '"I will look into it. I do not know the status, but I will certainly look into it."\n\n'
            "- Helen Ward.\n\nShe has been looking into it for a long time.",
            "I will look into it",
            "Helen Ward",
        ),
        # a text that speaks for its author: the author the sentence names
        (
            "In addition, a fundraising email sent out by Senator Ruth Kane on Tuesday night warned that the "
            "fight ahead would be tough.",
            "the fight ahead",
            "Ruth Kane",
        ),
        (
            "Sales of electric cars are growing fast, according to a recent report from Bloomberg New Energy Finance.",
            "Sales of electric cars",
            "Bloomberg New Energy Finance",
        ),
        # a cue the parser left without a subject after the name it hung on an earlier noun
        (
            "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “Hillary Clinton "
            "believes that transatlantic cooperation is essential, and that cooperation is strong.”",
            "Hillary Clinton believes",
            "Jake Sullivan",
        ),
    ],
)
def test_speaker_attribution_of_news_quotes(extractor, body, start, speaker):
    found = _speakers(extractor, body)
    assert (_speaker_of(found, start) or "").endswith(speaker), found


@pytest.mark.parametrize(
    ("body", "start", "not_speaker"),
    [
        # someone else speaks in between: the next quote is not the first speaker's
        (
            "“We have never seen a budget like this one,” said Karen Holt. Senator Mark Dunn rejected the "
            "criticism on Tuesday. “It will pass easily and the schools will be fine.”",
            "It will pass easily",
            "Karen Holt",
        ),
        # the name after the quote only stands in a clause that holds the verb
        (
            "When the mayor used the words “I am not quite there yet,” she was mocking Paul Ryan, who used "
            "the same phrase in May about the nominee.",
            "I am not quite there yet",
            "Paul Ryan",
        ),
        # a subordinate clause before the comma names no speaker
        (
            "When the governor arrived in the capital, “we will fight for every vote” was on every banner.",
            "we will fight",
            "governor",
        ),
        # the sentence before the quote is about a thing, and its subject stands in an earlier quote
        (
            "The council met on Tuesday. The budget passed easily. "
            "“Nobody expected the vote to be this close, not even the mayor.”",
            "Nobody expected",
            "budget",
        ),
        (
            '"Meh," wrote a reader who runs a popular account on the site. "What does he know about it?"',
            "What does he know",
            "Meh",
        ),
        # the participle's own clause is set off by a quote from the clause before it
        (
            'The mayor cannot say that "from his perspective," Holt added, saying it should be up to the '
            "courts to decide.",
            "it should be up to",
            "mayor",
        ),
        # a verb after a name in a quote is no cue of that name
        (
            "“Ask Jake Sullivan,” wrote the columnist. “Sullivan said the deal was done and nobody objected.”",
            "Sullivan said the deal",
            "Sullivan",
        ),
        # a quote that ends its sentence, then someone else's sentence
        (
            "Mr. Cole seemed to mock his rival, saying at one point, ''The answer is not simply to yell at "
            "everyone.'' But Mr. Tate, again, did not respond in kind.",
            "The answer is not simply",
            "Tate",
        ),
    ],
)
def test_speaker_attribution_negatives(extractor, body, start, not_speaker):
    found = _speakers(extractor, body)
    assert not_speaker not in (_speaker_of(found, start) or ""), found


def test_speaker_attribution_a_text_without_an_author_stays_itself(extractor):
    found = _speakers(extractor, "The ministry published its figures. The report said the deficit would shrink.")
    assert _speaker_of(found, "the deficit would shrink") == "The report", found
