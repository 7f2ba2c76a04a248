"""The person a paragraph is about through a run of pronoun subjects: "Rita Morales has lived on the street
for three winters. She sleeps near the bus depot. 'Nobody asks us,' she said." (Rita Morales, though the
mayor spoke last): the sentences before a "she said" whose subject is the same pronoun lead back to the
named subject that opened the run, within the paragraph, or within the paragraph right before one that
opens with the quote ("Dr. Ana Pires spent 11 years in the north. She now teaches." then "“...,” she said")."""

from __future__ import annotations

from quotegraph.extract.lookup import doc_text, sent_of
from spacy.tokens import Doc, Span

__all__ = ["chained_subject"]

_MAX_SENTENCES = 4
_SUBJECTS = ("nsubj", "nsubjpass")
_OPEN_QUOTES = "\"“«"


def _sentence_before(doc: Doc, sent: Span, cross: bool) -> tuple[Span | None, bool]:
    """The sentence before ``sent`` and whether the paragraph may still be crossed: within the paragraph,
    or across one break when ``cross`` (the pronoun's paragraph opens with its quote)."""
    if sent.start == 0:
        return None, cross
    text = doc_text(doc)
    between = text[doc[sent.start - 1].idx : sent.start_char]
    if "\n" in between or doc[sent.start - 1].is_space:
        if not cross:
            return None, cross
        cross = False
    before = sent_of(doc[sent.start - 1])
    while before.start > 0 and before.text.strip() == "":
        before = sent_of(doc[before.start - 1])
    return before, cross


def chained_subject(doc: Doc, head: int, pronoun: str) -> str | None:
    """The person named as subject of the sentence that opens a run of sentences, before the one of token
    ``head``, whose subjects are all ``pronoun`` ("she"); None when the run is broken."""
    if not 0 < head < len(doc):
        return None
    sent = sent_of(doc[head])
    text = doc_text(doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    cross = text[start : start + 1] in _OPEN_QUOTES
    while cross and sent.start > 0 and sent_of(doc[sent.start - 1]).start_char >= start:
        sent = sent_of(doc[sent.start - 1])  # a paragraph that opens with the quote: from its first sentence
    seen_pronoun = False
    for _ in range(_MAX_SENTENCES):
        before, cross = _sentence_before(doc, sent, cross)
        if before is None:
            return None
        sent = before
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
