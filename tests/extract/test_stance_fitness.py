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
        # negatives: a verdict on an act, a deed, a matter of the person
        ("Donald Trump is wrong to keep his tax returns secret", ""),
        ("Donald Trump has mistreated women", ""),
        ("Hillary Clinton's health problems are serious and raise doubts about her fitness", ""),
        ("The mayor should resign", ""),
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


def _assigned(nlp, quote: str, speaker: str = "Reyes") -> Statement:
    text = f'Jane Roe spoke in the park on Monday. {speaker} said: "{quote}"'
    doc = nlp(text)
    start = text.index(quote)
    s = Statement(article="a.txt", quote=quote, start=start, end=start + len(quote), kind="direct", speaker=speaker)
    return StanceAssigner(TOPICS).assign([s], doc, Article(name="a.txt", text=text, title="City hall"))[0]


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
