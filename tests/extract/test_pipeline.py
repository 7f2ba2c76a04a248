"""The whole extraction on the sample articles, scored against our own hand-annotated gold set."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quotegraph.extract.model import Article
from quotegraph.extract.pipeline import Extractor
from quotegraph.extract.reading.articles import read_all

from quotegraph.evaluate import load_rows, score

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extractor(nlp) -> Extractor:
    return Extractor(nlp=nlp, topics=ROOT / "data" / "topics.yaml", entities=[ROOT / "data" / "entities.yaml"])


@pytest.fixture(scope="module")
def predictions(extractor) -> list[dict]:
    rows = []
    for result in extractor.extract_paths([ROOT / "data" / "articles"]):
        assert result.outcome.status == "read" or result.outcome.name == "metadata.json", result.outcome
        rows += [s.to_dict() for s in result.statements]
    return rows


def test_pipeline_quality_on_our_gold_set(predictions):
    """Floors a little under today's figures, so a real regression fails the suite."""
    s = score(predictions, load_rows(ROOT / "data" / "gold.jsonl"))
    assert s.quote_f1 >= 0.92, s.table()
    assert s.attributed_f1 >= 0.88, s.table()
    assert s.speaker_accuracy >= 0.95, s.table()
    assert s.topic_accuracy >= 0.80, s.table()
    assert s.stance_accuracy >= 0.70, s.table()


def test_pipeline_statements_carry_article_metadata(predictions):
    up = [p for p in predictions if p["article"] == "004_61335ce61622f152.txt"]
    assert up and all(p["outlet"] == "Ukrainska Pravda" and p["published"] == "2024-05-25" for p in up)
    zel = next(p for p in up if p["speaker"] == "Volodymyr Zelenskyy")
    assert zel["venue"] == "interview with Reuters" and zel["speaker_id"] == "person/volodymyr-zelenskyy"


def test_pipeline_output_is_independent_of_batch_order(extractor):
    arts = [a for a in read_all([ROOT / "data" / "articles"]) if isinstance(a, Article)]
    forward = {r.outcome.name: r.statements for r in extractor.extract_articles(arts)}
    shuffled = arts[:]
    random.Random(1).shuffle(shuffled)
    backward = {r.outcome.name: r.statements for r in extractor.extract_articles(shuffled)}
    assert forward == backward


def test_pipeline_one_failing_article_does_not_stop_the_batch(extractor, monkeypatch):
    arts = [a for a in read_all([ROOT / "data" / "articles"]) if isinstance(a, Article)]
    real_finish = extractor.finish

    def finish(doc, article, title_doc=None):
        if article.name.startswith("002"):
            raise RuntimeError("boom")
        return real_finish(doc, article, title_doc)

    monkeypatch.setattr(extractor, "finish", finish)
    results = list(extractor.extract_articles(arts))
    assert [r.outcome.status for r in results] == ["read", "read", "failed", "read", "read"]
    assert "boom" in results[2].outcome.reason


PIECES = [
    *list("abcdefgh ABCDE.,:;!?-\n\"“”«»‘’'()0123"),
    *[" said ", " he ", "Ann Lee", " told ", " that ", "\n\n", "Said ", "PENCE: ", " as ", "―", "Source: "],
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_pipeline_never_raises_and_offsets_hold(nlp, text):
    doc = nlp(text)
    assert "quotegraph_error" not in doc.user_data, doc.user_data["quotegraph_error"]  # no failure swallowed
    for s in doc._.statements:
        assert text[s.start : s.end] == s.quote
        assert s.kind in ("direct", "indirect", "mixed")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TEXT, min_size=2, max_size=5))
def test_pipeline_batch_results_equal_single_results(nlp, texts):
    batched = [d._.statements for d in nlp.pipe(texts)]
    single = [nlp(t)._.statements for t in texts]
    assert batched == single


def test_pipeline_statement_is_frozen_and_round_trips(predictions):
    from quotegraph.extract.model import Statement

    s = Statement.from_dict(predictions[0])
    assert Statement.from_dict(s.to_dict()) == s
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.speaker = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("title", "speaker", "quote"),
    [
        (
            "Senator Maria Ortiz urges allies to send more air defence to Kyiv",
            "Maria Ortiz",
            "allies to send more air defence to Kyiv",
        ),
        ("Ortiz says the budget deal is dead: what comes next", "Maria Ortiz", "the budget deal is dead"),
    ],
)
def test_pipeline_headline_attribution_is_a_statement(extractor, tmp_path, title, speaker, quote):
    body = (
        "Senator Maria Ortiz spoke to reporters in the capital on Tuesday after the vote. "
        "She said that the government had failed the voters and that she would keep fighting."
    )
    path = tmp_path / "a.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    [result] = list(extractor.extract_paths([path]))
    text = path.read_text(encoding="utf-8")
    headline = [s for s in result.statements if s.end <= len(title)]
    assert len(headline) == 1, [s.quote for s in result.statements]
    s = headline[0]
    assert s.speaker == speaker and s.quote == quote and text[s.start : s.end] == s.quote
    assert text[s.cue_start : s.cue_end] == s.cue


@pytest.mark.parametrize(
    "title",
    [
        "The “plan” that nobody in the capital wanted to talk about",  # scare quotes
        "“We will not back down from this fight, whatever it costs”",  # a bare quote with no one named
        "He says the budget deal is dead",  # a pronoun with nothing before it
    ],
)
def test_pipeline_headline_without_named_speaker_is_no_statement(extractor, tmp_path, title):
    path = tmp_path / "a.txt"
    path.write_text(
        f"{title}\n\nThe ministers met in the capital on Tuesday to discuss the budget again.\n", encoding="utf-8"
    )
    [result] = list(extractor.extract_paths([path]))
    assert [s.quote for s in result.statements if s.end <= len(title)] == []
