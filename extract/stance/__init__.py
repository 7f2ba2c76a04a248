"""Topics and stance, with evidence.

:class:`StanceAssigner` finds the topics a statement is about (quote, sentence, paragraph, headline)
and the speaker's stance on each topic's proposition. Backends sit behind one protocol and are chosen by
versioned name from :mod:`quotegraph.extract.stance.registry` (``quotegraph.stance.rules.v1``; short
names ``rules``, the offline default, ``nli``, transformers zero-shot NLI, extra ``quotegraph[nli]``, and
``llm``, an OpenAI-compatible endpoint, extra ``quotegraph[llm]``). The cheap backend runs first; a
``fallback`` backend only where its confidence is below ``threshold``. A backend that cannot load or
fails on a call gives a warning and the rules' answer: it never stops an extraction.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import fields, replace
from functools import partial
from typing import Any

from quotegraph.extract.lookup import doc_text, sent_of
from quotegraph.extract.model import Article, Statement, TopicStance
from quotegraph.extract.stance import registry
from quotegraph.extract.stance.aboutness import (
    PersonPair,
    about_weights,
    by_person,
    by_verdict,
    mentions,
    names_of,
    person_pairs,
    persons_named,
    profile,
    quote_persons,
    quote_rank,
    records_gate,
    stems,
    verdict_person,
)
from quotegraph.extract.stance.evaluate import pronoun_names
from quotegraph.extract.stance.judge import RecordError, judge_records, read_records
from quotegraph.extract.stance.lexicon import surname_of
from quotegraph.extract.stance.propose import propose_topics
from quotegraph.extract.stance.registry import Judgement, RulesBackend, StanceBackend, judge_many, load_backend
from quotegraph.extract.stance.rules import TopicScore, cut_to, statement_scores, topic_clauses, topic_df, topic_scores
from quotegraph.extract.stance.topics import Topic, TopicsFileError, load_topics, parse_topics
from spacy.tokens import Doc

log = logging.getLogger(__name__)

__all__ = [
    "RecordError",
    "RulesBackend",
    "StanceAssigner",
    "StanceBackend",
    "Topic",
    "TopicsFileError",
    "judge_records",
    "load_backend",
    "load_topics",
    "make_backend",
    "parse_topics",
    "propose_topics",
    "read_records",
]

TOPIC_THRESHOLD = 2.0
SECOND_TOPIC = 0.6
"""A statement gets a second topic only when it scores at least this share of the best one."""
MAX_TOPICS = 2
"""The topics one statement can have."""
MAX_FAILURES = 3
"""Failed calls in a row after which a model backend is switched off for the run (the rules answer)."""


def make_backend(name: str, **options: Any) -> StanceBackend:
    """The stance backend registered under ``name`` (see :mod:`quotegraph.extract.stance.registry`)."""
    return registry.make_backend(name, **options)


LONG_PARAGRAPH = 20_000
"""A paragraph longer than this (none of a news article is) counts as the window of about
``PARAGRAPH_WINDOW`` characters on each side of the statement, so that one huge paragraph costs linear
time and memory, not a copy of it per statement (issue 18: 12,000 quotes in one paragraph, 7.7 GB)."""
PARAGRAPH_WINDOW = 2_000


def _context(
    doc: Doc | None, article: Article, s: Statement, windows: dict[tuple[int, int], str] | None = None
) -> tuple[str, str]:
    """The statement's sentence(s) and paragraph (``windows`` shares the clipped windows of one article)."""
    text = article.body if doc is None else doc_text(doc)
    para_start = text.rfind("\n\n", 0, s.start)
    para_start = 0 if para_start < 0 else para_start
    para_end = text.find("\n\n", s.end)
    para_end = len(text) if para_end < 0 else para_end
    if para_end - para_start > LONG_PARAGRAPH:  # windows on a fixed grid: statements nearby share one
        w = PARAGRAPH_WINDOW
        key = (max(para_start, (s.start // w - 1) * w), min(para_end, (s.end // w + 2) * w))
        windows = {} if windows is None else windows
        paragraph = windows.setdefault(key, text[key[0] : key[1]])
    else:
        paragraph = text[para_start:para_end]
    sentence = paragraph
    if doc is not None:
        span = doc.char_span(s.start, max(s.start + 1, s.end), alignment_mode="expand")
        if span is not None and len(span):
            sentence = doc_text(doc)[sent_of(span[0]).start_char : sent_of(span[-1]).end_char]
    return sentence, paragraph


def named_by_pronouns(doc: Doc, s: Statement) -> list[str]:
    """The people the third-person pronouns of ``s``'s quote name (``pronoun_names``), but its speaker: a
    speaker's "his investigators", "my answers" say who speaks, not what the quote is about (and the nearest
    name before a pronoun is often the speaker's own, "Comey said ... her statements")."""
    speaker = {surname_of(x) for x in (s.speaker, s.speaker_mention) if x} - {""}
    return [n for n in pronoun_names(doc, s.start, s.end) if surname_of(n) not in speaker]


def article_main(chosen: Sequence[Sequence[TopicScore]]) -> str | None:
    """The topic an article's statements are about, for those that name none: each statement's main topic
    gets a vote of :func:`quote_rank` weight, so one paragraph's keyword that tags every quote in it weighs
    less than quotes that name their topic themselves."""
    votes: dict[str, float] = {}
    for c in chosen:
        if c:
            votes[c[0].topic.id] = votes.get(c[0].topic.id, 0.0) + quote_rank(c[0])
    return max(votes, key=lambda t: votes[t]) if votes else None


class StanceAssigner:
    """Topics and stance for the statements of one article at a time."""

    def __init__(
        self,
        topics: Sequence[Topic],
        *,
        backend: str = "rules",
        fallback: str | None = None,
        threshold: float = 0.6,
        topic_threshold: float = TOPIC_THRESHOLD,
        **backend_options: Any,
    ) -> None:
        self.topics = list(topics)
        self.backend = load_backend(backend, **backend_options)
        self.fallback = load_backend(fallback, **backend_options) if fallback else None
        if self.fallback is not None and self.fallback.name == self.backend.name:
            self.fallback = None
        # the names of what loaded (a backend that could not load is the rules): worker processes load
        # these, so a missing model is warned once per run, not once per process
        self.backend_name = "rules" if isinstance(self.backend, RulesBackend) else backend
        self.fallback_name = None
        if self.fallback is not None and fallback is not None:
            self.fallback_name = "rules" if isinstance(self.fallback, RulesBackend) else fallback
        self.rules = RulesBackend()
        self.threshold = threshold
        self.topic_threshold = topic_threshold
        self.df = topic_df(self.topics)
        self.profiles = [profile(t, self.df) for t in self.topics]
        # topics that could be a person pair in some article (each names someone): only then are people read
        self._pairs_possible = bool(person_pairs(self.topics, frozenset().union(*(names_of(t) for t in self.topics))))
        # topics that judge a person fit for an office: a quote that judges that person is about them
        self._verdicts = any(verdict_person(t) for t in self.topics)
        self._warned: set[str] = set()
        self._failures: dict[str, int] = {}
        self._off: set[str] = set()

    def article_topic(self, article: Article) -> Topic | None:
        """The topic the headline and lead are about, for statements that name no topic themselves."""
        body = article.body.strip()
        lead = body[: body.find("\n\n")] if "\n\n" in body else body[:600]
        # by keyword phrases only: a name in the headline ("Clinton tells ...") is who, not what, it is about
        scored = [topic_scores(p.topic, article.title or "", lead, "", "", prof=p, terms=False) for p in self.profiles]
        best = max(scored, key=lambda x: x.score, default=None)
        return best.topic if best is not None and best.score >= self.topic_threshold / 2 else None

    @property
    def key(self) -> str:
        """What decides the stances, for the statement cache: the backends that loaded (a backend that
        could not load is the rules), their models and the threshold."""
        used = [self.backend] if self.fallback is None else [self.backend, self.fallback]
        return "stance=" + "/".join(getattr(b, "key", b.name) for b in used) + f"@{self.threshold}"

    def fell_back(self, statements: Sequence[Statement]) -> bool:
        """True when the rules answered for a model backend that failed on a call (those statements are
        not cached, so that a later run with the backend working judges them again)."""
        names = {self.backend.name} | ({self.fallback.name} if self.fallback is not None else set())
        if "rules" in names:
            return False
        return any(ts.backend == "rules" for s in statements for ts in s.topics)

    def _failed(self, backend: StanceBackend, err: Exception) -> None:
        """Count a failed call: the first is warned, and MAX_FAILURES in a row switch the backend off
        for the rest of the run (an endpoint that hangs costs one timeout per batch, not per statement)."""
        self._failures[backend.name] = self._failures.get(backend.name, 0) + 1
        if backend.name not in self._warned:
            self._warned.add(backend.name)
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            log.warning("stance backend %s failed (%s); the rules answer instead", backend.name, reason)
        if self._failures[backend.name] >= MAX_FAILURES and backend.name not in self._off:
            self._off.add(backend.name)
            log.warning(
                "stance backend %s gave up after %d failures in a row; the rules answer for the rest of the run",
                backend.name,
                MAX_FAILURES,
            )

    def _rules(self, item: tuple[Statement, Topic, str], doc: Doc | None) -> Judgement:
        return self.rules.stance(*item, doc=doc)

    def _judge(
        self,
        backend: StanceBackend,
        items: Sequence[tuple[Statement, Topic, str]],
        docs: Sequence[Doc | None],
    ) -> list[tuple[Judgement, str]]:
        """``backend``'s answers, batched; an item it fails on gets the rules' answer (warned once).
        ``docs``: the parse each item's statement comes from (the rules read it), one per item."""
        if backend.name == "rules" or not items:
            return [(self._rules(item, doc), self.rules.name) for item, doc in zip(items, docs, strict=True)]
        if backend.name in self._off:
            return [(self._rules(item, doc), self.rules.name) for item, doc in zip(items, docs, strict=True)]
        try:
            answers = judge_many(backend, items)
        except Exception as err:  # the whole batch failed: one failure, the rules answer every item
            self._failed(backend, err)
            return [(self._rules(item, doc), self.rules.name) for item, doc in zip(items, docs, strict=True)]
        out = []
        for item, doc, answer in zip(items, docs, answers, strict=True):
            if isinstance(answer, Exception):
                self._failed(backend, answer)
                out.append((self._rules(item, doc), self.rules.name))
            else:
                self._failures[backend.name] = 0
                out.append((answer, backend.name))
        return out

    def _by_person(
        self,
        doc: Doc,
        s: Statement,
        scores: list[TopicScore],
        pronouns: list[str],
        pairs: list[PersonPair],
        persons: frozenset[str],
    ) -> list[TopicScore]:
        """``scores`` told apart by the people ``s``'s quote names, by name or by a pronoun (``pronouns``), where
        two topics are about different people (``pairs``; :func:`~quotegraph.extract.stance.aboutness.by_person`)."""
        speaker = frozenset(w for x in (s.speaker, s.speaker_mention) if x for w in stems(x))
        named = quote_persons(doc, s.start, s.end, speaker, persons) | {w for n in pronouns for w in stems(n)}
        return by_person(scores, named, pairs)

    def _chosen(self, scores: Sequence[TopicScore]) -> list[TopicScore]:
        """The topics a statement is about, best first by :func:`quote_rank`: those whose score is at or
        above the threshold, a second one only when it ranks close to the first (:data:`SECOND_TOPIC`)."""
        ranked = sorted((x for x in scores if x.score >= self.topic_threshold), key=lambda x: -quote_rank(x))
        best = quote_rank(ranked[0]) if ranked else 0.0
        return [x for x in ranked[:MAX_TOPICS] if x is ranked[0] or quote_rank(x) >= SECOND_TOPIC * best]

    def _plan(self, s: Statement, scored: Sequence[Any], sentence: str) -> list[TopicStance | tuple]:
        """Per topic: a finished TopicStance, or (statement to judge, topic, context, topic evidence)."""
        plan: list[TopicStance | tuple] = []
        for rank, ts in enumerate(scored):
            judged = s
            clauses = topic_clauses(ts.topic, s.quote)
            matched = tuple(f"topic: {m}" for m in ts.matched[:3])
            if not ts.topic.proposition:  # a draft topic: what it claims is not written yet, nothing to judge
                from quotegraph.extract.stance.topics import DRAFT_EVIDENCE

                plan.append(TopicStance(ts.topic.id, None, 0.0, (*matched, DRAFT_EVIDENCE), self.backend.name))
                continue
            if rank == 0:
                # the main topic: its own clauses when the quote names it in some of them, else the whole
                judged = cut_to(s, clauses)  # rules.main_clauses, from the clauses found above
            else:
                # a statement's cues and negations are about its main topic: on another topic only the
                # clauses that speak of it count, and a topic met only in the context gets no stance
                if clauses is None:
                    plan.append(
                        TopicStance(
                            topic=ts.topic.id,
                            stance=None,  # no side taken in the quote: undetermined, not neutral
                            confidence=0.2,
                            evidence=(*matched, "topic only in the context"),
                            backend=self.backend.name,
                        )
                    )
                    continue
                judged = replace(s, quote=clauses, cue=s.cue if clauses == s.quote else None)
            plan.append((judged, ts.topic, sentence, matched))
        return plan

    def _resolve(self, plans: list[list[TopicStance | tuple]], docs: Sequence[Doc | None]) -> list[list[TopicStance]]:
        """Judge what ``plans`` leave to a backend; ``docs``: the parse of each plan's statement."""
        pending = [(p, doc) for plan, doc in zip(plans, docs, strict=True) for p in plan if isinstance(p, tuple)]
        items = [(judged, topic, sentence) for (judged, topic, sentence, _), _ in pending]
        item_docs = [doc for _, doc in pending]
        answers = self._judge(self.backend, items, item_docs)
        if self.fallback is not None:
            weak = [i for i, ((_, confidence, _), _) in enumerate(answers) if confidence < self.threshold]
            redone = self._judge(self.fallback, [items[i] for i in weak], [item_docs[i] for i in weak])
            for i, answer in zip(weak, redone, strict=True):
                answers[i] = answer
        done = iter(answers)
        out = []
        for plan in plans:
            row = []
            for p in plan:
                if isinstance(p, TopicStance):
                    row.append(p)
                    continue
                (stance, confidence, evidence), used = next(done)
                row.append(
                    TopicStance(
                        topic=p[1].id,
                        stance=stance,  # type: ignore[arg-type]
                        confidence=round(confidence, 3),
                        evidence=p[3] + tuple(evidence),
                        backend=used,
                    )
                )
            out.append(row)
        return out

    def judge(self, items: Sequence[tuple[Statement, Topic, str, Doc | None]], gate: bool = False) -> list[TopicStance]:
        """The stance of each statement on its given topic (no topic assignment): ``(statement, topic,
        sentence, doc)``, the doc the parse the statement's offsets point into (or None). As for the main
        topic of an extracted statement, the clauses of the quote that name the topic are judged when some
        do; model backends are asked in one batch. With ``gate`` (records mode), a statement that does not
        mention its topic (:func:`~quotegraph.extract.stance.aboutness.mentions`) is neutral by the rule
        ``records_gate`` of topic_match.yaml, for the backends it lists; the topic words a statement mentions
        are its evidence."""
        settings = records_gate()
        gating = gate and settings["enabled"] and self.backend_name in settings["backends"]
        plans: list[list[TopicStance | tuple]] = []
        for s, topic, sentence, doc in items:
            words = mentions(topic, s.quote, about_weights(doc, s.start, s.end)) if gate else ()
            if gating and not words and topic.proposition:
                evidence = (f"rule: {settings['rule']}", settings["evidence"])
                plans.append([TopicStance(topic.id, "neutral", settings["confidence"], evidence, self.backend_name)])
                continue
            plans.append(self._plan(s, [TopicScore(topic, 0.0, words)], sentence))
        return [row[0] for row in self._resolve(plans, [doc for *_, doc in items])]

    def assign(self, statements: Sequence[Statement], doc: Doc | None, article: Article) -> list[Statement]:
        """Topics and stance for the statements of one article. A statement that names no topic is about
        what the article's other statements are about, else what its headline and lead are about."""
        windows: dict[tuple[int, int], str] = {}
        contexts = [_context(doc, article, s, windows) for s in statements]
        # the people a quote's pronouns name count as named in it ("She better get well" of Clinton)
        pronouns = [named_by_pronouns(doc, s) if doc is not None else [] for s in statements]
        quotes = [" ".join((s.quote, *names)) for s, names in zip(statements, pronouns, strict=True)]
        # a quote's words by their parse (about_weights) are read only where it meets some topic
        abouts = (partial(about_weights, doc, s.start, s.end) for s in statements)
        all_scores = [
            statement_scores(self.profiles, quote, sentence, paragraph, article.title or "", about)
            for quote, (sentence, paragraph), about in zip(quotes, contexts, abouts, strict=True)
        ]
        persons = persons_named(doc) if doc is not None and self._pairs_possible else frozenset()
        pairs = person_pairs([p.topic for p in self.profiles], persons) if persons else []
        if pairs:
            all_scores = [
                self._by_person(doc, s, scores, names, pairs, persons)
                for s, scores, names in zip(statements, all_scores, pronouns, strict=True)
            ]
        if self._verdicts:
            all_scores = [
                by_verdict(scores, frozenset(stems(quote)), s.quote)
                for s, quote, scores in zip(statements, quotes, all_scores, strict=True)
            ]
        chosen = [self._chosen(scores) for scores in all_scores]
        fallback_id = article_main(chosen)
        if fallback_id is None and any(not c for c in chosen) and self.topics:
            topic = self.article_topic(article)
            fallback_id = topic.id if topic else None
        plans = []
        for s, (sentence, _), scores, scored in zip(statements, contexts, all_scores, chosen, strict=True):
            if not scored and fallback_id is not None:
                scored = [next(x for x in scores if x.topic.id == fallback_id)]
            plans.append(self._plan(s, scored, sentence))
        resolved = self._resolve(plans, [doc] * len(plans))
        out = []
        for s, results in zip(statements, resolved, strict=True):
            main = results[0] if results else None
            topic, stance = (main.topic, main.stance) if main else (None, None)
            out.append(_replaced(s, {"topics": tuple(results), "topic": topic, "stance": stance}))
        return out


_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))
"""The fields of :class:`~quotegraph.extract.model.Statement`, in order (all of them ``__init__`` parameters)."""


def _replaced(s: Statement, changes: dict[str, Any]) -> Statement:
    """``dataclasses.replace(s, **changes)``: a new Statement made by its ``__init__`` (its checks run alike) of
    ``changes`` and ``s``'s other fields, passed in order; without replace's reading of each field's kind, which
    costs a Statement's 36 fields more than their copy (a subclass: by ``replace``)."""
    if type(s) is not Statement:
        return replace(s, **changes)
    return Statement(*[changes[n] if n in changes else getattr(s, n) for n in _STATEMENT_FIELDS])
