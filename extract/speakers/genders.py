"""A person's gender from the article's own "her" or "his" where the first name does not tell it: "Nkechi
Obi opened her salon in 2009" makes Nkechi Obi a "she", so a later "he said" looks for someone else."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

__all__ = ["possessive_genders"]

_POSSESSIVE = {"her": "f", "his": "m"}
_CLAUSE = frozenset({"VERB", "AUX"})


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


def possessive_genders(
    doc: Doc, persons: Sequence[tuple[int, str]], quotes: Sequence[tuple[int, int]] = ()
) -> dict[str, str]:
    """Name -> "f" or "m" for each person (char offset, name) who is the subject of a clause whose own words,
    or the words it reports, hold "her" or "his" ("Nkechi Obi opened her salon", "Robin Lee said her sales
    fell"), outside the article's ``quotes`` (start, end); a person given both is left out."""
    named = dict(persons)
    found: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.start_char not in named or ent.root.dep_ != "nsubj":
            continue
        verb = ent.root.head
        for token in verb.subtree:
            gender = _POSSESSIVE.get(token.lower_)
            if not gender or token.dep_ != "poss" or any(q0 <= token.idx < q1 for q0, q1 in quotes):
                continue
            if token.i > ent.end and _own_clause(doc, ent.end, token, verb):
                found.setdefault(named[ent.start_char], set()).add(gender)
    return {name: genders.pop() for name, genders in found.items() if len(genders) == 1}
