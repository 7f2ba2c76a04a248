"""A quote whose speaker the sentence after it names: '“...” The charge came from Coun. Martin Reyes.',
'“...” That was Greg Amos, whose basement flooded.', '“...” Those were the words of the mayor, Ana Ruiz.'

Only a quote that is a sentence of its own (nothing but the quote, no cue) counts, and only a next
sentence that names the quote as said by someone: opened by a noun for what was said (the lexicon's
``named_after.nouns``: "the charge", "those words") and a link ("came from", "belonged to", "was X's"), or
by a phrase of its own ("That was", "So said"; with "the <noun> of" after it: "Those were the words of",
"That was the response of"). The speaker is a person's or organisation's name, or a description of a
person with a name beside it ("a neighbour, Joan Pike"); never a day, a place or a thing ("The charge came
from nowhere", "That was Tuesday").
"""

from __future__ import annotations

import re

from quotegraph.extract.attribution.content import QuoteSpan
from quotegraph.extract.attribution.cues import Cue, Lexicon
from quotegraph.extract.speakers.mentions import Mention, mention_for, role_in
from quotegraph.extract.text import OPEN_MARKS
from spacy.tokens import Doc, Token

__all__ = ["named_after"]

_CLOSE = "”\"’'»"
"""The marks that close a quote alone in its sentence (and the apostrophe, a single quote's close)."""
_QUOTE_END = re.compile(f"[{_CLOSE}]*[.!?]?[{_CLOSE}]*[ \t]*\n?[ \t\n]*")
_DETERMINERS = frozenset({"the", "that", "this", "those", "these", "such"})
_NAME_TYPES = frozenset({"PERSON", "ORG", ""})
_SPEAKER_END = frozenset({",", ".", ";", "!", "?", "—", "–", "-", "(", "who", "whose"})
_MAX_WORDS = 40


def _alone(text: str, q: QuoteSpan) -> int | None:
    """Where the sentence after ``q`` starts, if ``q`` is a sentence of its own: nothing but marks or a
    sentence's end before it in its line, and the quote's close (its own full stop) right after it."""
    line_start = text.rfind("\n", 0, q.start) + 1
    lead = text[line_start : q.start].rstrip(OPEN_MARKS + " \t")
    if lead and not lead.endswith((".", "!", "?", "”", '"')):
        return None
    closed = text[q.start : q.end].rstrip(" " + _CLOSE).endswith((".", "!", "?"))
    if not closed and text[q.end : q.end + 2].lstrip(_CLOSE)[:1] not in (".", "!", "?"):
        return None
    m = _QUOTE_END.match(text, q.end)
    after = m.end() if m else q.end
    return after if after < len(text) and text[after].isupper() else None


def _sentence(doc: Doc, start: int) -> list[Token]:
    """The tokens of the sentence that starts at character ``start``, to its end or its line's end."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return []
    tokens: list[Token] = []
    for token in doc[span.start : min(len(doc), span.start + _MAX_WORDS)]:
        if token.is_space:
            break
        tokens.append(token)
        if token.text in (".", "!", "?") or "\n" in token.whitespace_:
            break
    return tokens


def _starts(words: list[str], phrases: frozenset[tuple[str, ...]], at: int) -> int:
    """The length of the longest of ``phrases`` that ``words`` hold at ``at`` (0: none)."""
    found = [len(p) for p in phrases if tuple(words[at : at + len(p)]) == p]
    return max(found, default=0)


def _opening(tokens: list[Token], lexicon: Lexicon) -> tuple[Token, int, str] | None:
    """The cue word of a sentence that names a speaker ("charge", "was"), where the speaker's words start,
    and what must follow the name: ``alone`` (a phrase of its own: "That was Greg Amos, whose ..."; not "That
    was Smith's plan"), ``possessive`` ("The words were Smith's") or ``any`` ("came from X on Wednesday")."""
    words = [t.lower_ for t in tokens]
    phrases = lexicon.named_after
    nouns = {w for p in phrases.get("nouns", frozenset()) for w in p}
    n = _starts(words, phrases.get("openers", frozenset()), 0)
    if n:
        if len(words) > n + 2 and words[n] == "the" and words[n + 1] in nouns and words[n + 2] == "of":
            return tokens[n + 1], n + 3, "any"  # "That was the response of Harcastle Homes on Friday"
        # "That was Greg Amos, whose ...", never "That was Smith's plan"; "So said X on Friday"
        return tokens[n - 1], n, "alone" if words[n - 1] in ("was", "were", "is", "are", "'s", "’s") else "any"
    i = 1 if words and words[0] in _DETERMINERS else 0
    while i < len(tokens) - 1 and tokens[i].pos_ == "ADJ":
        i += 1
    if i >= len(tokens) or words[i] not in nouns or tokens[i].pos_ not in ("NOUN", "PROPN"):
        return None
    link = _starts(words, phrases.get("links", frozenset()), i + 1)
    if not link:
        return None
    return tokens[i], i + 1 + link, "possessive" if link == 1 and words[i + 1] in ("was", "were") else "any"


def _named(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.ent_type_ in _NAME_TYPES)


def _name_end(tokens: list[Token], i: int) -> int:
    """The index in ``tokens`` after the run of proper names (titles included: "Coun.") from ``i``."""
    j = i
    while j < len(tokens) and (tokens[j].pos_ == "PROPN" or tokens[j].ent_type_ in ("PERSON", "ORG")):
        j += 1
    return j


def _speaker(doc: Doc, tokens: list[Token], i: int, follows: str) -> Mention | None:
    """The speaker that ``tokens[i:]`` name: a name that ends its phrase, or a description of a person
    with a name beside it ("a councillor, Martin Oyelaran,") or a role ("the mayor")."""
    if i >= len(tokens):
        return None
    if tokens[i].lower_ == "the" and i + 1 < len(tokens) and tokens[i + 1].pos_ == "PROPN":
        i += 1  # "the Green Party"
    elif tokens[i].lower_ in ("a", "an", "the") and i + 1 < len(tokens):
        j = i + 1
        while j < len(tokens) - 1 and tokens[j].pos_ in ("ADJ", "NOUN") and tokens[j + 1].pos_ in ("ADJ", "NOUN"):
            j += 1
        if tokens[j].pos_ != "NOUN" or follows == "possessive":
            return None
        if j + 2 < len(tokens) and tokens[j + 1].text == "," and _named(tokens[j + 2]):
            end = _name_end(tokens, j + 2)
            return mention_for(doc, tokens[end - 1])
        return mention_for(doc, tokens[j]) if role_in(doc[tokens[i].i : tokens[j].i + 1].text) else None
    end = _name_end(tokens, i)
    if end == i or any(t.ent_type_ not in _NAME_TYPES for t in tokens[i:end]):
        return None  # "That was Tuesday", "The charge came from Ottawa"
    if not any(t.ent_type_ == "PERSON" or t.ent_type_ == "ORG" for t in tokens[i:end]) and end - i < 2:
        return None  # a lone capitalised word the tagger names nothing
    follow = tokens[end].lower_ if end < len(tokens) else "."
    if (follows == "possessive") != (follow in ("'s", "’s")) or (follows == "alone" and follow not in _SPEAKER_END):
        return None
    return mention_for(doc, tokens[end - 1])


def named_after(doc: Doc, text: str, q: QuoteSpan, lexicon: Lexicon) -> tuple[Cue, Mention] | None:
    """The cue and speaker of ``q``, a quote alone in its sentence, that the next sentence names."""
    start = _alone(text, q)
    if start is None:
        return None
    tokens = _sentence(doc, start)
    opening = _opening(tokens, lexicon) if tokens else None
    if opening is None:
        return None
    word, at, follows = opening
    mention = _speaker(doc, tokens, at, follows)
    if mention is None:
        return None
    cue = Cue(word.i, word.idx, word.idx + len(word.text), word.text, word.lemma_.lower(), "speech")
    return cue, mention
