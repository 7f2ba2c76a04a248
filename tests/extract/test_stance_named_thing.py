"""A topic whose proposition only names its matter ("the death penalty", "gun control", as topics made from a
phrase are) claims, proposes and accuses nothing: support is being for the thing, and naming it asserts
nothing (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records, parse_topics
from quotegraph.extract.stance.proposition import accuses, names_a_thing


def _topic(proposition: str, keywords: list[str], label: str | None = None):
    data = {"id": "t", "label": label or proposition, "proposition": proposition, "keywords": keywords}
    return parse_topics({"topics": [data]})[0]


@pytest.mark.parametrize(
    ("proposition", "keywords", "named"),
    [
        ("the death penalty", ["death penalty"], True),
        ("Gun control", ["gun control"], True),
        ("terrorism", ["terrorism"], True),
        # negatives: a claim, a proposal or a motion, even when a keyword repeats it whole
        ("We should abolish the death penalty", ["death penalty"], False),
        ("Fast Food Advertising Should Be Banned", ["fast food advertising should be banned"], False),
        ("Build hydroelectric dams", ["build hydroelectric dams"], False),
        ("Terrorism is a threat to democracy", ["terrorism", "threat", "democracy"], False),
        ("The death penalty", ["capital punishment"], False),  # names it, but the analyst's words differ
    ],
)
def test_stance_named_thing_names_a_thing(proposition, keywords, named):
    assert names_a_thing(_topic(proposition, keywords, label="Topic")) is named


@pytest.mark.parametrize(
    ("phrase", "keyword"), [("the death penalty", "death penalty"), ("gun violence", "gun violence")]
)
def test_stance_named_thing_accuses_no_one(phrase, keyword):
    assert accuses(_topic(phrase, [keyword])) is False


@pytest.mark.parametrize(
    ("text", "phrase", "keyword", "stance"),
    [
        ("The death penalty is barbaric and should be abolished.", "the death penalty", "death penalty", "oppose"),
        ("Gun control saves lives and we need much more of it.", "gun control", "gun control", "support"),
        ("Gun violence is a horrible, deadly plague on our cities.", "gun violence", "gun violence", "oppose"),
        # naming the thing takes no side
        ("The panel on gun control meets at the library on Thursday.", "gun control", "gun control", None),
    ],
)
def test_stance_named_thing_side_is_for_the_thing(nlp, text, phrase, keyword, stance):
    topic = {"id": "t", "label": phrase, "proposition": phrase, "keywords": [keyword]}
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    if stance is None:
        assert out["stance"] not in ("support", "oppose"), out["evidence"]
    else:
        assert out["stance"] == stance, out["evidence"]


def _side(nlp, text: str, phrase: str) -> str | None:
    topic = {"id": "t", "label": phrase, "proposition": phrase, "keywords": [phrase]}
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    return out["stance"] if out["stance"] in ("support", "oppose") else None


@pytest.mark.parametrize(
    ("text", "phrase", "stance"),
    [
        # a prescription on the thing reads as on "having it": taking it away opposes, keeping it supports
        ("We should not close the detention camp, as it holds dangerous men.", "detention camp", "support"),
        ("Congestion pricing should be scrapped before it spreads.", "congestion pricing", "oppose"),
        ("We must keep rent control in this city.", "rent control", "support"),
        ("We should never adopt a four-day week.", "four-day week", "oppose"),
        # negative: a prescription on something else says nothing of the thing
        ("We should close the old library on Sundays.", "rent control", None),
    ],
)
def test_stance_named_thing_prescription_on_the_thing(nlp, text, phrase, stance):
    assert _side(nlp, text, phrase) == stance


@pytest.mark.parametrize(
    ("text", "phrase", "stance"),
    [
        # the thing's own words ("right") are no words of wanting
        ("The right to strike is written into the old charter.", "the right to strike", None),
        # negative: wanting words of the quote's own still count
        ("We need a right to repair now; it is essential.", "right to repair", "support"),
    ],
)
def test_stance_named_thing_own_words_want_nothing(nlp, text, phrase, stance):
    assert _side(nlp, text, phrase) == stance


@pytest.mark.parametrize(
    ("text", "phrase", "wanted"),
    [
        ("We need more rent control in this city.", "rent control", ["need", "more"]),
        ("It is time we kept it.", "rent control", ["time"]),
        # negatives: a want of something else, and the thing's own words
        ("Children should be able to dress as they wish.", "school uniform", []),
        ("Voters must have a choice at the ballot box.", "compulsory voting", []),
        ("The right to strike matters to workers.", "the right to strike", []),
    ],
)
def test_stance_named_thing_wanting_aimed_at_the_thing(text, phrase, wanted):
    from quotegraph.extract.model import Statement
    from quotegraph.extract.stance.scorers import read, wanted_thing

    statement = Statement(article="x", quote=text, start=0, end=len(text), kind="direct")
    assert wanted_thing(read(statement, _topic(phrase, [phrase]))) == wanted


@pytest.mark.parametrize(
    ("text", "phrase", "stance"),
    [
        # the text's evaluation as a whole is mixed; what it says of the thing decides
        ("Rent control is a great idea, though the winter was bad.", "rent control", "support"),
        ("Rent control is a bad idea, though the landlord was nice.", "rent control", "oppose"),
        # negative: mixed, and nothing said of the thing
        ("The winter was bad, though the landlord was great.", "rent control", None),
    ],
)
def test_stance_named_thing_evaluation_of_the_thing_decides_mixed(nlp, text, phrase, stance):
    assert _side(nlp, text, phrase) == stance


@pytest.mark.parametrize(
    ("text", "phrase", "stance"),
    [
        # a prescription naming the thing outweighs one on a pronoun that stands for something else
        (
            "We should not end rent control, because people need to stop moving before they age.",
            "rent control",
            "support",
        ),
        # the evaluation is of an act on the thing: of removing it, praise is against the thing
        ("Banning fireworks would be a wonderful, happy relief for pets.", "fireworks", "oppose"),
        ("Legalizing fireworks would lead to terrible, painful injuries.", "fireworks", "oppose"),
        ("Banning fireworks would be a terrible, painful mistake.", "fireworks", "support"),
    ],
)
def test_stance_named_thing_act_on_the_thing(nlp, text, phrase, stance):
    assert _side(nlp, text, phrase) == stance


@pytest.mark.parametrize(
    ("text", "phrase", "act"),
    [
        ("Legalizing fireworks would lead to terrible, painful injuries.", "fireworks", True),
        # negatives: the act is on something else; the thing is no act's object
        ("Banning loud music would be a wonderful, happy relief.", "fireworks", False),
        ("Fireworks would be a wonderful, happy sight.", "fireworks", False),
    ],
)
def test_stance_named_thing_act_on_the_thing_only(nlp, text, phrase, act):
    topic = {"id": "t", "label": phrase, "proposition": phrase, "keywords": [phrase]}
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    assert any(e.startswith("evaluates ") for e in out["evidence"]) is act, out["evidence"]


@pytest.mark.parametrize(
    ("text", "phrase", "stance"),
    [
        ("School uniforms have their pros and cons, and parents are split.", "school uniform", "neutral"),
        ("On the one hand nuclear power is clean; on the other it leaves waste.", "nuclear power", "neutral"),
        # negatives: a side taken strongly outweighs the balance; no balance, a side
        (
            "We weighed the pros and cons: we should abolish school uniform, we must abolish it now.",
            "school uniform",
            "oppose",
        ),
        ("School uniforms are a wonderful, fair idea.", "school uniform", "support"),
    ],
)
def test_stance_named_thing_pros_and_cons_balance(nlp, text, phrase, stance):
    topic = {"id": "t", "label": phrase, "proposition": phrase, "keywords": [phrase]}
    assert judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]["stance"] == stance


@pytest.mark.parametrize(
    ("text", "phrase", "wanted"),
    [
        ("Rent control is really necessary here.", "rent control", ["necessary"]),
        # negatives: the thing is not what the word is said of
        ("Rent control aside, it is necessary to build.", "rent control", []),
        ("Rent control makes repairs necessary.", "rent control", []),
    ],
)
def test_stance_named_thing_wanting_said_of_the_thing(text, phrase, wanted):
    from quotegraph.extract.model import Statement
    from quotegraph.extract.stance.scorers import read, wanted_thing

    statement = Statement(article="x", quote=text, start=0, end=len(text), kind="direct")
    assert wanted_thing(read(statement, _topic(phrase, [phrase]))) == wanted


@pytest.mark.parametrize(
    ("text", "phrase", "stance"),
    [
        # wanting the thing outweighs blame of what it is wanted against
        ("We need rent control, so that greedy, cruel landlords stop gouging us.", "rent control", "support"),
        ("Rent control is necessary because the housing crisis is terrible and deadly.", "rent control", "support"),
        # negative: a want of something else leaves the blame to decide
        ("We need cheaper homes, but rent control is a terrible, harmful failure.", "rent control", "oppose"),
    ],
)
def test_stance_named_thing_wanting_the_thing_decides(nlp, text, phrase, stance):
    assert _side(nlp, text, phrase) == stance


@pytest.mark.parametrize(
    ("text", "phrase", "stance"),
    [
        ("School vouchers allow parents to pick a school.", "school vouchers", "support"),
        ("Mandatory retirement deprives skilled workers of their jobs.", "mandatory retirement", "oppose"),
        ("Rent control does not help tenants at all.", "rent control", "oppose"),
        # the subject is the thing's removal: the good or harm it does turns
        ("Banning fireworks would limit small family shops.", "fireworks", "support"),
        # and the act word's own valence ("banning") is no evaluation of the act
        ("Banning fireworks gives pets a calm night.", "fireworks", "oppose"),
    ],
)
def test_stance_named_thing_what_it_does(nlp, text, phrase, stance):
    assert _side(nlp, text, phrase) == stance


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # negatives: the thing is not the one that does it
        ("The council allows debates on rent control.", "rent control"),
        ("Landlords force tenants out despite rent control.", "rent control"),
    ],
)
def test_stance_named_thing_what_it_does_only_its_own(nlp, text, phrase):
    topic = {"id": "t", "label": phrase, "proposition": phrase, "keywords": [phrase]}
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    assert not any(e.startswith("it does") for e in out["evidence"]), out["evidence"]


@pytest.mark.parametrize(
    ("text", "sided"),
    [
        # a verb that reports says nothing of its own
        ("The death penalty case was argued before the state supreme court on Tuesday.", False),
        # negative: an evaluation the text makes itself
        ("The death penalty is a cruel and barbaric punishment.", True),
    ],
)
def test_stance_reporting_verb_evaluates_nothing(nlp, text, sided):
    topic = {"id": "t", "label": "the death penalty", "proposition": "the death penalty", "keywords": ["death penalty"]}
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    assert (out["stance"] in ("support", "oppose")) is sided, out["evidence"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a proposition that wants its matter gone, and a clause that denies the matter something: a fault
        ("homeschooling is not regulated enough", "support"),
        ("homeschooled students do not learn the social skills they need", "support"),
        # negatives: a prescription against the removal, and a clause whose subject is not the matter
        ("homeschooling should not be banned because parents have rights", "oppose"),
    ],
)
def test_stance_faults_what_it_wants_gone(nlp, text, stance):
    topic = {
        "id": "h",
        "label": "Homeschooling",
        "proposition": "Homeschooling should be banned",
        "keywords": ["homeschooling"],
    }
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    assert out["stance"] == stance, out["evidence"]


def test_stance_faults_what_it_wants_gone_needs_the_matter_as_subject(nlp):
    from quotegraph.extract.stance.scorers import faults_what_goes  # noqa: F401 (the rule exists by name)

    topic = {
        "id": "h",
        "label": "Homeschooling",
        "proposition": "Homeschooling should be banned",
        "keywords": ["homeschooling"],
    }
    text = "Homeschooling parents told us the inspectors did not visit them"
    out = judge_records([{"id": "x", "text": text, "topic": topic}], nlp=nlp)[0]
    assert not any(e.startswith("faults what it wants gone") for e in out["evidence"]), out["evidence"]
