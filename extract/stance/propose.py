"""Topics proposed from the corpus when the analyst gives no topics file.

Key phrases are noun chunks (spaCy), cut to their content words: determiners, pronouns, numbers,
dates, names of people and generic nouns (``resources/topic_generic.txt``) never make a phrase, and a
reporting verb is never a noun chunk. Phrases are scored by how many texts use them, weighted by how
specific they are (an IDF over the same corpus), longer phrases first. A theme is seeded by the best
phrase of two or more words and takes the phrases that contain it or that it contains and those used by
the same texts (Jaccard over the texts); each theme becomes a topic with a label (its seed), a draft
proposition to edit and its phrases as keywords. Role nouns (``resources/roles.yaml``) are people, not
topics.
"""

from __future__ import annotations

import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, word_list
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

PROPOSED_FILE = "topics.proposed.yaml"
_SKIP_ENTS = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_CONTENT_POS = {"NOUN", "PROPN", "ADJ"}
_PARSE_PIPES = {
    "tok2vec",
    "transformer",
    "tagger",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
    "ner",
}
_JOIN = 0.3  # Jaccard of the texts two phrases appear in, to share a theme


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    return frozenset(word_list("topic_generic.txt"))


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Head words of the role nouns of ``resources/roles.yaml``: a role stands for a person, not a topic."""
    from quotegraph.extract.speakers.mentions import roles_data

    return frozenset(str(r).lower().replace("-", " ").split()[-1] for r in roles_data()["roles"])


def _keep(tok: Token) -> bool:
    low = tok.lower_
    return (
        tok.pos_ in _CONTENT_POS
        and tok.is_alpha
        and len(low) > 2
        and low not in STOP_WORDS
        and low not in generic_nouns()
        and tok.ent_type_ not in _SKIP_ENTS
    )


def _phrase(chunk: Span) -> tuple[str, str] | None:
    """(phrase, head lemma) of a noun chunk, or None when nothing topical is left."""
    root = chunk.root
    if root.pos_ not in ("NOUN", "PROPN") or not _keep(root) or root.lemma_.lower() in role_nouns():
        return None
    words = [t for t in chunk if t.i <= root.i]
    # the phrase is the unbroken run of content words ending at the root
    start = len(words) - 1
    while start > 0 and _keep(words[start - 1]):
        start -= 1
    words = words[start:]
    if root.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in words):
        return None  # a bare name (a place or organisation) is a setting or a speaker, not a topic
    # the singular when it is the written word cut short ("immigrants"); else as written ("taxes" is
    # no "taxis", "media" no "medium")
    lemma = root.lemma_.lower()
    head = lemma if root.lower_.startswith(lemma) else root.lower_
    text = " ".join(t.lower_ for t in words[:-1]) + (" " if len(words) > 1 else "") + head
    return text, head


def phrases(doc: Doc) -> set[tuple[str, str]]:
    """The key phrases of one parsed text, with their head lemmas."""
    out = set()
    for chunk in doc.noun_chunks:
        found = _phrase(chunk)
        if found:
            out.add(found)
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def propose_from_docs(docs: Iterable[Doc], *, n: int = 8) -> list[Topic]:
    """Up to ``n`` topics from parsed texts (statements or articles)."""
    where: dict[str, set[int]] = defaultdict(set)
    total = 0
    for i, doc in enumerate(docs):
        total += 1
        for text, _head in phrases(doc):
            where[text].add(i)
    if not total:
        return []
    least = 2 if total > 2 else 1
    score = {}
    for text, docs_in in where.items():
        df = len(docs_in)
        if df < least:
            continue
        idf = math.log((1 + total) / (1 + df)) + 1
        score[text] = df * idf * (1 + text.count(" "))
    # a theme is seeded by the best phrase of two or more words not yet taken (one-word phrases are too
    # general to be a topic alone: "campaign", "money"); it takes the phrases that contain it or that it
    # contains ("private email server", "email server") and those used by the same texts
    order = sorted(score, key=lambda t: (-score[t], t))
    taken: set[str] = set()
    topics: list[Topic] = []
    for seed in order:
        if len(topics) >= n:
            break
        if seed in taken or " " not in seed:
            continue
        padded = f" {seed} "
        theme = [seed]
        theme += [t for t in order if t not in taken and t != seed and (f" {t} " in padded or padded.strip() in t)]
        seed_docs = set().union(*(where[t] for t in theme))
        for other in order[:400]:
            if other in taken or other in theme:
                continue
            inter = len(where[other] & seed_docs)
            if inter and inter / len(where[other] | seed_docs) >= _JOIN:
                theme.append(other)
        taken.update(t for t in theme if " " in t)
        label = seed
        # one-word parts ("change" of "climate change") would match anything: keywords are phrases
        keywords = tuple(dict.fromkeys([label, *(t for t in theme if " " in t)]))[:8]
        topics.append(
            Topic(
                id=f"proposed-{_slug(label)}",
                label=label,
                proposition=f"More should be done about {label} (draft: edit into the claim to measure).",
                keywords=keywords,
            )
        )
    return topics


def propose_topics(texts: Sequence[str], *, n: int = 8, nlp: Language | None = None) -> list[Topic]:
    """Up to ``n`` topics from ``texts``, parsed with ``nlp`` (the default model when None)."""
    if not texts:
        return []
    if nlp is None:
        from quotegraph.extract.nlp import load_base

        nlp = load_base()
    parsing = [p for p in nlp.pipe_names if p in _PARSE_PIPES]
    with nlp.select_pipes(enable=parsing):
        return propose_from_docs(nlp.pipe(texts, batch_size=256), n=n)


def topics_yaml(topics: Sequence[Topic]) -> str:
    """Topics as a topics file (the format :func:`quotegraph.extract.stance.topics.load_topics` reads)."""
    data: dict[str, Any] = {
        "topics": [
            {"id": t.id, "label": t.label, "proposition": t.proposition, "keywords": list(t.keywords)} for t in topics
        ]
    }
    header = "# Proposed topics (quotegraph propose-topics): edit the propositions before using them.\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write_proposed(topics: Sequence[Topic], path: str | Path) -> Path:
    from quotegraph.extract.atomic import atomic_write

    path = Path(path)
    with atomic_write(path) as f:
        f.write(topics_yaml(topics))
    return path
