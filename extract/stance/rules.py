"""The offline default: topic assignment by keyword and lemma overlap, and stance by the named scorers and
content rules of :mod:`quotegraph.extract.stance.scorers` (cue, modality, negation and the topic's own
examples, then what the quote says about the proposition: evaluation in the direction of the proposition's
own, assertion or denial of its content); else undetermined. Lexicons in ``resources/stance.yaml`` and
VADER's general sentiment lexicon (:mod:`quotegraph.extract.stance.lexicon`); nothing names a topic."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from quotegraph.extract.model import Statement
from quotegraph.extract.stance.aboutness import TopicProfile, layer_words, profile, profile_score, stem_df, stems
from quotegraph.extract.stance.lexicon import (
    Lexicon,
    content_terms,
    cue_class,
    joined_terms,
    lexicon,
    polarity,
    sentiment,
    stem,
    terms,
)
from quotegraph.extract.stance.proposition import (
    CLAUSE_BREAK,
    accuses,
    prescribes,
    removed_words,
    target_words,
    without_topic_words,
)
from quotegraph.extract.stance.scorers import Judgement, decision, evidence_taken, side_taken
from quotegraph.extract.stance.topics import Topic
from spacy.tokens import Doc

__all__ = [
    "Lexicon",
    "TopicScore",
    "accuses",
    "cue_class",
    "cut_to",
    "evidence_taken",
    "lexicon",
    "main_clauses",
    "polarity",
    "prescribes",
    "removed_words",
    "sentiment",
    "side_taken",
    "stance_of",
    "statement_scores",
    "stem",
    "target_words",
    "terms",
    "topic_clauses",
    "topic_df",
    "topic_scores",
    "without_topic_words",
]

KEYWORD_WEIGHTS = (3.0, 2.0, 1.0, 0.5)
"""What a keyword phrase found in the quote, its sentence, its paragraph and the headline counts."""
CLAUSE_TERMS = 2
"""Proposition terms a clause must share to speak of the topic (without a keyword phrase)."""


@dataclass(frozen=True)
class TopicScore:
    topic: Topic
    score: float
    matched: tuple[str, ...]
    own: float = 0.0
    """The part of ``score`` the quote's own words make (the rest: its sentence, paragraph, headline)."""


def topic_df(topics: Sequence[Topic]) -> dict[str, int]:
    """In how many of ``topics`` each word stem occurs (proposition, label, keywords): a word shared by
    several topics of one file (a candidate's name, "tax", "president") tells them apart less."""
    return stem_df(topics)


@lru_cache(maxsize=4096)
def layers(quote: str, sentence: str, paragraph: str, title: str) -> tuple[tuple[str, float], ...]:
    """The joined word stems of the quote, its sentence, paragraph and headline, with their weights."""
    texts = (quote, sentence, paragraph, title)
    return tuple((f" {' '.join(stems(t))} ", w) for t, w in zip(texts, KEYWORD_WEIGHTS, strict=True))


def topic_scores(
    topic: Topic,
    quote: str,
    sentence: str,
    paragraph: str,
    title: str,
    df: Mapping[str, int] | None = None,
    about: Mapping[str, float] | None = None,
    prof: TopicProfile | None = None,
    terms: bool = True,
) -> TopicScore:
    """How much a statement is about ``topic``: keyword phrases found in the quote (weight 3), its sentence
    (2), paragraph (1) or the headline (0.5), and proposition words found in the quote, by their stems. With
    ``df`` (:func:`topic_df` of the topics file) a word counts less the more topics have it; ``about``
    (:func:`~quotegraph.extract.stance.aboutness.about_weights`) counts the quote's words by their part of
    speech; ``prof``, the topic's profile made once (:func:`~quotegraph.extract.stance.aboutness.profile`);
    ``terms`` False: keyword phrases only."""
    score, matched, own = profile_score(
        prof or profile(topic, df), layers(quote, sentence, paragraph, title), about or {}, terms
    )
    return TopicScore(topic, score, tuple(dict.fromkeys(matched)), own)


def statement_scores(
    profiles: Sequence[TopicProfile],
    quote: str,
    sentence: str,
    paragraph: str,
    title: str,
    about: Mapping[str, float] | Callable[[], Mapping[str, float]],
) -> list[TopicScore]:
    """:func:`topic_scores` of one statement on each topic of ``profiles`` (the topics file's), its layers read
    once: a topic none of whose keyword phrases opens in any layer, and none of whose proposition words is in the
    quote, scores 0 without a call (the test of :meth:`~quotegraph.extract.stance.aboutness.TopicProfile.meets_nothing`,
    written out: most topics meet nothing, and their one score 0 is made once, :func:`unmet`). ``about`` may be a
    function that makes it: it is called only when some topic is met (most quotes meet none, and their words need
    not be read)."""
    found = layers(quote, sentence, paragraph, title)
    everywhere, own = layer_words(found), layer_words(found[:1])
    out = []
    for p in profiles:
        if p.firsts.isdisjoint(everywhere) and p.terms.keys().isdisjoint(own):  # p.meets_nothing(everywhere, own)
            out.append(unmet(p.topic))
            continue
        if callable(about):
            about = about()
        score, matched, mine = profile_score(p, found, about or {})
        out.append(TopicScore(p.topic, score, tuple(dict.fromkeys(matched)), mine))
    return out


@lru_cache(maxsize=4096)
def unmet(topic: Topic) -> TopicScore:
    """The score of a statement that meets nothing of ``topic``: 0, no words matched (one, made once per topic:
    a TopicScore is frozen)."""
    return TopicScore(topic, 0.0, (), 0.0)


def topic_clauses(topic: Topic, quote: str) -> str | None:
    """The clauses of ``quote`` that speak of ``topic`` (a keyword phrase, or two terms of its
    proposition), joined; None when no clause does. "We are providing weapons and ammunition, but we
    will not directly participate" speaks of arms deliveries in its first clause only."""
    clauses = [c for c in CLAUSE_BREAK.split(quote) if c.strip()]
    if len(clauses) < 2:
        clauses = [quote]
    prop, keywords = _clause_terms(topic)
    hits = []
    for clause in clauses:
        folded = f" {joined_terms(clause)} "
        named = any(kw and f" {kw} " in folded for kw in keywords)
        if named or len(prop.intersection(content_terms(clause))) >= CLAUSE_TERMS:
            hits.append(clause)
    return " ... ".join(hits) if hits else None


@lru_cache(maxsize=4096)
def _clause_terms(topic: Topic) -> tuple[frozenset[str], tuple[str, ...]]:
    """The terms of ``topic``'s proposition and label, and its keyword phrases' terms joined (what
    :func:`topic_clauses` looks for in each clause), made once per topic."""
    return frozenset(terms(topic.proposition + " " + topic.label)), tuple(" ".join(terms(kw)) for kw in topic.keywords)


def main_clauses(statement: Statement, topic: Topic) -> Statement:
    """``statement`` cut to the clauses of its quote that speak of ``topic``, its main topic, when some do
    and others do not (its cue and speaker kept); else as it is."""
    return cut_to(statement, topic_clauses(topic, statement.quote))


def cut_to(statement: Statement, clauses: str | None) -> Statement:
    """``statement`` with its quote cut to ``clauses`` (:func:`topic_clauses` of it), when they are some of it
    and not all; else as it is."""
    return replace(statement, quote=clauses) if clauses is not None and clauses != statement.quote else statement


def stance_of(statement: Statement, topic: Topic, sentence: str, doc: Doc | None = None) -> Judgement:
    """Stance of a statement on ``topic``'s proposition, with confidence and the deciding words; ``doc``
    is the parse the statement's offsets point into (None: the text alone is read)."""
    return decision(statement, topic, doc).judgement
