"""Span boundaries of statements with the real model: what a cue reports starts and stops where the
reported words do (no run-on over a paragraph break, no attribution clause inside, ...)."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.content import trim, within_line
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _spans(extractor: Extractor, body: str) -> list[str]:
    text = "Pension row\n\n" + body
    statements = article_statements(extractor, body, "Pension row")
    return [text[s.start : s.end] for s in statements]


@pytest.mark.parametrize(
    ("text", "start", "end", "anchor", "expected"),
    [
        ("One line.\n\nTwo words here.", 0, 26, 14, "Two words here."),
        ("One line.\n\nTwo words here.", 0, 26, 2, "One line."),
        ("All on one line.", 0, 16, 4, "All on one line."),
    ],
)
def test_within_line_clips_to_the_anchor_line(text, start, end, anchor, expected):
    s, e = within_line(text, start, end, anchor)
    assert text[s:e] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the parser runs the sentence before the quote on into the next paragraph: the cue's content stays
        # in its own paragraph
        (
            "The minister defended the reform at a rally in Bonn on Tuesday night, and the unions walked out."
            "\n\n''There is no way we can pay pensions without new revenue,'' she said.",
            "There is no way we can pay pensions without new revenue",
        ),
        # negative: a mixed quote inside one paragraph keeps its unquoted part
        (
            "The mayor said that the plan was ''a disgrace to the city'' and must be dropped.",
            "the plan was ''a disgrace to the city'' and must be dropped",
        ),
    ],
)
def test_content_stays_in_the_paragraph_of_its_cue(extractor, body, expected):
    spans = _spans(extractor, body)
    assert expected in spans
    assert not any("\n" in s for s in spans)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a participle after the comma of a closing quote is the writer's aside, not the report
        (
            "The governor is insisting that he has “expanded the party,” claiming that he is responsible for "
            "higher turnout.",
            "expanded the party",
        ),
        (
            "The mayor said the budget was balanced, adding that taxes would not rise.",
            "the budget was balanced",
        ),
        (
            "The senator said the vote was “a betrayal of voters,” calling on the party to resign.",
            "the vote was “a betrayal of voters",
        ),
        # negative: a participle set off in the middle of the clause stays
        (
            "The mayor said the budget cuts, hurting schools across the state, would be reversed in March.",
            "the budget cuts, hurting schools across the state, would be reversed in March",
        ),
    ],
)
def test_content_leaves_out_a_trailing_participle_aside(extractor, body, expected):
    spans = _spans(extractor, body)
    assert expected in spans


@pytest.mark.parametrize(
    ("body", "first", "second"),
    [
        # the parser hangs the speaker's second report on the reported clause: two reports of one speaker
        (
            "An audience member, Chris Brown, said he makes $41,000 a year and questioned how he would be "
            "helped by the plan.",
            "he makes $41,000 a year",
            "how he would be helped by the plan",
        ),
        (
            "The minister complained the union had attacked him unfairly and questioned why its leader had not spoken.",
            "the union had attacked him unfairly",
            "why its leader had not spoken",
        ),
    ],
)
def test_content_ends_before_a_second_report_of_the_speaker(extractor, body, first, second):
    text = "Pension row\n\n" + body
    statements = article_statements(extractor, body, "Pension row")
    spans = {text[s.start : s.end]: s for s in statements}
    assert first in spans and second in spans
    assert spans[first].speaker == spans[second].speaker


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # negative: a conjoined verb that is no cue stays in the content
        (
            "The mayor said the city paid the contractors and finished the bridge in March.",
            "the city paid the contractors and finished the bridge in March",
        ),
        pytest.param(
            "She said the agency collected the data and reported it to the police.",
            "the agency collected the data and reported it to the police",
            marks=pytest.mark.xfail(
                reason="a cue verb conjoined in the reported clause, in the cue's tense, is read "
                "as the speaker's second report"
            ),
        ),
    ],
)
def test_content_keeps_a_conjoined_verb_of_the_reported_clause(extractor, body, expected):
    assert expected in _spans(extractor, body)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("his plan is wrong and", "his plan is wrong"),
        ("the deal was done, but", "the deal was done"),
        ("bread and", "bread"),
        ("rock and roll", "rock and roll"),  # negative: a conjunction inside stays
        ("Band", "Band"),
    ],
)
def test_trim_drops_a_dangling_conjunction(text, expected):
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def _pieces(extractor: Extractor, body: str) -> list[str]:
    text = "Pension row\n\n" + body
    statements = article_statements(extractor, body, "Pension row")
    return [text[s.start : s.end].rstrip(".") for s in statements]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "according to X" set off inside the sentence: what stands on both sides was reported
        (
            "The company gave its blessing, according to court documents, becoming the owner of the new firm.",
            ["The company gave its blessing", "becoming the owner of the new firm"],
        ),
        (
            "The company, according to the report, lost $4 million last year.",
            ["The company", "lost $4 million last year"],
        ),
        # the phrase's closing comma hung on its source: still set off inside the sentence
        (
            "The dispute, according to Ana Ruiz, a former mediator, began over a clause in the lease.",
            ["The dispute", "began over a clause in the lease"],
        ),
        # a side that only goes on from the report is no part of it
        (
            "The ferry carried 900 passengers in May, according to port records, and has since opened a night crossing.",
            ["The ferry carried 900 passengers in May"],
        ),
        (
            "The mill employed 300 workers in 1990, according to town records, although few of them lived nearby.",
            ["The mill employed 300 workers in 1990"],
        ),
        (
            "The clinic earned about $2 million last year, according to its filings, a large sum for a rural clinic.",
            ["The clinic earned about $2 million last year"],
        ),
        # an opening clause of contrast is no part of it either: the main clause was reported
        (
            "While most of the loans were repaid on time, according to a bank official, two were written off.",
            ["two were written off"],
        ),
        # negative: a report verb conjoined after the phrase goes on with what was reported
        (
            "The tenants, according to their lawyer, met the landlord on Monday and said they had no answers.",
            ["The tenants", "met the landlord on Monday and said they had no answers"],
        ),
        # negatives: the phrase at either end leaves one piece
        ("The company lost money last year, according to the report.", ["The company lost money last year"]),
        ("According to the report, the company lost money last year.", ["the company lost money last year"]),
    ],
)
def test_according_to_inside_the_sentence_reports_both_sides(extractor, body, expected):
    assert _pieces(extractor, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the parser conjoins the second object to the verb: both objects are what was questioned
        (
            'Cruz, leading narrowly in Iowa polls, questioned Trump\'s "New York values" and his readiness to be '
            "commander in chief.",
            'Trump\'s "New York values" and his readiness to be commander in chief',
        ),
        # negative: a conjoined verb is no second object
        (
            "The mayor praised the firefighters for their courage and thanked the volunteers.",
            "the firefighters for their courage",
        ),
    ],
)
def test_object_content_takes_a_noun_conjoined_to_the_verb(extractor, body, expected):
    assert expected in _spans(extractor, body)


@pytest.mark.parametrize(
    ("body", "expected", "kind"),
    [
        # a word or two quoted inside the clause: the clause is what was said
        ('The senator tweeted that the ruling was "Disgraceful!"', 'the ruling was "Disgraceful!', "mixed"),
        ('The minister called the union leaders "reckless."', 'the union leaders "reckless.', "mixed"),
        # negative: a longer quote that is all of the content stays a direct quote
        (
            'The minister said that "the strike will not change the demographics."',
            "the strike will not change the demographics.",
            "direct",
        ),
    ],
)
def test_a_short_quote_inside_a_clause_is_a_mixed_quote(extractor, body, expected, kind):
    text = "Pension row\n\n" + body
    statements = article_statements(extractor, body, "Pension row")
    assert [(text[s.start : s.end], s.kind) for s in statements] == [(expected, kind)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the parser may hang the whole sentence on "According": the phrase still ends after its "to X"
        (
            "According to the Pew Research Center, eligible voters who are Hispanic skew younger in California.",
            ["eligible voters who are Hispanic skew younger in California."],
        ),
        (
            "According to the city's auditor, the bridge repairs will cost $40 million.",
            ["the bridge repairs will cost $40 million."],
        ),
    ],
)
def test_content_of_according_to_ends_after_its_source(extractor, body, expected):
    assert _spans(extractor, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the object of "told" is who heard it: the clause before the verb is still what was said
        ("The plant will close next year, the mayor told reporters on Monday.", ["The plant will close next year"]),
        (
            "The ferry service was never profitable, a port official told the Harbour Gazette.",
            ["The ferry service was never profitable"],
        ),
        # negatives: a verb with an object of its own after a clause is a second clause, not a report
        ("Minister defends plan, unions threaten strikes.", []),
        ("The council approved the budget, the mayor thanked the staff.", []),
    ],
)
def test_clause_before_a_verb_of_telling_is_what_was_told(extractor, body, expected):
    assert _spans(extractor, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a one-word answer right after the verb is what was said
        ("Asked if he was ever bullied, the candidate said no.", ["no"]),
        ("Asked whether the mayor should resign, 75 percent of residents said yes.", ["yes"]),
        # negative: "said no to X" is a stand taken, not an answer
        ("The senator said no to the pipeline.", []),
    ],
)
def test_one_word_answer_is_what_was_said(extractor, body, expected):
    assert [s for s in _spans(extractor, body) if len(s.split()) == 1] == expected
