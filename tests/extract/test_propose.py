"""Proposed topics: noun-phrase key phrases grouped into themes, never verbs, names or function words."""

from __future__ import annotations

import pytest
import yaml
from quotegraph.extract.stance import parse_topics
from quotegraph.extract.stance.propose import phrases, propose_topics, topics_yaml

TEXTS = [
    "The income tax cut would help working families, and the minimum wage must rise.",
    "We cannot pay for an income tax cut twice, the deficit is already too high.",
    "Ann Lee said an income tax cut must come before the election.",
    "Raising the minimum wage is the fastest way to help working families.",
    "The deficit keeps growing and nobody in Washington wants to talk about the deficit.",
    "Critics said the minimum wage increase will cost jobs.",
]


@pytest.mark.parametrize(
    ("sentence", "expected", "never"),
    [
        ("The income tax cut would help families.", "income tax cut", "the"),
        ("He said he would never support the climate bill.", "climate bill", "he"),
        ("Helen Ward told reporters on Monday that the border wall is a waste.", "border wall", "helen ward"),
        ("They said it many times last year.", None, "year"),
        ("He never paid federal income taxes.", "federal income taxes", "federal income taxis"),
        ("Illegal immigrants crossed the border.", "illegal immigrant", "illegal immigrants"),
        ("Barack Obama spoke to Angela Merkel.", None, "barack obama"),
        ("We must change the broken immigration system.", "immigration system", "change"),
    ],
)
def test_propose_phrases_are_noun_phrases(nlp, sentence, expected, never):
    found = {text for text, _head in phrases(nlp(sentence))}
    if expected:
        assert expected in found
    assert never not in found and not any(never == w for p in found for w in p.split())
    assert not any(w in ("said", "say", "told") for p in found for w in p.split())


def test_propose_topics_groups_themes_and_loads(nlp):
    topics = propose_topics(TEXTS, n=4, nlp=nlp)
    labels = [t.label for t in topics]
    assert any("tax" in label for label in labels) and any("wage" in label for label in labels)
    assert not any(w in label.split() for label in labels for w in ("said", "lee", "ann", "cannot", "pay"))
    assert all(t.keywords and t.id.startswith("proposed-") for t in topics)
    # a draft: no template proposition ("More should be done about ..."), no stance until a person writes one
    assert all(t.proposition == "" for t in topics)
    text = topics_yaml(topics)
    assert "More should be done" not in text
    data = yaml.safe_load(text)
    assert all(t["proposition"] is None and t["draft"] is True for t in data["topics"])
    # the written file is a topics file the loader reads back, drafts still drafts
    again = parse_topics(data)
    assert [t.id for t in again] == [t.id for t in topics] and not any(t.proposition for t in again)


def test_propose_topics_empty_corpus(nlp):
    assert propose_topics([], nlp=nlp) == []
    assert propose_topics(["He said so."], nlp=nlp) == []


def test_propose_topics_command_reads_statements_file(tmp_path, nlp):
    from quotegraph.extract.model import Statement, write_jsonl
    from typer.testing import CliRunner

    from quotegraph.cli import app

    items = [Statement(article=f"a{i}.txt", quote=t, start=0, end=len(t), kind="direct") for i, t in enumerate(TEXTS)]
    # a build folder: its statements.jsonl is read as it is (nothing extracted again)
    (tmp_path / "out").mkdir()
    write_jsonl(items, tmp_path / "out" / "statements.jsonl")
    out = tmp_path / "topics.yaml"
    result = CliRunner().invoke(app, ["propose-topics", str(tmp_path / "out"), "-n", "3", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "extracting" not in result.output and "propose-topics: 6 remarks" in result.output
    topics = parse_topics(yaml.safe_load(out.read_text()))
    assert topics and not any("said" in t.label for t in topics)


def test_propose_topics_keywords_cover_the_word_family(nlp):
    texts = [
        "Illegal immigrants are crossing the border every day.",
        "We will stop illegal immigration and deport illegal immigrants.",
        "Immigration is good for the economy, immigrants built this country.",
        "The illegal immigrant population keeps growing.",
        "Our immigration laws are not enforced against illegal immigrants.",
        "The minimum wage must rise to fifteen dollars.",
        "A higher minimum wage would cost jobs.",
        "Raise the minimum wage now.",
    ]
    topics = propose_topics(texts, n=2, nlp=nlp)
    immigration = next(t for t in topics if "immigra" in t.label)
    assert {"illegal immigrant", "illegal immigrants", "immigration"} <= set(immigration.keywords)


def test_propose_topics_remarks_and_person_names_from_statements():
    from quotegraph.extract.model import Statement
    from quotegraph.extract.stance.propose import said

    rows = [
        Statement(article="a.txt", quote="The wall works.", start=0, end=15, kind="direct", speaker="Ann Wall",
                  speaker_type="person", statement_id="r1"),
        Statement(article="b.txt", quote="The wall works.", start=0, end=15, kind="direct", speaker="Ann Wall",
                  speaker_type="person", statement_id="r1"),
        Statement(article="b.txt", quote="Trade deals hurt.", start=20, end=37, kind="direct",
                  speaker="Trade Council", speaker_type="organization", statement_id="r2"),
    ]  # fmt: skip
    texts, names = said(rows)
    assert texts == ["The wall works.", "Trade deals hurt."]  # one text per remark, not per report
    assert names == ["Ann Wall"]  # an organisation's name may hold the topic ("Trade Council")


def test_propose_draft_topic_judges_no_stance(nlp):
    from quotegraph.extract.model import Article, Statement
    from quotegraph.extract.stance import StanceAssigner
    from quotegraph.extract.stance.topics import DRAFT_EVIDENCE

    topics = parse_topics({"topics": [{"id": "proposed-minimum-wage", "label": "minimum wage", "proposition": None,
                                       "draft": True, "keywords": ["minimum wage"]}]})  # fmt: skip
    quote = "We must raise the minimum wage now."
    article = Article(name="a.txt", text=quote, title="Wages")
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", cue="said")
    (judged,) = StanceAssigner(topics).assign([s], nlp(quote), article)
    assert judged.topic == "proposed-minimum-wage" and judged.stance is None
    assert DRAFT_EVIDENCE in judged.topics[0].evidence
