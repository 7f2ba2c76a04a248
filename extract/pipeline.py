"""Articles in, statements out: the extraction pipeline.

The stages are wired here and nowhere else: reading (:mod:`extract.read`), the spaCy parse with the
``quote_attribution`` component, reply targets, speaker canonicalisation (:mod:`extract.entities`),
statement dates (:mod:`extract.sources`) and topics/stance (:mod:`extract.stance`). Everything
streams: articles are read lazily, parsed in batches with ``nlp.pipe`` and handed on one at a time, so
memory stays flat however large the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.model import Article, Statement

log = logging.getLogger(__name__)

ERROR_KEY = "quotegraph_error"


@dataclass(frozen=True)
class FileOutcome:
    """What became of one input: read (with its statements), skipped or failed, and why."""

    path: str
    name: str
    status: str  # read | skipped | failed
    reason: str | None = None
    statements: int = 0
    speakers: tuple[str, ...] = ()
    outlet: str | None = None
    published: str | None = None
    cached: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "name": self.name,
            "status": self.status,
            "reason": self.reason,
            "statements": self.statements,
            "speakers": list(self.speakers),
            "outlet": self.outlet,
            "published": self.published,
            "cached": self.cached,
        }


@dataclass
class ArticleResult:
    """One input's outcome and, when it was read, its statements."""

    outcome: FileOutcome
    article: Article | None = None
    statements: list[Statement] = field(default_factory=list)


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Extractor:
    """Holds the loaded pipeline, entity resolver and stance assigner for a run.

    >>> ex = Extractor()                                   # doctest: +SKIP
    >>> for result in ex.extract_paths(["data/articles"]):  # doctest: +SKIP
    ...     print(result.outcome.name, len(result.statements))
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        nlp: Language | None = None,
        topics: str | Path | None = None,
        entities: Sequence[str | Path] | None = None,
        stance_backend: str = "rules",
        stance_fallback: str | None = None,
        stance_options: dict[str, Any] | None = None,
        batch_size: int = 16,
        workers: int = 1,
    ) -> None:
        from extract.entities import EntityResolver
        from extract.nlp import load_pipeline

        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.batch_size = batch_size
        self.workers = max(1, workers)
        self.resolver = EntityResolver.load([Path(p) for p in entities] if entities else None)
        self.topics_path = Path(topics) if topics else None
        self.stance = None
        if self.topics_path is not None:
            from extract.stance import StanceAssigner, load_topics

            self.topics = load_topics(self.topics_path)
            self.stance = StanceAssigner(
                self.topics,
                backend=stance_backend,
                fallback=stance_fallback,
                **(stance_options or {}),
            )
        else:
            self.topics = []

    # -- one parsed article -> finished statements ---------------------------------------------
    def finish(self, doc: Doc, article: Article) -> list[Statement]:
        """Turn the component's raw statements for ``doc`` into finished statements of ``article``."""
        from extract.replies import find_reply_targets
        from extract.sources import statement_date

        raw: list[Statement] = list(doc._.statements or [])
        statements = [
            replace(
                s,
                article=article.name,
                outlet=article.outlet,
                published=article.published,
                title=article.title,
                url=article.url,
            )
            for s in raw
        ]
        statements = find_reply_targets(doc, statements)
        statements = self.resolver.canonicalize(statements, published=article.published)
        dated = []
        for s in statements:
            when = None
            if s.cue_start is not None and s.cue_end is not None:
                when = statement_date(doc, s.cue_start, s.cue_end, article.published)
            dated.append(replace(s, statement_date=when or s.statement_date))
        statements = dated
        if self.stance is not None:
            statements = self.stance.assign(statements, doc, article)
        for s in statements:
            if article.text[s.start : s.end] != s.quote:
                raise AssertionError(f"offsets of a statement do not point at its quote in {article.name}")
        return sorted(statements, key=lambda s: (s.start, s.end))

    # -- streams ----------------------------------------------------------------------------------
    def extract_articles(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Parse and finish articles, streaming. A batch the parser fails on is retried one article at a
        time, so one bad article fails alone."""
        if self.workers > 1:
            pairs = ((article.body, article) for article in articles)
            for doc, article in self.nlp.pipe(
                pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.workers
            ):
                yield self._result(doc, article)
            return
        for batch in _batched(articles, self.batch_size):
            try:
                docs: list[Doc | Exception] = list(self.nlp.pipe((a.body for a in batch), batch_size=self.batch_size))
            except Exception:
                docs = []
                for article in batch:
                    try:
                        docs.append(self.nlp(article.body))
                    except Exception as err:
                        log.exception("parsing failed on %s", article.name)
                        docs.append(err)
            for doc, article in zip(docs, batch, strict=False):
                if isinstance(doc, Exception):
                    yield ArticleResult(
                        _outcome(article, "failed", f"parse failed: {type(doc).__name__}: {doc}"), article
                    )
                else:
                    yield self._result(doc, article)

    def _result(self, doc: Doc, article: Article) -> ArticleResult:
        error = doc.user_data.get(ERROR_KEY)
        if error:
            return ArticleResult(_outcome(article, "failed", f"extraction failed: {error}"), article)
        try:
            statements = self.finish(doc, article)
        except Exception as err:  # one article's failure must not stop the batch
            log.exception("post-processing failed on %s", article.name)
            return ArticleResult(_outcome(article, "failed", f"{type(err).__name__}: {err}"), article)
        return ArticleResult(_outcome(article, "read", None, statements), article, statements)

    def extract_paths(
        self, paths: Iterable[str | Path], *, on_item: Callable[[], None] | None = None
    ) -> Iterator[ArticleResult]:
        """Read files and folders and extract; failures come through as results, in input order."""
        from extract.read import ReadFailure, read_all

        def articles() -> Iterator[Article]:
            for item in read_all(paths):
                if on_item:
                    on_item()
                if isinstance(item, ReadFailure):
                    pending.append(ArticleResult(FileOutcome(str(item.path), item.name, item.status, item.reason)))
                else:
                    yield item

        pending: list[ArticleResult] = []
        for result in self.extract_articles(articles()):
            # failures read before this article are reported before it
            while pending:
                yield pending.pop(0)
            yield result
        while pending:
            yield pending.pop(0)


def _outcome(article: Article, status: str, reason: str | None, statements: Sequence[Statement] = ()) -> FileOutcome:
    speakers = sorted({s.speaker for s in statements if s.speaker})
    return FileOutcome(
        path=article.path,
        name=article.name,
        status=status,
        reason=reason,
        statements=len(statements),
        speakers=tuple(speakers),
        outlet=article.outlet,
        published=article.published,
    )
