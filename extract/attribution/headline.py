"""Statements in a headline: "Flynn says Trump 'absolutely right' ...", "Stoltenberg calls on NATO allies
to allow Ukraine to strike Russian territory", "Tajani: ...".

The title line is masked out of the body (it is no body text), so it is parsed on its own. Only what a
cue or a speaker label gives to a named speaker counts: a headline's scare quotes and bare quotes never
do, nor a pronoun. Offsets are moved to the title's place in the article text, and a surname takes the
one full name the body gives it ("Flynn" is "Michael Flynn").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from quotegraph.extract.model import Article, Statement
from quotegraph.extract.speakers.mentions import PRONOUNS
from quotegraph.extract.text import surname
from spacy.tokens import Doc


def title_span(article: Article) -> tuple[int, int] | None:
    """Where the title stands in the article text, when it stands there as a masked line."""
    title = (article.title or "").strip()
    if not title:
        return None
    for start, end in article.skip:
        i = article.text.find(title, start, end + len(title))
        if i >= 0 and i < end:
            return i, i + len(title)
    return None


def headline_statements(title_doc: Doc, offset: int, body_doc: Doc, body: Sequence[Statement]) -> list[Statement]:
    """The attributed statements of a parsed title, with offsets into the article text."""
    full_names: dict[str, set[str]] = {}
    names = [s.speaker for s in body if s.speaker] + [e.text for e in body_doc.ents if e.label_ == "PERSON"]
    for name in names:
        if len(name.split()) >= 2:
            full_names.setdefault(surname(name), set()).add(name)
    out = []
    for s in title_doc._.statements or ():
        mention = (s.speaker_mention or "").lower()
        if not s.speaker or not mention or mention in PRONOUNS:
            continue  # a bare or scare quote, or a pronoun with nothing before it to point to
        quote, end = s.quote, s.end
        head, colon, tail = quote.rpartition(": ")
        if colon and s.kind == "indirect" and len(tail.split()) <= 6 and len(head.split()) >= 3:
            quote, end = head, s.end - len(colon) - len(tail)  # a kicker after the claim (": what is going on")
        speaker = s.speaker
        candidates = full_names.get(surname(speaker), set()) if len(speaker.split()) == 1 else set()
        if len(candidates) == 1:
            speaker = next(iter(candidates))

        out.append(replace(s, speaker=speaker, quote=quote, end=end).moved(offset))
    return out
