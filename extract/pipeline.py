"""Articles in, statements out: the extraction pipeline.

The stages are wired here and nowhere else: reading (:mod:`quotegraph.extract.reading.articles`), the
spaCy parse with the ``quote_attribution`` component, reply targets, speaker canonicalisation
(:mod:`quotegraph.extract.speakers.entities`), statement dates (:mod:`quotegraph.extract.reading.sources`)
and topics/stance (:mod:`quotegraph.extract.stance`). Everything
streams: articles are read lazily, parsed in batches with ``nlp.pipe`` and handed on one at a time, so
memory stays flat however large the corpus.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from quotegraph.extract.model import Article, Statement
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ArticleResult", "Extractor", "FileOutcome", "in_source_text", "sections_of"]

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
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "name": self.name,
            "article_id": self.article_id,
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


def in_source_text(s: Statement, offset: int) -> Statement:
    """``s`` with offsets into the article's own text (its main text), not the parsed text that puts the
    title before it (:attr:`Article.text_offset`). A statement of the title keeps offsets into the title
    and is marked ``in_title``."""
    if not offset:
        return s
    if s.start < offset:
        return replace(s, extra=tuple(sorted({**dict(s.extra), "in_title": True}.items())))

    def back(x: int | None) -> int | None:
        return None if x is None else x - offset if x >= offset else x

    return replace(
        s,
        start=s.start - offset,
        end=s.end - offset,
        speaker_start=back(s.speaker_start),
        speaker_end=back(s.speaker_end),
        cue_start=back(s.cue_start),
        cue_end=back(s.cue_end),
    )


SECTION_CHARS = 20_000
"""A long article is parsed in sections of at most this many characters."""
LONG_ARTICLE_CHARS = 100_000
"""An article longer than this is long: parsed in sections (a news article or transcript never is)."""
MAX_ARTICLE_CHARS = 20_000_000
"""A longer article is skipped (with the reason)."""
ARTICLE_TIMEOUT = 1_800.0
"""Seconds one long article may take before it is skipped (checked between sections)."""
MAX_ARTICLE_STATEMENTS = 20_000
"""An article with more statements is skipped (with the reason): a news article has at most a few
hundred, and every statement costs memory in the later stages of a build (about 50 KB each)."""

_BREAKS = ("\n\n", "\n", ". ", " ")


def sections_of(article: Article, size: int) -> Iterator[tuple[int, Article]]:
    """``article`` cut into pieces of at most ``size`` characters, at a blank line where there is one
    within the last quarter of a piece, else a line break, a sentence end or a space; each piece is an
    article of its own (its ``skip`` regions clipped to it) with the offset where it starts. Only the
    first piece keeps the title line; offsets of its statements stay in the parsed text."""
    text = article.text
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            floor = start + size * 3 // 4
            for mark in _BREAKS:
                cut = text.rfind(mark, floor, end)
                if cut > start:
                    end = cut + len(mark)
                    break
        skip = tuple((max(a, start) - start, min(b, end) - start) for a, b in article.skip if a < end and b > start)
        yield start, replace(article, text=text[start:end], skip=skip, text_offset=0)
        start = end


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER: Extractor | None = None


def _init_worker(options: dict[str, Any]) -> None:
    global _WORKER
    _WORKER = Extractor(**options)


def _work(articles: list[Article]) -> list[tuple[FileOutcome, list[Statement]]]:
    assert _WORKER is not None
    return _WORKER._process(articles)


class Extractor:
    """Articles in, statements out: the loaded spaCy pipeline, entity resolver and stance assigner of a run.

    Parameters
    ----------
    model : str, optional
        spaCy pipeline name or path (default: the best English pipeline installed).
    nlp : spacy.language.Language, optional
        An already loaded pipeline with the ``quote_attribution`` component (instead of ``model``).
    topics : str or Path, optional
        Topics file (YAML); without it statements get no topic or stance.
    entities : sequence of str or Path, optional
        Entity files that name speakers (canonical names, aliases, Wikidata ids).
    stance_backend, stance_fallback : str
        Stance backends by registry name (``rules``, ``nli``, ``llm``); the fallback answers where the
        backend cannot load.
    stance_options : dict, optional
        Options of the stance backend (``model``, ...).
    batch_size : int
        Articles parsed per ``nlp.pipe`` batch.
    workers : int
        Parser processes (each loads the pipeline once).
    cache : str or Path, optional
        Statement cache file: articles already extracted with the same code, model and options are not
        parsed again.
    section_chars, long_article_chars, max_article_chars, article_timeout, max_article_statements
        Limits for long inputs: a long article is parsed in sections; one that is too long, too slow or
        too full of statements is skipped with the reason.

    Examples
    --------
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
        cache: str | Path | None = None,
        section_chars: int = SECTION_CHARS,
        long_article_chars: int = LONG_ARTICLE_CHARS,
        max_article_chars: int = MAX_ARTICLE_CHARS,
        article_timeout: float = ARTICLE_TIMEOUT,
        max_article_statements: int = MAX_ARTICLE_STATEMENTS,
    ) -> None:
        from quotegraph.extract.nlp import load_pipeline
        from quotegraph.extract.speakers.entities import EntityResolver

        self.options: dict[str, Any] = {
            "model": model or (nlp.meta.get("lang", "en") + "_" + nlp.meta["name"] if nlp is not None else None),
            "topics": topics,
            "entities": entities,
            "stance_backend": stance_backend,
            "stance_fallback": stance_fallback,
            "stance_options": stance_options,
            "batch_size": batch_size,
            "section_chars": section_chars,
            "long_article_chars": long_article_chars,
            "max_article_chars": max_article_chars,
            "article_timeout": article_timeout,
            "max_article_statements": max_article_statements,
        }
        self.section_chars = max(1_000, section_chars)
        self.long_article_chars = max(self.section_chars, long_article_chars)
        self.max_article_chars = max_article_chars
        self.article_timeout = article_timeout
        self.max_article_statements = max_article_statements

        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.batch_size = batch_size
        self.workers = max(1, workers)
        self.resolver = EntityResolver.load([Path(p) for p in entities] if entities else None)
        self.topics_path = Path(topics) if topics else None
        self.stance = None
        self.topics: list[Any] = []
        if self.topics_path is not None:
            self._load_stance(self.topics_path, stance_backend, stance_fallback, stance_options)
        self.cache = None
        if cache is not None:
            self._open_cache(cache, entities)

    def _load_stance(self, topics: Path, backend: str, fallback: str | None, options: dict[str, Any] | None) -> None:
        """Load the topics and the stance assigner."""
        from quotegraph.extract.stance import StanceAssigner, load_topics

        self.topics = load_topics(topics)
        self.stance = StanceAssigner(self.topics, backend=backend, fallback=fallback, **(options or {}))
        # workers load what loaded here: a backend that could not load is warned once, not per process
        self.options.update(stance_backend=self.stance.backend_name, stance_fallback=self.stance.fallback_name)

    def _open_cache(self, cache: str | Path, entities: Sequence[str | Path] | None) -> None:
        """Open the statement cache, keyed by everything that changes the statements."""
        from importlib import metadata

        from quotegraph.extract.cache import StatementCache, code_fingerprint, fingerprint
        from quotegraph.extract.nlp import model_id

        try:
            version = metadata.version("quotegraph")
        except metadata.PackageNotFoundError:
            version = "unknown"
        self.cache = StatementCache(cache)
        self.config_key = fingerprint(
            model_id(self.nlp),
            version,
            code_fingerprint(),
            self.topics_path,
            # another stance backend or model gives other stances: never served from the cache
            self.stance.key if self.stance is not None else "",
            *[Path(p) for p in entities or ()],
        )

    # -- one parsed article -> finished statements ---------------------------------------------
    def finish(self, doc: Doc, article: Article, title_doc: Doc | None = None) -> list[Statement]:
        """Turn the component's raw statements for ``doc`` (and for the parsed title, ``title_doc``) into
        finished statements of ``article``."""
        from quotegraph.extract.attribution.headline import headline_statements, title_span
        from quotegraph.extract.attribution.replies import find_reply_targets
        from quotegraph.extract.lookup import forget
        from quotegraph.extract.reading.sources import statement_date

        raw: list[Statement] = list(doc._.statements or [])
        span = title_span(article) if title_doc is not None else None
        if title_doc is not None and span is not None:
            raw = headline_statements(title_doc, span[0], doc, raw) + raw
        statements = [
            replace(
                s,
                article=article.name,
                article_id=article.article_id or None,
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
        forget(doc)
        if title_doc is not None:
            forget(title_doc)
        kept = []
        for s in statements:
            if article.text[s.start : s.end] == s.quote:
                kept.append(s)
            else:  # it ran across masked boilerplate or a repeated body: not one statement of the text
                log.warning("dropped a statement across masked text in %s at %d", article.name, s.start)
        return sorted((in_source_text(s, article.text_offset) for s in kept), key=lambda s: (s.start, s.end))

    # -- streams ----------------------------------------------------------------------------------
    def extract_articles(self, articles: Iterable[Article | Any]) -> Iterator[ArticleResult]:
        """Parse and finish articles, streaming, in input order. Cached articles are not parsed again;
        with ``workers > 1`` batches go to worker processes (each loads the pipeline once). Items that
        are read failures (:class:`quotegraph.extract.reading.articles.ReadFailure`) pass through as failed
        or skipped results."""
        pool = self._pool() if self.workers > 1 else None
        pending: deque[tuple[list[Any], list[str | None], dict[int, list[Statement]], Any]] = deque()
        try:
            for batch in _batched(articles, self.batch_size):
                keys, cached = self._cached(batch)
                todo = [a for i, a in enumerate(batch) if i not in cached and isinstance(a, Article)]
                work = pool.submit(_work, todo) if pool is not None else self._process(todo)
                pending.append((batch, keys, cached, work))
                while pending and (pool is None or len(pending) > 2 * self.workers):
                    yield from self._emit(*pending.popleft())
            while pending:
                yield from self._emit(*pending.popleft())
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _pool(self) -> Any:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            self.workers, mp_context=mp.get_context("spawn"), initializer=_init_worker, initargs=(self.options,)
        )

    def _cached(self, batch: list[Article]) -> tuple[list[str | None], dict[int, list[Statement]]]:
        keys: list[str | None] = [None] * len(batch)
        cached: dict[int, list[Statement]] = {}
        if self.cache is not None:
            from quotegraph.extract.cache import article_key

            for i, article in enumerate(batch):
                if not isinstance(article, Article):
                    continue
                keys[i] = article_key(article, self.config_key)
                hit = self.cache.get(keys[i])
                if hit is not None:
                    cached[i] = hit
        return keys, cached

    def _process(self, todo: list[Article]) -> list[tuple[FileOutcome, list[Statement]]]:
        """Parse and finish a batch; a long article is read section by section (:meth:`_process_long`)."""
        long = {i for i, a in enumerate(todo) if len(a.text) > self.long_article_chars}
        usual = [a for i, a in enumerate(todo) if i not in long]
        done: list[tuple[FileOutcome, list[Statement]]] = []
        titles = self._parse_titles(usual)
        for doc, title_doc, article in zip(self._parse(usual), titles, usual, strict=True):
            if isinstance(doc, Exception):
                done.append((_outcome(article, "failed", f"parse failed: {type(doc).__name__}: {doc}"), []))
            else:
                result = self._result(doc, article, title_doc)
                if len(result.statements) > self.max_article_statements:
                    done.append((_outcome(article, "skipped", self._too_many(len(result.statements))), []))
                else:
                    done.append((result.outcome, result.statements))
        it = iter(done)
        return [self._process_long(a) if i in long else next(it) for i, a in enumerate(todo)]

    def _process_long(self, article: Article) -> tuple[FileOutcome, list[Statement]]:
        """A long article, parsed in paragraph-aligned sections of at most ``section_chars`` characters,
        one at a time, so that memory stays bounded by a section and not by the article. Over
        ``max_article_chars`` or ``article_timeout`` seconds the article is skipped, with the reason."""
        if len(article.text) > self.max_article_chars:
            reason = f"article of {len(article.text):,} characters, over the limit of {self.max_article_chars:,}"
            return _outcome(article, "skipped", reason), []
        began = time.monotonic()
        statements: list[Statement] = []
        sections = list(sections_of(article, self.section_chars))
        for n, (start, section) in enumerate(sections, 1):
            if time.monotonic() - began > self.article_timeout:
                reason = (
                    f"not finished in {self.article_timeout:g} s (section {n} of {len(sections)}); "
                    "raise the article time limit to read it"
                )
                return _outcome(article, "skipped", reason), []
            try:
                doc = self.nlp(section.body)
            except Exception as err:
                log.exception("parsing failed on %s (section %d)", article.name, n)
                return _outcome(article, "failed", f"parse failed: {type(err).__name__}: {err}"), []
            title_doc = self._parse_titles([section])[0] if n == 1 else None
            result = self._result(doc, section, title_doc)
            if result.outcome.status != "read":
                return result.outcome, []
            statements.extend(s.moved(start) for s in result.statements)
            if len(statements) > self.max_article_statements:
                reason = f"{self._too_many(len(statements))} (after section {n} of {len(sections)})"
                return _outcome(article, "skipped", reason), []
        statements = [in_source_text(s, article.text_offset) for s in statements]
        log.info("read %s in %d sections (%.1f s)", article.name, len(sections), time.monotonic() - began)
        return _outcome(article, "read", None, statements), statements

    def _too_many(self, count: int) -> str:
        return (
            f"{count:,} statements, over the limit of {self.max_article_statements:,} for one article; "
            "raise the statement limit to read it"
        )

    def _emit(
        self, batch: list[Article], keys: list[str | None], cached: dict[int, list[Statement]], work: Any
    ) -> Iterator[ArticleResult]:
        done = iter(work.result() if hasattr(work, "result") else work)
        for i, article in enumerate(batch):
            if not isinstance(article, Article):  # a read failure: reported in its place
                yield ArticleResult(FileOutcome(str(article.path), article.name, article.status, article.reason))
                continue
            if i in cached:
                yield ArticleResult(
                    replace(_outcome(article, "read", None, cached[i]), cached=True), article, cached[i]
                )
                continue
            outcome, statements = next(done)
            fell_back = self.stance is not None and self.stance.fell_back(statements)
            if self.cache is not None and outcome.status == "read" and keys[i] is not None and not fell_back:
                self.cache.put(keys[i], statements)
            yield ArticleResult(outcome, article, statements)

    def _parse(self, batch: list[Article]) -> list[Doc | Exception]:
        """Parse a batch; if the parser fails on it, parse one article at a time."""
        try:
            return list(self.nlp.pipe((a.body for a in batch), batch_size=self.batch_size))
        except Exception:
            docs: list[Doc | Exception] = []
            for article in batch:
                try:
                    docs.append(self.nlp(article.body))
                except Exception as err:
                    log.exception("parsing failed on %s", article.name)
                    docs.append(err)
            return docs

    def _parse_titles(self, batch: list[Article]) -> list[Doc | None]:
        """The titles of a batch, parsed on their own (a title that fails to parse is left out)."""
        from quotegraph.extract.attribution.headline import title_span

        spans = [title_span(a) for a in batch]
        texts = [a.text[s[0] : s[1]] for a, s in zip(batch, spans, strict=True) if s is not None]
        try:
            docs = iter(list(self.nlp.pipe(texts, batch_size=self.batch_size)))
        except Exception:
            log.exception("parsing the titles of a batch failed")
            return [None] * len(batch)
        return [next(docs) if s is not None else None for s in spans]

    def _result(self, doc: Doc, article: Article, title_doc: Doc | None = None) -> ArticleResult:
        error = doc.user_data.get(ERROR_KEY)
        if error:
            return ArticleResult(_outcome(article, "failed", f"extraction failed: {error}"), article)
        try:
            statements = self.finish(doc, article, title_doc)
        except Exception as err:  # one article's failure must not stop the batch
            log.exception("post-processing failed on %s", article.name)
            return ArticleResult(_outcome(article, "failed", f"{type(err).__name__}: {err}"), article)
        return ArticleResult(_outcome(article, "read", None, statements), article, statements)

    def extract_paths(
        self, paths: Iterable[str | Path], *, on_item: Callable[[], None] | None = None
    ) -> Iterator[ArticleResult]:
        """Read files and folders and extract, streaming.

        Parameters
        ----------
        paths : iterable of str or Path
            Files (``.txt``, ``.html``, ``.json``, ``.jsonl``) and folders of them.
        on_item : callable, optional
            Called once per input read (a progress bar's tick).

        Yields
        ------
        ArticleResult
            One per input, in input order: its outcome (read, skipped or failed, and why) and statements.
        """
        from quotegraph.extract.reading.articles import read_all

        def items() -> Iterator[Any]:
            for item in read_all(paths):
                if on_item:
                    on_item()
                yield item

        yield from self.extract_articles(items())


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
        article_id=article.article_id or None,
    )
