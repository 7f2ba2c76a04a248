"""The antecedent chooser of speaker pronouns and the evidence coreference reads from the article itself:
who a quote names, honorifics, gendered descriptions, names the tagger calls organisations."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.content import find_quotes
from quotegraph.extract.speakers.antecedents import FEATURES, Candidate, Chooser, candidates, load_chooser
from quotegraph.extract.speakers.coref import (
    NameIndex,
    build_index,
    honorific_genders,
    named_in,
    person_shaped,
)


def test_antecedents_packaged_chooser_lists_every_feature_and_stays_off() -> None:
    chooser = load_chooser()
    assert len(chooser.weights) == len(FEATURES)
    assert chooser.enabled is False  # it did not beat the rules on polnear-train and polnear-dev


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([(1.0, 0.0), (0.0, 1.0)], "b"),  # the higher score wins
        ([(0.0, 0.0), (0.0, 0.0)], "b"),  # a tie goes to the later candidate
        ([], None),  # no candidate, no speaker
    ],
)
def test_antecedents_chooser_takes_the_best_scored(values: list[tuple[float, float]], expected: str | None) -> None:
    chooser = Chooser((1.0, 2.0), enabled=True)
    found = [Candidate(name, v) for name, v in zip("ab", values, strict=False)]
    assert chooser.choose(found) == expected


@pytest.mark.parametrize(
    ("quote", "name", "expected"),
    [
        ("Deepa is right, but I own the building", "Deepa Sandhu", True),
        ("Mark has always been fair with us", "Mark Halloran", True),
        ("We cannot fish what is not there", "Diane Lebouthillier", False),
        ("the mark of a good coach", "Mark Halloran", False),  # a common word in lower case names nobody
        ("they say Bernie Sanders should drop out", "Bernie Sanders", False),  # a full name: maybe themselves
        ("Halloran has always been fair", "Mark Halloran", False),  # a surname alone says nothing either
        ("", "Al Ng", False),  # words under three letters are no evidence
    ],
)
def test_antecedents_quote_that_names_a_person(quote: str, name: str, expected: bool) -> None:
    assert named_in(quote, name) is expected


BODY = (
    "Ms. Tremblay has fished for 31 years. Yanick Robichaud, a father of three, runs the union. "
    "“Deepa is right,” she said. Mr. Patel disagreed. Kiran Dhaliwal opened her bakery in 2009."
)


@pytest.fixture(scope="module")
def parsed(nlp):  # type: ignore[no-untyped-def]
    with nlp.select_pipes(disable=["quote_attribution"]):
        doc = nlp(BODY)
    return doc, build_index(doc, find_quotes(doc.text))


def test_antecedents_honorifics_give_the_surname_a_gender(parsed) -> None:  # type: ignore[no-untyped-def]
    doc, _ = parsed
    assert honorific_genders(doc) == {"tremblay": "f", "patel": "m"}


def test_antecedents_gendered_description_gives_a_gender(parsed) -> None:  # type: ignore[no-untyped-def]
    _, index = parsed
    assert index.gender("Yanick Robichaud") == "m"
    assert not index.agrees("Yanick Robichaud", "f")
    assert index.agrees("Yanick Robichaud", "m")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kiran Dhaliwal opened her bakery in 2009.", True),  # "her" in what the name is the subject of
        ("Ainsley Tremblay has fished for 31 years.", True),  # a first name of one gender
        ("Wells Fargo Bank agreed to pay the fine.", False),  # an organisation's word
        ("The Globe and Mail reported it first.", False),
    ],
)
def test_antecedents_organisation_shaped_like_a_person(nlp, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    with nlp.select_pipes(disable=["quote_attribution"]):
        doc = nlp(text)
    first = doc.ents[0]
    assert (first.label_ == "PERSON" or person_shaped(first)) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Trump", "Donald Trump"),  # a surname alone is the article's full name
        ("Eric Trump", "Eric Trump"),  # another first name is another person
        ("Dean Trump", "Donald Trump"),  # a first name that is a title too
    ],
)
def test_antecedents_two_full_names_of_one_surname_stay_two(name: str, expected: str) -> None:
    index = NameIndex(full_by_surname={"trump": "Donald Trump"})
    assert index.canonical(name) == expected


def test_antecedents_candidates_features(parsed) -> None:  # type: ignore[no-untyped-def]
    doc, index = parsed
    at = BODY.index("she said")
    previous = [(BODY.index("Yanick"), "Yanick Robichaud")]
    names = ["Yanick Robichaud"]
    [found] = candidates(names, index, previous, doc, at, ("Deepa is right", "f", "Yanick Robichaud"))
    values = dict(zip(FEATURES, found.values, strict=True))
    assert values["rule"] == 1.0 and values["previous_speaker"] == 1.0 and values["same_paragraph"] == 1.0
    assert values["gender_known"] == 0.0  # a father of three is no "she"
    assert values["named_in_quote"] == 0.0
