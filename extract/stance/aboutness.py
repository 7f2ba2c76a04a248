"""What a quote is about, for topic assignment: the words of each topic (its keyword phrases, and the content
words of its proposition and label) met in the quote by their stems ("voting"/"vote"/"voters"), each counted by
how specific it is to one topic of the file (a word two related topics share tells nothing between them) and,
when the parse is there, by its part of speech in the quote (a topic is about its nouns and names; a verb or an
adjective says what is wanted or thought of it). Words about nothing in particular ("people", "right") never
decide. Numbers and word lists in ``resources/topic_match.yaml``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from quotegraph.extract.attribution.cues import load_lexicon
from quotegraph.extract.lookup import doc_ents, doc_text, ents_in, memo, persons_before, span_tokens, string_ids
from quotegraph.extract.stance.lexicon import analyzer, find_name_words, folded
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import (
    STOP_WORDS,
    THIRD_PERSON,
    fold,
    resource_yaml,
    suffix_stem,
    undot,
    untag,
    word_list,
)
from rapidfuzz.distance import Levenshtein
from spacy.parts_of_speech import IDS, NAMES, PROPN, VERB
from spacy.tokens import Doc, Token

WORD = re.compile(r"[a-z0-9]+")
PER_EXTRA_WORD = 0.5
"""A keyword phrase counts this much more for each word beyond its first."""
HEAD_WORD = 0.7
"""What the last word of a keyword phrase found alone counts, against the whole phrase's 1 ("voting" for
"compulsory voting": an English noun phrase names its thing by its last word)."""
PROPOSITION_TERM = 0.6
"""What a word of the proposition or label found in the quote counts (divided by the topics that have it)."""


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    data = resource_yaml("topic_match.yaml")
    data["suffixes"] = tuple(sorted(data["suffixes"], key=len, reverse=True))
    data["keep_endings"] = tuple(data["keep_endings"])
    data["generic"] = frozenset(match_stem_raw(w, data) for w in data["generic"])
    long_text = data["long_text"]
    data["long_text"] = {
        "words": int(long_text["words"]),
        "root_letters": int(long_text["root_letters"]),
        "common": frozenset(word_list(long_text["common_words"])),
    }
    return data


def match_config() -> dict[str, Any]:
    """The numbers and word lists of ``resources/topic_match.yaml``."""
    return _config()


def match_stem_raw(word: str, config: Mapping[str, Any]) -> str:
    """``word``'s stem by the suffixes of ``config`` (see :func:`match_stem`)."""
    if word in config.get("own_stems", {}):
        return config["own_stems"][word]
    return suffix_stem(word, config["suffixes"], config["min_stem"], config["keep_endings"], drop_e=True)


@lru_cache(maxsize=65536)
def match_stem(word: str) -> str:
    """The stem that meets a word's other forms: "voting", "vote", "voters" -> "vot"; "immigration",
    "immigrants", "immigrate" -> "immigr"."""
    return match_stem_raw(word, _config())


@lru_cache(maxsize=65536)
def word_stem(word: str) -> str:
    """:func:`match_stem` of a word as written."""
    return match_stem(fold(word))


def content_words(text: str) -> list[str]:
    """``text``'s words, folded, a possessive "'s" and function words left out, in order. The words of
    :data:`WORD` (the lexicon's ``NAME_WORD``) are found by the lexicon's byte table
    (:func:`~quotegraph.extract.stance.lexicon.find_name_words`), not by the regex: the same words."""
    return [w for w in find_name_words(folded(text).replace("'s ", " ")) if w not in STOP_WORDS]


@lru_cache(maxsize=16384)
def stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s words, function words left out, in order."""
    return tuple(map(match_stem, content_words(text)))


def generic(stem: str) -> bool:
    """A word about nothing in particular ("people", "right"): it never decides a topic."""
    return stem in _config()["generic"]


class About(dict[str, float]):
    """What each word (stem) of a quote counts toward a topic, ``heads``: the stems of the nouns that head
    the quote's subjects and objects, what it is about, ``speaker``: the stems of the words outside the
    quote that name who says it (the subject of its cue), who speaks and not what is said, and ``verbal``:
    the stems of the words the quote has only as verbs or adverbs ("should be banned", "legally"), what is
    done or wanted rather than what of."""

    heads: frozenset[str] = frozenset()
    speaker: frozenset[str] = frozenset()
    verbal: frozenset[str] = frozenset()


POS_NAMES: dict[int, str] = {int(pos): name for pos, name in NAMES.items()}
"""A part of speech's name (``Token.pos_``) by its id (``Token.pos``)."""
_VERB, _PROPN = int(VERB), int(PROPN)
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "csubj"})
"""The dependencies of the nouns a clause is about: its subject and object."""
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
VERBAL = frozenset({"VERB", "AUX", "ADV"})
"""The parts of speech that say what is done or wanted, or how, not what of (:attr:`About.verbal`)."""
VERBAL_IDS = frozenset(int(IDS[name]) for name in VERBAL)
""":data:`VERBAL` by their ids (``Token.pos``)."""
NOMINAL = frozenset({"NOUN", "PROPN"})
"""The parts of speech whose subjects and objects a quote is about (:attr:`About.heads`)."""
NOMINAL_IDS = frozenset(int(IDS[name]) for name in NOMINAL)
""":data:`NOMINAL` by their ids."""
REPORTING = frozenset({"parataxis", "ccomp", "advcl"})
"""How a cue hangs on a quote it follows ("..., Comey said": said is the quote's parataxis or ccomp)."""


def speaker_words(span: Any) -> frozenset[str]:
    """The stems of the words outside ``span`` (a quote) that name its speaker: the subject of the verb the
    quote hangs on ("FBI Director James Comey said [that ...]"), or of a cue hanging on the quote
    ("[...]," Comey said). The quote's heads are read from the document's arrays (:func:`_heads`): a Token is
    made only for the few words that hang outside the quote."""
    doc = span.doc
    offsets, verbs = _heads(doc)
    start, end = span.start, span.end
    inside = range(start, end)
    cues = []
    for i, offset in enumerate(offsets[start:end].tolist(), start):  # the tokens that hang outside, or a root
        head = i + offset
        if start <= head < end and head != i:
            continue
        if head != i and verbs[head]:
            cues.append(doc[head])
        cues += [c for c in doc[i].children if c.i not in inside and c.dep_ in REPORTING and c.pos_ == "VERB"]
    out = set()
    for cue in cues:
        for subject in (c for c in cue.children if c.dep_ in SUBJECTS and c.i not in inside):
            words = [subject] if subject.lower_ in THIRD_PERSON else [t for t in subject.subtree if t.i not in inside]
            out.update(word_stem(t.text) for t in words if t.is_alpha)
            if subject.lower_ in THIRD_PERSON:  # "..., he said": the person he is, by name and title
                out.update(word_stem(t.text) for t in referent(subject) if t.is_alpha)
    return frozenset(out)


def _heads(doc: Doc) -> tuple[Any, Any]:
    """The offset from each token of ``doc`` to its head, and whether it is a VERB or an AUX (arrays of
    :meth:`Doc.to_array`, made once: :func:`~quotegraph.extract.lookup.memo`)."""

    def make(d: Doc) -> tuple[Any, Any]:
        offsets = d.to_array("HEAD").astype("int64")  # stored unsigned: read as signed, a head before is < 0
        pos = d.to_array("POS")
        strings = d.vocab.strings
        return offsets, (pos == strings["VERB"]) | (pos == strings["AUX"])

    return memo(doc, "heads", make)


def referent(pronoun: Token) -> list[Token]:
    """The words that named the person ``pronoun`` stands for: the noun phrase, up to its head, of the
    nearest PERSON before it in its sentence and the two before ("FBI Director James Comey ... he said")."""
    doc = pronoun.doc
    person = next(persons_before(pronoun, 3), None)
    if person is None:
        return []
    head = person.root
    while head.dep_ in ("compound", "flat", "appos") and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    return list(doc[head.left_edge.i : head.i + 1])


def quoted_sources(span: Any, tokens: Sequence[Token] | None = None) -> set[int]:
    """The tokens of ``span`` (a quote) that name a source it reports, not what it is about: the subject of a
    speech verb whose clause of what was said is in the quote too ("Director Comey said my answers were
    truthful": Comey). ``tokens``: the span's tokens, when the caller has them."""
    lexicon = load_lexicon()
    inside = range(span.start, span.end)
    out: set[int] = set()
    for verb in span if tokens is None else tokens:
        if verb.pos != _VERB or lexicon.verb_class(verb.lemma_) != "speech":
            continue
        if not any(c.dep_ in ("ccomp", "xcomp") and c.i in inside for c in verb.children):
            continue
        for subject in (c for c in verb.children if c.dep_ in SUBJECTS and c.i in inside):
            out.update(t.i for t in subject.subtree if t.i in inside)
    return out


@lru_cache(maxsize=1)
def _pos_weights() -> tuple[dict[int, float], float]:
    """What a word counts by its part of speech (``part_of_speech`` of topic_match.yaml), by the part of
    speech's id (``Token.pos``), and what one it does not list counts."""
    weights = _config()["part_of_speech"]
    return {pos: weights.get(name, weights["other"]) for pos, name in POS_NAMES.items()}, weights["other"]


def about_weights(doc: Doc | None, start: int, end: int) -> About:
    """What each word of ``doc``'s text between ``start`` and ``end`` counts toward a topic by its part of
    speech (a noun or name 1, a verb or adjective less), with the heads of its subjects and objects; empty
    without a parse. Each token's ids are read (``Token.lower``, ``pos``, ``dep``), not its strings: only a
    word's text is made, for its stem, and only for the words that are not function words."""
    out = About()
    if doc is None or end <= start:
        return out
    span, tokens = span_tokens(doc, start, end)
    if span is None:
        return out
    weights, other = _pos_weights()
    stop, arguments = string_ids(STOP_WORDS), string_ids(ARGUMENTS)
    heads, verbal, nominal = set(), set(), set()
    sources = quoted_sources(span, tokens)
    for t in tokens:
        if not t.is_alpha or t.lower in stop:
            continue
        stem = word_stem(t.text)
        pos = t.pos
        weight = 0.0 if t.i in sources else weights.get(pos, other)
        out[stem] = max(out.get(stem, 0.0), weight)
        if pos in NOMINAL_IDS and t.dep in arguments:
            heads.add(stem)
        (verbal if pos in VERBAL_IDS else nominal).add(stem)
    out.heads = frozenset(heads)
    out.verbal = frozenset(verbal - nominal)
    out.speaker = speaker_words(span)
    return out


@dataclass(frozen=True)
class TopicProfile:
    """A topic's words as the matching reads them: keyword phrases (text, stems joined, weight, whether it
    is the last word of a phrase alone), the proposition and label words (stem -> weight), and all its
    specific word stems but names."""

    topic: Topic
    phrases: tuple[tuple[str, str, float, bool], ...]
    terms: Mapping[str, float]
    words: frozenset[str] = frozenset()
    firsts: frozenset[str] = field(init=False, repr=False, compare=False)
    """The first stems of the keyword phrases: a text with none of them and no proposition word meets nothing."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "firsts", frozenset(joined.split(" ", 1)[0] for _, joined, _, _ in self.phrases))

    def meets_nothing(self, everywhere: frozenset[str], quote: frozenset[str]) -> bool:
        """No keyword phrase opens in a statement's words (``everywhere``: all its layers) and no proposition word
        is in its ``quote``: the statement scores 0 on the topic (:func:`profile_score`), read no further."""
        return self.firsts.isdisjoint(everywhere) and self.terms.keys().isdisjoint(quote)


def topic_words(topic: Topic) -> set[str]:
    """The stems of the topic's proposition, label and keywords."""
    return set(stems(topic.text))


class TopicDF(dict[str, int]):
    """In how many topics each stem occurs, and ``named``: in how many the analyst named it, in a keyword
    or the label (a word another topic's proposition only passes by, "the Clinton email investigation",
    does not make it that topic's name)."""

    named: dict[str, int]


def stem_df(topics: Iterable[Topic]) -> TopicDF:
    """In how many of ``topics`` each stem occurs (see :class:`TopicDF`)."""
    df = TopicDF()
    df.named = {}
    for topic in topics:
        for s in topic_words(topic):
            df[s] = df.get(s, 0) + 1
        for s in set(stems(" ".join((topic.label, *topic.keywords)))):
            df.named[s] = df.named.get(s, 0) + 1
    return df


def profile(topic: Topic, df: Mapping[str, int] | None = None) -> TopicProfile:
    """``topic``'s profile; with ``df`` (:func:`stem_df` of the topics file) a word counts 1/(the topics that
    have it), and a keyword phrase 1/(the fewest topics that share one of its specific words)."""
    df = df or {}
    named = getattr(df, "named", df)  # a keyword phrase is shared with the topics that name its words
    phrases = []
    for kw in topic.keywords:
        ks = stems(kw)
        specific = [s for s in ks if not generic(s)]
        if not specific:
            continue
        share = 1.0 / min(named.get(s, 1) for s in specific)
        phrases.append((kw, " ".join(ks), (1 + PER_EXTRA_WORD * (len(ks) - 1)) * share, False))
        if len(ks) > 1 and not generic(ks[-1]) and HEAD_WORD:
            phrases.append((kw, ks[-1], HEAD_WORD / named.get(ks[-1], 1), True))
    words = set(stems(topic.proposition + " " + topic.label))
    terms = {s: PROPOSITION_TERM / df.get(s, 1) for s in words if not generic(s)}
    names = names_of(topic)
    words_ = frozenset(s for s in topic_words(topic) if not generic(s) and s not in names)
    return TopicProfile(topic, tuple(phrases), terms, words_)


CAPITAL = re.compile(r"\b[A-Z][\w.-]*")


@lru_cache(maxsize=4096)
def names_of(topic: Topic) -> frozenset[str]:
    """The stems of the names in ``topic``'s proposition and keywords: capitalised words of a keyword, and
    of the proposition but its first word (unless a capitalised word follows it, "Donald Trump ..."). Who a
    topic concerns, not what it is about."""
    prop = topic.proposition.strip()
    first = CAPITAL.match(prop)
    # the proposition's first word is a name only when another capitalised word follows it
    skip = first is not None and CAPITAL.match(prop[first.end() :].lstrip()) is None
    found = [m.group() for kw in topic.keywords for m in CAPITAL.finditer(kw)]
    found += [m.group() for m in list(CAPITAL.finditer(prop))[int(skip) :]]
    return frozenset(s for name in found for s in stems(name))


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
"""Pronouns by which a quote is about its speaker ("Director Comey said my answers were truthful")."""


def _person_stems(doc: Doc, ents: Iterable[Any]) -> set[str]:
    """The stems of the words of the PERSON entities of ``ents`` (of ``doc``), each entity's text cut from the
    document's (``Span.text`` makes a Token of each of its words to join them again)."""
    text = doc_text(doc)
    return {w for ent in ents if ent.label_ == "PERSON" for w in stems(text[ent.start_char : ent.end_char])}


def persons_named(doc: Doc) -> frozenset[str]:
    """The stems of the words of ``doc``'s PERSON entities: the people an article names."""
    return frozenset(_person_stems(doc, doc_ents(doc)))


def quote_persons(doc: Doc, start: int, end: int, speaker: frozenset[str], persons: frozenset[str]) -> frozenset[str]:
    """The stems of the people a quote (``doc``'s text between ``start`` and ``end``) names: its PERSON
    entities and its proper nouns that the article uses for a person (``persons``: "Clinton" tagged as an
    organisation), but the speaker (the stems of ``speaker``'s name), who is among them where the quote speaks
    of itself in the first person."""
    span, tokens = span_tokens(doc, start, end)
    if span is None:
        return frozenset()
    out = _person_stems(doc, ents_in(span))
    out.update(s for t in tokens if t.pos == _PROPN for s in stems(t.text) if s in persons)
    first = string_ids(FIRST_PERSON)
    if any(t.lower in first for t in tokens):
        return frozenset(out | speaker)
    return frozenset(out - speaker)


PersonPair = tuple[int, int, frozenset[str], frozenset[str]]
"""Two topics on one matter about different people: (index, index of the other, its people, the other's)."""


def person_pairs(topics: Sequence[Topic], persons: frozenset[str]) -> list[PersonPair]:
    """The pairs of ``topics`` on the same matter (they share ``person_pair_shared`` words, not names) about
    different people, both ways (:data:`PersonPair`). A topic's people: its names (:func:`names_of`) among
    ``persons``, the stems the article uses in PERSON entities."""
    people = [names_of(t) & persons for t in topics]
    shared = int(_config()["person_pair_shared"])
    return [
        (i, j, people[i], people[j])
        for i, a in enumerate(topics)
        for j, b in enumerate(topics)
        if i != j
        and people[i]
        and people[j]
        and not people[i] & people[j]
        and len(matter_stems(a) & matter_stems(b)) >= shared
    ]


def by_person(scores: Sequence[Any], named: frozenset[str], pairs: Sequence[PersonPair]) -> list[Any]:
    """``scores`` (TopicScores of one statement, in the order of the topics of ``pairs``, :func:`person_pairs`)
    with the topics of a pair told apart by the people the quote names (``named``): the one whose person it
    does not name, where it names the other's, counts at ``other_person`` (topic_match.yaml), and what it
    scored goes to the other: "Hillary's overwhelmingly qualified to be president" is about Hillary Clinton's
    fitness, not Donald Trump's."""
    out = list(scores)
    if not named:
        return out
    share = float(_config()["other_person"])
    for i, j, mine, theirs in pairs:
        if mine & named or not theirs & named:
            continue
        x = scores[i]
        out[i] = replace(x, score=x.score * share, own=x.own * share)
        if quote_rank(out[j]) < quote_rank(x):
            out[j] = replace(out[j], score=x.score, own=x.own, matched=x.matched)
    return out


VERDICT = re.compile(
    r"^(?P<name>(?:[A-Z][\w.'-]*\s+){1,3})(?:(?:is|are|was|would be)\s+(?:not\s+)?(?:\w+ly\s+)?\w+\s+"
    r"(?:to\s+(?:be|serve|become|lead|hold)|for\s+(?:the\s+)?(?:presidency|office|job|post|role))"
    r"|(?:should|must|ought to)\s+(?:be|become)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:nominee|candidate|president|leader|chair|chairman|speaker|prime minister|chancellor|governor|mayor))\b"
)
"""A proposition that judges a person fit or unfit for an office ("Donald Trump is unfit to be president",
"X is qualified to serve as ...", "X is not ready for the presidency"), or wants them in it ("Bernie Sanders
should be the Democratic presidential nominee"; not one that wants them kept out, "X should not be ...", whose
polarity the rule does not read)."""


@lru_cache(maxsize=256)
def verdict_person(topic: Topic) -> frozenset[str]:
    """The stems of the person a topic's proposition judges fit or unfit for an office (:data:`VERDICT`), or
    nothing: such a topic is about that person as a candidate, and a quote that judges them is about it."""
    found = VERDICT.match(topic.proposition.strip())
    return frozenset(stems(found.group("name"))) if found else frozenset()


def by_verdict(scores: Sequence[Any], named: frozenset[str], quote: str) -> list[Any]:
    """``scores`` (TopicScores of one statement, in the order of the topics) with a topic that judges a person
    fit for an office (:func:`verdict_person`) raised to ``verdict_score`` (topic_match.yaml) in the quote's own
    words where the quote names that person (by name or a pronoun: ``named``) and judges strongly (the valences
    of the words of ``quote`` in the stance lexicon sum to ``verdict_valence`` or more, either way): "he is a
    thin-skinned, reckless bully" is about his fitness. Not where the quote's own words meet a topic at that
    score ("the wall is a stupid idea"): that topic is what it is about."""
    config = _config()
    floor = float(config["verdict_score"])
    if any(x.own >= floor for x in scores):
        return list(scores)  # the quote names a topic in its own words: that is what it is about
    judged: bool | None = None  # read only for a quote that names a judged person
    out = []
    for x in scores:
        person = verdict_person(x.topic)
        if person and person & named:
            if judged is None:
                judged = abs(valence_sum(quote)) >= float(config["verdict_valence"])
            if judged:
                x = replace(x, score=max(x.score, floor), own=floor, matched=(*x.matched, "judges the person"))
        out.append(x)
    return out


VALENCE_WORD = re.compile(r"[a-z][a-z'-]*")


def valence_sum(text: str) -> float:
    """The sum of the valences of ``text``'s words in the stance lexicon (VADER's, with the words of political
    news it lacks), by form: what a text judges, without VADER's rules for negation and emphasis."""
    valences = analyzer().lexicon
    return sum(valences.get(w, 0.0) for w in VALENCE_WORD.findall(text.lower()))


@lru_cache(maxsize=4096)
def matter_stems(topic: Topic) -> frozenset[str]:
    """The specific stems of ``topic`` but its names: what it is about, whoever it concerns."""
    return frozenset(s for s in topic_words(topic) if not generic(s)) - names_of(topic)


def quote_rank(x: Any) -> float:
    """What ranks a topic for a statement (a TopicScore): what the quote's own words score, and what its context
    (sentence, paragraph, headline) adds at ``context_share``: the reporter's words around a quote make it about
    a topic, but what the quote names itself tells related topics apart."""
    return x.own + float(_config()["context_share"]) * (x.score - x.own)


@lru_cache(maxsize=256)
def layer_words(layers: tuple[tuple[str, float], ...]) -> frozenset[str]:
    """The word stems of all of a statement's ``layers``."""
    return frozenset(" ".join(text for text, _ in layers).split())


def profile_score(
    p: TopicProfile, layers: tuple[tuple[str, float], ...], about: Mapping[str, float], terms: bool = True
) -> tuple[float, list[str], float]:
    """How much a statement is about ``p``'s topic: each keyword phrase in the first of ``layers`` (joined
    stems of the quote, sentence, paragraph, headline, with their weights) that has it, and each proposition
    word in the quote (unless ``terms`` is False), the quote's words counted by ``about`` (1 for a word it
    does not list; a phrase by its last word, which names its thing: "FBI director" by "director"). The
    last word of a phrase alone counts only where the quote is about it (the head of its subject or object:
    "voting is a right"; a word of the proposition too) or beside another word of the topic, not a name, in
    the quote or its sentence ("returns" alone is not "tax returns"). Returns the score, the words matched
    and the part of the score the quote's own words make."""
    score = own = 0.0
    matched: list[str] = []
    met: set[str] = set()
    heads = getattr(about, "heads", frozenset())
    speaker = getattr(about, "speaker", frozenset())
    everywhere = layer_words(layers)
    quote = layer_words(layers[:1]) if layers and terms else frozenset()
    if p.meets_nothing(everywhere, quote):
        return score, matched, own
    whole: set[str] = set()  # the stems of the whole phrases met
    alone_gain: dict[str, float] = {}  # what a last word alone added: a later phrase of that one word, the rest
    for kw, joined, weight, alone in p.phrases:
        if joined.split(" ", 1)[0] not in everywhere:  # not in any layer: no need to look for the phrase
            continue
        if alone and (kw in matched or joined in met):  # a word met already (in the phrase, or another's)
            continue
        if not alone and joined in whole:  # another form of a phrase met already ("terrorists" after "terrorism")
            continue
        about_it = joined in heads and joined in p.terms  # the quote's subject or object, and the proposition's
        if alone and not about_it and not (p.words - {joined} - speaker) & layer_words(layers[:2]):
            continue
        said_by = speaker.issuperset(joined.split())  # the phrase names who speaks: only the quote's own counts
        # the last word alone counts where the topic's other words are: the quote and its sentence
        for i, (text, w) in enumerate(layers[:1] if said_by else layers[:2] if alone else layers):
            if f" {joined} " in text:
                part = about.get(joined.rsplit(" ", 1)[-1], 1.0) if i == 0 else 1.0
                gain = w * weight * part
                if alone:
                    alone_gain[joined] = gain
                prior = 0.0 if alone else alone_gain.pop(joined, 0.0)  # "investigation" after "investig" alone
                score += max(gain, prior) - prior
                own += max(gain, prior) - prior if i == 0 else 0.0
                matched.append(joined if alone else kw)
                met.update(joined.split())
                whole.update(() if alone else (joined,))
                break
    for s in sorted(quote & p.terms.keys()):
        score += p.terms[s] * about.get(s, 1.0)
        own += p.terms[s] * about.get(s, 1.0)
        matched.append(s)
    return score, matched, own


@lru_cache(maxsize=4096)
def topic_profile(topic: Topic) -> TopicProfile:
    """``topic``'s profile alone (no topics file to share words with), made once."""
    return profile(topic)


def roots(words: Iterable[str]) -> frozenset[str]:
    """The first ``root_letters`` letters (``mention`` of topic_match.yaml) of the stems at least that long,
    generic words left out: the root two forms of a word share when the suffixes do not meet them."""
    n = int(_config()["mention"]["root_letters"])
    return frozenset(s[:n] for s in words if len(s) >= n and not generic(s))


@lru_cache(maxsize=16384)
def root_stems(text: str) -> tuple[str, ...]:
    """:func:`stems` of ``text``, where a stem comes out shorter than ``root_letters`` (``mention`` of
    topic_match.yaml) the word as written instead: the suffixes cut "autism" to "aut", which no root of
    "autistic" meets."""
    n = int(_config()["mention"]["root_letters"])
    return tuple(s if len(s := match_stem(w)) >= n or generic(s) else w for w in content_words(text))


@lru_cache(maxsize=4096)
def topic_root_stems(topic: Topic) -> tuple[str, ...]:
    """:func:`root_stems` of the topic's proposition, label and keywords."""
    return root_stems(topic.text)


def mentions(topic: Topic, text: str, about: Mapping[str, float] | None = None) -> tuple[str, ...]:
    """The words of ``topic`` that ``text`` mentions: those the matcher meets in the text alone
    (:func:`profile_score`; ``about``, :func:`about_weights` of the text's parse), else the roots the
    text's words share with the topic's (:func:`roots`), either only where the words of a long text name
    the topic (:func:`names_it`), else (``initials`` of ``mention`` in topic_match.yaml) a word in capitals
    made of the initials of a name of the topic (:func:`initials`), else another name of a place it names, else
    (``respelled``) a word of it read another way (:func:`respelled`). Empty: the text is not about the topic."""
    text = untag(text)  # "#ClimateChange", "@HillaryClinton": the words a tag runs together
    about = about or {}
    named = names_it(topic, text, about)
    layer = ((f" {' '.join(stems(text))} ", 1.0),)
    _, matched, own = profile_score(topic_profile(topic), layer, about)
    if own > 0 and named:
        return tuple(dict.fromkeys(matched))
    shared = roots(root_stems(text)) & roots(topic_root_stems(topic)) if named else frozenset()
    if not shared and _config()["mention"].get("initials"):
        shared = frozenset(ACRONYM.findall(text)) & initials(topic)
    if not shared:
        shared = frozenset(a for a in topic_aliases(topic) if a in named_places(text))
    if not shared and _config()["mention"].get("respelled"):
        shared = respelled(topic, text)
    return tuple(sorted(shared))


NEIGHBOURS = re.compile(r"(?=\b([a-z]{2,})[\s-]+([a-z]{2,})\b)")
"""Two words next to each other, apart by spaces or hyphens only (found overlapping); function words are never
run into another."""


def _spellings(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stems of ``text``'s content words as written, and those it has only when read otherwise: dotted
    initials run together (:func:`~quotegraph.extract.text.undot`: "C.I.A." -> "cia") and each two neighbouring
    content words run together ("non-Muslim", "non Muslim" -> "nonmuslim"; "home schoolers" -> "homeschool")."""
    plain = content_words(text)
    read = fold(undot(text))
    pairs = (m.groups() for m in NEIGHBOURS.finditer(read))
    joined = {a + b for a, b in pairs if a not in STOP_WORDS and b not in STOP_WORDS}
    written = frozenset(match_stem(w) for w in plain)
    return written, frozenset(match_stem(w) for w in (*content_words(read), *joined)) - written


@lru_cache(maxsize=4096)
def _topic_spellings(topic: Topic) -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_spellings` of the topic's label, proposition and keywords, each read apart (no word of one runs
    into the next), generic words left out."""
    written: set[str] = set()
    other: set[str] = set()
    for phrase in (topic.label, topic.proposition, *topic.keywords):
        w, o = _spellings(phrase)
        written |= w
        other |= o
    return (frozenset(s for s in written if not generic(s)), frozenset(s for s in other if not generic(s)) - written)


def respelled(topic: Topic, text: str) -> frozenset[str]:
    """The words of ``topic`` that ``text`` meets only when one of them is read another way (``respelled`` of
    ``mention`` in topic_match.yaml): dotted initials run together, two words run into one (:func:`_spellings`:
    "c.i.a" meets "CIA", "nonmuslim" meets "non- Muslim"), or a long word misspelled by one letter (``typo_letters``
    letters or more, their stems a letter apart, the first two the same, not a form whose root the matcher meets:
    "intenship" meets "internships"). Never a word both write alike: the matcher has judged that one already."""
    config = _config()["mention"]
    mine, mine_read = _topic_spellings(topic)
    theirs, theirs_read = _spellings(text)
    found = set((mine_read & (theirs | theirs_read)) | (mine & theirs_read))
    n = int(config.get("typo_letters") or 0)
    if n and not found:
        words = {w for w in content_words(text) if len(w) >= n - 1}
        k = int(config["root_letters"])
        for m in _long_words(topic, n):
            # a form the stems or roots meet ("legalized", "legalize") is the matcher's, not a misspelling
            own = match_stem(m)
            if len(own) < n - 1:
                continue  # "clon" and "clos", "priv" and "prov": short stems are a letter apart by chance
            hit = next((x for w in words if one_off(own, x := match_stem(w)) and w[:k] != m[:k]), None)
            if hit is not None:
                found.add(hit)
    return frozenset(found)


@lru_cache(maxsize=4096)
def _long_words(topic: Topic, n: int) -> frozenset[str]:
    """The content words of ``topic`` of ``n`` letters or more, generic ones left out."""
    return frozenset(w for w in content_words(topic.text) if len(w) >= n and not generic(match_stem(w)))


def one_off(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter (added, dropped or changed: Levenshtein distance 1) and open with the
    same two letters."""
    return a[:2] == b[:2] and Levenshtein.distance(a, b, score_cutoff=1) == 1


@lru_cache(maxsize=1)
def _alias_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per place of ``aliases`` (``mention`` of topic_match.yaml), its first name and a pattern of all its
    names: a name in capitals matches only in capitals ("US", not "us"), the others in any case."""
    out = []
    for group in _config()["mention"].get("aliases") or ():
        names = [str(n) for n in group]
        parts = [re.escape(n) if n.isupper() else f"(?i:{re.escape(n)})" for n in names]
        out.append((names[0], re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?![\w])")))
    return tuple(out)


def named_places(text: str) -> frozenset[str]:
    """The places of ``aliases`` that ``text`` names by any of their names (by their first name)."""
    return frozenset(place for place, pattern in _alias_patterns() if pattern.search(text))


@lru_cache(maxsize=4096)
def topic_aliases(topic: Topic) -> frozenset[str]:
    """The places of ``aliases`` that ``topic``'s label, proposition or keywords name."""
    return named_places(" ; ".join((topic.label, topic.proposition, *topic.keywords)))


def names_it(topic: Topic, text: str, about: Mapping[str, float]) -> bool:
    """Whether the words of ``topic`` that ``text`` meets name it, in a text of ``words`` words or more
    (``long_text`` of topic_match.yaml; a shorter text: always): the words of its label or of a keyword phrase
    of two specific words or more all met (:func:`whole_phrases`), or a word of it met that is common in
    English in none of its forms (``common_words``; the topic's forms, :func:`topic_forms`) or heads a subject
    or object of the text (``about``'s ``heads``: what a clause is about), and is not only a verb or adverb
    there (``about``'s ``verbal``) unless it is a word of the label ("vote" of "Compulsory voting"). A word is
    met by its stem or a root (:func:`rooted`). A long text meets a common word of any topic ("children" of
    "child actors") by chance, and the verb of another topic's proposition ("ban", "abolish")."""
    config = _config()["long_text"]
    words = WORD.findall(fold(text))
    if len(words) < config["words"]:
        return True
    n, common = config["root_letters"], config["common"]
    forms, label = topic_forms(topic), frozenset(stems(topic.label))
    verbal = getattr(about, "verbal", frozenset())
    heads = getattr(about, "heads", frozenset())
    met: set[str] = set()
    for word in set(words) - STOP_WORDS:
        stem = match_stem(word)
        own = stem if stem in forms else next((s for s, f in forms.items() if rooted(word, f, n)), None)
        if own is None or generic(stem):
            continue
        met.add(own)
        if (stem not in verbal or own in label) and (stem in heads or not forms[own] & common):
            return True
    return any(phrase <= met for phrase in whole_phrases(topic))


def rooted(word: str, forms: Iterable[str], n: int) -> bool:
    """Whether ``word`` has its first ``n`` letters in common with one of ``forms`` ("celibate", "celibacy"),
    or all of the shorter one, of ``root_letters`` of ``mention`` or more ("child", "children")."""
    least = int(_config()["mention"]["root_letters"])
    return any(
        len(w := min(word, f, key=len)) >= least and word[: min(n, len(w))] == f[: min(n, len(w))] for f in forms
    )


@lru_cache(maxsize=4096)
def topic_forms(topic: Topic) -> Mapping[str, frozenset[str]]:
    """The stems of ``topic``'s specific words (proposition, label, keywords), each with its forms there."""
    forms: dict[str, set[str]] = {}
    for word in WORD.findall(fold(topic.text)):
        if word not in STOP_WORDS and not generic(stem := match_stem(word)):
            forms.setdefault(stem, set()).add(word)
    return {s: frozenset(f) for s, f in forms.items()}


@lru_cache(maxsize=4096)
def whole_phrases(topic: Topic) -> tuple[frozenset[str], ...]:
    """The specific stems of ``topic``'s label and of each keyword phrase with two of them or more: what
    names the topic whole ("private military companies"), not a part of it ("children" of "child actors")."""
    out = [frozenset(s for s in stems(topic.label) if not generic(s))]
    out += [p for kw in topic.keywords if len(p := frozenset(s for s in stems(kw) if not generic(s))) >= 2]
    return tuple(p for p in out if p)


ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
"""A word in capitals that may stand for a name of several words ("ICC", "NATO")."""


@lru_cache(maxsize=4096)
def initials(topic: Topic) -> frozenset[str]:
    """The initials of the label and keyword phrases of ``topic`` with at least two words but function words
    ("International Criminal Court": "ICC"; "the United Nations": "UN")."""
    out = set()
    for phrase in (topic.label, *topic.keywords):
        words = [w for w in WORD.findall(fold(phrase)) if w not in STOP_WORDS]
        if len(words) >= 2:
            out.add("".join(w[0] for w in words).upper())
    return frozenset(out)


def records_gate() -> dict[str, Any]:
    """The rule for a statement that does not mention its given topic (``records_gate`` of topic_match.yaml):
    its id (``rule``), whether it applies, the backends it applies to, its evidence and confidence."""
    data = dict(_config()["records_gate"])
    data["backends"] = tuple(data.get("backends") or ())
    data["confidence"] = float(data["confidence"])
    data["enabled"] = bool(data.get("enabled"))
    return data
