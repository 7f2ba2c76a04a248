"""A speaker's camp: whom a proposition names, and whether the speaker is that person or speaks for them.

Someone a proposition accuses ("Clinton's health problems are serious", "Trump is wrong to keep his returns
secret"), and those who speak for them (their campaign, spokesman, aides, surrogates), defend them: they oppose
it. Someone it names as wronged ("the media are biased against Trump") and their camp support it. Used when
nothing in a quote decides (weak evidence, recorded as such); nothing names a topic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quotegraph.extract.model import Statement
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, fold, surname

_NAME = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)")
_WRONGED_BEFORE = frozenset({"against", "toward", "towards", "to", "on"})
"""Words right before a name that make it the one wronged ("biased against Trump", "unfair to her")."""
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=256)
def named_people(topic: Topic) -> tuple[tuple[str, bool], ...]:
    """The surnames of the names in the topic's proposition, each with True when the proposition names
    them as wronged (the object of "against", "to", "on"), False when as its subject or possessor."""
    text = topic.proposition
    found: list[tuple[str, bool]] = []
    for m in _NAME.finditer(text):
        words = m.group(1).split()
        if len(words) < 2 or fold(words[0]) in STOP_WORDS:
            continue  # a person is named by at least two words ("Hillary Clinton"); "Climate change" is no one
        before = _WORD.findall(fold(text[: m.start()]))[-2:]
        wronged = any(w in _WRONGED_BEFORE for w in before)
        key = fold(surname(m.group(1)))
        if key and all(k != key for k, _ in found):
            found.append((key, wronged))
    return tuple(found)


def camp_stance(
    statement: Statement, topic: Topic, accusing: bool, camp_nouns: frozenset[str]
) -> tuple[str, str] | None:
    """The stance of a speaker who is, or speaks for, someone ``topic`` names: (stance, evidence), or None."""
    people = named_people(topic)
    if not people:
        return None
    speaker = fold(statement.speaker or "")
    mention = fold(" ".join(x for x in (statement.speaker_mention, statement.speaker_role, statement.speaker_org) if x))
    mention_words = set(_WORD.findall(mention))
    camp = bool(mention_words & camp_nouns) or any(" " in n and n in mention for n in camp_nouns)
    for key, wronged in people:
        own = speaker and fold(surname(statement.speaker or "")) == key
        ally = camp and key in mention_words
        if not (own or ally):
            continue
        who = "the speaker is" if own else "the speaker speaks for"
        if wronged:
            return "support", f"{who} the one it names as wronged ({key})"
        if accusing:
            return "oppose", f"{who} the one it accuses ({key})"
        return "support", f"{who} the one it names ({key})"
    return None
