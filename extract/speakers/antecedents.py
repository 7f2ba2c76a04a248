"""A small learned chooser over the antecedents of a speaker pronoun ("she said"), issue 27 item 5.

Each person the article named or quoted before the pronoun (and agreeing with it) is a candidate with a few
features: how far back it was last named or quoted (sentences, paragraphs), whether it spoke the statement
before, how many statements it already has, whether its last mention was a subject, whether its gender is
known to agree, how many other candidates were named since, whether the quote itself names it, and whether
the rules of :mod:`quotegraph.extract.speakers.coref` pick it. A conditional logistic model (one weight per
feature, softmax over the candidates of one pronoun) scores them; the weights live in
``resources/antecedents.yaml``, fitted by ``scripts/fit_antecedents.py``, with the figures that decide
whether the chooser is used at all (``enabled``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from quotegraph.extract.lookup import doc_text, sentences_to
from quotegraph.extract.text import resource_yaml
from spacy.tokens import Doc

if TYPE_CHECKING:
    from quotegraph.extract.speakers.coref import NameIndex

FEATURES: tuple[str, ...] = (
    "rule",
    "previous_speaker",
    "statements",
    "most_quoted",
    "sentences",
    "paragraphs",
    "same_paragraph",
    "subject",
    "gender_known",
    "intervening",
    "named_in_quote",
)
"""The features of one candidate, in the order of the weights."""


@dataclass(frozen=True)
class Candidate:
    """One person a pronoun may stand for, with its feature values (in :data:`FEATURES` order)."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chooser:
    """Weights of the conditional logistic model; ``enabled`` says whether resolution uses it."""

    weights: tuple[float, ...]
    enabled: bool = False

    def score(self, candidate: Candidate) -> float:
        return sum(w * v for w, v in zip(self.weights, candidate.values, strict=True))

    def choose(self, candidates: Sequence[Candidate]) -> str | None:
        """The best-scored candidate's name (the later one on a tie), None when there is none."""
        best = max(range(len(candidates)), key=lambda k: (self.score(candidates[k]), k), default=None)
        return None if best is None else candidates[best].name


@lru_cache(maxsize=1)
def load_chooser() -> Chooser:
    """The packaged chooser (``resources/antecedents.yaml``); a disabled one when the file lists other
    features than :data:`FEATURES`."""
    data = resource_yaml("antecedents.yaml")
    weights = data.get("weights") or {}
    if set(weights) != set(FEATURES):
        return Chooser(tuple(0.0 for _ in FEATURES), enabled=False)
    return Chooser(tuple(float(weights[f]) for f in FEATURES), enabled=bool(data.get("enabled")))


@dataclass
class _Places:
    """Where one candidate was last named or quoted before the pronoun, and how often it was quoted."""

    last: int = -1
    subject: bool = False
    statements: int = 0
    spoke_last: bool = False


def _places(index: NameIndex, previous: Sequence[tuple[int, str]], at: int, doc: Doc) -> dict[str, _Places]:
    """Each canonical person named (outside quotes) or quoted before char ``at``."""
    out: dict[str, _Places] = {}
    for pos, name in index.persons:
        if pos < at:
            place = out.setdefault(index.canonical(name), _Places())
            if pos >= place.last:
                place.last, place.subject = pos, _is_subject(doc, pos)
    before = [(pos, name) for pos, name in previous if pos < at]
    for pos, name in before:
        place = out.setdefault(index.canonical(name), _Places())
        place.statements += 1
        place.last = max(place.last, pos)
    if before:
        out[index.canonical(before[-1][1])].spoke_last = True
    return out


def _is_subject(doc: Doc, pos: int) -> bool:
    """The name at char ``pos`` is (part of) a subject: "Jens Stoltenberg said", "Stoltenberg, who ..."."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    while token.dep_ in ("compound", "flat") and token.head is not token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def candidates(
    names: Sequence[str],
    index: NameIndex,
    previous: Sequence[tuple[int, str]],
    doc: Doc,
    at: int,
    context: tuple[str, str | None, str | None],
) -> list[Candidate]:
    """The candidates ``names`` (canonical, agreeing) for a pronoun at char ``at``, with their features;
    ``context`` is (the text of the quote the pronoun attributes, the gender it names, the rules' pick)."""
    quote, wanted, rule_pick = context
    places = _places(index, previous, at, doc)
    text = doc_text(doc)
    here_sentence = sentences_to(doc, at)
    here_paragraph = text.count("\n\n", 0, at)
    most = max((places[n].statements for n in names if n in places), default=0)
    quote_words = set(quote.replace("’", "'").split())
    out = []
    for name in names:
        place = places.get(name, _Places())
        last = max(place.last, 0)
        paragraphs = here_paragraph - text.count("\n\n", 0, last)
        intervening = sum(1 for n, p in places.items() if n != name and p.last > place.last)
        words = [w for w in name.split() if len(w) >= 3]
        values = (
            float(rule_pick is not None and index.canonical(rule_pick) == name),
            float(place.spoke_last),
            math.log1p(place.statements),
            float(most > 0 and place.statements == most),
            math.log1p(max(0, here_sentence - sentences_to(doc, last))),
            min(paragraphs, 5) / 5,
            float(paragraphs == 0),
            float(place.subject),
            float(wanted is not None and index.gender(name) == wanted),
            math.log1p(intervening),
            float(any(w in quote_words or w + "'s" in quote_words for w in words)),
        )
        out.append(Candidate(name, values))
    return out
