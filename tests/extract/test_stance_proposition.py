"""What a proposition wants gone, and the side of an evaluation of it (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.proposition import accuses, removed_words, rival_words, wants_gone
from quotegraph.extract.stance.topics import Topic


@pytest.mark.parametrize(
    ("proposition", "gone", "words"),
    [
        ("We should abolish the death penalty", True, {"death", "penalty"}),
        ("Plastic bags should be banned", True, {"plastic", "bags", "bag"}),
        ("We should abandon the use of school uniform", True, {"use", "school", "uniform"}),
        ("Street racing should be a criminal offence", True, {"street", "racing"}),
        # disbanding, closing, expelling, withdrawing take something away too
        ("The city should disband the parking board", True, {"parking", "board"}),
        ("The old depot should be closed", True, {"old", "depot"}),
        ("The club should withdraw from the league", True, {"league"}),
        # a verb set against its object wants it gone; against a means ("with ...") it does not
        ("We should fight suburban sprawl", True, set()),
        ("Drought is a threat the region should fight with water meters", False, set()),
        # any act that takes its matter away: a lowering, a negated proposal
        ("The speed limit should be lowered", True, {"speed", "limit"}),
        ("Latin should not be taught", True, set()),
        ("Latin should not be banned from primary schools", False, set()),
        # negated, it wants the thing kept; a proposal to build wants nothing gone
        ("Smoking in parks should not be illegal", False, set()),
        ("The city should build more bike lanes", False, set()),
        # a detail in brackets is not the main claim (its words are still what blame may be aimed at)
        ("The rich should pay more tax (closing loopholes)", False, {"loopholes", "loophole"}),
    ],
)
def test_stance_proposition_wants_gone(proposition, gone, words):
    topic = Topic("t", "t", proposition)
    assert wants_gone(topic) is gone
    assert removed_words(topic) == frozenset(words)


@pytest.mark.parametrize(
    "proposition", ["We should abandon the four-day week", "Fireworks should be prohibited", "Ban plastic straws"]
)
def test_stance_proposition_that_wants_something_gone_is_no_accusation(proposition):
    assert not accuses(Topic("t", "t", proposition))


@pytest.mark.parametrize(
    ("proposition", "keywords", "accusing"),
    [
        # a claim that prescribes nothing accuses with its keywords' words too
        ("Loud leaf blowers cause hearing damage", ("leaf blowers", "hearing damage"), True),
        ("Lotteries are a tax on the poor and a threat to savings", ("lotteries", "threat", "savings"), True),
        # a prescription's matter is named, not blamed, by its keywords
        ("Leaf blowers should be allowed despite the noise damage", ("leaf blowers", "noise damage"), False),
        ("Lotteries are a fine way to fund good causes", ("lotteries", "good causes"), False),
    ],
)
def test_stance_proposition_negative_claim_accuses(proposition, keywords, accusing):
    assert accuses(Topic("t", "t", proposition, keywords)) is accusing


PENALTY = {"id": "penalty", "label": "Death penalty", "proposition": "We should abolish the death penalty"}
BAGS = {"id": "bags", "label": "Plastic bags", "proposition": "Plastic bags should be banned"}
LANES = {"id": "lanes", "label": "Bike lanes", "proposition": "The city should build more bike lanes"}


@pytest.mark.parametrize(
    ("topic", "text", "stance"),
    [
        (PENALTY, "It is a cruel and barbaric punishment.", "support"),
        (PENALTY, "It is a fair and effective deterrent that keeps families safe.", "oppose"),
        (BAGS, "They are a terrible waste that kills wildlife.", "support"),
        (BAGS, "They are useful and people love them.", "oppose"),
        # a proposal to build: praise supports, blame opposes
        (LANES, "They are dangerous and a waste of money.", "oppose"),
        (LANES, "They are great and make everyone happier.", "support"),
    ],
)
def test_stance_evaluation_of_what_a_proposition_wants_gone(nlp, topic, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # what people have a right to, or need, is what a ban would take away
        ("Families have the right to choose plastic bags when they shop.", "oppose"),
        ("Shops need plastic bags and customers need them too.", "oppose"),
        # the removing named: the quote speaks of the ban itself
        ("It is time to ban them for good.", "support"),
    ],
)
def test_stance_wanting_what_a_proposition_would_do_away_with(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": BAGS}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]


SPEED = {"id": "speed", "label": "Speed limits", "proposition": "Lower speed limits would make roads safer"}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a verb that lessens what it acts on turns its evaluation; one that spreads it keeps it
        ("Lower limits reduce deaths on our roads.", "support"),
        ("They prevent terrible accidents.", "support"),
        ("Lower limits address the terrible toll of crashes.", "support"),
        ("Lower limits would help us confront the danger of speeding.", "support"),
        ("Lower limits cause congestion and anger.", "oppose"),
        # a noun joined to the object is acted on too
        ("Lower limits reduce noise and deaths on our roads.", "support"),
        # taken "out of" something bad is taken from it
        ("Lower limits keep young drivers out of hospital.", "support"),
        ("Lower limits pull towns out of decline.", "support"),
        # no shifting verb: the evaluation stands as it is
        ("Lower limits are a disaster for drivers.", "oppose"),
    ],
)
def test_stance_verbs_that_lessen_or_spread_what_they_act_on(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": SPEED}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]


SMOKING = {"id": "smoking", "label": "Smoking", "proposition": "Smoking in parks should be banned"}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # the words of the removal name the act the proposition wants; they evaluate nothing
        ("The ban would help families.", "support"),
        ("Banning it would be a terrible mistake.", "oppose"),
    ],
)
def test_stance_words_of_the_removal_do_not_evaluate(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": SMOKING}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]


TRANSIT = {"id": "transit", "label": "Free buses", "proposition": "Buses should be free for everyone"}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a verb that damages a good thing turns its evaluation; the thing's name does not evaluate
        ("Free buses would stifle investment in the network.", "oppose"),
        ("Free buses would destroy the jobs of ticket inspectors.", "oppose"),
        # harm done to what is bad already is still harm: "the poorest" are its victims, not its target
        ("Free buses would hurt the poorest drivers.", "oppose"),
        # a noun that lessens what it acts on ("a solution to congestion"), and the phrase of an "of"
        ("Free buses are a solution to congestion.", "support"),
        ("Free buses would prevent the spread of pollution.", "support"),
        # keeping something from someone ("protects X from Y") turns Y
        ("Free buses protect families from poverty.", "support"),
        # spreading: what it brings about is what it is
        ("Free buses lead to overcrowding and delays.", "oppose"),
        # negatives: no effect verb, the evaluation stands as it is
        ("Free buses are a wonderful idea.", "support"),
        ("Free buses are a terrible waste of money.", "oppose"),
    ],
)
def test_stance_effect_verbs_carry_what_they_act_on(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": TRANSIT}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]


@pytest.mark.parametrize(
    ("proposition", "accusing"),
    [
        # a claim that its matter brings about or lessens something is judged by that something
        ("Loud music causes hearing loss", True),
        ("Tutoring programs reduce poverty", False),
        ("Night shifts hurt young workers", True),
        ("Tutoring programs do not cause stress", False),
        # a claim that prescribes, or has no effect verb, is read as before
        ("We should reduce the speed limit", False),
        ("Homework is harmful", True),
        ("Homework is justified", False),
    ],
)
def test_stance_proposition_effect_claims(proposition, accusing):
    topic = Topic("t", proposition.split()[0], proposition, keywords=(proposition.split()[0].lower(),))
    assert accuses(topic) is accusing


@pytest.mark.parametrize(
    ("proposition", "rival"),
    [
        ("Trams are better than cars", {"cars", "car"}),
        ("The town should fund libraries rather than a new stadium", {"new", "stadium"}),
        # a count, a comparison of values, the same thing on both sides: no rival
        ("Families should have no more than two cars", set()),
        ("Night trains do more good than harm", set()),
        ("Any train is better than no train", set()),
        ("Night trains should be expanded", set()),
    ],
)
def test_stance_proposition_rival(proposition, rival):
    assert rival_words(Topic("t", "t", proposition)) == frozenset(rival)


TRAMS = {"id": "trams", "label": "Trams", "proposition": "Trams are better than buses", "keywords": ["trams", "buses"]}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # praise of the rival disagrees, blame of it agrees
        ("Buses are cheaper and more reliable.", "oppose"),
        ("Buses are slow, dirty and unreliable.", "support"),
        # the matter itself evaluated: as before
        ("Trams are a terrible waste of money.", "oppose"),
    ],
)
def test_stance_evaluation_of_the_rival_is_turned(nlp, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": TRAMS}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]
