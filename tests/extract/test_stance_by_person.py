"""Topics told apart by the person a quote names (aboutness.by_person, quote_persons)."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Article, Statement
from quotegraph.extract.stance import StanceAssigner, parse_topics
from quotegraph.extract.stance.aboutness import by_person, person_pairs, quote_persons
from quotegraph.extract.stance.rules import TopicScore

TOPICS = parse_topics(
    {
        "topics": [
            {
                "id": "trump-fitness",
                "label": "Trump's fitness",
                "proposition": "Donald Trump lacks the temperament and fitness to be president.",
                "keywords": ["temperament", "unfit", "qualified to be president"],
            },
            {
                "id": "clinton-fitness",
                "label": "Clinton's fitness",
                "proposition": "Hillary Clinton's health or judgment make her unfit to be president.",
                "keywords": ["Clinton's health", "stamina"],
            },
            {
                "id": "emails",
                "label": "Clinton's email server",
                "proposition": "Hillary Clinton's private email server endangered classified information.",
                "keywords": ["private email server", "classified information"],
            },
            {
                "id": "wall",
                "label": "Border wall",
                "proposition": "The United States should build a wall on the Mexican border.",
                "keywords": ["border wall"],
            },
        ]
    }
)
BY_ID = {t.id: t for t in TOPICS}
PERSONS = frozenset({"donald", "trump", "hillary", "clinton", "jam", "comey"})


def _scores(**scores: float) -> list[TopicScore]:
    return [TopicScore(BY_ID[k.replace("_", "-")], v, (), v) for k, v in scores.items()]


def _by_person(scores: list[TopicScore], named: set[str]) -> list[TopicScore]:
    return by_person(scores, frozenset(named), person_pairs([x.topic for x in scores], PERSONS))


def test_by_person_a_topic_of_the_same_matter_about_the_person_named_takes_the_score():
    out = {x.topic.id: x.score for x in _by_person(_scores(trump_fitness=3.0, clinton_fitness=0.2), {"hillary"})}
    assert out["clinton-fitness"] == 3.0
    assert out["trump-fitness"] < 3.0


@pytest.mark.parametrize(
    ("named", "scores"),
    [
        # the quote names no one, or no one a topic is about
        (frozenset(), {"trump_fitness": 3.0, "clinton_fitness": 0.2}),
        (frozenset({"comey"}), {"trump_fitness": 3.0, "clinton_fitness": 0.2}),
        # it names the topic's own person (and another's)
        (frozenset({"trump", "hillary"}), {"trump_fitness": 3.0, "clinton_fitness": 0.2}),
        # a topic about no person is not about someone else
        (frozenset({"trump"}), {"wall": 3.0, "trump_fitness": 0.2}),
    ],
)
def test_by_person_leaves_the_scores(named, scores):
    given = _scores(**scores)
    assert _by_person(given, named) == given


def test_by_person_topics_of_another_matter_are_not_paired():
    # the email server is not the fitness of the person named: Trump's fitness is not paired with it
    out = {x.topic.id: x.score for x in _by_person(_scores(trump_fitness=0.2, emails=3.0), {"trump"})}
    assert out == {"emails": 3.0, "trump-fitness": 0.2}


def test_by_person_pairs_are_topics_of_one_matter_about_different_people():
    pairs = {(TOPICS[i].id, TOPICS[j].id) for i, j, _, _ in person_pairs(TOPICS, PERSONS)}
    assert pairs == {("trump-fitness", "clinton-fitness"), ("clinton-fitness", "trump-fitness")}
    # people the article never names as persons make no pair
    assert person_pairs(TOPICS, frozenset({"comey"})) == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "expected"),
    [
        # a person named in the quote; the speaker is not among them ...
        ("Joe Biden said Hillary is qualified.", "Hillary is qualified", "Joe Biden", {"hillary"}),
        ("Clinton said Comey was wrong.", "Comey was wrong", "Clinton", {"comey"}),
        # ... unless the quote speaks of them in the first person
        (
            "Clinton said Comey called my answers truthful.",
            "Comey called my answers truthful",
            "Clinton",
            {"comey", "clinton"},
        ),
        # negative: no person in the quote
        ("Biden said the border is secure.", "the border is secure", "Biden", set()),
    ],
)
def test_aboutness_quote_persons(nlp, text, quote, speaker, expected):
    doc = nlp(text)
    start = text.index(quote)
    persons = frozenset({"hillary", "comey", "clinton", "biden", "joe"})
    found = quote_persons(doc, start, start + len(quote), frozenset({speaker.split()[-1].lower()}), persons)
    assert found == expected


@pytest.mark.parametrize(
    ("quote", "topic"),
    [
        ("Hillary is overwhelmingly qualified to be president", "clinton-fitness"),
        ("Donald Trump is not qualified to be president", "trump-fitness"),
    ],
)
def test_aboutness_a_quote_about_one_candidate_is_not_the_others_topic(nlp, quote, topic):
    text = f"Joe Biden weighed in on Monday. “{quote},” Biden said. Donald Trump and Hillary Clinton did not reply."
    start = text.index(quote)
    s = Statement(article="a.txt", quote=quote, start=start, end=start + len(quote), kind="direct", speaker="Joe Biden")
    [out] = StanceAssigner(TOPICS).assign([s], nlp(text), Article(name="a.txt", text=text, title="x"))
    assert out.topic == topic


def test_by_person_one_shared_word_is_no_matter():
    # two topics about different people that share one word ("serious") are not on the same matter
    topics = parse_topics(
        {
            "topics": [
                {"id": "a", "label": "Wall", "proposition": "Donald Trump's border wall is a serious mistake."},
                {"id": "b", "label": "Health", "proposition": "Hillary Clinton's pneumonia is serious."},
            ]
        }
    )
    assert person_pairs(topics, PERSONS) == []
