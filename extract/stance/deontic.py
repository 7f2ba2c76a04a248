"""What a statement says should be done, against what the proposition says should be done.

A proposition that is a motion ("We should ban X", "X should be a criminal offence", "Raise the school leaving
age") wants an act: a predicate (a verb, or "be" and a state) that either takes its matter away (``ban``,
``abolish``, ``be illegal``: polarity -1) or brings or keeps it (``adopt``, ``legalize``, ``be allowed``: +1),
and is perhaps negated ("ought not be required"). A clause of a quote that prescribes an act of the same kind on
the same matter ("we should not close it", "homeschooling must remain legal", "we need to keep the right to bear
arms") agrees with the motion when the two acts have the same polarity and disagrees otherwise. The polarity of
a quote's predicate is the proposition's own when it is the same word, else the class of its word
(``removing``, ``against_verbs`` and ``removed_states`` of ``resources/stance.yaml`` take away; ``keeping`` and
``kept_states`` bring or keep); a word of neither class says nothing. Nothing here names a topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from quotegraph.extract.stance.lexicon import CONTRAST, WORD, clause_breaks, folded, lexicon, stem, topic_terms
from quotegraph.extract.stance.topics import Topic
from quotegraph.extract.text import STOP_WORDS, fold

NOT = frozenset({"not", "never", "no"})
CLAUSE = clause_breaks((*CONTRAST, "because", "since", "as", "so", "therefore", "which", "if", "when", "unless"))
"""Where the clause of a prescription ends in a quote: its reasons are other clauses."""
BE = frozenset({"be", "remain", "stay", "become", "made"})
"""Words after which a state follows ("must remain legal", "should be made compulsory"); they are fillers too."""
ARTICLES = frozenset({"the", "a", "an", "any", "all", "this", "that", "its", "their", "our"})
FINITE = frozenset({"is", "are", "was", "were", "will", "would", "can", "could", "may", "might", "does", "did"})
"""Words of a finite clause: a proposition with one is a claim, its first word no imperative."""
EMBEDDING = frozenset({"how", "what", "why", "whether", "where", "if", "unless"})
"""Words that make what follows a question or a condition, not a prescription ("not how we should fight it")."""
PRONOUNS = frozenset({"it", "this", "that", "them", "they", "these", "those", "such"})
SUBJECT_WORDS, OBJECT_WORDS = 5, 6
"""Words before a modal read as its subject, and after its predicate as its object, at most."""
SHARED_SUBJECT = frozenset({"and"})
"""Words before a modal that join its predicate to the clause's first, whose subject it shares."""


@dataclass(frozen=True)
class Act:
    """A prescribed act: its predicate (a verb, or the state after "be"), the predicate's polarity, whether
    it is negated, and the words around it (subject and object) that tell what it is done to."""

    predicate: str
    polarity: int | None
    negated: bool
    around: tuple[str, ...]
    then: str = ""
    """The word right after the predicate ("with" in "fight it with ...")."""
    state: bool = False
    """The predicate is a state after "be" ("should be banned"): the matter is the subject, before it."""
    amount: bool = False
    """An amount said of what follows ("too many guns"): it is on the matter only where it names all of it."""

    @property
    def sign(self) -> int:
        """+1 when the act brings or keeps its matter, -1 when it takes it away, 0 when unknown."""
        if self.polarity is None:
            return 0
        return -self.polarity if self.negated else self.polarity


def _phrase_at(words: list[str], at: int, phrases: tuple[str, ...]) -> str | None:
    """The longest phrase of ``phrases`` that starts at ``words[at]``."""
    text = " ".join(words[at : at + 4])
    found = [p for p in phrases if f"{text} ".startswith(f"{p} ")]
    return max(found, key=len, default=None)


def _class(words: list[str], at: int, state: bool) -> tuple[str, int | None]:
    """The predicate at ``words[at]`` (a state after "be" when ``state``) and its polarity by its class."""
    lex = lexicon()
    minus = lex.removed_states if state else (*lex.removing, *lex.against_verbs)
    plus = lex.kept_states if state else lex.keeping
    taken, kept = _phrase_at(words, at, minus), _phrase_at(words, at, plus)
    if taken is not None and (kept is None or len(taken) >= len(kept)):
        predicate, polarity = taken, -1
    elif kept is not None:
        predicate, polarity = kept, 1
    else:
        predicate, polarity = words[at], None
    # "fight for the abolition of X", "end the ban on X": an act on a removal is the removal's opposite
    after = at + len(predicate.split())
    while after < len(words) and words[after] in ARTICLES:
        after += 1
    if after < len(words) and words[after] in lex.removals:  # "seek a ban on X": an unknown act wants it
        polarity = -1 if polarity is None else -polarity
    return predicate, polarity


def _predicate(words: list[str], at: int) -> tuple[int, bool, bool] | None:
    """From the word after a modal: (index of the predicate, negated, is a state after "be")."""
    negated, state = False, False
    fillers = lexicon().modal_fillers
    while at < len(words) and (words[at] in fillers or words[at] in BE or words[at] in NOT):
        if words[at] in NOT:
            negated = True
        elif words[at] in BE:
            state = True
        at += 1
    return (at, negated, state) if at < len(words) else None


def _act_at(words: list[str], at: int, modal: str, negating: bool) -> Act | None:
    """The act prescribed by ``modal`` at ``words[at]`` (None when nothing follows it, or when it stands in a
    clause reported inside the quote: "the idea that women should not serve", "how we should fight it")."""
    lex = lexicon()
    subject = words[max(0, at - SUBJECT_WORDS) : at]
    if any(w in lex.reporting or w in EMBEDDING for w in subject[-3:]):
        return None
    if at > SUBJECT_WORDS and words[at - 1] in SHARED_SUBJECT:
        # a predicate joined to the clause's first ("X is an undemocratic relic and should be abolished")
        # shares its subject: the clause's first words
        subject = words[:SUBJECT_WORDS] + subject
    found = _predicate(words, at + len(modal.split()))
    if found is None:
        return None
    pred_at, negated, state = found
    negating = negating != (_raised(subject) or _nobody(subject))
    predicate, polarity = _class(words, pred_at, state)
    after = pred_at + len(predicate.split())
    if after < len(words) and words[after] in NOT:  # "we should fund not X but Y"
        negated, after = not negated, after + 1
    obj = words[after : after + OBJECT_WORDS]
    then = words[after] if after < len(words) else ""
    return Act(predicate, polarity, negated != negating, (*subject, *obj), then, state)


NOBODY = frozenset({"nobody", "noone", "none", "neither", "nor"})
"""Subjects that deny the prescription of everyone ("nobody should have to", "no one must")."""


def _nobody(subject: list[str]) -> bool:
    """The modal's subject right before it is no one ("nobody should X", "no one must X", "none of us should")."""
    tail = subject[-4:]
    return bool(tail) and (tail[-1] in NOBODY or tail[-2:] == ["no", "one"] or (
        len(tail) >= 3 and tail[0] in NOBODY and tail[1] == "of"))


def _raised(subject: list[str]) -> bool:
    """A negated verb of opinion opens the prescription's clause ("we don't think the response should be to
    close"): its negation is the prescription's."""
    opinion = {stem(v) for v in lexicon().neg_raising}
    return any(
        stem(w) in opinion and (before in NOT or before.endswith("n't"))
        for before, w in pairwise(subject)
    )


@lru_cache(maxsize=1)
def _modals() -> tuple[tuple[tuple[str, bool, str], ...], frozenset[str]]:
    """The modals (negated ones first) as (modal, negated, the modal and a space), and the words they open with:
    a modal starts at a word only where it opens with that word."""
    lex = lexicon()
    modals = tuple((m, True, f"{m} ") for m in lex.negated_modals) + tuple((m, False, f"{m} ") for m in lex.modals)
    return modals, frozenset(m.split(" ", 1)[0] for m, _, _ in modals)


def acts(text: str, said: bool = False) -> list[Act]:
    """The acts the clauses of ``text`` prescribe (unknown predicates included, with polarity None); ``said``
    (a quote, not a proposition): also the amounts it says of things and the acts it commands."""
    modals, openings = _modals()
    out = []
    for clause in CLAUSE.split(folded(text)):
        words = WORD.findall(clause or "")
        at = 0
        while at < len(words):
            if words[at] not in openings:  # no modal opens with this word: none starts here
                at += 1
                continue
            text_at = " ".join(words[at : at + 4]) + " "
            hit = next(((m, neg) for m, neg, m_ in modals if text_at.startswith(m_)), None)
            if hit is None:
                at += 1
                continue
            act = _act_at(words, at, *hit)
            if act is not None:
                out.append(act)
            at += len(hit[0].split())
        out.extend(declarations(words))
        if said:
            out.extend(amounts(words))
            command = commanded(words)
            if command is not None:
                out.append(command)
    return out


AMOUNT_STOPS = frozenset({"than", "to"})
"""Words after an amount phrase that make it no amount of a thing ("no more than", "not enough to ban it")."""


def amounts(words: list[str]) -> list[Act]:
    """The amounts a clause says of what follows, as acts: too much of it wants it reduced (-1), too little
    wants more (+1) ("too many guns", "not enough nurses"; ``excess`` and ``lacking`` of stance.yaml)."""
    lex = lexicon()
    openings = _amount_openings()
    out = []
    at = 0
    while at < len(words):
        if words[at] not in openings:
            at += 1
            continue
        excess = _phrase_at(words, at, lex.excess)
        phrase = excess or _phrase_at(words, at, lex.lacking)
        if phrase is None:
            at += 1
            continue
        at = after = at + len(phrase.split())  # "way too much": one amount, not two
        if after < len(words) and words[after] in AMOUNT_STOPS:
            continue
        obj = tuple(words[after : after + AMOUNT_WORDS])
        then = words[after] if after < len(words) else ""
        out.append(Act(phrase, -1 if excess else 1, False, obj, then, amount=True))
    return out


AMOUNT_WORDS = 2
"""Words after an amount phrase that name what there is too much or too little of ("too much nuclear power";
not "regulation around homeschooling")."""


@lru_cache(maxsize=1)
def _amount_openings() -> frozenset[str]:
    """The words the amount phrases (``excess``, ``lacking``) open with: a phrase is looked for only at one."""
    lex = lexicon()
    return frozenset(p.split(" ", 1)[0] for p in (*lex.excess, *lex.lacking))


NOUN_AFTER = FINITE | {"on", "has", "have", "means", "should", "must"}
"""Words that, within :data:`NOUN_WORDS` after a clause's first word, make it a noun or the head of a subject
("Ban on guns is wrong", "Tax returns are more detailed"), not a verb of command."""
NOUN_WORDS = 3


@lru_cache(maxsize=1)
def _command_verbs() -> tuple[tuple[str, ...], frozenset[str]]:
    """The removing and keeping verbs (phrases), and the words they open with (a command is looked for only
    where its first word is one)."""
    lex = lexicon()
    verbs = (*lex.removing, *lex.against_verbs, *lex.keeping)
    return verbs, frozenset(v.split(" ", 1)[0] for v in verbs)


def commanded(words: list[str]) -> Act | None:
    """The act a clause put as a command prescribes ("Get rid of X", "Let's keep X", "Don't ban X"): its first
    word (after ``commanding`` words, and "don't" or "never") a removing or keeping verb in its plain form; an
    "-ing" form opens a subject ("Banning X is wrong"), not a command."""
    lex = lexicon()
    at = 0
    while at < len(words) and words[at] in lex.commanding:
        at += 1
    negated = at < len(words) and words[at] in ("don't", "never")
    at += negated
    verbs, openings = _command_verbs()
    if at >= len(words) or words[at] not in openings or words[at].endswith("ing") or not _phrase_at(words, at, verbs):
        return None  # an act is commanded by its own verb, not by a removal after another word ("to ban X")
    predicate, polarity = _class(words, at, False)
    after = at + len(predicate.split())
    if polarity is None or NOUN_AFTER & set(words[after : after + NOUN_WORDS]):
        return None
    obj = tuple(words[after : after + OBJECT_WORDS])
    return Act(predicate, polarity, negated, obj, words[after] if after < len(words) else "")


def declarations(words: list[str]) -> list[Act]:
    """The sides a clause's words declare in the first person ("I support X", "we're against X", "I don't
    oppose a ban on X"), as acts: for is +1 and against -1 on what follows, turned by a removal that follows
    ("a ban on X") and by a negation before the verb."""
    subjects, fillers, for_, against = lexicon().declaring
    out = []
    for at, w in enumerate(words):
        if w not in subjects:
            continue
        pos, negated = at + 1, False
        while pos < len(words) and (words[pos] in fillers or words[pos] in NOT or words[pos].endswith("n't")):
            negated = negated or words[pos] in NOT or words[pos].endswith("n't")
            pos += 1
        pro, con = _phrase_at(words, pos, for_), _phrase_at(words, pos, against)
        if pro is None and con is None:
            continue
        predicate = max((p for p in (pro, con) if p), key=len)
        polarity = 1 if predicate == pro else -1
        after = pos + len(predicate.split())
        while after < len(words) and words[after] in ARTICLES:
            after += 1
        if after < len(words) and words[after] in lexicon().removals:  # "I oppose a ban on X"
            polarity = -polarity
        obj = words[after : after + OBJECT_WORDS]
        out.append(Act(predicate, polarity, negated, tuple(obj), words[after] if after < len(words) else ""))
    return out


def _imperative(words: list[str]) -> Act | None:
    """A proposition put as an imperative ("Raise the school leaving age", "Ban X"): its first word."""
    if not words:
        return None
    negated = words[0] in ("don't", "do") and len(words) > 1 and words[1] in NOT
    at = 2 if negated else (1 if words[0] == "don't" else 0)
    if at >= len(words):
        return None
    predicate, polarity = _class(words, at, False)
    then = words[at + 1] if at + 1 < len(words) else ""
    return Act(predicate, -1 if polarity == -1 else 1, negated or words[0] == "don't", tuple(words[at + 1 :]), then)


SUBJUNCTIVE = re.compile(r"^(?P<subject>(?:[\w'-]+\s+){1,8}?)be\s+(?=\w)")
"""A motion put in the subjunctive, with no modal ("Corporal punishment be used in schools", "That X be
banned"): its "be" reads as "should be"."""


def subjunctive(proposition: str) -> str:
    """``proposition`` with the "be" of a subjunctive motion read as "should be" (else "")."""
    text = " ".join(WORD.findall(fold(proposition)))
    found = SUBJUNCTIVE.match(text)
    if found is None or set(found.group("subject").split()) & (FINITE | NOT | {"to", "should", "must", "shall"}):
        return ""
    return f"{found.group('subject')}should {text[found.end('subject') :]}"


@lru_cache(maxsize=1024)
def motion(topic: Topic) -> Act | None:
    """The act the proposition wants (polarity +1 unless its predicate takes away), or None when it
    prescribes nothing ("Advertising is harmful")."""
    found = acts(topic.proposition) or acts(subjunctive(topic.proposition))
    if found:
        act = found[0]
        return Act(act.predicate, -1 if act.polarity == -1 else 1, act.negated, act.around, act.then, act.state)
    words = WORD.findall(fold(topic.proposition))
    lex = lexicon()
    if FINITE & set(words):  # "Lower speed limits would make roads safer": a claim, not an imperative
        return None
    opening = (*lex.removing, *lex.against_verbs, *lex.keeping, *lex.prescribing)
    if words and (_phrase_at(words, 0, opening) or words[0] == "don't"):
        return _imperative(words)
    return None


@lru_cache(maxsize=1024)
def matter(topic: Topic) -> frozenset[str]:
    """The stems of what the topic is about, less its predicate words (which say what is done, not to what)."""
    lex = lexicon()
    verbs = {stem(w) for p in (*lex.removing, *lex.against_verbs, *lex.keeping) for w in p.split()}
    return frozenset(t for t in topic_terms(topic) if t not in verbs and t not in STOP_WORDS)


@lru_cache(maxsize=1024)
def words_of_topic(topic: Topic) -> frozenset[str]:
    """The folded words of the proposition, label and keywords."""
    return frozenset(WORD.findall(fold(topic.text)))


def same_predicate(a: str, b: str) -> bool:
    """The same predicate word, give or take its ending ("banning", "ban")."""
    return stem(a.split()[0]) == stem(b.split()[0]) or a.split()[0].rstrip("ed") == b.split()[0].rstrip("ed")


HAVING = Act("keep", 1, False, ())
"""The act a topic that only names a thing stands for: being for the thing is wanting it kept or brought
("the death penalty": "it should be abolished" disagrees, "we need it" agrees)."""


def doing_the_thing(act: Act, mine: frozenset[str]) -> bool:
    """A prescribed act that is the thing a topic names, done ("you should never declaw a cat" on declawing):
    its predicate's stem is the thing's, and it is not a state after "be"."""
    return not act.state and stem(act.predicate.split()[0]) in mine


def on_motion(text: str, topic: Topic, wanted: Act | None = None) -> list[tuple[int, Act]]:
    """The prescriptions of ``text`` that take a side on ``topic``'s motion (or on ``wanted``, the act a topic
    with no motion stands for): (+1 agrees, -1 disagrees, the act), for each act on the topic's matter (or on
    a pronoun) whose predicate has a known polarity."""
    wanted = wanted or motion(topic)
    if wanted is None:
        return []
    mine = matter(topic)
    lex = lexicon()
    if wanted.predicate.split()[0] in lex.barring:  # "barred from entering": compared as a removal
        wanted = replace(wanted, polarity=-1)
    compelled = bool(words_of_topic(topic) & lex.compulsion)
    changes = wanted.predicate.split()[0] in lex.changing
    out = []
    for act in acts(text, said=True):
        if same_predicate(act.predicate, wanted.predicate):
            polarity = wanted.polarity
        elif changes:  # a change is wanted: a removal of the matter is one, leaving it as it is is not
            kept = -wanted.polarity if act.predicate in lex.unchanged else None
            polarity = wanted.polarity if act.polarity == -1 else kept
        else:
            polarity = act.polarity
        doing = polarity is None and wanted is HAVING and doing_the_thing(act, mine)
        if doing:
            polarity = 1
        if polarity is None:
            continue
        if act.predicate in lex.freedoms and compelled:  # "voting should be a choice" on compulsory voting
            polarity = -polarity
        around = set(act.around)
        named = {stem(w) for w in around}
        if act.amount and not mine <= named:
            continue  # "too many guns" says nothing of gun control: its matter is not all named
        if not doing and not (around & PRONOUNS) and not (named & mine):
            continue
        sign = -polarity if act.negated else polarity
        out.append((1 if sign == wanted.sign else -1, act))
    return out
