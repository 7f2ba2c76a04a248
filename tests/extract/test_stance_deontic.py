from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.stance.deontic import HAVING, motion, on_motion
from quotegraph.extract.stance.scorers import decision
from quotegraph.extract.stance.topics import Topic, parse_topics


def _topic(proposition: str, keywords: tuple[str, ...] = ()):
    spec = {"id": "t", "label": proposition.split()[-1], "proposition": proposition, "keywords": list(keywords)}
    return parse_topics({"topics": [spec]})[0]


@pytest.mark.parametrize(
    ("proposition", "sign"),
    [
        ("We should scrap the congestion charge", -1),
        ("Zoos should be banned", -1),
        ("The city ought to build more bike lanes", 1),
        ("Cyclists ought not be required to wear helmets", -1),
        ("We should fight for the abolition of tolls", -1),
        ("Keep the lights on in the town hall", 1),
    ],
)
def test_deontic_motion_sign(proposition, sign):
    assert motion(_topic(proposition)).sign == sign


@pytest.mark.parametrize(
    ("proposition", "quote", "side"),
    [
        ("We should scrap the congestion charge", "we should not scrap the congestion charge, traffic is awful", -1),
        ("We should scrap the congestion charge", "the congestion charge must go, it should be abolished", 1),
        ("We should scrap the congestion charge", "we need to keep the congestion charge because it works", -1),
        ("Zoos should be banned", "zoos must remain legal since they protect rare species", -1),
        ("Zoos should be banned", "zoos should be outlawed as cruel prisons", 1),
        ("The city ought to build more bike lanes", "the city shouldn't build bike lanes nobody uses", -1),
        ("We should fight for the abolition of tolls", "we must keep tolls to pay for the roads", -1),
        ("We should scrap the congestion charge", "we should end the ban on the congestion charge", -1),
        # "no need to" prescribes the act's opposite; so does "X, not Y" after the predicate
        ("We should scrap the congestion charge", "there is no need to scrap the congestion charge", -1),
        ("We should fund rural buses", "we should fund not rural buses but trains", -1),
        # a freedom is the opposite of a compulsion
        ("We should make jury service compulsory", "jury service should be a choice for each citizen", -1),
        ("We should end compulsory jury service", "people should be free to refuse jury service", 1),
        # an act on a ban wants what the ban would remove gone
        ("The council should seek a ban on fireworks", "fireworks must not be allowed near homes", 1),
        # a predicate joined to the clause's first shares its subject
        ("Zoos should be banned", "zoos are cruel and outdated prisons for animals and should be outlawed", 1),
        ("Zoos should be banned", "zoos are an important refuge for rare species and should not be banned", -1),
        # a motion that bars people from an act is met as a removal: allowing them disagrees
        ("Visitors should be barred from entering the park", "visitors shouldn't be allowed to come in", 1),
        ("Visitors should be barred from entering the park", "visitors should be barred at the gate", 1),
        ("Visitors should be barred from entering the park", "visitors should be allowed to come in", -1),
        ("Visitors should be barred from entering the park", "visitors should never be barred from entering", -1),
    ],
)
def test_deontic_on_motion_side(proposition, quote, side):
    found = on_motion(quote, _topic(proposition))
    assert found and {s for s, _ in found} == {side}


@pytest.mark.parametrize(
    ("proposition", "quote", "side"),
    [
        # a side declared in the first person, on the matter or on an act on it
        ("Zoos should be banned", "i oppose zoos", 1),
        ("Zoos should be banned", "i'm against banning zoos", -1),
        ("Zoos should be banned", "we strongly support a ban on zoos", 1),
        ("Zoos should be banned", "i don't support banning zoos", -1),
        ("The city ought to build more bike lanes", "i'm all for more bike lanes", 1),
        ("The city ought to build more bike lanes", "we are opposed to new bike lanes", -1),
    ],
)
def test_deontic_first_person_declarations(proposition, quote, side):
    found = on_motion(quote, _topic(proposition))
    assert found and {s for s, _ in found} == {side}


@pytest.mark.parametrize(
    "quote",
    [
        # negatives: a declaration on something else, a third person, a "for" of purpose
        "i support the local museum",
        "they oppose zoos",
        "we went for a walk",
    ],
)
def test_deontic_first_person_declarations_no_side(quote):
    assert on_motion(quote, _topic("Zoos should be banned")) == []


@pytest.mark.parametrize(
    ("proposition", "quote"),
    [
        # a prescription of something else, or of an unknown act, takes no side
        ("We should scrap the congestion charge", "drivers should plan their trips better"),
        ("We should scrap the congestion charge", "the mayor should explain the congestion charge"),
        # the proposition prescribes nothing
        ("Advertising is harmful", "advertising should be banned"),
        # no prescription at all
        ("Zoos should be banned", "zoos are cruel and outdated"),
        # a prescription reported inside the quote, or asked about, is not the speaker's
        ("Zoos should be banned", "the idea that zoos should be banned is silly"),
        ("Zoos should be banned", "nobody asks how zoos should be funded"),
        # negative: a joined predicate far from a clause that names something else
        ("Zoos should be banned", "the council meets on tuesdays in the old town hall and should be outlawed"),
    ],
)
def test_deontic_on_motion_no_side(proposition, quote):
    assert on_motion(quote, _topic(proposition)) == []


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        ("we shouldn't scrap the congestion charge because the air is cleaner", "oppose"),
        ("we should scrap the congestion charge, it hurts small shops", "support"),
    ],
)
def test_deontic_decides_the_rules(quote, stance):
    topic = _topic("We should scrap the congestion charge", ("congestion charge",))
    s = Statement(article="a", quote=quote, start=0, end=len(quote), kind="direct")
    found = decision(s, topic)
    assert found.stance == stance
    assert found.rule in ("same act", "opposite act")


@pytest.mark.parametrize(
    ("proposition", "predicate", "sign"),
    [
        # a motion in the subjunctive: its "be" reads as "should be"
        ("Mobile phones be banned in classrooms", "banned", -1),
        ("That night buses be funded by the council", "funded", 1),
        # an imperative opened by a verb that prescribes without saying a side
        ("Create a national park in the valley", "create", 1),
        ("Treat cyclists as pedestrians", "treat", 1),
        # a claim, or "be" after a finite verb or "to": no motion
        ("Night buses are popular", None, None),
        ("It is going to be a hot summer", None, None),
        ("Cats like to be left alone", None, None),
    ],
)
def test_stance_deontic_subjunctive_and_imperative_motions(proposition, predicate, sign):
    found = motion(Topic("t", "t", proposition))
    if predicate is None:
        assert found is None
    else:
        assert (found.predicate, found.sign) == (predicate, sign)


@pytest.mark.parametrize(
    ("quote", "sign"),
    [
        # a negated verb of opinion before the prescription negates it
        ("We don't think the response should be to close the harbour.", -1),
        ("I do not believe we should close the harbour.", -1),
        ("She doesn't think the council must close the harbour.", -1),
        # negatives: the opinion verb not negated, or the negation after it
        ("I think we should close the harbour.", 1),
        ("We believe the council must close the harbour.", 1),
        ("I think we should not close the harbour.", -1),
    ],
)
def test_deontic_negated_opinion_verb_negates_prescription(quote, sign):
    [(found, _)] = on_motion(quote, _topic("The harbour should be closed", ("harbour",)))
    assert found == sign


@pytest.mark.parametrize(
    ("quote", "side"),
    [
        # a motion that wants its matter changed: a removal of it, or of part of it, is a change
        ("we should get rid of the nominating rules entirely", 1),
        ("the nominating rules should be scrapped", 1),
        # leaving it as it is is not; nor is saying it should not be changed
        ("we should keep the nominating rules", -1),
        ("the nominating rules should not be changed", -1),
    ],
)
def test_deontic_a_change_motion_is_met_by_a_removal(quote, side):
    found = on_motion(quote, _topic("The nominating rules should be changed"))
    assert found and {s for s, _ in found} == {side}


def test_deontic_a_change_motion_takes_no_side_on_an_unknown_act():
    assert on_motion("we should expand the nominating rules", _topic("The nominating rules should be changed")) == []


def test_deontic_a_barring_motion_does_not_want_the_people_gone():
    from quotegraph.extract.stance.proposition import wants_gone

    assert not wants_gone(_topic("Visitors should be barred from entering the park"))


@pytest.mark.parametrize(
    ("quote", "side"),
    [
        ("nobody should scrap the congestion charge", -1),
        ("no one must scrap the congestion charge, it works", -1),
        ("none of us should scrap the congestion charge", -1),
        # negatives: the subject is someone, or "no" stands elsewhere
        ("everybody should scrap the congestion charge", 1),
        ("with no delay we should scrap the congestion charge", 1),
    ],
)
def test_deontic_no_one_as_subject_negates_the_prescription(quote, side):
    found = on_motion(quote, _topic("We should scrap the congestion charge"))
    assert [sign for sign, _ in found] == [side]


def _thing(phrase: str):
    return parse_topics({"topics": [{"id": "t", "label": phrase, "proposition": phrase, "keywords": [phrase]}]})[0]


@pytest.mark.parametrize(
    ("quote", "side"),
    [
        ("You should never declaw a cat.", -1),
        ("Nobody should declaw a cat.", -1),
        ("Owners should declaw their cats.", 1),
        ("Vets must not declaw kittens.", -1),
    ],
)
def test_deontic_doing_the_named_thing_is_for_it(quote, side):
    assert [sign for sign, _ in on_motion(quote, _thing("declawing"), HAVING)] == [side]


# negatives: no prescription, one on something else, a state after "be"
@pytest.mark.parametrize(
    "quote", ["The vet said declawing is cruel.", "Cats should be kept indoors.", "We should declare a holiday."]
)
def test_deontic_doing_the_named_thing_no_side(quote):
    assert on_motion(quote, _thing("declawing"), HAVING) == []


@pytest.mark.parametrize(
    ("phrase", "quote", "side"),
    [
        ("homework", "Kids get way too much homework.", -1),
        ("nuclear power", "No more nuclear power!", -1),
        ("nurses", "There are not enough nurses on the wards.", 1),
    ],
)
def test_deontic_amounts_want_more_or_less(phrase, quote, side):
    assert [sign for sign, _ in on_motion(quote, _thing(phrase), HAVING)] == [side]


def test_deontic_amounts_agree_with_a_motion_that_wants_the_same():
    topic = _topic("We should ban handguns", ("handguns",))
    assert [sign for sign, _ in on_motion("there are far too many handguns on our streets", topic)] == [1]


# negatives: "no more than", "not enough to", an amount of something else, part of the matter only
@pytest.mark.parametrize(
    ("phrase", "quote"),
    [
        ("homework", "Give no more than an hour of homework."),
        ("homework", "It is not enough to cut homework."),
        ("homeschooling", "There is not enough regulation around homeschooling."),
        ("gun control", "There are too many guns on our streets."),
    ],
)
def test_deontic_amounts_no_side(phrase, quote):
    assert on_motion(quote, _thing(phrase), HAVING) == []


@pytest.mark.parametrize(
    ("quote", "side"),
    [
        ("Get rid of homework already.", -1),
        ("Let's keep homework, it works.", 1),
        ("Don't ban homework.", 1),
        ("Please abolish homework now!", -1),
    ],
)
def test_deontic_commands_prescribe(quote, side):
    assert [sign for sign, _ in on_motion(quote, _thing("homework"), HAVING)] == [side]


# negatives: a subject that opens with a verb's form ("Banning X", "Tax returns are"), a noun ("Ban on X is")
@pytest.mark.parametrize(
    "quote", ["Banning homework is wrong.", "Ban on homework is wrong.", "Cut homework means less practice.",
              "To ban homework would be silly."]
)
def test_deontic_commands_no_side(quote):
    assert on_motion(quote, _thing("homework"), HAVING) == []


def test_deontic_amounts_and_commands_are_not_read_in_a_proposition():
    # "X has too much influence" claims; it prescribes nothing
    assert motion(_topic("Wall Street has too much influence over politics")) is None
