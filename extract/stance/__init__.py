"""Topics and stance, with evidence.

:class:`StanceAssigner` finds the topics a statement is about (quote, sentence, paragraph, headline)
and the speaker's stance on each topic's proposition. Backends sit behind one protocol and are chosen by
name, imported lazily: ``rules`` (offline default), ``nli`` (transformers zero-shot NLI, extra
``quotegraph[nli]``) and ``llm`` (an OpenAI-compatible endpoint, extra ``quotegraph[llm]``). The cheap
backend runs first; a ``fallback`` backend only where its confidence is below ``threshold``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol

from quotegraph.extract.lookup import doc_text, sent_of
from quotegraph.extract.model import Article, Statement, TopicStance
from quotegraph.extract.stance.propose import propose_topics
from quotegraph.extract.stance.rules import stance_of, topic_clauses, topic_scores
from quotegraph.extract.stance.topics import Topic, TopicsFileError, load_topics, parse_topics
from spacy.tokens import Doc

log = logging.getLogger(__name__)

__all__ = [
    "RulesBackend",
    "StanceAssigner",
    "StanceBackend",
    "Topic",
    "TopicsFileError",
    "load_topics",
    "parse_topics",
    "propose_topics",
]

TOPIC_THRESHOLD = 2.0


class StanceBackend(Protocol):
    """Decides the stance of a statement on a topic's proposition."""

    name: str

    def stance(self, statement: Statement, topic: Topic, context: str) -> tuple[str, float, tuple[str, ...]]: ...


class RulesBackend:
    name = "rules"

    def stance(self, statement: Statement, topic: Topic, context: str) -> tuple[str, float, tuple[str, ...]]:
        return stance_of(statement, topic, context)


def make_backend(name: str, **options: Any) -> StanceBackend:
    if name == "rules":
        return RulesBackend()
    if name == "nli":
        from quotegraph.extract.stance.nli import NLIBackend

        return NLIBackend(**options)
    if name == "llm":
        from quotegraph.extract.stance.llm import LLMBackend

        return LLMBackend(**options)
    raise ValueError(f"unknown stance backend {name!r} (choose rules, nli or llm)")


def _context(doc: Doc | None, article: Article, s: Statement) -> tuple[str, str]:
    """The statement's sentence(s) and paragraph."""
    text = article.body if doc is None else doc_text(doc)
    para_start = text.rfind("\n\n", 0, s.start)
    para_start = 0 if para_start < 0 else para_start
    para_end = text.find("\n\n", s.end)
    para_end = len(text) if para_end < 0 else para_end
    paragraph = text[para_start:para_end]
    sentence = paragraph
    if doc is not None:
        span = doc.char_span(s.start, max(s.start + 1, s.end), alignment_mode="expand")
        if span is not None and len(span):
            sentence = doc_text(doc)[sent_of(span[0]).start_char : sent_of(span[-1]).end_char]
    return sentence, paragraph


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
        self.backend = make_backend(backend, **backend_options)
        self.fallback = make_backend(fallback, **backend_options) if fallback else None
        self.threshold = threshold
        self.topic_threshold = topic_threshold

    def article_topic(self, article: Article) -> Topic | None:
        """The topic the headline and lead are about, for statements that name no topic themselves."""
        body = article.body.strip()
        lead = body[: body.find("\n\n")] if "\n\n" in body else body[:600]
        scored = [topic_scores(t, article.title or "", lead, "", "") for t in self.topics]
        best = max(scored, key=lambda x: x.score, default=None)
        return best.topic if best is not None and best.score >= self.topic_threshold / 2 else None

    def _stances(self, s: Statement, scored: Sequence[Any], sentence: str) -> list[TopicStance]:
        results = []
        for rank, ts in enumerate(scored):
            judged = s
            clauses = topic_clauses(ts.topic, s.quote)
            if rank == 0:
                # the main topic: its own clauses when the quote names it in some of them, else the whole
                if clauses is not None and clauses != s.quote:
                    judged = replace(s, quote=clauses)
            else:
                # a statement's cues and negations are about its main topic: on another topic only the
                # clauses that speak of it count, and a topic met only in the context gets no stance
                if clauses is None:
                    results.append(
                        TopicStance(
                            topic=ts.topic.id,
                            stance="neutral",
                            confidence=0.4,
                            evidence=(*(f"topic: {m}" for m in ts.matched[:3]), "topic only in the context"),
                            backend=self.backend.name,
                        )
                    )
                    continue
                judged = replace(s, quote=clauses, cue=s.cue if clauses == s.quote else None)
            stance, confidence, evidence = self.backend.stance(judged, ts.topic, sentence)
            used = self.backend.name
            if self.fallback is not None and confidence < self.threshold:
                try:
                    stance, confidence, evidence = self.fallback.stance(judged, ts.topic, sentence)
                    used = self.fallback.name
                except Exception as err:  # the strong backend is optional; keep the cheap answer
                    log.warning("stance fallback %s failed: %s", self.fallback.name, err)
            results.append(
                TopicStance(
                    topic=ts.topic.id,
                    stance=stance,  # type: ignore[arg-type]
                    confidence=round(confidence, 3),
                    evidence=tuple(f"topic: {m}" for m in ts.matched[:3]) + tuple(evidence),
                    backend=used,
                )
            )
        return results

    def assign(self, statements: Sequence[Statement], doc: Doc | None, article: Article) -> list[Statement]:
        """Topics and stance for the statements of one article. A statement that names no topic is about
        what the article's other statements are about, else what its headline and lead are about."""
        contexts = [_context(doc, article, s) for s in statements]
        all_scores = [
            [topic_scores(t, s.quote, sentence, paragraph, article.title or "") for t in self.topics]
            for s, (sentence, paragraph) in zip(statements, contexts, strict=True)
        ]
        chosen = [
            sorted((x for x in scores if x.score >= self.topic_threshold), key=lambda x: -x.score)
            for scores in all_scores
        ]
        mains = Counter(c[0].topic.id for c in chosen if c)
        fallback_id = mains.most_common(1)[0][0] if mains else None
        if fallback_id is None and any(not c for c in chosen) and self.topics:
            topic = self.article_topic(article)
            fallback_id = topic.id if topic else None
        out = []
        for s, (sentence, _), scores, scored in zip(statements, contexts, all_scores, chosen, strict=True):
            if not scored and fallback_id is not None:
                scored = [next(x for x in scores if x.topic.id == fallback_id)]
            results = self._stances(s, scored, sentence)
            main = results[0] if results else None
            out.append(
                replace(
                    s,
                    topics=tuple(results),
                    topic=main.topic if main else None,
                    stance=main.stance if main else None,
                )
            )
        return out
