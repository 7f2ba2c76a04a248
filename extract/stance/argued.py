"""When a word of news talk is argued with: the quote then says something of the matter, and the word does not
make it neutral.

Political news talks about a matter without taking a side on it: the steps of a process ("the video should be
released", "the investigation is ongoing"), the contest ("the White House wanted 60 votes"), a reaction of
feeling ("I'm troubled"). The content rules ``reaction``, ``procedure`` and ``commentary`` of
:mod:`quotegraph.extract.stance.scorers` read those words as neutral. A statement that argues uses the same
words in other roles:

- a process's result is said to show, bring about or be something: the word is the subject of a clause, not
  negated, whose verb shows or acts on something ("DNA evidence would reduce the risk", "the videos show him
  leaving") or whose predicate evaluates ("intercepted evidence could be useful", "tests are arbitrary");
- evidence that something holds asserts it ("there was clear evidence that she was careless");
- a word of the contest that is not the contest: a verb ("if everyone votes"), a modifier ("demographic
  imbalance"), or winning and losing something that is no prize of a race ("losing lives");
- a word of feeling that grades or acts on a thing ("less painful", "a more troubling avenue",
  "devastating human rights").

Each test takes the word's token in the parse of the quote; without a parse nothing is argued.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from quotegraph.extract.stance.lexicon import token_valence
from spacy.tokens import Token

CLIMB = ("compound", "amod", "conj", "appos", "nmod")
"""Dependencies by which a word stands inside a larger noun phrase ("DNA evidence", "footage and evidence")."""
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PREDICATES = ("attr", "acomp")
"""The parts of a clause that say what its subject is ("could be useful", "are arbitrary")."""
NOUNS = ("NOUN", "PROPN")
GRADING = frozenset({"more", "less", "most", "least"})
"""Adverbs that compare: a compared word of feeling evaluates ("less painful")."""


def phrase_head(token: Token) -> Token:
    """The head of the noun phrase ``token`` stands in, through compounds, conjuncts and "of" ("the threat
    of investigation")."""
    node = token
    for _ in range(6):
        if node.dep_ in CLIMB and node.head is not node:
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head is not node.head:
            node = node.head.head
        else:
            break
    return node


def _negated(verb: Token, negations: frozenset[str]) -> bool:
    """A negation stands on ``verb``, on its auxiliaries, or on its object or complement ("did not give",
    "had no evidence")."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.lower_ in negations and child.dep_ in ("advmod", "det", "neg")):
            return True
        if child.dep_ in ("dobj", "attr", "acomp", "xcomp") and any(
            c.dep_ in ("det", "neg", "advmod") and c.lower_ in negations for c in child.children
        ):
            return True
    return False


def _valenced(words: Iterable[Token], valences: Mapping[str, float], skip: frozenset[str]) -> bool:
    return any(
        token_valence(t, valences) and t.lower_ not in skip and t.pos_ != "PROPN"
        for t in words
    )


def said_of(token: Token, acting: frozenset[str], valences: Mapping[str, float], skip: frozenset[str]) -> bool:
    """``token`` (its noun phrase) is the subject of a clause, not negated, whose verb (or the verb of its
    complement: "appears to contradict") shows or acts on something (``acting``, lemmas), or whose predicate
    (what it is said to be) carries a valence ("could be useful"); ``skip``: words that do not count
    (negations, the process's own)."""
    head = phrase_head(token)
    if head.dep_ not in SUBJECTS or head.head is head:
        return False
    verb = head.head
    if _negated(verb, skip):
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "conj" and _subjectless(c)))]
    verbs = [v for v in verbs if v.pos_ in ("VERB", "AUX") and not _negated(v, skip)]
    if any(v.lemma_.lower() in acting for v in verbs):
        return True
    said = [t for v in verbs for c in v.children if c.dep_ in PREDICATES for t in c.subtree]
    return _valenced([*verbs, *said], valences, skip)


def _subjectless(verb: Token) -> bool:
    """``verb`` shares the subject of the verb it is conjoined to ("are costly and harm"): no subject of its own."""
    return not any(c.dep_ in SUBJECTS for c in verb.children)


def evidence_that(token: Token, negations: frozenset[str]) -> bool:
    """``token`` is a noun with a content clause ("evidence that she was careless"), not negated ("no
    direct evidence that it was hacked" asserts nothing)."""
    if token.pos_ not in NOUNS or _negated(token, negations):
        return False
    clause = [c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl")]
    if not any(any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in clause):
        return False
    head = token.head
    governed = token.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and head is not token
    return not (governed and _negated(head, negations))


def not_the_contest(
    token: Token, contest_verbs: frozenset[str], prizes: frozenset[str], figures: frozenset[str] = frozenset()
) -> bool:
    """A word of the race used for something else: a noun of the race as a verb or modifier ("if everyone
    votes", "demographic imbalance"), or in a phrase of ``figures`` ("the human race"); a verb of winning or
    losing with an object that is no prize of a race ("losing lives", "winning conflicts")."""
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and f"{before.lower_} {token.lower_}" in figures:
        return True
    if token.lower_ not in contest_verbs:
        return token.pos_ not in NOUNS
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return any(o.pos_ == "NOUN" and o.lemma_.lower() not in prizes and o.lower_ not in prizes for o in objects)


def graded_feeling(token: Token) -> bool:
    """A word of feeling that grades or acts on a thing: graded ("less painful", "more troubling"), or a verb
    with an object that is not a person ("devastating human rights")."""
    before = token.nbor(-1) if token.i > 0 else None
    if token.tag_ in ("JJR", "JJS") or (before is not None and before.lower_ in GRADING):
        return True
    return token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in token.children)
