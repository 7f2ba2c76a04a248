"""A topic that judges a person fit or unfit for an office ("Jane Roe is unfit to be mayor"): a quote that names the
person and judges them is about it, and its blame agrees with a verdict of unfitness (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Article, Statement
from quotegraph.extract.stance import StanceAssigner, parse_topics
from quotegraph.extract.stance.aboutness import stems, verdict_person
from quotegraph.extract.stance.topics import Topic


@pytest.mark.parametrize(
    ("proposition", "person"),
    [
        ("Donald Trump is unfit to be president", "Donald Trump"),
        ("Hillary Clinton is qualified to serve as president", "Hillary Clinton"),
        ("Jane Roe is not ready for the presidency", "Jane Roe"),
        # a proposition that wants the person in an office
        ("Bernie Sanders should be the Democratic presidential nominee", "Bernie Sanders"),
        ("Jane Roe should become the next mayor", "Jane Roe"),
        # negatives: a verdict on an act, a deed, a matter of the person
        ("Donald Trump is wrong to keep his tax returns secret", ""),
        ("Donald Trump has mistreated women", ""),
        ("Hillary Clinton's health problems are serious and raise doubts about her fitness", ""),
        ("The mayor should resign", ""),
        ("The Senate should consider Obama's Supreme Court nominee", ""),
        ("Gun laws should be stricter", ""),
        ("Jane Roe should not become the next mayor", ""),
    ],
)
def test_stance_fitness_verdict_person(proposition, person):
    assert verdict_person(Topic(id="t", label="t", proposition=proposition)) == frozenset(stems(person))


TOPICS = parse_topics(
    {
        "topics": [
            {"id": "roe-fitness", "label": "Roe's fitness", "proposition": "Jane Roe is unfit to be mayor",
             "keywords": ["unfit", "temperament", "qualified to be mayor"]},
            {"id": "ring-road", "label": "The ring road", "proposition": "The city should build the ring road",
             "keywords": ["ring road"]},
        ]
    }
)  # fmt: skip


def _assigned(nlp, quote: str, speaker: str = "Reyes", topics=None) -> Statement:
    text = f'Jane Roe spoke in the park on Monday. {speaker} said: "{quote}"'
    doc = nlp(text)
    start = text.index(quote)
    s = Statement(article="a.txt", quote=quote, start=start, end=start + len(quote), kind="direct", speaker=speaker)
    return StanceAssigner(topics or TOPICS).assign([s], doc, Article(name="a.txt", text=text, title="City hall"))[0]


@pytest.mark.parametrize(
    ("quote", "topic", "stance"),
    [
        ("Roe is a reckless, thin-skinned bully who lies to everyone.", "roe-fitness", "support"),
        ("She would make an outstanding mayor, honest and wise.", "roe-fitness", "oppose"),
        # negatives: a quote with a topic's own words is about that topic; one that judges no one about none
        ("Roe's ring road is a stupid, wasteful idea.", "ring-road", "oppose"),
        ("The weather was lovely and the crowd was wonderful.", None, None),
    ],
)
def test_stance_fitness_a_quote_that_judges_the_person(nlp, quote, topic, stance):
    out = _assigned(nlp, quote)
    assert out.topic == topic
    if topic is not None:
        assert out.stance == stance, out.topics


NOMINEE = parse_topics(
    {
        "topics": [
            {"id": "roe-nominee", "label": "Roe as nominee", "proposition": "Jane Roe should be the party's nominee",
             "keywords": ["nominee", "nomination"]},
            {"id": "ring-road", "label": "The ring road", "proposition": "The city should build the ring road",
             "keywords": ["ring road"]},
        ]
    }
)  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        # a proposition that wants the person in an office: praise of them agrees, blame disagrees
        ("Roe is a reckless, thin-skinned bully who lies to everyone.", "oppose"),
        ("She would be an outstanding leader, honest and wise.", "support"),
    ],
)
def test_stance_fitness_a_quote_that_judges_a_wanted_nominee(nlp, quote, stance):
    out = _assigned(nlp, quote, topics=NOMINEE)
    assert (out.topic, out.stance) == ("roe-nominee", stance), out.topics
