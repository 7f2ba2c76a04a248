"""What a topic's proposition says, read once per topic: whether it accuses or proposes, whether it prescribes
a remedy, what it wants gone, and the words by which it names its matter. Nothing here names a topic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quotegraph.extract.stance.lexicon import NAME_WORD, WORD, content_terms, joined_terms, lexicon, polarity
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, fold

NEUTRAL_PROPOSITION = 0.05
"""A proposition this close to 0 reads as positive (an aim to pursue: "X should be renewed")."""
CLAUSE_BREAK = re.compile(r"[;:]\s+|[.!?]\s+|,?\s+\b(?:but|while|whereas|although|though|yet)\b\s+", re.I)
"""Where a quote's clauses part: sentence ends, semicolons and colons, and contrast ("but", "while")."""
OBJECT_BREAK = frozenset(
    {"and", "or", "that", "which", "who", "to", "with", "by", "for", "in", "from", "so", "as", "because", "while", "at"}
)
"""Words that end the object of a removing verb in a proposition ("closing the loopholes | that benefit them")."""
MAX_OBJECT = 4
"""Words after a removing verb read as its object at most."""


def words_of(texts: Sequence[str]) -> frozenset[str]:
    """The folded words of ``texts``."""
    return frozenset(w for text in texts for w in WORD.findall(fold(text)))


def without(text: str, words: frozenset[str]) -> str:
    """``text`` with the words of ``words`` (folded) left out."""
    return re.sub(r"[\w']+", lambda m: "" if fold(m.group(0)) in words else m.group(0), text)


@lru_cache(maxsize=256)
def topic_terms(topic: Topic) -> frozenset[str]:
    """The stemmed content terms of the topic's proposition, label and keywords."""
    return frozenset(content_terms(" ".join((topic.proposition, topic.label, *topic.keywords))))


@lru_cache(maxsize=256)
def topic_words(topic: Topic) -> frozenset[str]:
    """The words of the topic's label and keywords: they name the matter, they do not evaluate it."""
    return words_of((topic.label, *topic.keywords))


def without_topic_words(text: str, topic: Topic) -> str:
    """``text`` without the words of the topic's label and keywords: what is left evaluates ("cut" in
    "cut income tax" names the matter, it is no negative word here)."""
    return without(text, topic_words(topic))


@lru_cache(maxsize=256)
def accuses(topic: Topic) -> bool:
    """The proposition's own evaluation is negative: it accuses or warns ("X demeaned women", "... is a
    serious threat", "... reflect racial bias"), so blame and negative evaluation agree with it and praise
    disagrees; none either way reads as a proposal ("X should be renewed"). Read without the words of the
    keywords, which name the matter ("cut" in "cut income tax"), but with the label's ("biased"), and without
    the words that name a thing in political news ("national security")."""
    return polarity(without(topic.proposition, words_of(topic.keywords) | lexicon().referential)) < -NEUTRAL_PROPOSITION


@lru_cache(maxsize=256)
def prescribes(topic: Topic) -> bool:
    """The proposition prescribes a remedy ("... should fight it", "... must be confronted and reformed"):
    praise in a quote may be of the remedy, not of what the proposition blames."""
    text = f" {' '.join(WORD.findall(fold(topic.proposition)))} "
    return any(f" {w} " in text for w in lexicon().prescriptive)


@lru_cache(maxsize=256)
def removed_words(topic: Topic) -> frozenset[str]:
    """The words of what the proposition wants gone: the object after a removing verb ("closing the loopholes
    that benefit them" -> loopholes, loophole; "repeal the Affordable Care Act" -> affordable, care, act)."""
    out: set[str] = set()
    for clause in re.split(r"[,;:.()]", fold(topic.proposition)):
        words = f" {' '.join(WORD.findall(clause))} "
        for verb in lexicon().removing:
            at = words.find(f" {verb} ")
            if at < 0:
                continue
            for taken, w in enumerate(words[at + len(verb) + 2 :].split()):
                if w in OBJECT_BREAK or taken == MAX_OBJECT:
                    break
                if w not in STOP_WORDS:
                    out.update((w, w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w))
    return frozenset(out)


@lru_cache(maxsize=256)
def target_words(topic: Topic) -> frozenset[str]:
    """The words by which a topic names whom and what it is about (proposition, label and keywords)."""
    texts = (topic.proposition, topic.label, *topic.keywords)
    return frozenset(w for text in texts for w in NAME_WORD.findall(fold(text)) if w not in STOP_WORDS and w != "s")


def averted(quote: str, topic: Topic) -> list[str]:
    """The averting verbs of ``quote`` (folded) whose clause, after the verb, names one of the topic's
    keyword phrases: "to prevent this war from turning into a war between Russia and NATO"."""
    lex = lexicon()
    keywords = [kt for kt in (joined_terms(kw) for kw in topic.keywords) if kt]
    out = []
    for clause in CLAUSE_BREAK.split(quote):
        words = f" {' '.join(WORD.findall(clause))} "
        for verb in lex.averting:
            at = words.find(f" {verb} ")
            if at >= 0 and any(f" {kt} " in f" {joined_terms(words[at:])} " for kt in keywords):
                out.append(verb)
    return out
