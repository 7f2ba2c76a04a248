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
    assert all(t.proposition and t.keywords and t.id.startswith("proposed-") for t in topics)
    # the written file is a topics file the loader reads back
    again = parse_topics(yaml.safe_load(topics_yaml(topics)))
    assert [t.id for t in again] == [t.id for t in topics]


def test_propose_topics_empty_corpus(nlp):
    assert propose_topics([], nlp=nlp) == []
    assert propose_topics(["He said so."], nlp=nlp) == []


def test_propose_topics_command_reads_statements_file(tmp_path, nlp):
    from quotegraph.extract.model import Statement, write_jsonl
    from typer.testing import CliRunner

    from quotegraph.cli import app

    items = [Statement(article=f"a{i}.txt", quote=t, start=0, end=len(t), kind="direct") for i, t in enumerate(TEXTS)]
    path = tmp_path / "statements.jsonl"
    write_jsonl(items, path)
    out = tmp_path / "topics.yaml"
    result = CliRunner().invoke(app, ["propose-topics", str(path), "-n", "3", "-o", str(out)])
    assert result.exit_code == 0, result.output
    topics = parse_topics(yaml.safe_load(out.read_text()))
    assert topics and not any("said" in t.label for t in topics)
