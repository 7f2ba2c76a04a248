"""The person a paragraph is about through a run of pronoun subjects: "Rita Morales has lived on the street
for three winters. She sleeps near the bus depot. 'Nobody asks us,' she said." (Rita Morales, though the
mayor spoke last): the sentences before a "she said" whose subject is the same pronoun lead back to the
named subject that opened the run, within the paragraph."""

from __future__ import annotations

from quotegraph.extract.lookup import sent_of
from spacy.tokens import Doc

__all__ = ["chained_subject"]

_MAX_SENTENCES = 4
_SUBJECTS = ("nsubj", "nsubjpass")


def chained_subject(doc: Doc, head: int, pronoun: str) -> str | None:
    """The person named as subject of the sentence that opens a run of sentences, before the one of token
    ``head``, whose subjects are all ``pronoun`` ("she"), in one paragraph; None when the run is broken."""
    if not 0 < head < len(doc):
        return None
    sent = sent_of(doc[head])
    seen_pronoun = False
    for _ in range(_MAX_SENTENCES):
        if sent.start == 0 or "\n" in doc[sent.start - 1].whitespace_ or doc[sent.start - 1].is_space:
            return None
        sent = sent_of(doc[sent.start - 1])
        subject = next((c for c in sent.root.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            return None
        if subject.lower_ == pronoun:
            seen_pronoun = True
            continue
        if not seen_pronoun or subject.ent_type_ != "PERSON":
            return None
        ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
        return ent.text if ent is not None else None
    return None
