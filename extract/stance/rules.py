"""The offline default: topic assignment by keyword and lemma overlap, stance by cue, modality,
negation and the topic's own examples, then by what the quote says about the proposition (evaluation in
the direction of the proposition's own, assertion or denial of its content); else undetermined.
Lexicons in ``resources/stance.yaml`` and VADER's general sentiment lexicon; nothing names a topic."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from quotegraph.extract.model import Statement
from quotegraph.extract.stance.camp import camp_stance
from quotegraph.extract.stance.evaluate import (
    aimed_at,
    cue_object,
    described_acts,
    evaluation,
    main_negations,
    named,
    quote_tokens,
    reported,
)
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, ascii_quotes, fold
from spacy.tokens import Token

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NAME_WORD = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """A light stemmer, enough to meet "restrictions"/"restriction", "strikes"/"striking"."""
    for suffix in ("ations", "ation", "ities", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """The stemmed content words of ``text`` (a fresh list; the work is cached per text)."""
    return list(_terms(text))


@lru_cache(maxsize=16384)
def _terms(text: str) -> tuple[str, ...]:
    # one statement's quote, sentence, paragraph and title are scored against every topic: normalised once
    return tuple(stem(w) for w in _WORD.findall(fold(text)) if w not in STOP_WORDS)


@lru_cache(maxsize=16384)
def _joined_terms(text: str) -> str:
    return " ".join(_terms(text))


@dataclass(frozen=True)
class Lexicon:
    support_cues: frozenset[str]
    weak_support_cues: frozenset[str]
    oppose_cues: frozenset[str]
    support_words: frozenset[str]
    support_phrases: tuple[str, ...]
    oppose_phrases: tuple[str, ...]
    negations: frozenset[str]
    negative_words: frozenset[str]
    neutral_phrases: tuple[str, ...]
    hedges: frozenset[str]
    procedural: frozenset[str] = frozenset()
    commentary: frozenset[str] = frozenset()
    assertive: frozenset[str] = frozenset()
    referential: frozenset[str] = frozenset()
    contest: frozenset[str] = frozenset()
    removing: tuple[str, ...] = ()
    valences: Mapping[str, float] = field(default_factory=dict)
    denials: tuple[str, ...] = ()
    utterances: frozenset[str] = frozenset()
    prescriptive: tuple[str, ...] = ()
    negative_cues: frozenset[str] = frozenset()
    positive_cues: frozenset[str] = frozenset()
    camp_nouns: frozenset[str] = frozenset()
    averting: tuple[str, ...] = ()
    failing: tuple[str, ...] = ()
    rhetorical: tuple[str, ...] = ()
    reporting: frozenset[str] = frozenset()
    reactions: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("quotegraph.extract.resources").joinpath("stance.yaml").read_text("utf-8"))
    return Lexicon(
        support_cues=frozenset(data["support_cues"]),
        weak_support_cues=frozenset(data.get("weak_support_cues") or ()),
        oppose_cues=frozenset(data["oppose_cues"]),
        support_words=frozenset(data["support_words"]),
        support_phrases=tuple(fold(p) for p in data["support_phrases"]),
        oppose_phrases=tuple(fold(p) for p in data["oppose_phrases"]),
        negations=frozenset(data["negations"]),
        negative_words=frozenset(data["negative_words"]),
        neutral_phrases=tuple(fold(p) for p in data["neutral_phrases"]),
        hedges=frozenset(data.get("hedges") or ()),
        procedural=frozenset(data.get("procedural") or ()),
        commentary=frozenset(data.get("commentary") or ()),
        assertive=frozenset(data.get("assertive") or ()),
        referential=frozenset(data.get("referential") or ()),
        contest=frozenset(data.get("contest") or ()),
        removing=tuple(fold(w) for w in data.get("removing") or ()),
        valences={str(w).lower(): float(v) for w, v in (data.get("valences") or {}).items()},
        denials=tuple(fold(p) for p in data.get("denials") or ()),
        utterances=frozenset(data.get("utterances") or ()),
        prescriptive=tuple(fold(w) for w in data.get("prescriptive") or ()),
        negative_cues=frozenset(data.get("negative_cues") or ()),
        positive_cues=frozenset(data.get("positive_cues") or ()),
        camp_nouns=frozenset(fold(w) for w in data.get("camp_nouns") or ()),
        averting=tuple(fold(w) for w in data.get("averting") or ()),
        failing=tuple(fold(w) for w in data.get("failing") or ()),
        rhetorical=tuple(fold(w) for w in data.get("rhetorical") or ()),
        reporting=frozenset(fold(w) for w in data.get("reporting") or ()),
        reactions=frozenset(data.get("reactions") or ()),
    )


@lru_cache(maxsize=1)
def _cue_classes() -> dict[str, str]:
    lex = lexicon()
    out: dict[str, str] = {}
    for name, words in (
        ("weak", lex.weak_support_cues),
        ("support", lex.support_cues),
        ("oppose", lex.oppose_cues),
        ("positive", lex.positive_cues),
        ("negative", lex.negative_cues),
    ):
        for w in words:
            head, _, rest = w.partition(" ")
            out[w] = name
            out.setdefault(f"{stem(head)} {rest}".strip(), name)
    return out


def cue_class(cue: str | None) -> str | None:
    """What a reporting verb says of its object: ``support``, ``weak`` (leans towards it), ``oppose``
    (refuses, denies), ``negative`` (blames: "criticized", "blasted") or ``positive`` (praises); None when
    it only reports ("said") or names ("called it a hoax"; "called for" is a support cue)."""
    words = fold(cue or "").split()
    if not words:
        return None
    classes = _cue_classes()
    for head in (words[0], stem(words[0]), stem(words[0].rstrip("d"))):
        if len(words) > 1 and f"{head} {words[1]}" in classes:
            return classes[f"{head} {words[1]}"]
    return classes.get(words[0]) or classes.get(stem(words[0])) or classes.get(stem(words[0].rstrip("d")))


@dataclass(frozen=True)
class TopicScore:
    topic: Topic
    score: float
    matched: tuple[str, ...]


def topic_df(topics: Sequence[Topic]) -> dict[str, int]:
    """In how many of ``topics`` each term occurs (proposition, label, keywords): a word shared by several
    topics of one file (a candidate's name, "tax", "president") tells them apart less."""
    df: dict[str, int] = {}
    for topic in topics:
        for t in _topic_terms(topic):
            df[t] = df.get(t, 0) + 1
    return df


@lru_cache(maxsize=256)
def _topic_terms(topic: Topic) -> frozenset[str]:
    return frozenset(_terms(" ".join((topic.proposition, topic.label, *topic.keywords))))


def topic_scores(
    topic: Topic, quote: str, sentence: str, paragraph: str, title: str, df: Mapping[str, int] | None = None
) -> TopicScore:
    """How much a statement is about ``topic``: keyword phrases and proposition terms found in the quote
    (weight 3), its sentence (2), paragraph (1) and the headline (0.5). With ``df`` (:func:`topic_df` of the
    topics file), a proposition term counts 1/df and a keyword whose every word other topics share too
    counts 1/(the fewest topics sharing one of its words)."""
    score = 0.0
    matched = []
    layers = ((quote, 3.0), (sentence, 2.0), (paragraph, 1.0), (title, 0.5))
    folded = [(_joined_terms(text), w) for text, w in layers]
    for kw in topic.keywords:
        kt = _joined_terms(kw)
        if not kt:
            continue
        share = 1.0 if df is None else 1.0 / min(df.get(t, 1) for t in kt.split())
        for text, w in folded:
            if f" {kt} " in f" {text} ":
                score += w * (1 + 0.5 * kt.count(" ")) * share
                matched.append(kw)
                break
    prop = set(_terms(topic.proposition + " " + topic.label))
    quote_terms = set(_terms(quote))
    overlap = prop & quote_terms
    score += sum(0.6 / (1 if df is None else df.get(t, 1)) for t in overlap)
    matched += sorted(overlap)
    return TopicScore(topic, score, tuple(dict.fromkeys(matched)))


_CLAUSE_BREAK = re.compile(r"[;:]\s+|[.!?]\s+|,?\s+\b(?:but|while|whereas|although|though|yet)\b\s+", re.I)


def topic_clauses(topic: Topic, quote: str) -> str | None:
    """The clauses of ``quote`` that speak of ``topic`` (a keyword phrase, or two terms of its
    proposition), joined; None when no clause does. "We are providing weapons and ammunition, but we
    will not directly participate" speaks of arms deliveries in its first clause only."""
    clauses = [c for c in _CLAUSE_BREAK.split(quote) if c.strip()]
    if len(clauses) < 2:
        clauses = [quote]
    prop = set(terms(topic.proposition + " " + topic.label))
    keywords = [" ".join(terms(kw)) for kw in topic.keywords]
    hits = []
    for clause in clauses:
        folded = f" {' '.join(terms(clause))} "
        if any(kw and f" {kw} " in folded for kw in keywords) or len(prop & set(terms(clause))) >= 2:
            hits.append(clause)
    return " ... ".join(hits) if hits else None


EVALUATIVE = 0.3
"""|compound| of VADER from which a quote evaluates (positive or negative)."""
NEUTRAL_PROPOSITION = 0.05
"""A proposition this close to 0 reads as positive (an aim to pursue: "X should be renewed")."""
ASSERTED_TERMS = 1
PROCEDURAL_MAX = 0.6
REACTION_MAX = 0.7
"""|compound| below which a quote that voices a reaction of feeling (sorrow, concern) takes no side."""
"""|compound| below which a quote about the steps of a process (procedural words) takes no side."""

"""Proposition terms a clause must share to assert (or deny) its content."""


@lru_cache(maxsize=1)
def _sentiment() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(lexicon().valences)  # the words of political news it lacks ("corrupt", "concerns")
    return analyzer


@lru_cache(maxsize=8192)
def sentiment(text: str) -> tuple[float, float, float]:
    """VADER's compound polarity of ``text`` (-1 negative .. 1 positive) and its positive and negative
    shares (0 .. 1)."""
    # VADER strips only ASCII punctuation from its words: "‘A Disgrace’" would hide "disgrace"
    s = _sentiment().polarity_scores(ascii_quotes(text))
    return float(s["compound"]), float(s["pos"]), float(s["neg"])


def polarity(text: str) -> float:
    """VADER's compound polarity of ``text``, -1 (negative) .. 1 (positive)."""
    return sentiment(text)[0]


def _words_of(texts: Sequence[str]) -> frozenset[str]:
    return frozenset(w for text in texts for w in _WORD.findall(fold(text)))


def _without(text: str, words: frozenset[str]) -> str:
    """``text`` with the words of ``words`` (folded) left out."""
    return re.sub(r"[\w']+", lambda m: "" if fold(m.group(0)) in words else m.group(0), text)


@lru_cache(maxsize=256)
def _topic_words(topic: Topic) -> frozenset[str]:
    return _words_of((topic.label, *topic.keywords))


def without_topic_words(text: str, topic: Topic) -> str:
    """``text`` without the words of the topic's label and keywords: what is left evaluates ("cut" in
    "cut income tax" names the matter, it is no negative word here)."""
    return _without(text, _topic_words(topic))


@lru_cache(maxsize=256)
def accuses(topic: Topic) -> bool:
    """The proposition's own evaluation is negative: it accuses or warns ("X demeaned women", "... is a
    serious threat", "... reflect racial bias"), so blame and negative evaluation agree with it and praise
    disagrees; none either way reads as a proposal ("X should be renewed"). Read without the words of the
    keywords, which name the matter ("cut" in "cut income tax"), but with the label's ("biased"), and without
    the words that name a thing in political news ("national security")."""
    return (
        polarity(_without(topic.proposition, _words_of(topic.keywords) | lexicon().referential)) < -NEUTRAL_PROPOSITION
    )


@lru_cache(maxsize=256)
def prescribes(topic: Topic) -> bool:
    """The proposition prescribes a remedy ("... should fight it", "... must be confronted and reformed"):
    praise in a quote may be of the remedy, not of what the proposition blames."""
    text = f" {' '.join(_WORD.findall(fold(topic.proposition)))} "
    return any(f" {w} " in text for w in lexicon().prescriptive)


_OBJECT_BREAK = frozenset(
    {"and", "or", "that", "which", "who", "to", "with", "by", "for", "in", "from", "so", "as", "because", "while", "at"}
)
"""Words that end the object of a removing verb in a proposition ("closing the loopholes | that benefit them")."""


@lru_cache(maxsize=256)
def removed_words(topic: Topic) -> frozenset[str]:
    """The words of what the proposition wants gone: the object after a removing verb ("closing the loopholes
    that benefit them" -> loopholes, loophole; "repeal the Affordable Care Act" -> affordable, care, act)."""
    out: set[str] = set()
    for clause in re.split(r"[,;:.()]", fold(topic.proposition)):
        words = f" {' '.join(_WORD.findall(clause))} "
        for verb in lexicon().removing:
            at = words.find(f" {verb} ")
            if at < 0:
                continue
            for taken, w in enumerate(words[at + len(verb) + 2 :].split()):
                if w in _OBJECT_BREAK or taken == 4:
                    break
                if w not in STOP_WORDS:
                    out.update((w, w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w))
    return frozenset(out)


def _word_hits(words: Sequence[str], phrases: Sequence[str]) -> list[str]:
    """The phrases of ``phrases`` that stand in ``words`` as whole words."""
    text = f" {' '.join(words)} "
    return [p for p in phrases if f" {p} " in text]


def _phrase_hits(text: str, phrases: Sequence[str]) -> list[str]:
    return [p for p in phrases if p in text]


def averted(quote: str, topic: Topic) -> list[str]:
    """The averting verbs of ``quote`` (folded) whose clause, after the verb, names one of the topic's
    keyword phrases: "to prevent this war from turning into a war between Russia and NATO"."""
    lex = lexicon()
    keywords = [kt for kt in (_joined_terms(kw) for kw in topic.keywords) if kt]
    out = []
    for clause in _CLAUSE_BREAK.split(quote):
        words = f" {' '.join(_WORD.findall(clause))} "
        for verb in lex.averting:
            at = words.find(f" {verb} ")
            if at >= 0 and any(f" {kt} " in f" {_joined_terms(words[at:])} " for kt in keywords):
                out.append(verb)
    return out


def demands(words: Sequence[str]) -> bool:
    """The quote demands something ("he should release them", "the sooner, the better"), not negated."""
    text = f" {' '.join(words)} "
    lex = lexicon()
    return any(f" {p} " in text for p in lex.prescriptive) and not any(
        w in lex.negations or w.endswith("n't") for w in words
    )


def _cue_weight(statement: Statement, topic: Topic, kind: str, words: Sequence[str]) -> tuple[float, str]:
    """What the reporting verb says: a support or oppose cue its side; one that blames or praises its
    object sides with an accusation when it blames (against a proposal when it blames), unless the blame
    is for not doing something ("criticized him for not releasing them": a demand, it supports), or falls
    on someone the topic does not name (blame of the accusers, not of the accused: it opposes)."""
    if kind not in ("negative", "positive"):
        return {"support": 1.0, "weak": 0.5, "oppose": -1.5}[kind], ""
    accusing = accuses(topic)
    if kind == "negative" and _word_hits(words, lexicon().failing):
        return 1.0, " (for not doing)"
    target = cue_object(statement)
    if target is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in target.head.children):
        target = None  # "accused X of Y": the charge Y says what the blame is about, not X
    if target is not None and aimed_at(target, removed_words(topic)):
        # blame of what a proposal would remove agrees with it ("attacked loopholes that benefit others")
        return (1.0 if kind == "negative" else -1.5), " (aimed at what it would remove)"
    if accusing and target is not None and named(target) and not aimed_at(target, _target_words(topic)):
        return (-1.5 if kind == "negative" else 1.0), f" (aimed at {target.text})"
    # blame of what the proposition accuses supports it; blame of what it proposes opposes it
    return (1.0 if (kind == "negative") == accusing else -1.5), ""


def stance_of(statement: Statement, topic: Topic, sentence: str) -> tuple[str | None, float, tuple[str, ...]]:
    """Stance of a statement on ``topic``'s proposition, with confidence and the deciding words."""
    lex = lexicon()
    quote = fold(statement.quote)
    evidence: list[str] = []
    score = 0.0
    # the topic's clauses of a quote lose their question marks: "why ..." asks without one
    asked = [p for p in _phrase_hits(quote, lex.rhetorical) if "?" in quote or p.startswith("why ")]
    if asked:
        # "why won't he release them?", "how many times do we have to see this?": a demand or a charge put
        # as a question; its negation is part of the charge, no denial
        for p in asked:
            quote = quote.replace(p, " ")
        score += 1.5
        evidence.append(f"rhetorical question: {asked[0]}")
    words = _WORD.findall(quote)
    accusing = accuses(topic)
    kind = cue_class(statement.cue)
    if kind is not None:
        weight, why = _cue_weight(statement, topic, kind, words)
        score += weight
        evidence.append(f"cue: {statement.cue}{why}")
    for p in _phrase_hits(quote, lex.support_phrases):
        score += 1.5
        evidence.append(p)
    for p in _phrase_hits(quote, lex.oppose_phrases):
        score -= 1.5
        evidence.append(p)
    for p in _word_hits(words, lex.denials):
        # the claim is dismissed as untrue or overblown
        score -= 1.5
        evidence.append(f"denial: {p}")
    tokens = quote_tokens(statement)
    averting = averted(quote, topic)
    told: frozenset[str] = frozenset()
    if averting and tokens is not None:
        inside = {t.i for t in tokens}
        # what others avoid is told, not wanted ("corporations avoid paying their share"), and so is what the
        # quote reports others hold ("the notion that something would prevent it")
        told = described_acts(tokens) | {t.lower_ for t in tokens if reported(t, inside, lex.reporting)}
    for p in averting:
        if p.split()[0] in told:
            continue
        # what is kept from happening is the topic's matter
        score -= 1.5
        evidence.append(f"averts: {p}")
    neutral = _phrase_hits(quote, lex.neutral_phrases)
    # the negation of a blame for not doing something is the blame's ("for not releasing them")
    failed = len(_word_hits(words, lex.failing)) if kind == "negative" else 0
    negations = sum(1 for w in words if w in lex.negations or w.endswith("n't"))
    if tokens is not None and negations:
        # the parse tells a negation in a clause inside the quote's own, which denies nothing it asserts
        negations = min(negations, main_negations(tokens, lex.negations))
    negated = max(0, negations - failed)
    support_words = [w for w in words if w in lex.support_words]
    general = 0.0  # what words of wanting ("need", "more") add: a call for an investigation takes no side
    if support_words and not negated:
        general = 0.6 * min(2, len(support_words))
        score += general
        evidence += support_words[:2]
    if negated and not accusing and not _phrase_hits(quote, lex.oppose_phrases):
        # an accusation is often made of negative claims ("he never paid", "she told nobody"): there a
        # negation alone denies nothing
        score -= 0.75 * min(2, negated)
        evidence.append("negation")
    negative = [w for w in words if w in lex.negative_words]
    if negative:
        # pejorative words oppose a proposition that praises or proposes; they support one that accuses
        accusing = accuses(topic)
        score += (0.5 if accusing else -0.5) * min(3, len(negative))
        evidence += negative[:3]
    # the topic's own examples: the closest one votes
    if topic.examples:
        mine = set(terms(statement.quote))
        best, best_sim = None, 0.0
        for text, label in topic.examples:
            theirs = set(terms(text))
            sim = len(mine & theirs) / max(1, len(mine | theirs))
            if sim > best_sim:
                best, best_sim = label, sim
        if best and best_sim >= 0.2:
            score += {"support": 1.0, "oppose": -1.0, "neutral": 0.0}[best] * min(1.0, best_sim * 4)
            evidence.append(f"like example ({best})")
    if neutral and abs(score) < 2.5:
        evidence += neutral
        return "neutral", 0.6, tuple(evidence)
    if general and score - general < 1.0 and any(w in lex.procedural for w in words):
        # what is wanted is a step of a process ("a need for more oversight", "more detailed records"):
        # the content decides, where the process's words read as taking no side
        return _by_content(statement, topic, words, negated, evidence, tokens)
    if score >= 1.0:
        return "support", min(0.95, 0.5 + 0.12 * score), tuple(evidence)
    if score <= -1.0:
        return "oppose", min(0.95, 0.5 + 0.12 * -score), tuple(evidence)
    return _by_content(statement, topic, words, negated, evidence, tokens)


def side_taken(evidence: Sequence[str]) -> bool:
    """Some evidence so far takes a side, beyond the topic's words and the words of wanting ("need",
    "more"), which say nothing of a side alone."""
    return evidence_taken(e for e in evidence if e not in lexicon().support_words)


def evidence_taken(evidence: Iterable[str]) -> bool:
    """Some evidence so far takes a side (beyond the topic's own words)."""
    return any(not e.startswith("topic: ") for e in evidence)


def _evaluation(
    statement: Statement, topic: Topic, tokens: list[Token] | None
) -> tuple[float, str, tuple[str, ...], float]:
    """The quote's evaluation: read from the parse of its article when there is one (a negation's scope,
    lemmas, whom the blame is aimed at), else VADER over the text; with the evaluating words for the
    evidence, the people or things blamed that the topic's words do not name, and the share of it aimed at what
    the proposition would do away with. ``tokens``: the quote's in the parse (:func:`quote_tokens`), or None."""
    if tokens is None:
        return sentiment(without_topic_words(statement.quote, topic))[0], "", (), 0.0
    lex = lexicon()
    skip = _topic_words(topic) | lex.assertive | lex.referential | lex.contest
    found = evaluation(tokens, skip, lex.negations, _target_words(topic), lex.reporting, removed_words(topic))
    tone = f": {', '.join(found.words[:3])}" if found.words else ""
    return found.compound, tone, found.blamed_others, found.on_removed


@lru_cache(maxsize=256)
def _target_words(topic: Topic) -> frozenset[str]:
    """The words by which a topic names whom and what it is about (proposition, label and keywords)."""
    texts = (topic.proposition, topic.label, *topic.keywords)
    return frozenset(w for text in texts for w in _NAME_WORD.findall(fold(text)) if w not in STOP_WORDS and w != "s")


def _by_content(
    statement: Statement,
    topic: Topic,
    words: list[str],
    negated: int,
    evidence: list[str],
    tokens: list[Token] | None,
) -> tuple[str | None, float, tuple[str, ...]]:
    """No stance word decided: what the quote says about the proposition does. Evaluative language (a
    general sentiment lexicon, VADER) that agrees in direction with the proposition's own supports it,
    against it opposes it; a clause that asserts the proposition's content without negation or hedge
    supports it. Nothing either way: undetermined (None, low confidence)."""
    lex = lexicon()
    accusing = accuses(topic)
    q, tone_words, others, on_removed = _evaluation(statement, topic, tokens)
    felt = [w for w in words if w in lex.reactions]
    if felt and not side_taken(evidence) and abs(q) < REACTION_MAX:
        # sorrow or concern at an event, with nothing said of the proposition: on the topic, no side
        return "neutral", 0.45, (*evidence, f"reaction: {', '.join(felt[:2])}")
    steps = [w for w in words if w in lex.procedural]
    if steps and abs(q) < PROCEDURAL_MAX:
        # steps of a process (an investigation, a release, a review), not a side: on the topic, neutral
        return "neutral", 0.45, (*evidence, f"procedure: {', '.join(steps[:2])}")
    # the contest's words that the topic itself uses ("voters" of a topic on voter fraud) are its matter
    contest = [w for w in words if (w in lex.commentary or w in lex.contest) and stem(w) not in _topic_terms(topic)]
    if contest and not side_taken(evidence) and abs(q) < EVALUATIVE:
        # how the matter plays in the race (the polls, the voters), not whether it holds: on the topic, neutral
        return "neutral", 0.45, (*evidence, f"commentary: {', '.join(contest[:2])}")
    if abs(q) >= EVALUATIVE and on_removed >= 0.5:
        # aimed at what the proposition would do away with ("these fees are a disaster" on scrapping them):
        # blame agrees with it, praise disagrees, whatever else the proposition says
        stance, tone = ("support", "blames") if q < 0 else ("oppose", "praises")
        return stance, round(0.5 + 0.2 * abs(q), 3), (*evidence, f"{tone} what it would remove ({q:+.2f}){tone_words}")
    if abs(q) >= EVALUATIVE:
        # a proposal: praise of what it proposes supports it, blame opposes it; an accusation the reverse,
        # unless it also prescribes a remedy: then blame agrees with its diagnosis, praise with its remedy
        # a quote that demands something of the accused praises the remedy ("he should release them")
        remedy = prescribes(topic) or demands(words)
        stance = "support" if (q > 0) != accusing or (accusing and remedy) else "oppose"
        tone = "positive" if q > 0 else "negative"
        if accusing and q < 0 and others:
            # blame of someone the accusation does not name: of its accusers or a third party, not of the accused
            return "oppose", round(0.5 + 0.2 * abs(q), 3), (*evidence, f"blames others: {', '.join(others[:2])}")
        if accusing and q < 0 and not remedy:
            camp = camp_stance(statement, topic, accusing, lex.camp_nouns)
            if camp is not None and camp[0] == "oppose":
                # the accused and their camp blame their accusers, not themselves ("orchestrated for political
                # gain", "a bid to hurt her candidacy")
                return "oppose", round(0.5 + 0.2 * abs(q), 3), (*evidence, f"blames the accusers: {camp[1]} ({q:+.2f})")
        said = [w for w in words if w in lex.utterances]
        if accusing and q < 0 and said:
            # blame of what someone said ("those comments are a disgrace") is of the accusers, not the accused
            return "oppose", round(0.5 + 0.2 * abs(q), 3), (*evidence, f"blames what was said: {said[0]} ({q:+.2f})")
        return stance, round(0.5 + 0.2 * abs(q), 3), (*evidence, f"{tone} evaluation ({q:+.2f}){tone_words}")
    hedged = any(w in lex.hedges for w in words)
    prop = set(terms(topic.proposition + " " + topic.label))
    asserted = len(prop & set(terms(statement.quote)))
    camp = camp_stance(statement, topic, accusing, lex.camp_nouns)
    if not hedged and asserted >= ASSERTED_TERMS:
        if negated and (not accusing or (camp is not None and camp[0] == "oppose")):
            # a proposal negated, or an accusation negated by the accused or their camp ("none of her emails
            # were marked classified"), is denied
            return "oppose", 0.5, (*evidence, "denies the proposition")
        if camp is None or camp[0] != "oppose":
            # an accusation is made of negative claims: "he never paid", "they avoided the doctors" assert it;
            # the accused does not assert it of themselves
            return "support", 0.5, (*evidence, "asserts the proposition")
    if camp is not None:
        # nothing in the quote decides: who says it does, weakly (one defends oneself and one's side)
        return camp[0], 0.4, (*evidence, f"camp: {camp[1]}")
    return None, 0.2, (*evidence, "no evidence either way")
