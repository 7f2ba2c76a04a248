"""Stance of statements someone already has, without extraction: ``quotegraph stance RECORDS.jsonl``.

A record is one JSON object with ``id``, ``text`` and ``topic`` (an object in the topics-file format, or
the id of a topic of a topics file); any other field is ignored. Each text is parsed with the spaCy
pipeline (batched, :meth:`spacy.language.Language.pipe`) so that the rules read it as they read a quote in
an article, and judged by the same backends as an extraction (a model backend that fails on a record is
answered by the rules). The answer for each record: ``id``, ``stance`` (support, oppose, neutral, or None
when undetermined), ``confidence`` and ``evidence``. A text that does not mention its topic at all
(:func:`quotegraph.extract.stance.aboutness.mentions`) is neutral, "does not mention the topic" (the rule
``records_gate`` of ``resources/topic_match.yaml``; ``gate=False`` judges it as any other).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from quotegraph.extract.lookup import mark_record
from quotegraph.extract.model import Statement
from quotegraph.extract.stance.topics import Topic, TopicsFileError, parse_topics
from quotegraph.extract.text import lower_case, sentence_case, shouting, title_case

log = logging.getLogger(__name__)

BATCH = 256
"""Texts parsed per :meth:`Language.pipe` batch."""
MAX_TEXT_CHARS = 20_000
"""A record's text beyond this many characters is not read: a statement is a quote or a comment, and a
megabyte of text would take minutes and gigabytes to parse for one judgement. The text is cut at the last
whitespace before the limit and the answer's evidence says so."""
CUT_EVIDENCE = "judged on the first {kept} of {total} characters"


class RecordError(ValueError):
    """A record that cannot be judged (no text, no topic, an unknown topic id)."""


def record_topic(record: Mapping[str, Any], topics: Mapping[str, Topic], line: int) -> Topic:
    """The topic of a record: its ``topic`` object, or the topic of ``topics`` its ``topic`` names."""
    given = record.get("topic")
    if isinstance(given, Mapping):
        try:
            return parse_topics({"topics": [dict(given)]}, f"record {line}")[0]
        except TopicsFileError as err:
            raise RecordError(str(err)) from None
    if isinstance(given, str) and given in topics:
        return topics[given]
    if isinstance(given, str):
        raise RecordError(f"record {line}: topic {given!r} is in no topics file (give --topics)")
    raise RecordError(f"record {line}: no topic (an object with id and proposition, or a topic id)")


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file (blank lines skipped)."""
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                raise RecordError(f"{path}: line {n} is not UTF-8 text") from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise RecordError(f"{path}: line {n} is not JSON: {err.msg}") from None
            if not isinstance(record, dict):
                raise RecordError(f"{path}: line {n} is not a JSON object")
            yield record


def cut_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """``text`` up to ``limit`` characters, cut at the last whitespace before it (or at the limit)."""
    if len(text) <= limit:
        return text
    space = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit))
    return text[: space if space > limit // 2 else limit].rstrip()


def record_item(record: Mapping[str, Any], topics: Mapping[str, Topic], line: int) -> tuple[Statement, Topic, str]:
    """A record as (statement, topic, context): the whole text is the quote and its own context."""
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError(f"record {line}: no text")
    text = cut_text(text)
    if title_case(text):  # a headline in title case: parsed as a string of names otherwise
        text = sentence_case(text)
    elif shouting(text):  # a post in capitals: the same
        text = lower_case(text)
    statement = Statement(article=str(record.get("id", line)), quote=text, start=0, end=len(text), kind="direct")
    return statement, record_topic(record, topics, line), text


def parse_records(nlp: Any, texts: Iterable[str], batch_size: int = BATCH) -> Iterator[Any]:
    """The parses of records' texts, each marked as a record judged on its own
    (:func:`~quotegraph.extract.lookup.mark_record`)."""
    return map(mark_record, nlp.pipe(texts, batch_size=batch_size))


def judge_records(
    records: Iterable[Mapping[str, Any]],
    topics: Sequence[Topic] = (),
    *,
    backend: str = "rules",
    model: str | None = None,
    nlp: Any = None,
    batch_size: int = BATCH,
    gate: bool = True,
    **backend_options: Any,
) -> list[dict[str, Any]]:
    """Judge each record's ``text`` on its topic; one answer a record, in order.

    Parameters
    ----------
    records
        Objects with ``id``, ``text`` and ``topic`` (a topics-file object or a topic id of ``topics``).
    topics
        Topics that records may name by id.
    backend, model
        The stance backend (``rules``, ``nli``, ``llm`` or a versioned name) and its model.
    nlp
        A loaded spaCy pipeline (default: the best installed one, without the attribution component).
    gate
        A text that does not mention its topic is neutral ("does not mention the topic"; the rule
        ``records_gate`` of ``resources/topic_match.yaml`` says for which backends); False: judged as any.

    Returns
    -------
    list of dict
        ``{"id", "stance", "confidence", "evidence"}`` per record.
    """
    from quotegraph.extract.nlp import load_base
    from quotegraph.extract.stance import StanceAssigner

    by_id = {t.id: t for t in topics}
    rows = list(records)
    items = [record_item(record, by_id, n) for n, record in enumerate(rows, 1)]
    options = dict(backend_options)
    if model:
        options["model"] = model
    assigner = StanceAssigner([], backend=backend, **options)
    nlp = nlp if nlp is not None else load_base()
    out: list[dict[str, Any]] = []
    cut = 0
    for at in range(0, len(items), batch_size):
        chunk = items[at : at + batch_size]
        docs = parse_records(nlp, (s.quote for s, _, _ in chunk), batch_size)
        judged = assigner.judge([(s, t, text, doc) for (s, t, text), doc in zip(chunk, docs, strict=True)], gate)
        for record, (s, _, _), ts in zip(rows[at : at + batch_size], chunk, judged, strict=True):
            evidence = list(ts.evidence)
            if len(s.quote) < len(record["text"]):
                cut += 1
                evidence.append(CUT_EVIDENCE.format(kept=len(s.quote), total=len(record["text"])))
            out.append({"id": record.get("id"), "stance": ts.stance, "confidence": ts.confidence, "evidence": evidence})
    if cut:
        log.warning("%d records judged on their first %d characters", cut, MAX_TEXT_CHARS)
    return out
