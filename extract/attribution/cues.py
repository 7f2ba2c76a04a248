"""Stage 1: reporting cues ("said", "called on", "according to", "in a statement").

Plain functions over a parsed ``Doc``; the lexicon lives in ``resources/cues.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from quotegraph.extract.lookup import doc_text
from quotegraph.extract.speakers.mentions import author_of
from quotegraph.extract.text import load_yaml, resource_yaml
from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Lexicon:
    """Cue lemmas by class, phrasal particles, nominal cues."""

    speech: frozenset[str]
    object: frozenset[str]
    appeal: frozenset[str]
    thought: frozenset[str]
    reported_thought: frozenset[str]
    phrasal: dict[str, frozenset[str]]
    nouns: frozenset[str]
    topic: dict[str, frozenset[str]] = field(default_factory=dict)
    questions: frozenset[str] = frozenset()
    light: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    inverted: frozenset[str] = frozenset()
    not_speaker_labels: frozenset[str] = frozenset()
    idioms: frozenset[tuple[str, ...]] = frozenset()
    named_after: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    document_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    spoken_objects: frozenset[str] = frozenset()
    short_objects: frozenset[str] = frozenset()
    hearers: frozenset[str] = frozenset()
    answers: frozenset[str] = frozenset()

    def verb_class(self, lemma: str, *, include_thought: bool = False) -> str | None:
        if lemma in self.appeal:
            return "appeal"
        if lemma in self.object and lemma not in self.speech:
            return "object"
        if lemma in self.speech:
            return "speech"
        if lemma in self.reported_thought or (include_thought and lemma in self.thought):
            return "thought"
        return None


def load_lexicon(path: str | None = None) -> Lexicon:
    """Load the cue lexicon (default: the packaged ``resources/cues.yaml``)."""
    if path is None:
        return _default_lexicon()
    with open(path, encoding="utf-8") as f:
        return _lexicon(load_yaml(f.read()))


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return _lexicon(resource_yaml("cues.yaml"))


def _lexicon(data: dict[str, Any]) -> Lexicon:
    verbs = data.get("verbs") or {}
    return Lexicon(
        speech=frozenset(verbs.get("speech") or ()),
        object=frozenset(verbs.get("object") or ()),
        appeal=frozenset(verbs.get("appeal") or ()),
        thought=frozenset(verbs.get("thought") or ()),
        reported_thought=frozenset(data.get("reported_thought") or ()),
        phrasal={k: frozenset(v) for k, v in (data.get("phrasal") or {}).items()},
        topic={k: frozenset(v) for k, v in (data.get("topic") or {}).items()},
        questions=frozenset(data.get("questions") or ()),
        light={
            v: {n: frozenset(w) for n, w in (nouns or {}).items()} for v, nouns in (data.get("light") or {}).items()
        },
        nouns=frozenset(data.get("nouns") or ()),
        inverted=frozenset(w.lower() for w in data.get("inverted") or ()),
        not_speaker_labels=frozenset(w.lower() for w in data.get("not_speaker_labels") or ()),
        idioms=frozenset(tuple(phrase.lower().split()) for phrase in data.get("idioms") or ()),
        document_verbs={k: frozenset(v or ()) for k, v in (data.get("document_verbs") or {}).items()},
        spoken_objects=frozenset(data.get("spoken_objects") or ()),
        short_objects=frozenset(data.get("short_objects") or ()),
        hearers=frozenset(data.get("hearers") or ()),
        answers=frozenset(w.lower() for w in data.get("answers") or ()),
        named_after={
            k: frozenset(tuple(str(p).lower().split()) for p in v or ())
            for k, v in (data.get("named_after") or {}).items()
        },
    )


@dataclass(frozen=True)
class Cue:
    """A reporting cue: its head token, the cue words as written and how its content is found."""

    head: int  # token index of the verb (or of "according")
    start: int  # char offsets of the cue words
    end: int
    text: str
    lemma: str
    cls: str  # speech | object | appeal | thought | topic | according | noun
    particle: int | None = None  # token index of a phrasal particle ("on" in "called on", "about" in "talked about")


def _particle(token: Token, lexicon: Lexicon) -> Token | None:
    particles = lexicon.phrasal.get(token.lemma_.lower())
    if not particles:
        return None
    for child in token.children:
        if child.dep_ in ("prt", "prep") and child.lower_ in particles and child.i > token.i:
            return child
    # "called for [the president to resign]": the parser reads "for" as the mark of the infinitive clause
    for child in token.children:
        if child.dep_ in ("advcl", "ccomp", "xcomp") and child.i > token.i:
            mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ in particles), None)
            between = token.doc[token.i + 1 : mark.i] if mark is not None else None
            if between is not None and all(t.dep_ in ("advmod", "npadvmod") for t in between):
                return mark  # right after the verb, or after "again", "Wednesday"
    return None


def _topic_preposition(token: Token, lexicon: Lexicon) -> Token | None:
    """ "talked about [the economy]", "asked the governor about [...]": the preposition of a topic cue that
    has an object of its own, a few words after the verb."""
    prepositions = lexicon.topic.get(token.lemma_.lower())
    if not prepositions or token.tag_ == "VBG":
        return None  # not "..., pointing to the polls": a participle aside is the writer's, not a report
    if token.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "agent") for c in token.children):
        return None  # "Asked about the strikes, the minister said ...": the question of someone unnamed
    for child in token.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in prepositions
            and 0 < child.i - token.i <= 6
            and any(c.dep_ in ("pobj", "pcomp") for c in child.children)
        ):
            return child
    return None


def _light_complement(token: Token, lexicon: Lexicon) -> tuple[Token, Token] | None:
    """ "made [the point]dobj [that ...]", "made a call [for] ...", "made no mention [of] ...": a light verb
    whose object is a noun of speech; the noun and what introduces its content (a preposition, or the verb
    of its "that" clause)."""
    nouns = lexicon.light.get(token.lemma_.lower())
    if not nouns:
        return None
    for noun in (c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns):
        heads = nouns[noun.lemma_.lower()]
        for child in noun.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in heads
                and any(c.dep_ in ("pobj", "pcomp") for c in child.children)
            ):
                return noun, child
            if (
                child.dep_ == "acl"
                and "that" in heads
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
            ):
                return noun, child
    return None


def _verb_tagged_as_noun(token: Token) -> bool:
    """ "Trump claims that ...": the tagger read the verb as a plural noun, but the parse still gives it a
    subject and a clause of its own."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ in ("ROOT", "ccomp", "conj")
        and any(c.dep_ == "nsubj" for c in token.children)
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def _in_idiom(doc: Doc, token: Token, lexicon: Lexicon) -> bool:
    """``token`` ends a set phrase that opens its clause and reports nothing ("That said, ...", "All told,
    ...", "it's fair to say", "Only time will tell"): the phrase's first word starts the sentence or follows a
    punctuation mark or a conjunction."""
    for idiom in lexicon.idioms:
        first = token.i - len(idiom) + 1
        if first < 0 or tuple(t.lower_ for t in doc[first : token.i + 1]) != idiom:
            continue
        before = doc[first - 1] if first > 0 else None
        if before is None or doc[first].is_sent_start or before.is_punct or before.pos_ in ("CCONJ", "SCONJ"):
            return True
    return False


def _document_subject(token: Token, lexicon: Lexicon) -> bool:
    """``token`` has a clause, and a subject that is a document naming its author ("The findings, published by
    the board, showed that", "an audit by the province found that")."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.dep_ == "ccomp" for c in token.children):
        return False
    nouns = lexicon.document_verbs.get("subjects", frozenset())
    return (subject.lemma_.lower() in nouns or subject.lower_ in nouns) and author_of(subject) is not subject


def find_cues(doc: Doc, lexicon: Lexicon, *, include_thought: bool = False) -> list[Cue]:
    """Every reporting cue of ``doc``, in text order."""
    cues: list[Cue] = []
    for token in doc:
        lower = token.lower_
        if lower == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            nxt = doc[token.i + 1]
            cues.append(Cue(token.i, token.idx, nxt.idx + len(nxt), "according to", "according to", "according"))
            continue
        not_a_verb = token.pos_ not in ("VERB", "AUX") or (token.pos_ == "AUX" and token.dep_ in ("aux", "auxpass"))
        if not_a_verb and not _verb_tagged_as_noun(token):
            continue
        if token.i and doc[token.i - 1].text in ("<", "</"):
            continue  # a markup tag ("<tweet author=...>"), not a word of the text
        if _in_idiom(doc, token, lexicon):
            continue
        lemma = token.lemma_.lower()
        particle = _particle(token, lexicon)
        if particle is not None:
            cls = "appeal" if particle.lower_ in ("on", "upon", "for") else "speech"
            start, end = token.idx, particle.idx + len(particle)
            cues.append(
                Cue(token.i, start, end, doc_text(doc)[start:end], f"{lemma} {particle.lower_}", cls, particle.i)
            )
            continue
        light = _light_complement(token, lexicon)
        if light is not None:
            noun, opener = light
            end = noun.idx + len(noun)
            text = doc_text(doc)[token.idx : end]
            cues.append(Cue(token.i, token.idx, end, text, f"{lemma} {noun.lemma_.lower()}", "topic", opener.i))
            continue
        preposition = _topic_preposition(token, lexicon)
        if preposition is not None and not any(c.dep_ == "ccomp" for c in token.children):
            # the cue words are "talked about", or the verb alone where words stand between ("asked her about")
            end = preposition.idx + len(preposition) if preposition.i == token.i + 1 else token.idx + len(token)
            text = doc_text(doc)[token.idx : end]
            cues.append(Cue(token.i, token.idx, end, text, f"{lemma} {preposition.lower_}", "topic", preposition.i))
            continue
        cls = lexicon.verb_class(lemma, include_thought=include_thought)
        if cls is None and lemma in lexicon.document_verbs.get("verbs", ()) and _document_subject(token, lexicon):
            cls = "speech"
        if cls is None:
            continue
        cues.append(Cue(token.i, token.idx, token.idx + len(token), token.text, lemma, cls))
    return cues
