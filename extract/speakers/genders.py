"""A person's gender from the article's own pronouns where the first name does not tell it: "Nkechi Obi
opened her salon in 2009" makes Nkechi Obi a "she", so a later "he said" looks for someone else.

The rules and their numbers are data (``resources/genders.yaml``): each gives canonical name -> "f" or "m",
and :func:`article_genders` asks them in order, the first that tells a person's gender winning.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from quotegraph.extract.text import PRONOUN_GENDER, resource_yaml, surname
from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from quotegraph.extract.speakers.coref import NameIndex

__all__ = ["article_genders", "possessive_genders", "voiced_genders"]

_POSSESSIVE = {"her": "f", "his": "m"}
_CLAUSE = frozenset({"VERB", "AUX"})


@lru_cache(maxsize=1)
def gender_rules() -> dict[str, Any]:
    """``resources/genders.yaml``: the rules' order and the numbers of the voiced rule."""
    return resource_yaml("genders.yaml")


def article_genders(doc: Doc, index: NameIndex) -> dict[str, str]:
    """Canonical name -> "f" or "m" by the first rule of ``genders.yaml`` that tells the person's gender."""
    out: dict[str, str] = {}
    for rule in gender_rules()["rules"]:
        for name, gender in _RULES[rule](doc, index).items():
            out.setdefault(name, gender)
    return out


def _in_quote(index: NameIndex, char: int) -> bool:
    return any(q0 <= char < q1 for q0, q1 in index.quotes)


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb above ``token``."""
    head = token.head
    while head.i != head.head.i and head.pos_ not in _CLAUSE:
        head = head.head
    return head if head.pos_ in _CLAUSE else None


def _own_clause(doc: Doc, after: int, token: Token, verb: Token) -> bool:
    """``token`` stands in the clause of ``verb`` or in the clause it reports ("Robin Lee said her sales fell"),
    with no other person named between the subject (ending at token ``after``) and it."""
    clause = _clause_verb(token)
    if clause is None or not (clause.i == verb.i or (clause.dep_ in ("ccomp", "xcomp") and clause.head.i == verb.i)):
        return False
    between = doc[after : token.i]
    return not any(t.ent_type_ == "PERSON" or (t.pos_ == "PRON" and t.lower_ in ("he", "she")) for t in between)


def possessive_genders(doc: Doc, index: NameIndex) -> dict[str, str]:
    """Canonical name -> "f" or "m" for each person of ``index.persons`` who is the subject of a clause whose
    own words, or the words it reports, hold "her" or "his" ("Nkechi Obi opened her salon", "Robin Lee said
    her sales fell"), outside the article's quotes; a name given both says nothing."""
    named = dict(index.persons)
    found: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.start_char not in named or ent.root.dep_ != "nsubj":
            continue
        verb = ent.root.head
        for token in verb.subtree:
            gender = _POSSESSIVE.get(token.lower_)
            if not gender or token.dep_ != "poss" or _in_quote(index, token.idx):
                continue
            if token.i > ent.end and _own_clause(doc, ent.end, token, verb):
                found.setdefault(named[ent.start_char], set()).add(gender)
    # each name as the article writes it first, so that "Clinton said his ..." given both leaves the
    # "her" of "Hillary Clinton" standing; names of one person that tell two genders are left out
    by_person: dict[str, set[str]] = {}
    for name, genders in found.items():
        if len(genders) == 1:
            by_person.setdefault(index.canonical(name), set()).update(genders)
    return {name: genders.pop() for name, genders in by_person.items() if len(genders) == 1}


def _subject_pronouns(doc: Doc, pos: int, index: NameIndex) -> set[str]:
    """The genders of the "he" and "she" subjects and the "his" and "her" possessives, outside quotes, in
    what the name at char ``pos`` is the subject of ("Trump said he would", "Ghazala Khan stood beside her
    husband"; "Sanders told her" says nothing of Sanders)."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    token = span[0]
    while token.dep_ in ("compound", "flat") and token.head is not token:
        token = token.head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    return {
        PRONOUN_GENDER[t.lower_]
        for t in token.head.subtree
        if t.i > token.i
        and t.lower_ in PRONOUN_GENDER
        and (t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "poss" and t.lower_ in ("his", "her")))
        and not any(q0 <= t.idx < q1 for q0, q1 in index.quotes)
    }


def voiced_genders(doc: Doc, index: NameIndex) -> dict[str, str]:
    """Canonical name -> "f" or "m" where the article's own pronouns tell: each sentence that names one
    person only (outside quotes; by full name where the surname is two people's) and holds third-person
    pronouns of one gender only outside quotes is a vote ("Trump said he would ...", "Ghazala Khan
    stood beside her husband" is no vote: two people); a name needs the ``votes`` of ``genders.yaml`` and
    ``majority`` times as many as for the other gender. Names of first-name lists are not asked here."""
    votes: dict[str, dict[str, int]] = {}
    persons = sorted(index.persons)
    for sent in doc.sents:
        here = [(pos, n) for pos, n in persons if sent.start_char <= pos < sent.end_char]
        if len({index.canonical(n) for _, n in here}) != 1:
            continue
        pos, name = here[0]
        if len(name.split()) == 1 and surname(name) in index.shared_surnames:
            continue
        said = _subject_pronouns(doc, pos, index)
        if len(said) == 1:
            tally = votes.setdefault(index.canonical(name), {"f": 0, "m": 0})
            tally[said.pop()] += 1
    numbers = gender_rules()["voiced"]
    out = {}
    for name, tally in votes.items():
        best = max(tally, key=lambda g: tally[g])
        other = tally["f" if best == "m" else "m"]
        if tally[best] >= numbers["votes"] and tally[best] >= numbers["majority"] * other:
            out[name] = best
    return out


_RULES: dict[str, Callable[[Doc, NameIndex], dict[str, str]]] = {
    "possessive": possessive_genders,
    "voiced": voiced_genders,
}
"""The rules ``genders.yaml`` may name, by name."""
