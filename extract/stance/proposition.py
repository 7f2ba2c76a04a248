"""What a topic's proposition says, read once per topic: whether it accuses or proposes, whether it prescribes
a remedy, what it wants gone, and the words by which it names its matter. Nothing here names a topic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quotegraph.extract.stance.aboutness import CAPITAL
from quotegraph.extract.stance.deontic import FINITE, motion
from quotegraph.extract.stance.lexicon import (
    CLAUSE_BREAK,
    NAME_WORD,
    WORD,
    analyzer,
    find_words,
    joined_terms,
    lexicon,
    polarity,
)
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, fold

NEUTRAL_PROPOSITION = 0.05
"""A proposition this close to 0 reads as positive (an aim to pursue: "X should be renewed")."""
OBJECT_BREAK = frozenset(
    {"and", "or", "that", "which", "who", "to", "with", "by", "for", "in", "from", "so", "as", "because", "while", "at"}
)
"""Words that end the object of a removing verb in a proposition ("closing the loopholes | that benefit them")."""
MAX_OBJECT = 4
"""Content words after a removing verb read as its object at most."""


def words_of(texts: Sequence[str]) -> frozenset[str]:
    """The folded words of ``texts``."""
    return frozenset(w for text in texts for w in WORD.findall(fold(text)))


def without(text: str, words: frozenset[str]) -> str:
    """``text`` with the words of ``words`` (folded) left out."""
    return re.sub(r"[\w']+", lambda m: "" if fold(m.group(0)) in words else m.group(0), text)


@lru_cache(maxsize=256)
def topic_words(topic: Topic) -> frozenset[str]:
    """The words of the topic's label and keywords: they name the matter, they do not evaluate it."""
    return words_of((topic.label, *topic.keywords))


def without_topic_words(text: str, topic: Topic) -> str:
    """``text`` without the words of the topic's label and keywords: what is left evaluates ("cut" in
    "cut income tax" names the matter, it is no negative word here)."""
    return without(text, topic_words(topic))


DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
CLAUSE_WORDS = frozenset({"should", "must", "shall", "ought", "need", "needs", "be", "been", "has", "have", "had"})
"""Words of a clause, beside the finite ones: a proposition with one claims or proposes something."""


def _phrase(text: str) -> tuple[str, ...]:
    words = WORD.findall(fold(text))
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return tuple(words)


@lru_cache(maxsize=256)
def names_a_thing(topic: Topic) -> bool:
    """The proposition only names its matter ("the death penalty", "gun control"): it is the label or one of
    the keywords (less a leading determiner), as topics made from a phrase are. It claims, proposes and
    accuses nothing: support is being for the thing, and naming it asserts nothing."""
    named = _phrase(topic.proposition)
    if not named or motion(topic) is not None or any(w in FINITE or w in CLAUSE_WORDS for w in named):
        return False  # a motion ("Build dams") or a clause ("X should be banned") that a keyword repeats
    return any(named == _phrase(k) for k in (topic.label, *topic.keywords))


@lru_cache(maxsize=256)
def accuses(topic: Topic) -> bool:
    """The proposition's own evaluation is negative: it accuses or warns ("X demeaned women", "... is a
    serious threat", "... reflect racial bias"), so blame and negative evaluation agree with it and praise
    disagrees; none either way reads as a proposal ("X should be renewed"). Read without the words of the
    keywords, which name the matter ("cut" in "cut income tax"), but with the label's ("biased"), and without
    the words that name a thing in political news ("national security")."""
    if names_a_thing(topic):
        return False  # "the death penalty" or "gun violence" names a thing; being for it is support
    lex = lexicon()
    # a verb that wants something gone ("abolish", "abandon", "should be banned") says what is wanted, not
    # what is blamed: "We should abandon marriage" is a proposal
    wanting_gone = words_of((*lex.removing, *lex.removed_states)) if wants_gone(topic) else frozenset()
    claim = motion(topic) is None and not wanting_gone
    effect = effect_polarity(topic.proposition) if claim else None
    if effect is not None and abs(effect) > NEUTRAL_PROPOSITION:
        # a claim that its matter brings about, lessens or damages something ("X promotes knife crime",
        # "X reduces prejudice", "X hurts the economy") evaluates its matter by what that does
        return effect < -NEUTRAL_PROPOSITION
    said = predicate_polarity(topic.proposition) if claim else 0.0
    if abs(said) > NEUTRAL_PROPOSITION:
        # a claim evaluates with what it says of its subject, not with the words that name the subject: "The
        # death penalty is justified" praises, "Advertising is harmful" blames
        return said < 0
    skip = words_of(topic.keywords) | lex.referential | wanting_gone
    if motion(topic) is not None and not prescribes(topic):
        # an imperative motion proposes its act, whatever bad thing the act is aimed at ("Hold students
        # responsible for bullying if it causes a death"): it accuses no one
        return False
    if polarity(without(topic.proposition, skip)) < -NEUTRAL_PROPOSITION:
        return True
    # a claim that prescribes nothing ("Corporations are a threat to democracy") evaluates with its own words,
    # the keywords' too: negative, it accuses
    if not claim:
        return False
    return polarity(topic.proposition) < -NEUTRAL_PROPOSITION


CLAIM_VERBS = FINITE - {"does", "did"} | {"has", "have", "had", "make", "makes", "made"}
"""Finite words after which a claim says what it holds of its subject ("X is justified", "X has failed", "X's
judgment makes her unfit")."""
PREDICATE_BREAK = OBJECT_BREAK | {"of", "on", "against", "than", "because"}
"""Words that end the head of a claim's predicate ("a threat | to security", "justified | in forbidding it")."""


def predicate_polarity(proposition: str) -> float:
    """The polarity of the head of what a claim says of its subject: the words after its first finite verb,
    up to a preposition or a clause ("is justified in ...": justified; "is a threat to ...": a threat;
    "is not necessary": not necessary). 0 when it has no finite verb or its head says nothing either way;
    the subject's own words ("The death penalty", "Violent video games") do not count."""
    words = WORD.findall(fold(CLAUSE_BREAK.split(proposition)[0]))
    at = next((i for i, w in enumerate(words) if w in CLAIM_VERBS or w.endswith("n't")), None)
    if at is None or at == 0:
        return 0.0
    head = [words[at]]
    for word in words[at + 1 :]:
        if word in PREDICATE_BREAK:
            break
        head.append(word)
    return polarity(" ".join(head))


@lru_cache(maxsize=256)
def prescribes(topic: Topic) -> bool:
    """The proposition prescribes a remedy ("... should fight it", "... must be confronted and reformed"):
    praise in a quote may be of the remedy, not of what the proposition blames."""
    text = f" {' '.join(WORD.findall(fold(topic.proposition)))} "
    return any(f" {w} " in text for w in lexicon().prescriptive)


PASSIVE = re.compile(r"\b(?:should|must|ought to|has to|have to|needs? to|to|will)( not)? be ")
"""Where a proposition says what its subject should become ("X should be banned")."""
SUBJECT_WORDS = 4
"""Words before "should be ..." read as the subject it wants gone, at most."""


def _content(words: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        if w not in STOP_WORDS:
            out.update((w, w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w))
    return out


PROPOSITION_CLAUSE = re.compile(r"[,;:.()]")
"""Where a clause of a proposition ends: what it wants gone, or whom it acts against, is read within one."""


def _removed(text: str) -> frozenset[str]:
    """The words of what ``text`` (a proposition, folded) wants gone: the object after a removing verb, or the
    subject of "should be banned" and its kind."""
    lex = lexicon()
    out: set[str] = set()
    for clause in PROPOSITION_CLAUSE.split(text):
        words = f" {' '.join(WORD.findall(clause))} "
        for verb in lex.removing:
            at = words.find(f" {verb} ")
            if at < 0:
                continue
            taken = []
            for w in words[at + len(verb) + 2 :].split():
                if w in OBJECT_BREAK or len(taken) == MAX_OBJECT:
                    break
                if w not in STOP_WORDS:
                    taken.append(w)
            out |= _content(taken)
        passive = PASSIVE.search(words)
        if passive is not None and not passive.group(1):
            after = words[passive.end() :]
            if any(f" {after}".startswith(f" {state} ") for state in lex.removed_states):
                out |= _content(words[: passive.start()].split()[-SUBJECT_WORDS:])
    return frozenset(out)


@lru_cache(maxsize=256)
def removed_words(topic: Topic) -> frozenset[str]:
    """The words of what the proposition wants gone: the object after a removing verb ("closing the loopholes
    that benefit them" -> loopholes, loophole; "repeal the Affordable Care Act" -> affordable, care, act), or
    the subject of "should be banned" ("Homeschooling should be banned" -> homeschooling)."""
    return _removed(fold(topic.proposition))


RELATIVE = frozenset({"that", "which", "who", "whose", "whom"})
"""Words that open a clause describing a thing: an act after them is the thing's, not the proposition's."""


@lru_cache(maxsize=256)
def adversary_words(topic: Topic) -> tuple[frozenset[str], ...]:
    """Whom or what an act the proposition wants done is aimed at, the object of "against" in its first clause,
    as the ways to name it, each a set of words that must all be there: its capitalised words ("use more military
    force against the Islamic State" -> islamic and state; "weapons against targets inside Russia" -> russia), or
    its content words when none is; and an acronym keyword its initials open ("ISIS"). Blame of the adversary
    agrees with such a proposition ("ISIS must be defeated"), as blame of what it wants gone does. None where it
    wants the act gone ("strikes against Iran should be stopped"), refuses it ("should not"), the act wrongs
    the one it names (``wronging`` of stance.yaml: "violence against women") or belongs to a described thing
    ("music that glorifies violence against women")."""
    if wants_gone(topic):
        return ()
    clause = PROPOSITION_CLAUSE.split(topic.proposition)[0]
    words = WORD.findall(fold(clause))
    if "against" not in words:
        return ()
    at = words.index("against")
    before = words[:at]
    if not before or before[-1] in lexicon().wronging or RELATIVE & set(before) or NEGATING & set(before):
        return ()
    taken: list[str] = []
    for w in words[at + 1 :]:
        if w in OBJECT_BREAK or len(taken) == MAX_OBJECT:
            break
        if w not in STOP_WORDS:
            taken.append(w)
    if not taken:
        return ()
    after = clause[clause.lower().index("against") + len("against") :]
    names = [fold(w) for w in CAPITAL.findall(after) if fold(w) in taken]
    initials = "".join(w[0] for w in names or taken)
    acronyms = [
        frozenset({fold(kw)})
        for kw in topic.keywords
        if kw.isupper() and len(kw) > len(initials) > 1 and fold(kw).startswith(initials)
    ]
    named = [frozenset(names)] if names else [frozenset({w}) for w in _content(taken)]
    return (*named, *acronyms)


MODAL = re.compile(r"\b(?:should|must|ought to|has to|have to|needs? to|will)( not)? ")


@lru_cache(maxsize=256)
def wants_gone(topic: Topic) -> bool:
    """The proposition's main claim is that something should go (:func:`says_gone`), or its motion takes its
    matter away by any act the lexicons class ("The drinking age should be lowered", "Poetry should not be
    taught in schools"), unless a means follows the act ("should fight it with action to cut emissions")."""
    if says_gone(topic):
        return True
    act = motion(topic)
    return act is not None and act.sign < 0 and act.then not in OBJECT_BREAK | MEANS


MEANS = frozenset({"against", "on", "it", "them", "this"})
"""Words after a proposition's act that say it is not aimed at a matter that follows (with OBJECT_BREAK)."""


def says_gone(topic: Topic) -> bool:
    """The proposition's main claim is that something should go: its removing verb opens it ("Ban X",
    "Repeal X") or follows its modal ("We should abolish X"), or its subject "should be banned". A removing
    verb further on is a means or a detail ("should pay more, through ... closing the loopholes", "should
    fight it with action to cut emissions"): evaluation of its matter then decides nothing by itself."""
    lex = lexicon()
    words = " ".join(WORD.findall(re.sub(r"\([^)]*\)", " ", fold(topic.proposition))))
    modal = MODAL.search(words)
    if modal is not None:
        if modal.group(1):
            return False  # "should not be illegal", "should not ban": it wants the thing kept
        after = words[modal.end() :].split()
        after = after[1:] if after and after[0].endswith("ly") else after  # "should totally ban"
        head = " ".join(after)
    else:
        head = words
    if any(f"{head} ".startswith(f"{verb} ") for verb in lex.removing):
        return True
    # a verb set against its matter wants it gone when its object follows ("We should fight urbanization"),
    # not when a means does ("should fight it with action to cut emissions")
    # without a modal, only an imperative opens with the verb ("Lower speed limits would ..." is a claim)
    imperative = modal is not None or not FINITE & set(words.split())
    for verb in lex.against_verbs if imperative else ():
        rest = head[len(verb) :].split() if f"{head} ".startswith(f"{verb} ") else []
        if rest and rest[0] not in OBJECT_BREAK and rest[0] not in MEANS:
            return True
    return head.startswith("be ") and any(f"{head[3:]} ".startswith(f"{s} ") for s in lex.removed_states)


@lru_cache(maxsize=256)
def matter_words(topic: Topic) -> frozenset[str]:
    """The content words of the topic's keywords and label: what the proposition is about."""
    return frozenset(w for w in topic_words(topic) if w not in STOP_WORDS)


@lru_cache(maxsize=256)
def target_words(topic: Topic) -> frozenset[str]:
    """The words by which a topic names whom and what it is about (proposition, label and keywords)."""
    texts = (topic.proposition, topic.label, *topic.keywords)
    return frozenset(w for text in texts for w in NAME_WORD.findall(fold(text)) if w not in STOP_WORDS and w != "s")


def averted(quote: str, topic: Topic) -> list[str]:
    """The averting verbs of ``quote`` (folded) whose clause, after the verb, names one of the topic's
    keyword phrases: "to prevent this war from turning into a war between Russia and NATO"."""
    lex = lexicon()
    keywords = [kt for kt in (joined_terms(kw) for kw in topic.keywords) if kt]
    out = []
    for clause in CLAUSE_BREAK.split(quote):
        words = f" {' '.join(find_words(clause))} "
        for verb in lex.averting:
            at = words.find(f" {verb} ")
            if at >= 0 and any(f" {kt} " in f" {joined_terms(words[at:])} " for kt in keywords):
                out.append(verb)
    return out


NOUN_AFTER = frozenset({"should", "must", "has", "have", "had", "do", "of", "are", "is"})
"""Words after which an effect verb's form is a noun ("limits should", "cuts of")."""
PASSIVE_BE = frozenset({"be", "been", "being", "is", "are", "was", "were", "get", "gets"})
NEGATING = frozenset({"not", "never", "no", "doesn't", "don't", "didn't", "cannot", "can't", "won't"})


@lru_cache(maxsize=1)
def _effect_forms() -> dict[str, float]:
    """The word forms of the verbs that lessen, spread or damage what they act on, with their shift
    (:data:`quotegraph.extract.stance.evaluate.DAMAGING` for the damaging ones)."""
    out: dict[str, float] = {}
    lex = lexicon()
    for verb in sorted(lex.effect_verbs):
        factor = lex.shifters[verb]
        bare = verb[:-1] if verb.endswith("e") else verb
        for form in (verb, f"{verb}s", f"{verb}es", f"{bare}ed", f"{bare}ing", f"{verb}d", f"{verb[:-1]}ies"):
            out.setdefault(form, factor)
    return out


def effect_polarity(proposition: str) -> float | None:
    """What a claim says its subject does, by an effect verb ("X causes crime", "X reduces prejudice",
    "X hurts the economy"): the polarity of what follows the verb (its clause), kept by a verb that spreads,
    turned by one that lessens, turned by one that damages when it is good (else the verb's own); negated
    ("does not cause") the other way. None when the claim has no effect verb or says nothing either way."""
    forms = _effect_forms()
    words = WORD.findall(fold(CLAUSE_BREAK.split(proposition)[0]))
    for at, word in enumerate(words):
        factor = forms.get(word)
        after_word = words[at + 1] if at + 1 < len(words) else ""
        if factor is None or at == 0 or after_word in FINITE or after_word in NOUN_AFTER:
            continue  # "Lower speed limits would ...": a noun, the claim's subject
        if words[at - 1] in PASSIVE_BE or FINITE & set(words[:at]):
            # "The right can be limited": what is acted on is the subject, before the verb; "X are serious and
            # raise doubts": the claim's main predicate came first
            return None
        negated = bool(NEGATING & set(words[max(0, at - 2) : at]))
        after = polarity(" ".join(words[at + 1 :]))
        # damaging: a good thing harmed, else the verb's own word
        value = (-after if after > 0 else polarity(word)) if factor < -1 else factor * after
        if not value:
            return None
        return -value if negated else value
    return None


COMPARING = re.compile(r"\b(?:rather than|instead of|than)\b")
"""Where a proposition names what it compares its matter with ("X is better than Y", "X rather than Y")."""


@lru_cache(maxsize=256)
def rival_words(topic: Topic) -> frozenset[str]:
    """The words of what the proposition compares its matter with, after "than", "rather than" or "instead
    of", less the words of its own side before them ("Any job is better than no job": none) and less words
    that evaluate ("more harm than good" compares values, not things)."""
    text = re.sub(r"\([^)]*\)", " ", fold(topic.proposition))
    found = COMPARING.search(text)
    if found is None:
        return frozenset()
    after = WORD.findall(CLAUSE_BREAK.split(text[found.end() :])[0])
    if not after or after[0].isdigit() or after[0] in NUMBERS:
        return frozenset()  # "more than two children": a count, no rival
    before = _content(WORD.findall(text[: found.start()]))
    valences = analyzer().lexicon
    return frozenset(w for w in _content(after) if w not in before and abs(valences.get(w, 0.0)) < EVALUATING)


NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "ten", "half", "dozen", "hundred"})
EVALUATING = 1.0
"""|VADER valence| from which a word after "than" evaluates ("good", "harm") rather than names a rival."""
