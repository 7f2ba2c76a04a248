"""Evaluation read from the parse of the article: which words of a quote evaluate (VADER's general lexicon,
by word or lemma), whether a negation governs them (the negation's clause, not VADER's three-word window)
and whom they evaluate.

The rules backend is given the parse of the article a statement comes from (``doc``) beside the statement;
without it (a statement judged on its own) the callers fall back on VADER over the text.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from quotegraph.extract.lookup import doc_ents, doc_text, memo, persons_before, sent_of, span_tokens, string_ids
from quotegraph.extract.model import Statement
from quotegraph.extract.stance.lexicon import analyzer, folded, lexicon, stem, surname_of, token_valence
from quotegraph.extract.text import PRONOUN_GENDER, THIRD_PERSON, fold
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

NEGATION_SCALAR = -0.74
"""VADER's factor for a negated word."""
NORMALISE = 15.0
"""VADER's alpha: compound = sum / sqrt(sum^2 + alpha)."""
CLAUSE_HEADS = ("VERB", "AUX")
NOUNS = ("NOUN", "PROPN", "PRON")
PREDICATIVE = ("attr", "oprd", "acomp")
"""A noun in these relations says what its subject is ("is not a good idea"): its clause's negation counts."""
SUBJECTS = ("nsubj", "nsubjpass")
DESCRIBED = ("pobj", "oprd")
"""Dependencies by which a word describes a verb's object ("described him as a fraud", "called it a farce")."""
ENTITIES = ("PERSON", "ORG", "NORP", "GPE")
FIRST_PERSON = ("i", "we")
MAX_TARGET = 8
PIECE = " ... "
"""How :func:`quotegraph.extract.stance.rules.topic_clauses` joins the clauses of a quote."""


@lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    return dict(analyzer().lexicon)


def quote_tokens(statement: Statement, doc: Doc | None) -> list[Token] | None:
    """The tokens of the statement's quote in ``doc``, the parse of its article (without the cue and the
    speaker of a quote that surrounds them; only the clauses of a quote cut to its topic's clauses); None
    when no parse is given or the offsets do not hold the quote (a headline)."""
    if doc is None or statement.end <= statement.start:
        return None
    text = doc_text(doc)
    first = folded(statement.quote.split(PIECE)[0]).split()[:1]
    if statement.end > len(text) or not first or first[0] not in folded(text[statement.start : statement.end]):
        return None
    span, tokens = span_tokens(doc, statement.start, statement.end)
    if span is None:
        return None
    skip = [
        (a, b)
        for a, b in ((statement.cue_start, statement.cue_end), (statement.speaker_start, statement.speaker_end))
        if a is not None and b is not None
    ]
    ranges = _piece_ranges(statement, text)
    if not skip and not ranges:
        return tokens
    return _kept(tokens, skip, ranges)


def _kept(tokens: list[Token], skip: list[tuple[int, int]], ranges: list[tuple[int, int]]) -> list[Token]:
    """The tokens that start in none of the character ranges ``skip`` and, when there are ``ranges``, in one of
    them: each range's tokens found by bisection on where the tokens start (in order), not each token tested."""
    starts = [t.idx for t in tokens]
    keep = [not ranges] * len(tokens)
    for wanted, found in ((True, ranges), (False, skip)):
        for a, b in found:
            first, last = bisect_left(starts, a), bisect_left(starts, b)
            keep[first:last] = [wanted] * (last - first)
    return [t for t, k in zip(tokens, keep, strict=True) if k]


def _piece_ranges(statement: Statement, text: str) -> list[tuple[int, int]]:
    pieces = statement.quote.split(PIECE)
    if len(pieces) < 2:
        return []
    out = []
    for piece in pieces:
        at = text.find(piece.strip(), statement.start, statement.end)
        if at >= 0:
            out.append((at, at + len(piece.strip())))
    return out


PRONOUN_REACH = 3
"""Sentences back (the pronoun's own included) in which a pronoun's person is looked for."""


def pronoun_names(doc: Doc, start: int, end: int) -> list[str]:
    """The people the third-person pronouns of ``doc``'s text between ``start`` and ``end`` name: for each,
    the nearest PERSON entity before it within :data:`PRONOUN_REACH` sentences ("She better get well"
    after "... Clinton's pneumonia" names Clinton) whose gender, when known, is the pronoun's ("her" after
    "James Comey said" passes him by)."""
    span, tokens = span_tokens(doc, start, end) if end > start else (None, [])
    if span is None:
        return []
    out: list[str] = []
    text = doc_text(doc)  # an entity's text, cut from the doc's (``Span.text`` joins its tokens again)
    pronouns = string_ids(THIRD_PERSON)  # a word's id is read (``Token.lower``), its string only for a pronoun
    for t in tokens:
        if t.lower not in pronouns:
            continue
        wanted = PRONOUN_GENDER.get(t.lower_)
        nearby = persons_before(t, PRONOUN_REACH)
        agreeing = (
            e for e in nearby if wanted is None or _gender(doc, text[e.start_char : e.end_char]) in (None, wanted)
        )
        person = next(agreeing, None)
        if person is not None and (name := text[person.start_char : person.end_char]) not in out:
            out.append(name)
    return out


def _gender(doc: Doc, name: str) -> str | None:
    """A person's gender by the first name or title of any PERSON of ``doc`` with ``name``'s surname
    ("Comey" after "James Comey": "m"); None when none tells."""
    return memo(doc, "person_genders", _person_genders).get(surname_of(name))


def _person_genders(doc: Doc) -> dict[str, str | None]:
    """Surname -> the one gender the first names or titles of ``doc``'s PERSONs of that surname give, else None."""
    from quotegraph.extract.speakers.coref import gender_of

    found: dict[str, set[str | None]] = {}
    text = doc_text(doc)
    for e in doc_ents(doc):
        if e.label_ == "PERSON":
            name = text[e.start_char : e.end_char]  # e.text
            found.setdefault(surname_of(name), set()).add(gender_of(name))
    return {last: next(iter(g - {None})) if len(g - {None}) == 1 else None for last, g in found.items()}


def negated(token: Token, negations: frozenset[str]) -> bool:
    """A negation governs ``token``: one of its own dependents, or of its heads up to its clause's verb,
    is a negation ("is not fair", "never gave to the programs that help", "no good reason")."""
    if token.pos_ == "VERB" and any(_none(c, negations) for c in token.children if c.dep_ == "dobj"):
        return True  # "harm no one", "costs nothing": the act is denied by its object
    if token.dep_ == "amod" and token.head.lower_ in NONE_WORDS and not _compares(token):
        return True  # "nothing wrong with it", "nothing good": no such thing, unless it compares ("nothing better")
    node = token
    for _ in range(5):
        if any(c.i != token.i and _negates(c, negations) for c in node.children):
            return True  # a negation word is not negated by itself: "no" is not "not no"
        if node.pos_ in CLAUSE_HEADS and _none_does(node, token, negations):
            return True  # "Nobody has solved the problem", "No country has managed it"
        if node is not token and node.pos_ in CLAUSE_HEADS:
            return raised(node, negations)
        if node.head is node or (node is token and _own_clause(node)):
            return False
        if node is not token and node.pos_ in NOUNS and node.dep_ not in PREDICATIVE:
            # a word inside a noun phrase is negated by the phrase's own "no", not by its verb's negation:
            # "never helped the poorest families" does not praise them
            return False
        node = node.head
    return False


COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
NONE_WORDS = frozenset({"nothing", "none", "nobody", "noone"})
"""The pronouns that deny what an adjective on them says ("nothing wrong")."""


def _compares(token: Token) -> bool:
    """``token`` compares: comparative or superlative ("better", "best"), or graded by "more", "most" ("nothing
    more important")."""
    return token.tag_ in COMPARATIVE_TAGS | SUPERLATIVE_TAGS or any(
        c.tag_ in COMPARATIVE_TAGS | SUPERLATIVE_TAGS for c in token.children if c.dep_ == "advmod"
    )


def _own_clause(verb: Token) -> bool:
    """``verb`` heads a clause with its own subject, adverbial or joined, that the negation of the clause it
    hangs on does not reach ("nobody is blamed when they fail", "they can't stop it, and they fail"); without
    a subject of its own it shares that negation ("never gave money to help them", "did not eat or drink"), and
    a clause on a noun takes the noun's ("no reason to intrude")."""
    return (verb.pos_ in CLAUSE_HEADS and verb.dep_ in ("advcl", "conj")
            and any(c.dep_ in SUBJECTS for c in verb.children))


def _none_does(clause: Token, token: Token, negations: frozenset[str]) -> bool:
    """The subject of ``clause`` is no one or nothing ("Nobody has solved it", "no country wants it"), so the
    clause is denied; not where it compares ("nothing is more important", "no one does it better"): that
    says the most of it; nor under a modal ("no one should be forced"), whose negation the deontic reading of
    the prescription takes."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i), None)
    if subject is None or not _none(subject, negations):
        return False
    if any(c.tag_ == "MD" for c in clause.children):
        return False  # "no one should be forced": a prescription, whose negation the deontic reading takes
    return not any(t.tag_ in COMPARATIVE_TAGS for t in clause.subtree)


def _negates(child: Token, negations: frozenset[str]) -> bool:
    """``child`` is a negation of its head: "not", "never", "no", but not the "not" of "not only", which
    adds ("not only costly but dangerous" says it is costly)."""
    if child.dep_ == "neg" or (child.lower_ in negations and child.dep_ in ("det", "advmod")):
        after = child.nbor(1) if child.i + 1 < len(child.doc) else None
        return after is None or after.lower_ not in ADDITIVE
    return False


def _carries(token: Token, valences: Mapping[str, float]) -> bool:
    """``token`` has a valence of its own (by form or lemma), or is the object of a verb that has one."""
    if token.dep_ == "dobj" and token.head.i != token.i and _carries(token.head, valences):
        return True
    return bool(token_valence(token, valences))


def raised(clause: Token, negations: frozenset[str]) -> bool:
    """``clause`` is the complement of a negated verb of opinion, whose negation it takes ("I don't think it
    posed a problem", "we do not believe the plan is fair"; not "I think it posed no problem")."""
    head = clause.head
    if clause.dep_ != "ccomp" or head is clause or head.lemma_.lower() not in lexicon().neg_raising:
        return False
    return any(c.dep_ == "neg" or (c.lower_ in negations and c.dep_ == "advmod") for c in head.children)


NOBODY = frozenset({"nobody", "nothing", "none", "noone"})


def _none(obj: Token, negations: frozenset[str]) -> bool:
    """``obj`` is no one or nothing ("nobody", "no one", "nothing")."""
    no = "no" in negations and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children)
    return obj.lower_ in NOBODY or no


SUBORDINATE = ("relcl", "acl", "advcl")
"""Clauses inside another: a negation there ("areas that would otherwise not have access") denies nothing
the quote asserts."""
ADDITIVE = frozenset({"just", "only", "merely", "simply"})
"""Words after which "not" adds instead of denying ("not just numbers", "not only the poor")."""


def main_negations(tokens: Sequence[Token], negations: frozenset[str]) -> int:
    """How many negations stand in the quote's main clauses: not in a relative or adverbial clause inside
    them, nor a "not" that adds ("not just", "not only")."""
    inside = {t.i for t in tokens}
    count = 0
    for t in tokens:
        if not (t.dep_ == "neg" or t.lower_ in negations or t.lower_.endswith("n't")):
            continue
        after = t.nbor(1) if t.i + 1 < len(t.doc) else None
        if after is not None and after.lower_ in ADDITIVE:
            continue
        node, subordinate = t, False
        for _ in range(8):
            if node.head is node or node.head.i not in inside:
                break  # the quote's own top: how it hangs on the sentence around it does not count
            if node.dep_ in SUBORDINATE:
                subordinate = True
                break
            node = node.head
        count += not subordinate
    return count


def described_acts(tokens: Sequence[Token]) -> frozenset[str]:
    """The verbs of ``tokens`` (lower case) that tell what someone else does or did ("corporations avoid
    paying their share", "lets corporations avoid paying"): a subject (or, for an infinitive, the object of
    the verb it completes) not in the first person, and no modal. An averting verb there reports an act;
    "we must prevent", "to prevent" or "prevent it" wants it done."""
    out = set()
    for t in tokens:
        if t.pos_ != "VERB":
            continue
        subject = next((c for c in t.children if c.dep_ in SUBJECTS), None)
        if subject is None and t.dep_ in ("xcomp", "ccomp"):
            # object control: "enable corporations to avoid paying" tells what the corporations do
            subject = next((c for c in t.head.children if c.dep_ == "dobj"), None)
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        wanted = any(c.tag_ == "MD" for c in t.children) or (to and subject is None)
        if subject is not None and subject.lower_ not in FIRST_PERSON and not wanted:
            out.add(t.lower_)
    return frozenset(out)


STANDING_IN = frozenset({"it", "this", "they", "these", "that", "those"})
"""Pronouns that stand in for what a statement on its own is about."""


@dataclass(frozen=True)
class Evaluation:
    compound: float
    """VADER-style compound, -1 .. 1."""
    words: tuple[str, ...]
    """The evaluating words, a negated one marked ``not ...``."""
    blamed_others: tuple[str, ...] = ()
    """Who the blame is aimed at when most of it falls on named people or things the topic's words do not
    name (not the accused of an accusation: its accusers, or a third party)."""
    on_removed: float = 0.0
    """The share of the evaluation aimed at what ``removed`` names (what a proposition would do away with)."""
    on_matter: float = 0.0
    """The share of the evaluation aimed at what ``matter`` names (the topic's own words)."""
    on_rival: float = 0.0
    """The share of the evaluation aimed at what ``rival`` names (what a proposition compares its matter with)."""
    on_lost: float = 0.0
    """The share of the evaluation aimed at the loss of what the proposition names (:func:`lost`)."""
    toward_matter: float = 0.0
    """The compound of the words aimed at the matter only (0.0 when none is)."""


def evaluated(token: Token) -> Token | None:
    """The head of what an evaluating word is said of: the noun an adjective modifies ("overzealous
    regulations"), else the subject of its clause ("politicians dumping gasoline on a fire", "the program
    is a disgrace"), or the object of a verb that describes it ("described Clinton as a disgrace", "called
    him a fraud") or of a verb of feeling (``attitude_verbs`` of stance.yaml: "I hate the new rules"); None
    when there is none in the parse."""
    if token.dep_ == "amod":
        if token.head.dep_ not in PREDICATIVE:
            return token.head
        token = token.head  # "the fees are a great success": what the predicate says is said of the subject
    node, path = token, []
    for _ in range(5):
        if node.pos_ in CLAUSE_HEADS:
            break
        path.append(node.dep_)
        if node.head is node:
            return None
        node = node.head
    else:
        return None
    subjects = [c for c in node.children if c.dep_ in SUBJECTS] or [c for c in node.children if c.dep_ == "csubj"]
    objects = [c for c in node.children if c.dep_ == "dobj"]
    feeling = not path and node.lemma_.lower() in lexicon().attitude_verbs  # "I hate the rules": of the rules
    if objects and (feeling or any(d in DESCRIBED for d in path)):
        return objects[0]
    return subjects[0] if subjects else None


def _target_terms(tokens: Sequence[Token]) -> set[str]:
    return {w for t in tokens for w in (t.lower_.removesuffix("'s"), t.lemma_.lower())}


def named(token: Token) -> bool:
    """A name, or a plural noun of people that acts ("politicians dumping gasoline on a fire"): a thing
    ("a terrible situation", "overzealous regulations") is no one blamed."""
    if token.pos_ == "PROPN" or token.ent_type_ in ENTITIES:
        return True
    return token.pos_ == "NOUN" and token.dep_ in SUBJECTS and token.tag_ == "NNS"


def aimed_at(target: Token, topic_terms: frozenset[str]) -> bool:
    """``target`` (its phrase) is one the topic's words name."""
    return bool(_target_terms(list(target.subtree)[:MAX_TARGET]) & topic_terms)


OWN_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "flat", "det", "case", "nummod"})
"""Dependencies by which a word is part of a phrase's own name ("ISIS fighters", "the Islamic State's leaders"),
not of what it does or what is done to it ("bombing ISIS", "the war against ISIS")."""


def named_itself(target: Token, names: Sequence[frozenset[str]]) -> bool:
    """``target`` is what one of ``names`` (each a set of words that must all be there) names: the target and the
    words of its own name (:data:`OWN_DEPS`), not the object of an act it heads ("the war against ISIS is a
    mistake", "Bombing ISIS is a mistake" evaluate the act)."""
    if not names:
        return False
    own = [target]
    for t in own:
        own.extend(c for c in t.children if c.dep_ in OWN_DEPS)
        if len(own) >= MAX_TARGET:
            break
    if any(t.dep_ == "compound" and t.lower_.endswith("ing") for t in own):
        return False  # "Bombing ISIS is a mistake", parsed as a name with its act for a modifier
    terms = _target_terms(own[:MAX_TARGET])
    return any(name <= terms for name in names)


def harms_named(token: Token, names: Sequence[frozenset[str]]) -> bool:
    """``token`` is a verb done to what one of ``names`` names itself, its direct object ("to defeat the Islamic
    State", "fight ISIS"): the verb's harm is an act on the adversary, not a judgement of its subject."""
    if not names or token.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and named_itself(c, names) for c in token.children)


def blames(target: Token | None, topic_terms: frozenset[str]) -> bool | None:
    """True when ``target`` (what a negative word is said of, :func:`evaluated`) is a named person or thing
    the topic's words do not name, False when one they name; None when it is a pronoun or not found."""
    if target is None or not named(target):
        return None
    return not aimed_at(target, topic_terms)


def cue_object(statement: Statement, doc: Doc | None) -> Token | None:
    """The object of the statement's reporting verb in ``doc`` ("blasted the senator as ...")."""
    if doc is None or statement.cue_start is None or statement.cue_end is None:
        return None
    if fold(doc_text(doc)[statement.cue_start : statement.cue_end]) != fold(statement.cue or ""):
        return None  # the offsets are not in this text (a headline's)
    span = doc.char_span(statement.cue_start, statement.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return next((c for c in span.root.children if c.dep_ == "dobj"), None)


def reported(token: Token, inside: set[int], reporting: frozenset[str]) -> bool:
    """``token`` stands in what the speaker reports of others ("the notion that ...", "the criticism is
    that ...", "they claim that ..."): its evaluation is theirs, not the speaker's."""
    node = token
    for _ in range(8):
        head = node.head
        if head is node:
            return False
        if head.i not in inside:
            return False  # the quote's own reporting verb
        if node.dep_ in ("ccomp", "acl", "attr") and head.lemma_.lower() in reporting:
            if head.pos_ == "NOUN":
                return True
            subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
            return subject is not None and subject.lower_ not in FIRST_PERSON
        node = head
    return False


def _headline_word(token: Token) -> bool:
    """A capitalised word of a headline the tagger took for a name, though no entity holds it ("Calls
    Hillary Clinton 'A Disgrace'"): it evaluates like its lower-case form."""
    return not token.ent_type_ and token.is_title and not token.is_sent_start


NOT_EVALUATING = ("ADP", "SCONJ", "CCONJ", "DET", "PRON", "PART", "INTJ", "AUX", "NUM")
"""Parts of speech whose words in VADER's lexicon judge nothing ("comments like Trump's", "well, ...")."""
DEGREE_HEADS = ("ADJ", "ADV", "ADP")


def evaluates(token: Token) -> bool:
    """``token`` can evaluate by its part of speech: not a preposition or conjunction ("comments like
    his"), an interjection ("well, ..."), nor an adverb of degree ("well beyond", "pretty good"); a word VADER scores
    in its adjective sense (``adjective_senses`` of stance.yaml) only as an adjective ("this kind of money")."""
    if token.pos_ in NOT_EVALUATING:
        return False
    if token.pos_ != "ADJ" and token.lower_ in lexicon().adjective_senses:
        return False
    return not (token.pos_ == "ADV" and token.dep_ == "advmod" and token.head.pos_ in DEGREE_HEADS)


def _shifting_head(token: Token, shifters: Mapping[str, float]) -> tuple[Token, str] | None:
    """The verb whose object ``token`` is, with the preposition it hangs on ("" for none): its head for a
    direct object or the subject of a passive ("deaths are reduced"), the verb of its preposition for a
    prepositional object ("leads to violence", "protects children from abuse"); a word that modifies the object
    counts as the object ("prevents terrible accidents"), and so does a noun joined to it ("reduces traffic and
    pollution")."""
    for _ in range(4):
        of = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
        if of is not None and of.pos_ == "NOUN" and not _shifts(of.lemma_.lower(), shifters):
            token = of  # "prevent the spread of disease": the phrase is the object
        elif token.dep_ in ("amod", "compound", "nummod", "poss") and token.head is not token:
            token = token.head
        elif token.dep_ == "conj" and token.head.pos_ in NOUNS and token.pos_ in NOUNS:
            token = token.head  # "reduces traffic and pollution": a joined object is an object too
        else:
            break
    if token.dep_ in ("dobj", "nsubjpass"):
        return token.head, ""
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "dative"):
        out = token.head.head
        if token.head.lower_ == "of" and out.lower_ == "out" and out.head is not out:
            return out.head, "out of"  # "lifted millions out of poverty"
        return out, token.head.lower_
    return None


_HEADS: dict[int, tuple[Mapping[str, float], frozenset[str]]] = {}
"""The first words of the shifters' keys, per shifters mapping (kept with it, so an id is never reused)."""


def _shifts(lemma: str, shifters: Mapping[str, float]) -> bool:
    """``lemma`` shifts what it acts on, alone or with a preposition ("protect from")."""
    entry = _HEADS.get(id(shifters))
    if entry is None or entry[0] is not shifters:
        entry = _HEADS[id(shifters)] = (shifters, frozenset(key.split()[0] for key in shifters))
    return lemma in entry[1]


def shift(token: Token, shifters: Mapping[str, float], valences: Mapping[str, float]) -> float:
    """What a verb around ``token`` does to its evaluation: -1 under a verb that lessens what it acts on
    ("reduces deaths", "prevents success", "stifles innovation") or keeps it from someone ("protects
    children from abuse": a shifter named with its preposition), 1 under one that spreads it ("increases
    bullying", "leads to violence"); 0 for the shifting verb itself when its object evaluates (the object's
    evaluation, turned or not, is what counts): X that reduces something bad is good, X that causes it bad."""
    lemma = token.lemma_.lower()
    if _shifts(lemma, shifters):
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        values = [_valence(o, valences) for o in objects]
        if any(v > 0 or (v < 0 and shifters.get(lemma) != DAMAGING) for v in values):
            return 0.0
    return _acted_on(token, shifters, valences)


def _acted_on(token: Token, shifters: Mapping[str, float], valences: Mapping[str, float], depth: int = 0) -> float:
    """The shift of the verb or noun ``token`` is the object of, times the shift of what acts on that noun in
    turn ("prevent the spread of pollution": spreading, then lessening)."""
    found = _shifting_head(token, shifters)
    if found is None or found[0].pos_ not in ("VERB", "NOUN"):
        return 1.0
    head, prep = found[0].lemma_.lower(), found[1]
    factor = shifters.get(f"{head} {prep}", shifters.get(head, 1.0)) if prep else shifters.get(head, 1.0)
    if factor == DAMAGING:
        # harm done to what is bad already ("hurts the poorest") is no good: only good things are damaged
        return -1.0 if token_valence(token, valences) > 0 else 0.0
    if found[0].pos_ == "NOUN" and depth < 2:
        return factor * _acted_on(found[0], shifters, valences, depth + 1)
    return factor


DAMAGING = -2.0
"""The shift of a verb that damages what it acts on ("stifles innovation", "hurts the poorest"): it turns
the evaluation of a good thing; a bad thing it acts on is a victim, and the verb's own evaluation counts."""


def _valence(token: Token, valences: Mapping[str, float]) -> float:
    """The valence of the phrase ``token`` heads (its first evaluating word, by form or lemma)."""
    for t in list(token.subtree)[:MAX_TARGET]:
        v = token_valence(t, valences)
        if v:
            return v
    return 0.0


def _aimed(
    target: Token | None,
    removed: frozenset[str],
    matter: frozenset[str],
    rival: frozenset[str],
    alone: bool,
    bare: bool = False,
    adversary: tuple[frozenset[str], ...] = (),
    word: Token | None = None,
) -> tuple[bool, bool, bool]:
    """Whether ``target`` is what ``removed``, ``matter`` and ``rival`` name (a rival is not the matter; a
    pronoun of a statement alone is the matter, and so is the missing subject of one that has none: ``bare``).
    What ``adversary`` names counts as removed where the target is it, not an act on it (:func:`named_itself`),
    and where the evaluating ``word`` is a harm done to it ("to defeat the Islamic State": :func:`harms_named`)."""
    harmed = word is not None and harms_named(word, adversary)
    if target is None:
        return harmed, alone and bare and bool(matter), False
    on_rival = bool(rival) and aimed_at(target, rival)
    on_removed = (bool(removed) and aimed_at(target, removed)) or named_itself(target, adversary) or harmed
    on_matter = bool(matter) and not on_rival and (aimed_at(target, matter) or (alone and target.lower_ in STANDING_IN))
    return on_removed, on_matter, on_rival


LOST_POS = ("NOUN", "PROPN", "ADJ")
STEM_PREFIX = 5
"""Letters of a stem that name one word of the proposition ("transparency" for "transparent")."""


def prefixes(words: Sequence[str]) -> frozenset[str]:
    """The stem prefixes (:data:`STEM_PREFIX` letters) by which :func:`lost` finds the proposition's words."""
    return frozenset(stem(w)[:STEM_PREFIX] for w in words if len(w) > 2)


def lost(target: Token | None, losing: frozenset[str], named: frozenset[str]) -> bool:
    """``target`` is the loss of something the proposition names: a word of ``losing`` ("lack", "restrictions",
    "denying", "scrapping") whose phrase names, by a stem prefix of ``named`` (:func:`prefixes`), a word of the
    proposition ("a lack of transparency", "restrictions on religious freedom", "suspending habeas corpus")."""
    if target is None or not losing:
        return False
    if target.lower_ in losing or target.lemma_.lower() in losing:
        # what is lost, not how: "lower limits" is no loss of anything low
        phrase = [
            t
            for t in list(target.subtree)[:MAX_TARGET]
            if t.i != target.i and t.pos_ in LOST_POS and not (t.head.i == target.i and t.dep_ == "amod")
        ]
        return any(_names(t, named) for t in phrase)
    # "scrapping tuition fees": the losing word modifies what the proposition names
    taking = any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in losing for c in target.children)
    return taking and _names(target, named)


def _bare(token: Token) -> bool:
    """``token``'s sentence says nothing of what it is about: no subject at its root ("Undermines the rule of
    law", "Violation of sovereignty", "Encouraging young athletes")."""
    root = sent_of(token).root  # token.sent, without walking the document
    return not any(c.dep_ in BARE_SUBJECTS for c in root.children)


BARE_SUBJECTS = (*SUBJECTS, "csubj", "csubjpass", "expl")


def _of_loss(target: Token | None, lost_words: tuple[frozenset[str], frozenset[str]]) -> bool:
    """``target`` is a loss (:func:`lost`), or what a loss brings about ("scrapping tolls would cause terrible
    congestion": the congestion is the scrapping's)."""
    if target is None or not lost_words[0]:
        return False
    if lost(target, *lost_words):
        return True
    return target.dep_ in ("dobj", "attr") and lost(evaluated(target), *lost_words)


def _names(token: Token, named: frozenset[str]) -> bool:
    """``token``'s stem opens with one of the prefixes ``named`` ("openness" with "open" of "be open")."""
    own = stem(token.lower_)
    return any(own.startswith(p) for p in named)


def _counted_valence(
    t: Token,
    v: float,
    valences: Mapping[str, float],
    skip: frozenset[str],
    negations: frozenset[str],
    shifters: Mapping[str, float],
    inside: set[int],
    reporting: frozenset[str],
) -> float:
    """``t``'s valence ``v`` (:func:`_valenced`) as :func:`evaluation` counts it, before negation (0.0: it does
    not count): times its verb's shift; never a proper name, a word of ``skip`` or of what is reported."""
    lower, lemma = t.lower_, t.lemma_.lower()
    if (t.pos_ == "PROPN" and not _headline_word(t)) or lower in skip or lemma in skip:
        return 0.0
    if t.pos_ == "VERB" and lemma in reporting:
        return 0.0  # a verb that reports ("the case was argued", "critics argue") says nothing of its own
    if lower not in negations and not evaluates(t):
        return 0.0
    if t.dep_ == "det" and lower in negations and _carries(t.head, valences):
        return 0.0  # "no hope", "harm no one": the turned valence says it, "no" adds nothing of its own
    factor = shift(t, shifters, valences) if shifters else 1.0
    if not factor or reported(t, inside, reporting):
        return 0.0
    return -v * factor if lessened(t) else v * factor


def _valenced(tokens: Sequence[Token]) -> list[tuple[Token, float]]:
    """The tokens with a valence (:func:`_valences`), by form, else lemma (the reading of
    :func:`~quotegraph.extract.stance.lexicon.token_valence`), each with it: the only ones :func:`_counted_valence`
    may count (most words have none, and are passed by in one loop). Each token's ids are read (``Token.lower``,
    ``Token.lemma``), not its strings: by the form's id, and by the lemma's id the valence of the lemma in lower
    case (:data:`_LEMMA_VALENCES`)."""
    by_form, by_lemma = _valences_by_id(), _LEMMA_VALENCES
    out = []
    for t in tokens:
        v = by_form.get(t.lower)
        if v is None:
            lemma = t.lemma
            v = by_lemma.get(lemma, _UNSEEN)
            if v is _UNSEEN:
                if len(by_lemma) > _LEMMA_VALENCES_MAX:
                    by_lemma.clear()
                v = by_lemma[lemma] = _valences().get(t.lemma_.lower())
        if v:
            out.append((t, v))
    return out


@lru_cache(maxsize=1)
def _valences_by_id() -> dict[int, float]:
    """:func:`_valences` by the string id of each word (what ``Token.lower`` holds)."""
    return {get_string_id(w): v for w, v in _valences().items()}


_LEMMA_VALENCES: dict[int, float | None] = {}
"""A lemma's string id (``Token.lemma``) -> the valence of the lemma in lower case, or None, for the lemmas met."""
_LEMMA_VALENCES_MAX = 65536
_UNSEEN = object()


LESSENING_DEPS = ("amod", "advmod")


def lessened(token: Token) -> bool:
    """A word of ``lesser`` modifies ``token`` ("fewer deaths", "less crime", "less safe"): there is less of
    what it names, so its evaluation turns."""
    lesser = lexicon().lesser
    return any(c.dep_ in LESSENING_DEPS and c.lower_ in lesser for c in token.children)


def evaluation(
    tokens: Sequence[Token],
    skip: frozenset[str],
    negations: frozenset[str],
    topic_terms: frozenset[str] = frozenset(),
    reporting: frozenset[str] = frozenset(),
    removed: frozenset[str] = frozenset(),
    matter: frozenset[str] = frozenset(),
    shifters: Mapping[str, float] = MappingProxyType({}),
    alone: bool = False,
    rival: frozenset[str] = frozenset(),
    lost_words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    adversary: tuple[frozenset[str], ...] = (),
) -> Evaluation:
    """The evaluation the tokens carry: each word's valence in VADER's lexicon (by form, else lemma),
    turned by a negation that governs it; proper names and the words of ``skip`` (the topic's, which name
    the matter) do not evaluate, nor do words in what the quote reports of others (``reporting``: the nouns
    and verbs that report). With ``topic_terms``, also whom the blame is aimed at; with ``removed`` (``matter``),
    how much of the evaluation is aimed at what those words name. With ``shifters`` (:func:`shift`), a verb that
    lessens its object turns the object's evaluation ("reduces deaths") and one that spreads it keeps it.
    ``alone``: the statement is all there is (a record, no article around it): a pronoun it evaluates ("It
    costs too much", "They are a waste of money") can only name what it is said of, the matter. With
    ``rival``, the share aimed at what those words name ("offline shops" against "Online shopping is better
    than offline shopping"), which is then not the matter's. With ``lost_words`` (the losing words and the
    proposition's :func:`prefixes`), the share aimed at the loss of what the proposition names (:func:`lost`).
    With ``adversary``, what the proposition acts against counts as removed where the evaluation names it
    itself (:func:`named_itself`). Also the compound of the words aimed at the matter alone."""
    valences = _valences()
    total = toward = 0.0
    words = []
    others: list[tuple[float, str]] = []
    blame = weight = 0.0
    aimed = [0.0, 0.0, 0.0, 0.0]
    # how much of the evaluation is aimed at what would be removed, at the matter, at the rival, at a loss
    inside = {t.i for t in tokens}
    for t, valence in _valenced(tokens):
        v = _counted_valence(t, valence, valences, skip, negations, shifters, inside, reporting)
        if not v:
            continue
        if negated(t, negations):
            v *= NEGATION_SCALAR
            words.append(f"not {t.lower_}")
        else:
            words.append(t.lower_)
        weight += abs(v)
        total += v
        wanted = removed or adversary or matter or rival or lost_words[0] or (v < 0 and topic_terms)
        target = evaluated(t) if wanted else None
        on = (*_aimed(target, removed, matter, rival, alone, _bare(t), adversary, t), _of_loss(target, lost_words))
        aimed = [a + abs(v) * hit for a, hit in zip(aimed, on, strict=True)]
        toward += v * on[1]
        if v < 0 and topic_terms:
            blame -= v
            if target is not None and blames(target, topic_terms):
                others.append((-v, target.text))
    blamed = tuple(dict.fromkeys(name for _, name in others)) if sum(v for v, _ in others) * 2 >= blame > 0 else ()
    compound = total / math.sqrt(total * total + NORMALISE) if total else 0.0
    shares = (round(x / weight, 3) if weight else 0.0 for x in aimed)
    matter_compound = toward / math.sqrt(toward * toward + NORMALISE) if toward else 0.0
    return Evaluation(round(compound, 4), tuple(words), blamed, *shares, round(matter_compound, 4))
