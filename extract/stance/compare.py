"""What a comparison in a quote says of the proposition's matter ("X is more efficient than the death penalty",
"cannabis is less harmful than alcohol", "changes should come from businesses rather than through banning").

The quote is cut at its first "than", "rather than" or "instead of" (within one clause). The comparative before
the cut ("better", "safer", "more efficient", "less harmful": a comparative word with a valence, or "more" or
"less" and an evaluative word) says how the side before the cut fares against the side after it; "rather than"
and "instead of" prefer the side before them when no comparative says otherwise. The side that names the
proposition's matter (its stems, :func:`quotegraph.extract.stance.deontic.matter`) and not the other fares as
the comparative says (before the cut) or the reverse (after it); the proposition's own act ("banning" when it
wants something banned) likewise. Nothing here names a topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotegraph.extract.stance.deontic import matter, motion
from quotegraph.extract.stance.lexicon import CLAUSE_BREAK, WORD, analyzer, folded, stem
from quotegraph.extract.stance.topics import Topic

CUT = re.compile(r"\b(?:rather than|instead of|than)\b")
MORE = {"more": 1.0, "less": -1.0, "fewer": -1.0}
"""Words that raise or lower the evaluative word after them ("less harmful": better)."""
COMPARATIVES = {"better": 1.0, "worse": -1.0, "safer": 1.0, "cheaper": 1.0, "healthier": 1.0, "fairer": 1.0,
                "easier": 1.0, "harder": -1.0, "weaker": -1.0, "stronger": 1.0, "riskier": -1.0, "preferable": 1.0,
                "superior": 1.0, "inferior": -1.0}
"""Comparative words whose valence VADER does not give (its lexicon has the base forms)."""
WINDOW = 6
NOT = frozenset({"no", "not", "never"})
"""Words before the cut in which the comparative stands, at most."""


@dataclass(frozen=True)
class Comparison:
    """How the matter (``on_matter``) or the proposition's act (``on_act``) fares in the quote's comparison:
    +1 better, -1 worse, 0 not named on one side only; with the comparative's words."""

    on_matter: int
    on_act: int
    words: str


def _value(before: list[str]) -> tuple[float, str]:
    """The comparative at the end of ``before``: its direction (+ better, - worse) and words."""
    valences = analyzer().lexicon
    tail = before[-WINDOW:]
    for at in range(len(tail) - 1, -1, -1):
        word = tail[at]
        turn = -1.0 if at > 0 and tail[at - 1] in NOT else 1.0  # "no less vital", "not better"
        if word in COMPARATIVES:
            return turn * COMPARATIVES[word], word
        if word in MORE and at + 1 < len(tail):
            valence = valences.get(tail[at + 1], 0.0)
            if valence:
                return turn * MORE[word] * valence, f"{word} {tail[at + 1]}"
    return 0.0, ""


PREFIX = 6
"""Letters of a stem that name one word's family ("privatization", "privatized")."""


def _names(words: list[str], stems: frozenset[str]) -> bool:
    heads = {s[:PREFIX] for s in stems if len(s) >= PREFIX}
    return any(stem(w) in stems or stem(w)[:PREFIX] in heads for w in words)


def comparison(quote: str, topic: Topic) -> Comparison | None:
    """The quote's comparison as it bears on the topic (see the module's docstring), or None."""
    text = folded(quote)
    found = CUT.search(text)
    if found is None:
        return None
    before = WORD.findall(CLAUSE_BREAK.split(text[: found.start()])[-1])
    after = WORD.findall(CLAUSE_BREAK.split(text[found.end() :])[0])
    value, said = _value(before)
    if not value and found.group(0) != "than":  # "X rather than Y", "X instead of Y": X is preferred
        value, said = 1.0, found.group(0)
    if not value or not after:
        return None
    sign = 1 if value > 0 else -1
    things = matter(topic)
    act = motion(topic)
    acts = frozenset({stem(act.predicate.split()[0])}) if act is not None and act.predicate else frozenset()
    on_matter = _side(before, after, things, sign)
    on_act = _side(before, after, acts, sign) if acts else 0
    if not on_matter and not on_act:
        return None
    if act is not None and act.negated:
        on_act = -on_act
    return Comparison(on_matter, on_act, said)


def _side(before: list[str], after: list[str], stems: frozenset[str], sign: int) -> int:
    """+sign when only the side before the cut names ``stems``, -sign when only the side after it does."""
    left, right = _names(before, stems), _names(after, stems)
    if left == right:
        return 0
    return sign if left else -sign
