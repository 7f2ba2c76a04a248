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
from quotegraph.extract.speakers.coref import group_nouns
from quotegraph.extract.speakers.mentions import PRONOUNS, role_in
from quotegraph.extract.text import name_key, surname
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
    # names the body gives: its tagged names, and its speakers written as names ("Greens", not "the
    # opposition parties")
    named = [n for n in names if all(w[:1].isupper() for w in n.split() if w.lower() not in _LEADING)]
    body_words = {
        w
        for name in [*named, *(e.text for e in body_doc.ents if e.label_ in ("ORG", "GPE", "NORP"))]
        for w in name_key(name).split()
    }
    out = []
    for s in title_doc._.statements or ():
        mention = (s.speaker_mention or "").lower()
        if not s.speaker or not mention or mention in PRONOUNS:
            continue  # a bare or scare quote, or a pronoun with nothing before it to point to
        quote, end = s.quote, s.end
        head, colon, tail = quote.rpartition(": ")
        if colon and s.kind == "indirect" and len(tail.split()) <= 6 and len(head.split()) >= 3:
            quote, end = head, s.end - len(colon) - len(tail)  # a kicker after the claim (": what is going on")
        speaker = named_in_body(s.speaker, body_words)
        if speaker is None and _a_group_or_acronym(s.speaker):
            speaker = s.speaker  # "Presidential candidates promise ...", "AP-GfK Poll: ...": who they are
        if speaker is None:
            # "Minister defends ...", "The opposition slams ...": a statement, but no person or organisation
            # named to say it, so no speaker (never a node of its own)
            out.append(replace(s, speaker=None, speaker_type=None, speaker_id=None, quote=quote, end=end).moved(offset))
            continue
        candidates = full_names.get(surname(speaker), set()) if len(speaker.split()) == 1 else set()
        if len(candidates) == 1:
            speaker = next(iter(candidates))

        out.append(replace(s, speaker=speaker, quote=quote, end=end).moved(offset))
    return out


_LEADING = frozenset({"the", "a", "an"})


def named_in_body(speaker: str, body_words: set[str]) -> str | None:
    """The part of a headline's speaker that names a person or organisation the body names too: all of
    it ("Stoltenberg", "The opposition Greens" -> "Greens"), or the words it opens with when a title-case
    headline ran the verb into the name ("Clinton Wades In" -> "Clinton"); None for a common noun or a role
    alone ("Minister", "The opposition", "Hacker")."""
    words = speaker.split()
    keys = [name_key(w) for w in words]
    kept = [w for w, k in zip(words, keys, strict=True) if k and k in body_words]
    if not kept:
        return None
    if any(w.endswith(("’s", "'s")) for w in words[:-1]) or role_in(words[-1]):
        # "Trump's Son", "DNC chair": someone of the named one's, not the named one
        return speaker
    if len(kept) == len([k for k in keys if k not in _LEADING]) or keys[-1] in body_words:
        # all of it, or a name the body gives shorter ("NY Daily News", "Cecile Richards" as "Richards")
        return " ".join(w for w, k in zip(words, keys, strict=True) if not (k in _LEADING and w == words[0]))
    # "Clinton Wades In": the name a title-case headline ran its verb into
    run = []
    for w, k in zip(words, keys, strict=True):
        if k in _LEADING and not run:
            continue
        if k not in body_words:
            break
        run.append(w)
    return " ".join(run) or None


def _a_group_or_acronym(speaker: str) -> bool:
    """A headline subject that says who speaks though the body does not name it ("Presidential
    candidates", "AP-GfK Poll", "Some", "Newspaper"); not a role or a collective noun alone, which stands
    for someone the headline does not name ("Minister", "Judge", "The opposition")."""
    words = [w for w in speaker.split() if w.lower() not in _LEADING]
    if not words:
        return False
    return role_in(" ".join(words)) is None and words[-1].lower() not in group_nouns()
