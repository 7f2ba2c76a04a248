"""Topics proposed from the corpus when the analyst gives no topics file.

Key phrases (noun chunks scored TF-IDF-style against the corpus) are grouped when they share a head
word; each group becomes a topic with a neutral proposition, so a new corpus can be explored at once.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from quotegraph.extract.stance.rules import stem
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, fold

_WORD = re.compile(r"[a-z][a-z\-]+")


def _phrases(text: str, max_len: int = 3) -> list[str]:
    words = _WORD.findall(fold(text))
    out = []
    for n in range(1, max_len + 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if gram[0] in STOP_WORDS or gram[-1] in STOP_WORDS or any(len(w) < 3 for w in gram):
                continue
            out.append(" ".join(gram))
    return out


def _name_words(texts: Sequence[str]) -> set[str]:
    """Words written capitalised inside sentences more often than not: names, not topics."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for m in re.finditer(r"(?<=[a-z,;] )([A-Za-z][a-z\-]+)", text):
            word = m.group(1)
            (upper if word[0].isupper() else lower)[word.lower()] += 1
    return {w for w, c in upper.items() if c > lower[w]}


def propose_topics(texts: Sequence[str], *, n: int = 8) -> list[Topic]:
    """Up to ``n`` topics from ``texts`` (statements or articles); names of people and places are
    left out (they are speakers and settings, not topics)."""
    if not texts:
        return []
    names = _name_words(texts)
    df: Counter[str] = Counter()
    tf: Counter[str] = Counter()
    for text in texts:
        grams = _phrases(text)
        tf.update(grams)
        df.update(set(grams))
    docs = len(texts)
    scores = {}
    for gram, count in tf.items():
        if df[gram] < 2 and docs > 2:
            continue
        if any(w in names for w in gram.split()):
            continue
        idf = math.log((1 + docs) / (1 + df[gram])) + 1
        scores[gram] = count * idf * (1 + 0.6 * gram.count(" "))
    groups: dict[str, list[str]] = defaultdict(list)
    for gram in sorted(scores, key=lambda g: (-scores[g], g)):
        head = stem(gram.split()[-1])
        if len(groups[head]) < 6:
            groups[head].append(gram)
    ranked = sorted(groups.items(), key=lambda kv: -sum(scores[g] for g in kv[1]))
    topics = []
    for _head, grams in ranked[:n]:
        label = max(grams, key=lambda g: (scores[g], len(g)))
        topics.append(
            Topic(
                id=f"proposed-{re.sub(r'[^a-z0-9]+', '-', label).strip('-')}",
                label=label,
                proposition=f"{label} (proposed topic; stance is toward what the statement says about it)",
                keywords=tuple(grams),
            )
        )
    return topics
