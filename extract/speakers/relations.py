"""A relative or partner the article named speaks under that description: "Her husband, Walt Chernenko,
escaped through a window ... 'She was everything to me,' her husband said" (Walt Chernenko), "the son said"
after "their son, Eli Marsh, ..."; the nouns are ``resources/roles.yaml`` ``relation_nouns``."""

from __future__ import annotations

from functools import lru_cache

from quotegraph.extract.speakers.mentions import Mention, roles_data

__all__ = ["relation_nouns", "relative_words"]

_POSSESSIVE = frozenset({"her", "his", "their", "the"})


@lru_cache(maxsize=1)
def relation_nouns() -> frozenset[str]:
    """Nouns for a relative or partner (``resources/roles.yaml`` ``relation_nouns``)."""
    return frozenset(w.lower() for w in roles_data().get("relation_nouns") or ())


def relative_words(mention: Mention) -> str | None:
    """"the <noun>" for a mention "her husband", "his daughter", "the son" (a relation noun after a possessive
    or "the"), the description the article gave its named person with; None for anything else."""
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] not in _POSSESSIVE or words[1] not in relation_nouns():
        return None
    return f"the {words[1]}"
