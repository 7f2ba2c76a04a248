"""Topics proposed from the corpus when the analyst gives no topics file.

Works from what was said (a build's remarks, one text per merged statement: nothing is extracted
twice). Key phrases are runs of adjectives and nouns ending in a noun, read from a part-of-speech tagging
(spaCy's tagger and lemmatizer only, on an even sample of at most ``SAMPLE`` remarks) and then counted in
every remark: determiners, pronouns, numbers, dates, speakers' names, bare names, role nouns
(``resources/roles.yaml``) and generic nouns (``resources/topic_generic.txt``) never make a phrase, and a
reporting verb is never a noun. Phrases are scored by how many remarks use them, weighted by how specific
they are (an IDF over the same remarks), longer phrases higher. A theme is seeded by the best phrase not
yet covered and takes its variants: the singular and plural forms seen, the word family of its specific
nouns ("immigrant", "immigrants", "immigration"), the phrases that hold them, and the terms that
co-occur with it. A proposed topic has a label and keywords but **no proposition**: a template
("More should be done about ...") would be judged as if someone had claimed it, so no stance is judged
on a proposed topic until a person writes one (``proposition: null``, ``draft: true`` in the file,
:data:`quotegraph.extract.stance.topics.DRAFT_EVIDENCE` on each of its remarks; the view names them).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, word_list
from spacy.language import Language
from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

PROPOSED_FILE = "topics.proposed.yaml"
SAMPLE = 2000
"""Remarks tagged to learn the phrases (an even sample; the phrases are then counted in all of them)."""
_SKIP_ENTS = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_CONTENT_POS = {"NOUN", "PROPN", "ADJ"}
_TAG_PIPES = {"tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer"}
_JOIN = 0.6  # share of a term's remarks inside a theme's remarks, for the term to join it
_SPECIFIC = 0.05  # a noun in more than this share of the remarks is too common to carry a theme
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
MAX_KEYWORDS = 14
NOUNISH = 0.75  # share of a word's uses tagged as a noun for it to count alone or carry a theme
CARRIER = 4  # a theme's word is in at most this many times the remarks of its seed phrase


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    return frozenset(word_list("topic_generic.txt"))


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Head words of the role nouns of ``resources/roles.yaml``: a role stands for a person, not a topic."""
    from quotegraph.extract.speakers.mentions import roles_data

    return frozenset(str(r).lower().replace("-", " ").split()[-1] for r in roles_data()["roles"])


def _keep(tok: Token, names: frozenset[str] = frozenset()) -> bool:
    low = tok.lower_
    return (
        tok.pos_ in _CONTENT_POS
        and tok.is_alpha
        and len(low) > 2
        and low not in STOP_WORDS
        and low not in generic_nouns()
        and not (low in names and tok.text[:1].isupper())  # a name as written: "Trump", not "tax"
        and tok.ent_type_ not in _SKIP_ENTS
    )


def _head_lemma(tok: Token) -> str:
    """The singular when it is the written word cut short ("immigrants"); else as written ("taxes" is no
    "taxis", "media" no "medium")."""
    lemma = tok.lemma_.lower()
    return lemma if tok.lower_.startswith(lemma) else tok.lower_


def tagged_phrases(doc: Doc, names: frozenset[str] = frozenset()) -> list[tuple[tuple[str, ...], str, str]]:
    """The key phrases of one tagged text: (the words as written, lower case; the phrase with its head
    in the singular; the head). A phrase is a run of adjectives and nouns ending in a common noun, at
    most three words; a run of names alone is a setting or a speaker, not a topic. No parse is needed."""
    out = []
    run: list[Token] = []
    for tok in [*doc, None]:
        if tok is not None and _keep(tok, names):
            run.append(tok)
            continue
        while run and run[-1].pos_ != "NOUN":
            run.pop()  # a phrase ends in a common noun
        if run and run[-1].lemma_.lower() not in role_nouns() and _head_lemma(run[-1]) not in generic_nouns():
            words = run[-3:]
            while words and words[0].pos_ == "ADJ" and words[0].lower_ in generic_nouns():
                words = words[1:]
            head = _head_lemma(words[-1])
            for k in range(len(words)):  # the phrase and its tails ("private email server", "email server")
                part = words[k:]
                if all(t.pos_ == "PROPN" for t in part[:-1]) and len(part) > 1 and part[0].pos_ == "PROPN":
                    continue
                if len(part) == 1 and part[0].pos_ != "NOUN":
                    continue
                text = " ".join([*(t.lower_ for t in part[:-1]), head])
                out.append((tuple(t.lower_ for t in part), text, head))
        run = []
    return out


def phrases(doc: Doc) -> set[tuple[str, str]]:
    """The key phrases of one tagged text (longest first per run), with their head lemmas."""
    found = tagged_phrases(doc)
    return {(text, head) for _, text, head in found}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _family(word: str, other: str) -> bool:
    """Two nouns of one word family: "immigrant" and "immigration", "email" and "emails"."""
    if word == other:
        return True
    n = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        n += 1
    short = min(len(word), len(other))
    longer = max(word, other, key=len)
    # a plural ("gun", "guns"), a long shared stem ("immigra"); never "polic(y|e)", "law(suit)", "fee(t)"
    return longer in (min(word, other, key=len) + "s", min(word, other, key=len) + "es") or (
        n >= 6 and n >= 0.75 * short
    )


@dataclass
class _Vocabulary:
    """Phrases learned from a tagged sample: each phrase's text, head noun and written forms, and how
    often each word was seen and seen as a noun."""

    lexicon: dict[tuple[str, ...], str] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)
    forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    own: list[str] = field(default_factory=list)
    seen: Counter[str] = field(default_factory=Counter)
    as_noun: Counter[str] = field(default_factory=Counter)
    word_df: Counter[str] = field(default_factory=Counter)

    def learn(self, docs: Iterable[Doc], names: frozenset[str]) -> None:
        for doc in docs:
            self.own.append(doc.text)
            for tok in doc:
                self.seen[tok.lower_] += 1
                self.as_noun[tok.lower_] += tok.pos_ == "NOUN"
            for words, text, head in tagged_phrases(doc, names):
                self.lexicon[words] = text
                self.heads[text] = head
                self.forms[text][" ".join(words)] += 1
        # counting ignores the tags: a single word counts only when it is mostly a noun
        self.lexicon = {w: t for w, t in self.lexicon.items() if len(w) > 1 or self.nounish(t)}

    def nounish(self, word: str) -> bool:
        """Mostly a noun where the sample has it ("change" is often a verb, "email" never)."""
        written = {*self.forms.get(word, Counter()), word}
        return sum(self.as_noun[f] for f in written) >= NOUNISH * max(1, sum(self.seen[f] for f in written))

    def used(self, word: str) -> int:
        return max([self.word_df[word], *(self.word_df[f] for f in self.forms.get(word, ()))])

    def count(self, corpus: Sequence[str]) -> dict[str, set[int]]:
        """The remarks each phrase occurs in (and, kept, each word's document frequency)."""
        longest = max(len(w) for w in self.lexicon)
        where: dict[str, set[int]] = defaultdict(set)
        for i, text in enumerate(corpus):
            tokens = _WORD.findall(text.lower())
            self.word_df.update(set(tokens))
            for size in range(1, longest + 1):
                for j in range(len(tokens) - size + 1):
                    found = self.lexicon.get(tuple(tokens[j : j + size]))
                    if found:
                        where[found].add(i)
        return where


def _ranked(where: dict[str, set[int]], total: int, least: int) -> list[str]:
    """Phrases by how many remarks use them against how common they are, longer phrases first on a tie."""
    score = {}
    for text, docs_in in where.items():
        df = len(docs_in)
        if df < least:
            continue
        idf = math.log((1 + total) / (1 + df)) + 1
        score[text] = df * idf * (1 + 0.6 * text.count(" "))
    return sorted(score, key=lambda t: (-score[t], t))


def propose_from_docs(
    docs: Iterable[Doc],
    *,
    n: int = 8,
    texts: Sequence[str] | None = None,
    names: frozenset[str] = frozenset(),
) -> list[Topic]:
    """Up to ``n`` draft topics. ``docs``: tagged texts to learn the phrases from; ``texts``: where to
    count them (default: the docs' own texts)."""
    vocab = _Vocabulary()
    vocab.learn(docs, names)
    corpus = list(texts) if texts is not None else vocab.own
    total = len(corpus)
    if not total or not vocab.lexicon:
        return []
    where = vocab.count(corpus)
    least = 3 if total > 50 else (2 if total > 2 else 1)
    order = _ranked(where, total, least)
    nouns = {w for t in order for w in t.split()} & set(vocab.heads.values())
    taken: set[str] = set()
    topics: list[Topic] = []
    for seed in order:
        if len(topics) >= n:
            break
        topic = _theme(seed, order, where, vocab, nouns, taken, total, least)
        if topic is not None:
            topics.append(topic)
    return topics


def _theme(
    seed: str,
    order: list[str],
    where: dict[str, set[int]],
    vocab: _Vocabulary,
    nouns: set[str],
    taken: set[str],
    total: int,
    least: int,
) -> Topic | None:
    """The draft topic a phrase seeds, or None; ``taken`` gains the nouns of a theme proposed."""
    if " " not in seed:
        return None  # a theme is seeded by a phrase ("gun control"); its words join it as keywords
    # the nouns that carry the theme: mostly nouns, in few enough remarks to be this matter and not
    # talk in general ("climate" of "climate change", not "change")
    seed_df = len(where[seed])
    words = [w for w in seed.split() if w in nouns]
    if any(_family(w, t) for w in words for t in taken):
        return None  # a matter already proposed ("immigration reform" after "illegal immigrants")

    def carries(w: str) -> bool:
        if total < 50:
            return True
        if not vocab.nounish(w) or vocab.used(w) > _SPECIFIC * total:
            return False
        if w == vocab.heads[seed]:  # the head: in not many more remarks than the phrase
            return vocab.used(w) <= CARRIER * seed_df
        return True  # a modifier noun names the matter ("climate" change, "gun" control, "email" server)

    carriers = [w for w in words if carries(w)]
    if not carriers:
        return None
    family = {h for h in nouns if any(_family(h, w) for w in carriers)}
    theme = [t for t in order if t != seed and set(t.split()) & family]
    docs_in = set(where[seed]).union(*(where[t] for t in theme))
    # the terms that co-occur: most of their remarks are the theme's
    near = [
        t for t in order[:600]
        if t != seed and t not in theme and len(where[t] & docs_in) >= max(least, _JOIN * len(where[t]))
    ]  # fmt: skip
    taken |= family
    forms = vocab.forms
    label = forms[seed].most_common(1)[0][0] if forms.get(seed) else seed
    keywords: list[str] = []
    for t in [seed, *theme, *near]:
        for form in [t, *(f for f, _ in forms.get(t, Counter()).most_common(2))]:
            if form not in keywords:
                keywords.append(form)
    log.info("proposed topic %r: %d remarks, keywords %s", label, len(docs_in), ", ".join(keywords[:6]))
    # a draft: no stance is judged until a person writes the claim
    return Topic(id=f"proposed-{_slug(seed)}", label=label, proposition="", keywords=tuple(keywords[:MAX_KEYWORDS]))


def _sample(texts: Sequence[str], size: int) -> list[str]:
    if len(texts) <= size:
        return list(texts)
    step = len(texts) / size
    return [texts[int(i * step)] for i in range(size)]


def propose_topics(
    texts: Sequence[str],
    *,
    n: int = 8,
    nlp: Language | None = None,
    names: Iterable[str] = (),
    progress: Callable[[str], None] | None = None,
    sample: int = SAMPLE,
) -> list[Topic]:
    """Up to ``n`` draft topics from ``texts`` (what was said: one text per remark), tagged with
    ``nlp`` (the default model when None; only its tagger and lemmatizer run, on an even sample of
    ``sample`` texts). ``names``: speakers' names, whose words are never a topic. ``progress`` is told
    what is being done."""
    if not texts:
        return []
    say = progress or (lambda _msg: None)
    if nlp is None:
        say("loading the language model")
        from quotegraph.extract.nlp import load_base

        nlp = load_base()
    name_words = frozenset(w for name in names for w in _WORD.findall(name.lower()) if len(w) > 2)
    learn = _sample(texts, sample)
    tagging = [p for p in nlp.pipe_names if p in _TAG_PIPES]
    say(f"tagging {len(learn):,} of {len(texts):,} remarks to learn the phrases")
    with nlp.select_pipes(enable=tagging):
        docs = list(nlp.pipe(learn, batch_size=256))
    say(f"counting the phrases in {len(texts):,} remarks")
    topics = propose_from_docs(docs, n=n, texts=texts, names=name_words)
    say(f"{len(topics)} topics proposed")
    return topics


def said(statements: Iterable[Any]) -> tuple[list[str], list[str]]:
    """What was said, one text per remark (the reports of one merged statement count once), and the
    names of the speakers who are persons."""
    seen: dict[str, str] = {}
    names: set[str] = set()
    for s in statements:
        key = s.statement_id or (f"{s.article_key}#{s.utterance}" if s.utterance else f"{s.article_key}@{s.start}")
        if key in seen:
            if s.utterance and not s.statement_id:
                seen[key] += " " + s.quote
        else:
            seen[key] = s.quote
        if s.speaker and s.speaker_type == "person":
            names.add(s.speaker)  # a person's name is no topic (an organisation's may be: "Border Patrol")
    return list(seen.values()), sorted(names)


def topics_yaml(topics: Sequence[Topic]) -> str:
    """Topics as a topics file (the format :func:`quotegraph.extract.stance.topics.load_topics` reads)."""
    items = []
    for t in topics:
        item: dict[str, Any] = {"id": t.id, "label": t.label, "proposition": t.proposition or None}
        if not t.proposition:
            item["draft"] = True
        item["keywords"] = list(t.keywords)
        items.append(item)
    header = (
        "# Proposed topics (quotegraph propose-topics). Each is a draft: no stance is judged on it until you\n"
        "# write its proposition (the claim a remark supports or opposes, format: docs/topics.md) and drop\n"
        "# 'draft'. Edit the labels and keywords too, then build again with --topics.\n"
    )
    data = {"topics": items}
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write_proposed(topics: Sequence[Topic], path: str | Path) -> Path:
    from quotegraph.extract.atomic import atomic_write

    path = Path(path)
    with atomic_write(path) as f:
        f.write(topics_yaml(topics))
    return path
