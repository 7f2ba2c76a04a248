"""A document named again speaks for whoever issued it earlier in the article: "In a statement, RCMP Cpl.
Jean Roy said ... '...,' the statement said" (Jean Roy), "The health authority said in a statement that ...
The statement said two children were hurt" (the health authority), "Halton police issued a release on
Tuesday. The release said ..." (Halton police).

Only "the/this/that <document noun>" with no author of its own ("a release from the union" is read by
:func:`~quotegraph.extract.speakers.coref.issuer`), and only an earlier mention of the same noun that
someone issued or spoke in: the speaker of that sentence, else the named subject of its verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotegraph.extract.speakers.mentions import Mention, author_of, document_nouns
from spacy.tokens import Doc, Span, Token

__all__ = ["earlier_issuer", "issued_before"]

_DEFINITE = frozenset({"the", "this", "that"})
_BY = frozenset({"from", "by"})
_IN = frozenset({"in", "through", "via", "with"})
_ISSUE = frozenset(
    {"issue", "release", "send", "publish", "post", "put", "distribute", "email", "provide", "write", "sign", "file",
     "submit", "table"}
)
_LOOK_BACK = 2_500
"""How many characters before the mention an earlier mention of the document may stand."""


def _definite_document(head: Token) -> bool:
    """``head`` is a document noun, definite, that names no author of its own ("the statement")."""
    if head.lemma_.lower() not in document_nouns() or head.tag_ in ("NNS", "NNPS"):
        return False
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    own = any(c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ in _BY) for c in head.children)
    return bool(dets) and dets[0] in _DEFINITE and not own


def _issuing_verb(token: Token) -> Token | None:
    """The verb of "said in a statement", "In a statement, X said", "X issued a statement", else None."""
    if token.dep_ == "pobj" and token.head.lower_ in _IN and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _ISSUE:
        return token.head
    return None


def _phrase(token: Token) -> str:
    """The name ``token`` stands in: its entity, else the token with the compounds and adjectives before it."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
        return ent.text
    first = min([token.i, *(c.i for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i)])
    return token.doc[first : token.i + 1].text


def _named_subject(verb: Token) -> str | None:
    """The subject of ``verb`` as a name: the entity it stands in, else its noun phrase ("Halton police", "the
    health authority"); None for a pronoun or no subject."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return _phrase(subject)


def _spoken_in(sent: Span, previous: Sequence[tuple[int, str]]) -> str | None:
    """The last speaker already attributed within ``sent``."""
    names = [name for pos, name in previous if sent.start_char <= pos < sent.end_char]
    return names[-1] if names else None


def earlier_issuer(mention: Mention, previous: Sequence[tuple[int, str]], doc: Doc) -> str | None:
    """Who issued the document ``mention`` names again ("the statement"), when an earlier sentence says so."""
    if not 0 <= mention.head < len(doc):
        return None
    return issued_before(doc[mention.head], previous)


def issued_before(head: Token, previous: Sequence[tuple[int, str]] = ()) -> str | None:
    """Who issued the document ``head`` ("the statement") names again: the speaker already attributed in the
    earlier sentence that says so (``previous``: char offset, name), else the named subject of its verb."""
    if not _definite_document(head):
        return None
    lemma = head.lemma_.lower()
    for token in reversed(head.doc[: head.sent.start]):
        if token.idx < head.idx - _LOOK_BACK:
            break
        if token.lemma_.lower() != lemma:
            continue
        if token.dep_ == "nsubj" and author_of(token) is not token:
            # "A release from the union said ... The release said": the speaker given it, else its author
            return _spoken_in(token.sent, previous) or _phrase(author_of(token))
        verb = _issuing_verb(token)
        if verb is None:
            continue
        return _spoken_in(token.sent, previous) or _named_subject(verb)
    return None
