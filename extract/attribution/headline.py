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
    persons = {surname(n) for n in names if n[:1].isupper()}
    out = []
    for s in title_doc._.statements or ():
        mention = (s.speaker_mention or "").lower()
        if not s.speaker or not mention or mention in PRONOUNS:
            continue  # a bare or scare quote, or a pronoun with nothing before it to point to
        quote, end = s.quote, s.end
        head, colon, tail = quote.rpartition(": ")
        if colon and s.kind == "indirect" and len(tail.split()) <= 6 and len(head.split()) >= 3:
            quote, end = head, s.end - len(colon) - len(tail)  # a kicker after the claim (": what is going on")
        speaker = named_in_body(s.speaker, body_words, persons)
        if speaker is None:
            # "Minister defends ...", "The opposition slams ...": the one the body names so ("Culture Minister
            # Neil Lumsden", "The opposition Greens"), else the headline's own words, as a body description
            # stays ("Lawmaker urges ...", "Presidential candidates promise ...")
            speaker = body_holder(s.speaker, body) or s.speaker
        candidates = full_names.get(surname(speaker), set()) if len(speaker.split()) == 1 else set()
        if len(candidates) == 1:
            speaker = next(iter(candidates))

        out.append(replace(s, speaker=speaker, quote=quote, end=end).moved(offset))
    return out


_LEADING = frozenset({"the", "a", "an"})


def named_in_body(speaker: str, body_words: set[str], persons: frozenset[str] | set[str] = frozenset()) -> str | None:
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
    if run and name_key(run[-1]) in persons:
        return " ".join(run)
    return None  # "White House Doctor": not a person's name run into a verb


def body_holder(speaker: str, body: Sequence[Statement]) -> str | None:
    """The body speaker a headline's role or collective noun stands for: the one whose printed role or
    whose mention has the same head ("Minister" -> the Culture Minister, "The opposition" -> "The
    opposition Greens"), when exactly one does."""
    words = [w for w in name_key(speaker).split() if w not in _LEADING]
    if not words:
        return None
    head = words[-1]
    found = {
        s.speaker
        for s in body
        if s.speaker
        and (
            (s.speaker_role and name_key(s.speaker_role).split()[-1:] == [head])
            or (head in name_key(s.speaker_mention or "").split() and s.speaker != s.speaker_mention)
            or _one_of(head, s)
        )
    }
    return next(iter(found)) if len(found) == 1 else None


def _one_of(plural: str, s: Statement) -> bool:
    """A headline's plural ("Riders") and a body speaker named and described with its singular ("Transit
    rider Jo Smith"); never an unnamed one ("a candidate" for "Presidential candidates")."""
    if not plural.endswith("s") or not s.speaker or not s.speaker[:1].isupper():
        return False
    if name_key(s.speaker.split()[0]) in _LEADING:
        return False
    singular = plural[:-1]
    in_mention = singular in name_key(s.speaker_mention or "").split() and s.speaker != s.speaker_mention
    return in_mention or name_key(s.speaker_role or "").split()[-1:] == [singular]
