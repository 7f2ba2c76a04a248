"""Cheap look-ups on a parsed ``Doc`` for the stages. spaCy's ``Doc.text`` joins every token again on
each access, ``Token.sent`` walks the whole document and ``Span.ents`` every entity; here each is
computed once per ``Doc`` (kept in ``doc.user_data`` until :func:`forget`), so a stage can ask for
them per statement without an O(document) cost each time."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TypeVar

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

_TEXT = "quotegraph_text"
_STARTS = "quotegraph_sentence_starts"
_ENTS = "quotegraph_ents"
_ENT_STARTS = "quotegraph_ent_starts"
_MEMO = "quotegraph_memo"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, computed once."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = [s.start for s in doc.sents] or [0]
    return starts


def sent_of(token: Token) -> Span:
    """The sentence that holds ``token`` (the same span as ``token.sent``)."""
    doc = token.doc
    starts = _sentence_starts(doc)
    k = max(0, bisect_right(starts, token.i) - 1)
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k] : end]


def sentences_to(doc: Doc, char: int) -> int:
    """How many sentences of ``doc`` start at or before char offset ``char`` (the number of the sentence
    that holds it, counting from 1)."""
    return bisect_right(_sentence_starts(doc), char, key=lambda i: doc[i].idx if i < len(doc) else 0)


RECORD = "quotegraph_record"
"""The ``doc.user_data`` key that marks a ``Doc`` as one record judged on its own (``quotegraph stance``): no
article, no speaker around it."""


def mark_record(doc: Doc) -> Doc:
    """Mark ``doc`` as a record (:data:`RECORD`)."""
    doc.user_data[RECORD] = True
    return doc


def is_record(doc: Doc | None) -> bool:
    """``doc`` is a record judged on its own (:func:`mark_record`)."""
    return doc is not None and bool(doc.user_data.get(RECORD))


def forget(doc: Doc) -> None:
    """Drop what was kept in ``doc.user_data`` (so a saved ``Doc`` does not carry its text twice)."""
    for key in (_TEXT, _STARTS, _ENTS, _ENT_STARTS, _MEMO):
        doc.user_data.pop(key, None)


def memo(doc: Doc, name: str, make: Callable[[Doc], T]) -> T:
    """``make(doc)``, made once per ``name`` and ``Doc`` (kept until :func:`forget`)."""
    store = doc.user_data.setdefault(_MEMO, {})
    if name not in store:
        store[name] = make(doc)
    return store[name]


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")``, made once per offsets (kept until :func:`forget`:
    the stance stage reads one quote in several places)."""
    spans = doc.user_data.setdefault(_MEMO, {}).setdefault("span_tokens", {})
    span = spans.get((start, end), False)
    if span is False:
        span = spans[start, end] = doc.char_span(start, end, alignment_mode="expand")
    return span


def span_tokens(doc: Doc, start: int, end: int) -> tuple[Span | None, list[Token]]:
    """:func:`span_of` and a fresh list of its tokens. The tokens are not kept: a few Token objects per word of
    every quote, alive until the article is done, cost the garbage collector more than making them again."""
    span = span_of(doc, start, end)
    return span, list(span) if span is not None else []


@lru_cache(maxsize=64)
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """The ids ``doc.vocab.strings`` gives ``words`` (what ``Token.lower``, ``Token.dep`` hold): a word's id is
    read without making its string (``Token.lower_``) and compared with these."""
    return frozenset(get_string_id(w) for w in words)


def doc_ents(doc: Doc) -> list[Span]:
    """``doc.ents``, made once (spaCy builds every entity span anew on each read)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = list(doc.ents)
        doc.user_data[_ENT_STARTS] = [e.start for e in ents]
    return ents


def persons_before(token: Token, sentences: int) -> Iterator[Span]:
    """The PERSON entities that end before ``token`` in its sentence and the ``sentences - 1`` before it,
    nearest first."""
    doc = token.doc
    starts = _sentence_starts(doc)
    first = starts[max(0, bisect_right(starts, token.i) - 1)]  # sent_of(token).start, without the span
    for _ in range(sentences - 1):
        if first == 0:
            break
        first = starts[max(0, bisect_right(starts, first - 1) - 1)]
    persons, ends = memo(doc, "persons", _persons)
    return _back_to(persons, bisect_right(ends, token.i), first)


def _persons(doc: Doc) -> tuple[list[Span], list[int]]:
    """``doc``'s PERSON entities in order, and where each ends (entities do not overlap: the ends are in order)."""
    persons = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
    return persons, [e.end for e in persons]


def _back_to(persons: list[Span], before: int, first: int) -> Iterator[Span]:
    """``persons[:before]`` from the last back, while they start at or after token ``first``."""
    for k in range(before - 1, -1, -1):
        if persons[k].start < first:
            return
        yield persons[k]


def ents_in(span: Span) -> list[Span]:
    """The entities wholly inside ``span`` (the same as ``span.ents``, which walks every entity of the
    document on each call)."""
    ents = doc_ents(span.doc)
    starts = span.doc.user_data[_ENT_STARTS]
    out = []
    for k in range(bisect_left(starts, span.start), len(ents)):
        if ents[k].start >= span.end:
            break
        if ents[k].end <= span.end:
            out.append(ents[k])
    return out
