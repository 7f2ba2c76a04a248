"""Replies: a statement that answers someone else's ("Peskov said this regarding the words of
Stoltenberg", "The new statements by Stoltenberg «are personal opinions»").

A plain function over the ``Doc``: it sets ``replies_to_name`` to the name of the person answered (the
fullest form the article gives) and ``replies_to_speaker`` to its key (made canonical by the entity
resolver); :func:`quotegraph.graph.merge.merge_statements` later sets ``replies_to`` to the answered
statement's id when that statement is known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from quotegraph.extract.lookup import doc_text, sent_of
from quotegraph.extract.model import Statement, entity_key
from quotegraph.extract.text import resource_yaml, surname
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _config() -> tuple[tuple[re.Pattern[str], ...], int]:
    data = resource_yaml("replies.yaml")
    return tuple(re.compile(t, re.I) for t in data["triggers"]), int(data.get("window", 14))


def find_reply_targets(doc: Doc, statements: Sequence[Statement]) -> list[Statement]:
    """Set the answered speaker on statements whose sentences say whom they answer."""
    triggers, window = _config()
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    fullest: dict[str, str] = {}
    for e in persons:
        key = surname(e.text)
        name = e.text.replace("’s", "").replace("'s", "").strip()
        if len(name) > len(fullest.get(key, "")):
            fullest[key] = name
    # a surname the tagger called an organisation ("the words of Stoltenberg") still names the person
    persons = sorted(
        persons + [e for e in doc.ents if e.label_ in ("ORG", "GPE") and surname(e.text) in fullest],
        key=lambda e: e.start,
    )
    out = []
    for s in statements:
        if s.replies_to_speaker:
            out.append(s)
            continue
        points = [s.start, max(s.start, s.end - 1)]
        if s.cue_start is not None:
            points.append(s.cue_start)
        span = doc.char_span(min(points), max(points) + 1, alignment_mode="expand")
        if span is None or not len(span):
            out.append(s)
            continue
        first, last = sent_of(span[0]), sent_of(span[-1])
        start_char, end_char = first.start_char, last.end_char
        context = doc_text(doc)[start_char:end_char]
        speaker_key = surname(s.speaker or "")
        target = None
        for trigger in triggers:
            for m in trigger.finditer(context):
                pos = start_char + m.end()
                after = (
                    [
                        e
                        for e in persons
                        if pos <= e.start_char < end_char
                        and e.start - doc.char_span(pos, pos + 1, alignment_mode="expand").start <= window
                    ]
                    if doc.char_span(pos, pos + 1, alignment_mode="expand") is not None
                    else []
                )
                for e in after:
                    key = surname(e.text)
                    if key and key != speaker_key:
                        target = fullest.get(key, e.text)
                        break
                if target:
                    break
            if target:
                break
        out.append(replace(s, replies_to_speaker=entity_key(target, "person"), replies_to_name=target) if target else s)
    return out
