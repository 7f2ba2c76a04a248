"""An evaluation aimed at the loss of what the proposition names ("a lack of X", "restrictions on X",
"denying X", "scrapping X") is aimed at its opposite: blame of the loss agrees with a proposition that keeps or
wants the thing, and disagrees with one that takes it away (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.evaluate import lost, prefixes
from quotegraph.extract.stance.lexicon import lexicon
from quotegraph.extract.stance.scorers import takes_away
from quotegraph.extract.stance.topics import Topic

OPEN = {"id": "open", "label": "Open budgets", "proposition": "City councils should be open about their budgets"}
LIBRARIES = {"id": "lib", "label": "Libraries", "proposition": "Every town should keep its public library"}
TOLLS = {"id": "tolls", "label": "Road tolls", "proposition": "Road tolls should be abolished"}
VISAS = {"id": "visas", "label": "Visas", "proposition": "Students should be denied visas after their course"}


@pytest.mark.parametrize(
    ("topic", "text", "stance"),
    [
        # blame of the loss of what the proposition wants: it agrees
        (OPEN, "A lack of openness leads to corruption.", "support"),
        (LIBRARIES, "Closing libraries would hurt the poorest children.", "support"),
        # praise of the loss of what the proposition wants: it disagrees
        (LIBRARIES, "Closing the library would be a wise decision.", "oppose"),
        # the proposition takes the thing away: blame of its loss (of the act) disagrees, praise agrees
        (TOLLS, "Scrapping road tolls would cause terrible congestion.", "oppose"),
        (VISAS, "Denying visas to graduates will hurt the economy.", "oppose"),
        (TOLLS, "Scrapping road tolls would be a great relief for drivers.", "support"),
    ],
)
def test_stance_loss_evaluation_turns(nlp, topic, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]


@pytest.mark.parametrize(
    ("text", "subject", "is_lost"),
    [
        ("A lack of openness breeds corruption.", "lack", True),
        ("Restrictions on budgets create conflict.", "Restrictions", True),
        ("Scrapping budget rules would help.", "rules", False),  # the rules are not what the proposition names
        # negatives: the subject names the thing itself, or a loss of something else
        ("Open budgets build trust.", "budgets", False),
        ("A lack of parking annoys drivers.", "lack", False),
    ],
)
def test_stance_loss_lost_target(nlp, text, subject, is_lost):
    named = prefixes(["councils", "open", "budgets"])
    target = next(t for t in nlp(text) if t.text == subject)
    assert lost(target, lexicon().losing, named) is is_lost


@pytest.mark.parametrize(
    ("proposition", "taking"),
    [
        ("Road tolls should be abolished", True),
        ("Students should be denied visas after their course", True),
        ("Restrict the right to strike in essential services", True),
        # negatives: it keeps or gives the thing
        ("Every town should keep its public library", False),
        ("Students should be given visas after their course", False),
    ],
)
def test_stance_loss_proposition_takes_away(proposition, taking):
    assert takes_away(Topic("t", "t", proposition)) is taking


TOLL_ROADS = {"id": "toll", "label": "Toll roads", "proposition": "Cities should build more toll roads"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a statement alone with no subject at all speaks of the matter: its evaluation is the matter's
        ("Undermines the trust of ordinary drivers.", "evaluation of the matter"),
        ("A waste of public money.", "evaluation of the matter"),
        # negatives: a subject that is not the matter keeps the evaluation the plain one
        ("Commuters deserve safer and faster journeys.", "evaluation"),
    ],
)
def test_stance_loss_bare_statement_speaks_of_the_matter(nlp, text, rule):
    from quotegraph.extract.model import Statement
    from quotegraph.extract.stance.judge import record_topic
    from quotegraph.extract.stance.scorers import decision

    topic = record_topic({"id": 1, "text": text, "topic": TOLL_ROADS}, {}, 1)
    statement = Statement(article="a", quote=text, start=0, end=len(text), kind="direct")
    assert decision(statement, topic, nlp(text)).rule == rule


CAMERAS = {"id": "cams", "label": "Speed cameras", "proposition": "Speed cameras should be installed on every road"}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # less of a bad thing is good: "fewer deaths", "less crime", "reduced crime"
        ("Speed cameras mean fewer deaths on the roads.", "support"),
        ("Speed cameras lead to less crime.", "support"),
        ("Cameras result in reduced crime and fewer accidents.", "support"),
        # less of a good thing is bad
        ("Roads with cameras would be less safe.", "oppose"),
        # negatives: more of a bad thing stays bad
        ("Speed cameras cause more accidents.", "oppose"),
    ],
)
def test_stance_loss_less_of_what_is_evaluated_turns_it(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": CAMERAS}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]


CASINOS = {"id": "casinos", "label": "Casinos", "proposition": "Casinos should be regulated"}
SODA = {"id": "soda", "label": "Soda tax", "proposition": "Sugary drinks should be taxed"}
LOTTERY = {"id": "lottery", "label": "Lotteries", "proposition": "Lotteries should be restricted"}


@pytest.mark.parametrize(
    ("topic", "text", "stance"),
    [
        # regulating, taxing and restricting curb their matter, as a ban does
        (CASINOS, "Casinos ruin families.", "support"),
        (CASINOS, "Casinos are harmless fun.", "oppose"),
        (CASINOS, "Regulating casinos would protect children.", "support"),
        (SODA, "A tax on sugary drinks would hurt poor families.", "oppose"),
        ({"id": "s2", "label": "Soda tax", "proposition": "We should tax sugary drinks"},
         "Sugary drinks rot teeth and cause obesity.", "support"),
        (LOTTERY, "Restricting lotteries would protect children.", "support"),
        # negatives: a proposition that keeps its matter reads praise and blame of it the plain way, and a tax
        # that is itself the matter is no loss
        ({"id": "ct", "label": "Carbon tax", "proposition": "A carbon tax should be introduced"},
         "A carbon tax would be a disaster for farmers.", "oppose"),
        ({"id": "c", "label": "Casinos", "proposition": "Casinos should be allowed"}, "Casinos ruin families.",
         "oppose"),
    ],
)
def test_stance_loss_curbing_acts_take_away(nlp, topic, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]


def test_stance_records_title_case_headline_is_read_as_a_sentence(nlp):
    # a headline in title case parses as a string of names; read in sentence case, its effect verb turns
    topic = {"id": "jf", "label": "Junk food", "proposition": "Junk food should be banned"}
    text = "Banning Junk Food In Schools Could Decrease The Frequency Of Heart Disease"
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp, gate=False)
    assert judged["stance"] == "support", judged["evidence"]
