"""The stance lexicons and the general sentiment lexicon, read once: the words of ``resources/stance.yaml``
(cues, phrases, negations, hedges, ...), VADER with the evaluative words of political news it lacks, the
light stemmer and the content terms of a text. Shared by the parse reading (:mod:`.evaluate`) and the rules
(:mod:`.rules`), which import it and not each other."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, ascii_quotes, fold, resource_yaml, suffix_stem, surname

CONTRAST = ("but", "while", "whereas", "although", "though", "yet")
"""The words of contrast that part a quote's clauses (:data:`CLAUSE_BREAK`)."""


def clause_breaks(words: Sequence[str]) -> re.Pattern[str]:
    """Where clauses part: a sentence end, semicolon or colon before whitespace, or one of ``words`` between
    whitespace (a comma before it, if any, with it): ``[;:.!?]\\s+|,?\\s+\\b(?:words)\\b\\s+``, case-insensitive.
    Written to open on one character class (what the break's first character is, looked back at to tell
    which it was), so that the regex engine skips ahead to such a character instead of trying each
    alternative at every position of the text: the same breaks, in a third less time."""
    either = "|".join(words)
    return re.compile(
        rf"[;:.!?,\s](?:(?<=[;:.!?])\s+|(?<=,)\s+\b(?:{either})\b\s+|(?<=\s)\s*\b(?:{either})\b\s+)", re.I
    )


CLAUSE_BREAK = clause_breaks(CONTRAST)
"""Where a quote's clauses part: sentence ends, semicolons and colons, and contrast ("but", "while")."""
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NAME_WORD = re.compile(r"[a-z0-9]+")
_ALNUM = b"abcdefghijklmnopqrstuvwxyz0123456789"
_NAME_BYTES = bytes(c if c in _ALNUM else 32 for c in range(256))
"""A ``bytes.translate`` table that keeps the bytes of :data:`NAME_WORD`'s words and makes every other a space."""
_WORD_BYTES = bytes(c if c in _ALNUM + b"'" else 32 for c in range(256))
"""The same for the bytes :data:`WORD`'s words are made of (an apostrophe too)."""
STEM_SUFFIXES = ("ations", "ation", "ities", "ing", "ies", "ed", "es", "s")
"""The light stemmer's suffixes, longest first; a stem keeps at least 4 letters."""


folded = lru_cache(maxsize=1024)(fold)
""":func:`~quotegraph.extract.text.fold`, cached: the stance stage folds one statement's quote (and its sentence,
paragraph) in several places (its words, its tokens' check, its reading, its comparison)."""


def _runs(text: str, table: bytes) -> list[str]:
    """The runs of ``text``'s characters that ``table`` keeps: the text made ASCII (any other character a "?"),
    every byte the table does not keep a space, then split."""
    return text.encode("ascii", "replace").translate(table).decode("ascii").split()


def find_name_words(text: str) -> list[str]:
    """``NAME_WORD.findall(text)``, the letter and digit runs of a folded text, found by a byte table (:func:`_runs`):
    the same words, in a fraction of the regex's time."""
    return _runs(text, _NAME_BYTES)


def find_words(text: str) -> list[str]:
    """``WORD.findall(text)``, the words of a folded text ("don't" one word), found by a byte table (:func:`_runs`:
    a word's letters, digits and apostrophes kept); only a run with an apostrophe is read by the regex (a word
    cannot reach across a space, so each run's words are its words in the whole text). The same words, in a
    fraction of the regex's time."""
    runs = _runs(text, _WORD_BYTES)
    if "'" not in text:
        return runs
    return [w for run in runs for w in (WORD.findall(run) if "'" in run else (run,))]


surname_of = lru_cache(maxsize=4096)(surname)
""":func:`~quotegraph.extract.text.surname`, cached: the same speakers and people come back for every statement
and pronoun of an article."""


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stemmer, enough to meet "restrictions"/"restriction", "strikes"/"striking" (cached: the same
    words come back in every quote)."""
    return suffix_stem(word, STEM_SUFFIXES, 4)


def terms(text: str) -> list[str]:
    """The stemmed content words of ``text`` (a fresh list; the work is cached per text)."""
    return list(content_terms(text))


@lru_cache(maxsize=16384)
def content_terms(text: str) -> tuple[str, ...]:
    # one statement's quote, sentence, paragraph and title are scored against every topic: normalised once
    return tuple(stem(w) for w in find_words(folded(text)) if w not in STOP_WORDS)


@lru_cache(maxsize=16384)
def joined_terms(text: str) -> str:
    return " ".join(content_terms(text))


@lru_cache(maxsize=256)
def topic_terms(topic: Topic) -> frozenset[str]:
    """The stemmed content terms of the topic's proposition, label and keywords."""
    return frozenset(content_terms(topic.text))


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
    adjective_senses: frozenset[str] = frozenset()
    contest: frozenset[str] = frozenset()
    removing: tuple[str, ...] = ()
    removed_states: tuple[str, ...] = ()
    against_verbs: tuple[str, ...] = ()
    keeping: tuple[str, ...] = ()
    kept_states: tuple[str, ...] = ()
    changing: frozenset[str] = frozenset()
    """Predicates of a motion that wants its matter changed ("should be reformed"): a removal agrees with it."""
    unchanged: frozenset[str] = frozenset()
    """Acts that leave a matter as it is ("keep", "preserve"): they disagree with a change."""
    barring: frozenset[str] = frozenset()
    """Predicates that keep someone from an act ("barred from entering"): a motion of one is compared with the
    quote's acts as a removal ("should not be allowed in" agrees), though what it wants gone is the act, not
    the people it names (so the proposition is not read as wanting them gone)."""
    removals: frozenset[str] = frozenset()
    modals: tuple[str, ...] = ()
    compulsion: frozenset[str] = frozenset()
    freedoms: frozenset[str] = frozenset()
    negated_modals: tuple[str, ...] = ()
    modal_fillers: frozenset[str] = frozenset()
    sarcasm: tuple[str, ...] = ()
    declaring: tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]] = (
        frozenset(), frozenset(), (), ())
    """A side declared in the first person: subjects, fillers, phrases for and phrases against."""
    shifters: Mapping[str, float] = field(default_factory=dict)
    """Verbs and nouns (lemmas) that lessen (-1), spread (+1) or damage what they act on, and "verb from"."""
    effect_verbs: frozenset[str] = frozenset()
    """The verbs among the shifters (what a claim says its subject does: "X causes crime")."""
    valences: Mapping[str, float] = field(default_factory=dict)
    denials: tuple[str, ...] = ()
    utterances: frozenset[str] = frozenset()
    attitude_verbs: frozenset[str] = frozenset()
    """Verbs of feeling whose object is what the feeling is about ("like", "hate")."""
    admissions: frozenset[str] = frozenset()
    """Words by which one admits a fault ("mistake", "regret")."""
    prescriptive: tuple[str, ...] = ()
    negative_cues: frozenset[str] = frozenset()
    positive_cues: frozenset[str] = frozenset()
    camp_nouns: frozenset[str] = frozenset()
    side_nouns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Nouns that name a speaker by their side: ``against`` (opponents, critics) and ``for`` (supporters)."""
    averting: tuple[str, ...] = ()
    failing: tuple[str, ...] = ()
    rhetorical: tuple[str, ...] = ()
    reporting: frozenset[str] = frozenset()
    distancing: tuple[str, ...] = ()
    """Words and phrases that tell a claim as reported, not vouched for ("reportedly", "according to")."""
    offices: frozenset[str] = frozenset()
    """Words by which a speaker speaks for an office, not a side ("officials", "a spokesman", "the agency")."""
    reactions: frozenset[str] = frozenset()
    showing: frozenset[str] = frozenset()
    """Verbs by which a thing shows or serves something ("the videos show"): with :attr:`effect_verbs` and the
    guarding verbs, what a step of a process argued with does (:mod:`quotegraph.extract.stance.argued`)."""
    prizes: frozenset[str] = frozenset()
    """What a race is won or lost: winning or losing anything else is no talk of the race."""
    figures: frozenset[str] = frozenset()
    """Phrases whose word of the race names something else ("the human race", "an arms race")."""
    excess: tuple[str, ...] = ()
    """Phrases that say there is too much of what follows ("too many guns", "no more X"): they want it less."""
    lacking: tuple[str, ...] = ()
    """Phrases that say there is too little of what follows ("not enough nurses"): they want more of it."""
    commanding: frozenset[str] = frozenset()
    """Words that may open a clause put as a command before its verb ("let's ban X", "please keep X")."""
    prescribing: tuple[str, ...] = ()
    """Verbs that open a motion put as an imperative and say nothing of its side ("Create X", "Treat X as Y")."""
    neg_raising: frozenset[str] = frozenset()
    """Verbs of opinion whose negation denies their complement ("I don't think it was a problem")."""
    losing: frozenset[str] = frozenset()
    """Words that take a thing away or tell it is missing ("a lack of", "restrictions on", "denying"), with the
    single removing verbs and the removal nouns."""
    lesser: frozenset[str] = frozenset()
    """Words that give less of what they modify ("fewer deaths", "less safe"): its evaluation turns."""
    wronging: frozenset[str] = frozenset()
    """Acts against someone that wrong them ("violence against women"): the one after "against" is no adversary."""
    marks: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Words that mark a kind of statement whose side is less often right (a comparison, a contrast): the
    learned combination weighs each kind (``marks`` of stance.yaml)."""


def _single_words(data: Mapping[str, Any], keys: Sequence[str]) -> frozenset[str]:
    """The one-word entries of the lists ``keys`` of ``data``."""
    return frozenset(str(w) for key in keys for w in data.get(key) or () if " " not in str(w))


def _shifters(data: Mapping[str, Any]) -> dict[str, float]:
    """What each verb or noun does to the evaluation of what it acts on (:func:`~.evaluate.shift`): spreading
    keeps it (1), lessening, guarding ("from") and lifting ("out of") turn it (-1), damaging -2."""
    return {
        **{str(w): 1.0 for w in data.get("spreading") or ()},
        **{str(w): -1.0 for w in data.get("lessening_nouns") or ()},
        **{str(w): -1.0 for w in data.get("lessening") or ()},
        **{f"{w} from": -1.0 for w in data.get("guarding") or ()},
        **{f"{w} out of": -1.0 for w in data.get("lifting") or ()},
        **{str(w): -2.0 for w in data.get("damaging") or ()},
    }


def _declaring(data: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The ``declaring_*`` lists of stance.yaml: subjects, fillers, phrases for and phrases against."""
    return (
        frozenset(fold(w) for w in data.get("declaring_subjects") or ()),
        frozenset(fold(w) for w in data.get("declaring_fillers") or ()),
        tuple(fold(w) for w in data.get("declaring_for") or ()),
        tuple(fold(w) for w in data.get("declaring_against") or ()),
    )


@lru_cache(maxsize=1)
def _stance_data() -> dict[str, Any]:
    """``resources/stance.yaml``, parsed once (read only: every reader makes its own sets of it)."""
    return resource_yaml("stance.yaml")


def _lemma_sets(*keys: str) -> tuple[frozenset[str], ...]:
    """The lists of ``keys`` in stance.yaml as sets (an absent list: empty)."""
    data = _stance_data()
    return tuple(frozenset(data.get(key) or ()) for key in keys)


WORD_SETS = (
    "weak_support_cues", "hedges", "procedural", "commentary", "assertive", "referential", "adjective_senses",
    "contest", "utterances", "attitude_verbs", "admissions", "negative_cues", "positive_cues", "reactions", "prizes",
    "neg_raising",
)
"""The fields of :class:`Lexicon` read from stance.yaml as sets of words as written."""
FOLDED_SETS = (
    "changing", "unchanged", "barring", "removals", "compulsion", "freedoms", "modal_fillers", "camp_nouns",
    "reporting", "offices", "figures", "lesser", "wronging", "commanding",
)
"""The fields read as sets of folded words."""
FOLDED_LISTS = (
    "removing", "removed_states", "against_verbs", "keeping", "kept_states", "modals", "negated_modals", "sarcasm",
    "denials", "prescriptive", "averting", "failing", "rhetorical", "distancing", "prescribing", "excess",
    "lacking",
)
"""The fields read as folded phrases in their order."""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _stance_data()
    return Lexicon(
        **{key: frozenset(data.get(key) or ()) for key in WORD_SETS},
        **{key: frozenset(fold(w) for w in data.get(key) or ()) for key in FOLDED_SETS},
        **{key: tuple(fold(w) for w in data.get(key) or ()) for key in FOLDED_LISTS},
        support_cues=frozenset(data["support_cues"]),
        oppose_cues=frozenset(data["oppose_cues"]),
        support_words=frozenset(data["support_words"]),
        support_phrases=tuple(fold(p) for p in data["support_phrases"]),
        oppose_phrases=tuple(fold(p) for p in data["oppose_phrases"]),
        negations=frozenset(data["negations"]),
        negative_words=frozenset(data["negative_words"]),
        neutral_phrases=tuple(fold(p) for p in data["neutral_phrases"]),
        declaring=_declaring(data),
        shifters=_shifters(data),
        effect_verbs=_single_words(data, ("lessening", "spreading", "damaging")),
        valences={str(w).lower(): float(v) for w, v in (data.get("valences") or {}).items()},
        side_nouns={k: frozenset(fold(w) for w in v) for k, v in (data.get("side_nouns") or {}).items()},
        showing=_single_words(data, ("showing", "lessening", "spreading", "damaging", "guarding")),
        losing=_single_words(data, ("losing", "removing", "removals")),
        marks={str(k): frozenset(fold(w) for w in v) for k, v in (data.get("marks") or {}).items()},
    )


@lru_cache(maxsize=1)
def cue_classes() -> dict[str, str]:
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
    classes = cue_classes()
    for head in (words[0], stem(words[0]), stem(words[0].rstrip("d"))):
        if len(words) > 1 and f"{head} {words[1]}" in classes:
            return classes[f"{head} {words[1]}"]
    return classes.get(words[0]) or classes.get(stem(words[0])) or classes.get(stem(words[0].rstrip("d")))


def token_valence(token: Any, valences: Mapping[str, float]) -> float:
    """The valence of a word (a spaCy Token) in ``valences``: its form's when its form is listed, else its
    lemma's, else 0.0. The one reading of a word's valence for every stance rule."""
    v = valences.get(token.lower_)
    if v is None:
        v = valences.get(token.lemma_.lower())
    return v or 0.0


@lru_cache(maxsize=1)
def analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    vader.lexicon.update(lexicon().valences)  # the words of political news it lacks ("corrupt", "concerns")
    return vader


@lru_cache(maxsize=8192)
def sentiment(text: str) -> tuple[float, float, float]:
    """VADER's compound polarity of ``text`` (-1 negative .. 1 positive) and its positive and negative
    shares (0 .. 1)."""
    # VADER strips only ASCII punctuation from its words: "‘A Disgrace’" would hide "disgrace"
    s = analyzer().polarity_scores(ascii_quotes(text))
    return float(s["compound"]), float(s["pos"]), float(s["neg"])


def polarity(text: str) -> float:
    """VADER's compound polarity of ``text``, -1 (negative) .. 1 (positive)."""
    return sentiment(text)[0]


@lru_cache(maxsize=1)
def does_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs (lemmas) by which a thing that is their subject does good ("X provides", "X enables") and
    harm ("X forces", "X deprives"): ``does_good`` and ``does_harm`` of stance.yaml."""
    good, harm = _lemma_sets("does_good", "does_harm")
    return good, harm


@lru_cache(maxsize=1)
def needed_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words (lemmas) by which a text says a thing is needed: said of their subject ("X is necessary", "X
    is needed") and verbs of their object ("we need X"): ``needed`` and ``needing`` of stance.yaml."""
    said, needing = _lemma_sets("needed", "needing")
    return said, needing
