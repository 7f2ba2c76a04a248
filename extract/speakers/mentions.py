"""Stage 3: who said it. The speaker mention of a cue, its name, and the role and affiliation that the
mention itself gives ("Kremlin spokesman Dmitry Peskov", "Russian Foreign Minister Sergey Lavrov").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quotegraph.extract.lookup import ents_in
from quotegraph.extract.text import END_MARKS, OPEN_MARKS, PRONOUNS, resource_yaml, word_list
from spacy.tokens import Doc, Span, Token

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class Mention:
    """A speaker mention: its char span, its head token, the name inside it (if any)."""

    start: int
    end: int
    head: int
    text: str
    name: str | None  # the PERSON/ORG name inside the mention, or None for "he", "the minister"
    label: str | None  # PERSON | ORG | GPE | NORP | PRON | ROLE | NOUN
    role: str | None = None
    org: str | None = None


@lru_cache(maxsize=1)
def roles_data() -> dict[str, Any]:
    """``resources/roles.yaml``, read once: roles, organisation adjectives and nouns, group nouns."""
    return resource_yaml("roles.yaml")


@lru_cache(maxsize=32)
def role_words(key: str) -> frozenset[str]:
    """One word list of ``resources/roles.yaml`` (``plural_pronouns``, ``member_nouns``, ...), lower-cased."""
    return frozenset(str(w).lower() for w in roles_data().get(key) or ())


@lru_cache(maxsize=1)
def _roles() -> tuple[tuple[str, ...], dict[str, str]]:
    data = roles_data()
    roles = sorted({_norm(r) for r in data["roles"]}, key=lambda r: -len(r))
    return tuple(roles), {k.lower(): v for k, v in (data.get("org_adjectives") or {}).items()}


def _norm(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.lower()).strip()


def role_in(text: str) -> str | None:
    """The longest role noun in ``text`` ("foreign minister", "secretary general", "spokesman"); of two as
    long, the later one, the head of the phrase ("president candidate" -> "candidate")."""
    norm = f" {_norm(text)} "
    best: tuple[int, str] | None = None
    for role in _roles()[0]:  # longest first
        if best is not None and len(role) < len(best[1]):
            break
        at = norm.rfind(f" {role} ")
        if at >= 0 and (best is None or at > best[0]):
            best = (at, role)
    return best[1] if best else None


def find_subject(doc: Doc, head: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, the subject of the verb a participle hangs on
    ("..., arguing that"), the agent of a passive, or for "according to" the object of "to"."""
    if head.lower_ == "according":
        to = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if to is not None:
            for child in to.children:
                if child.dep_ == "pobj":
                    return author_of(child)
        return None
    subject = _named_before_apposition(doc, head) or _subject(doc, head)
    if subject is not None:
        subject = author_of(subject)
    if subject is not None and _number_subject(doc, subject):
        return None  # "5:45 p.m." heading a live blog entry is not a speaker
    if subject is not None and _when(subject):
        # "Trump, in Kentucky, said Tuesday that", "Saturday at the convention Sen. Elizabeth Warren said":
        # a day the parser took for the subject; the name before the verb speaks
        return _name_before(doc, head)
    if subject is not None and subject.i < head.i:
        after = _after_dateline(doc, subject)
        if after is not None:
            return after
    if subject is not None and subject.lower_ in ("who", "that", "which") and subject.head.dep_ == "relcl":
        subject = _antecedent(subject)  # "Marc Morial, who suggested ...": the antecedent speaks
    if subject is not None:
        # "BRUSSELS (Sputnik) - NATO Secretary General Jens Stoltenberg said": the dateline is parsed as
        # the subject and the speaker as its apposition
        for child in subject.children:
            if (
                child.dep_ == "appos"
                and child.i > subject.i
                and (
                    child.ent_type_ == "PERSON"
                    # "Its spokesman, Edmund Price, said": a role noun named by its apposition (the
                    # tagger may miss the person)
                    or (child.pos_ == "PROPN" and subject.pos_ == "NOUN" and role_in(subject.text) is not None)
                )
                and doc[child.i - 1].text != "("
                and (child.i + 1 >= len(doc) or doc[child.i + 1].text != ")")
            ) and subject.ent_type_ != "PERSON":
                return child
        # "WASHINGTON ― Donald Trump urged ...": an all-caps dateline parsed as the subject
        if subject.text.isupper() and len(subject.text) > 2 and subject.i + 1 < len(doc):
            nxt = doc[subject.i + 1]
            if nxt.text in ("―", "—", "–", "-", "("):
                j = subject.i + 1
                while j < len(doc) and doc[j].pos_ not in ("PROPN", "NOUN", "PRON"):
                    j += 1
                while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
                    j += 1
                if j < len(doc) and j < head.i:
                    return doc[j]
    if subject is None:
        return _name_after(doc, head) or _name_just_before(doc, head)
    before = subject.left_edge.i - 1
    if subject.i < head.i and before >= 0 and not doc[before].is_punct and _split_name(subject):
        subject = _clause_antecedent(doc[before]) or subject
    return _titled_conjunct(subject) or subject


def _titled_conjunct(subject: Token) -> Token | None:
    """The person a string of titles ends with, parsed as a conjunct of the first title: "GOP presidential
    contender and former neurosurgeon Ben Carson responded", "Sirius XM Vice President for news and talk Dave
    Gorab called"; never two speakers ("Apple and CEO Tim Cook", "the mayor and Sen. Jane Roe", "Police and
    ..."): the first title is a singular common noun or title with no determiner and no name of its own."""
    if subject.ent_type_ or subject.tag_ not in ("NN", "NNP"):
        return None
    if any(c.dep_ in ("det", "poss") for c in subject.children):
        return None
    if subject.pos_ != "NOUN" and role_in(subject.text) is None:
        return None  # "Chaffetz and Rep. Bob Goodlatte": a name the tagger missed
    if not all(t.ent_type_ in ("", "ORG", "GPE", "NORP") for t in subject.lefts):
        return None
    person = [c for c in subject.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
    if len(person) != 1 or not any(c.dep_ == "cc" for c in subject.children):
        return None
    titled = [t for t in person[0].lefts if t.ent_type_ != "PERSON" and t.dep_ in ("compound", "amod")]
    return person[0] if titled else None


def _named_before_apposition(doc: Doc, head: Token) -> Token | None:
    """'Ramos, 58, told AFP', 'Brendan Buck, a spokesman for Ryan, told POLITICO': a finite cue verb without
    a subject of its own right after a name and its apposition between commas (the parser hung the name on
    an earlier clause and took the hearer for the subject); the name's last word, or None."""
    if head.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or head.i < 3 or doc[head.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in head.children):
        return None
    j = head.i - 2
    while j > head.i - 16 and j > 0 and doc[j].text != ",":
        j -= 1
    aside = doc[j + 1 : head.i - 1]
    if j <= 0 or doc[j].text != "," or not len(aside) or doc[j].sent.start != head.sent.start:
        return None
    # an apposition ("58", "a spokesman for Ryan") or a relative clause ("who served as Romney's strategist")
    clause = aside[0].lower_ in ("who", "whose")
    if any(t.is_quote or (t.pos_ in ("VERB", "AUX") and not clause) for t in aside):
        return None
    hung = head.dep_ == "acl" and aside.start <= head.head.i < aside.end
    if head.tag_ == "VBN" and not (clause or hung):
        return None  # a participle is no finite cue, unless misread: after a clause, or hung on the apposition
    k = j - 1
    if doc[k].text == ")":  # "Roy Cooper (D), ...", "Bob Corker (R-Tenn.), ...": the party after the name
        opening = next((i for i in range(k - 1, max(k - 8, 0), -1) if doc[i].text == "("), None)
        k = opening - 1 if opening is not None else k
    name = doc[k]
    return name if name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG") else None


def _name_just_before(doc: Doc, head: Token) -> Token | None:
    """ "In a statement, her adviser, Jake Sullivan, said: ...": a finite cue verb the parser left without a
    subject (it hung the name on an earlier noun) after a person's name and at most a comma; the name's last
    word, or None."""
    if head.tag_ not in ("VBD", "VBZ", "VBP") or head.i == 0:
        return None
    j = head.i - 1
    if doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].ent_type_ != "PERSON" or doc[j].sent.start != head.sent.start:
        return None
    if any(t.text in ("“", "”", '"', "«", "»") for t in doc[j : head.i]):
        return None
    return _clause_antecedent(doc[j]) or doc[j]


def _split_name(subject: Token) -> bool:
    """A name's last word the parser split from a relative clause ("... of Our Principles | PAC said"): a
    proper noun that is no person's name."""
    return subject.pos_ == "PROPN" and subject.ent_type_ != "PERSON"


def _clause_antecedent(token: Token) -> Token | None:
    """The person a relative clause describes, where ``token`` ends that clause: "Katie Packer, who is
    chairman of Our Principles PAC said" (the name before the verb, or its last word the parser took for
    the subject, belongs to the clause; the person it describes speaks), or None."""
    clause = next((a for a in [token, *token.ancestors] if a.dep_ == "relcl" and a.head.i < a.i), None)
    if clause is None or clause.i >= token.i or clause.right_edge.i > token.i or not _named(clause.head):
        return None
    return clause.head if clause.head.ent_type_ in ("", "PERSON") else None


_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"})


def _when(token: Token) -> bool:
    """A day or a time, never a speaker ("Tuesday", "Saturday", "yesterday")."""
    return token.lower_ in _DAYS or token.ent_type_ == "TIME"  # not a DATE: "the 26-year-old" is one


def _name_before(doc: Doc, head: Token) -> Token | None:
    """The last person or organisation named before a cue in its sentence, outside quote marks."""
    sent = head.sent
    inside = False
    best = None
    for t in doc[sent.start : head.i]:
        if t.text in ("“", "”", '"', "«", "»"):
            inside = not inside if t.text == '"' else t.text in ("“", "«")
            continue
        last_word = t.i + 1 >= len(doc) or doc[t.i + 1].ent_type_ != t.ent_type_ or doc[t.i + 1].ent_iob_ == "B"
        if not inside and t.ent_type_ in ("PERSON", "ORG") and not _when(t) and last_word:
            best = t  # the name's last word
    if best is not None and best.dep_ == "case":
        best = best.head  # "Donald Trump’s": the name, not its "’s"
    if best is not None and best.dep_ == "poss" and best.head.i < head.i:
        best = best.head  # "Donald Trump’s campaign manager says": the manager speaks
    return best


_DATELINE_DASHES = ("―", "—", "–", "-")


def _after_dateline(doc: Doc, subject: Token) -> Token | None:
    """ "ORLANDO, Fla. (Reuters) - President Barack Obama met ... and said": a subject inside the all-caps
    dateline that opens the sentence is no speaker; the name after the dateline's dash is (or None when the
    sentence has no such dateline)."""
    sent = subject.sent
    first = doc[sent.start]
    while first.is_space and first.i + 1 < sent.end:
        first = doc[first.i + 1]
    if not (first.text.isupper() and len(first.text) > 2 and first.is_alpha):
        return None
    dash = next(
        (
            t
            for t in doc[first.i : min(sent.end, first.i + 10)]
            if t.text in _DATELINE_DASHES and t.i > 0 and (doc[t.i - 1].whitespace_ or t.whitespace_)
        ),
        None,
    )
    if dash is None or subject.i >= dash.i:
        return None
    # a dateline holds places, an agency in brackets and commas: no verb, no lower-case word
    if any(t.pos_ in ("VERB", "AUX") or (t.is_alpha and t.is_lower) for t in doc[first.i : dash.i]):
        return None
    j = dash.i + 1
    while j < sent.end and doc[j].pos_ not in ("PROPN", "NOUN", "PRON"):
        j += 1
    while j + 1 < sent.end and doc[j + 1].pos_ == "PROPN":
        j += 1
    return doc[j] if j < sent.end else None


def _number_subject(doc: Doc, subject: Token) -> bool:
    """A number or a time that cannot speak ("5:45 p.m.", "2016"); not a share of people ("Two in three
    said", "One of the authors, Ari Fleischer, said", "Nearly six out of 10 say")."""
    if subject.lower_ in ("p.m.", "a.m.", "p.m", "a.m") and subject.i > 0 and doc[subject.i - 1].like_num:
        return True
    if not (subject.like_num or any(c.isdigit() for c in subject.text)):
        return False
    nxt = doc[subject.i + 1] if subject.i + 1 < len(doc) else None
    if ":" in subject.text or (nxt is not None and nxt.lower_.startswith(("p.m", "a.m"))):
        return True
    return not any(
        c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in ("of", "in", "out")) for c in subject.children
    )


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Nouns for a text that speaks for its author (``resources/roles.yaml`` ``document_nouns``)."""
    return frozenset(w.lower() for w in roles_data().get("document_nouns") or ())


def _antecedent(relative: Token) -> Token:
    """The antecedent of a relative pronoun ("who", "that", "which"), or for "who" after a named place or
    organisation, the person whose apposition holds it (:func:`apposed_person`)."""
    antecedent = relative.head.head
    if relative.lower_ == "who" and antecedent.ent_type_ in ("ORG", "GPE", "FAC", "LOC", "NORP"):
        return apposed_person(antecedent)
    return antecedent


def apposed_person(token: Token) -> Token:
    """The person an apposition describes when ``token`` (a named place or organisation the parser made the
    antecedent of "who") stands in it: "Hannah Oduya, a nursing student at Northgate College, who said ..."
    -> Oduya, never the college; ``token`` itself when it stands in no apposition of a named person."""
    climb = token
    while climb.dep_ in ("pobj", "prep", "compound") and climb.head is not climb:
        climb = climb.head
    person = climb.head
    if climb.dep_ == "appos" and climb.i > person.i and (person.ent_type_ == "PERSON" or person.pos_ == "PROPN"):
        return person
    return token


def _named_compound(token: Token) -> bool:
    """``token`` is a common noun named by a proper noun right before it ("Halton police")."""
    return token.i > 0 and any(c.dep_ == "compound" and c.i == token.i - 1 and _named(c) for c in token.children)


def _named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG")


def author_of(token: Token) -> Token:
    """The author a sentence names for a text that speaks ("a fundraising email sent out by Sanders
    warned", "a report from the agency", "Sanders' email notes", "Sanders is releasing an ad that
    urges"), or ``token`` itself."""
    if token.lemma_.lower() not in document_nouns():
        return token
    for child in token.children:
        if child.dep_ == "poss" and _named(child):
            return child
        # "the IMF report stated", "a new Clinton ad says": the issuer named before the noun (not a name's
        # own word: "The Washington Post")
        issuer = child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON") and child.i == token.i - 1
        if issuer and token.is_lower and not token.ent_type_:
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            # "a statement from Halton police": a noun named by its proper-noun compound speaks too
            named = [g for g in child.children if g.dep_ == "pobj" and (_named(g) or _named_compound(g))]
            if named:
                return named[0]
        if child.dep_ == "acl":  # "sent out by Sanders", "written by National Review's Ian Tuttle"
            for agent in (g for g in child.children if g.dep_ == "agent"):
                named = [g for g in agent.children if g.dep_ == "pobj" and _named(g)]
                if named:
                    return named[0]
    if token.dep_ == "dobj":  # "Sanders is releasing an ad that urges"
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (_named(subject) or subject.lower_ in ("he", "she", "they")):
            return subject
    return token


_AFTER_QUOTE = frozenset({",", "”", '"', "»", "’"})


def _name_after(doc: Doc, head: Token) -> Token | None:
    """'“...,” said union spokesman Tobias Reinhardt': a cue right after a quote, with no subject, whose
    speaker follows it (titles and role nouns, then the name); the name's last word, or None."""
    if head.i == 0 or doc[head.i - 1].text not in _AFTER_QUOTE:
        return None
    j = head.i + 1
    while j < len(doc) and j - head.i <= 6 and doc[j].pos_ in ("DET", "ADJ", "NOUN") and not doc[j].is_punct:
        j += 1
    if j >= len(doc) or doc[j].pos_ != "PROPN" or _when(doc[j]) or doc[j].ent_type_ == "DATE":
        return None  # "..., called Friday for": a day is no speaker
    while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and not doc[j + 1].is_punct:
        j += 1
    return doc[j]


def _subject(doc: Doc, head: Token) -> Token | None:
    seen = 0
    verb: Token | None = head
    while verb is not None and seen < 4:
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "csubj")]
        if subjects:
            # two subjects happen when the parser reads a quote's words as one: the nearest speaks
            return min(subjects, key=lambda child: abs(child.i - verb.i))
        for child in verb.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        # "“...,” recalled Tajani": a name right after a verb that has no subject (not the object of a
        # participle: "..., telling CNBC: ...")
        if verb.i == head.i and verb.tag_ != "VBG":
            for child in verb.children:
                if (
                    child.i > verb.i
                    and child.i - verb.i <= 4
                    and child.dep_ in ("dobj", "attr", "npadvmod", "dative", "appos")
                    and (child.pos_ == "PROPN" or child.ent_type_ in ("PERSON", "ORG"))
                    and not _when(child)
                    and child.ent_type_ != "DATE"
                    and verb.i > 0
                    and doc[verb.i - 1].text in (",", "”", '"', "»", "’")
                ):
                    return child
        # "before asking her", "after saying": the verb a preposition hangs on
        if (
            verb.dep_ == "pcomp"
            and verb.head.dep_ == "prep"
            and verb.head.lower_ in ("before", "after", "while", "upon", "on", "by", "without", "since")
            and verb.head.head.i != verb.head.i
        ):
            verb = verb.head.head
            seen += 1
            continue
        # "X rejected the idea that Y would be a drag, saying ...": a participle after a comma speaks for
        # the main clause, though the parser hangs it on the clause inside it
        if verb.i == head.i and verb.tag_ == "VBG" and verb.dep_ == "advcl" and doc[verb.i - 1].text == ",":
            verb = _main_clause(verb.head)
            seen += 1
            continue
        # participle or coordinated verb: look at the governing verb
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl", "relcl") and verb.head.i != verb.i:
            if verb.dep_ == "relcl":
                return verb.head if verb.head.pos_ in ("PROPN", "NOUN", "PRON") else None
            shared = _shared_subject(verb)
            if shared is not None:
                return shared
            verb = verb.head
            seen += 1
            continue
        break
    return None


@lru_cache(maxsize=1)
def causative_verbs() -> frozenset[str]:
    """Verbs whose object speaks their complement (``resources/roles.yaml`` ``causative_verbs``)."""
    return frozenset(w.lower() for w in roles_data().get("causative_verbs") or ())


def _shared_subject(clause: Token) -> Token | None:
    """Who speaks a cue verb ``clause`` hangs on its governing verb by, when not that verb's subject: the
    object of a causative ("the victory led Priebus to declare"), or the passive subject of a coordinated
    verb, never its agent ("officials were angered by the deal and predicted"); None otherwise."""
    governor = clause.head
    if clause.dep_ == "xcomp" and governor.lemma_.lower() in causative_verbs():
        return next((c for c in governor.children if c.dep_ == "dobj" and c.i < clause.i), None)
    if clause.dep_ != "conj" or any(c.dep_ in ("nsubj", "csubj") for c in governor.children):
        return None
    agents = [g for c in governor.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if any(r.dep_ == "relcl" and r.i < clause.i for a in agents for r in a.children):
        return None  # "Sanders was asked by Bill Maher, who backs him but has dismissed": the relative goes on
    return next((c for c in governor.children if c.dep_ == "nsubjpass"), None)


_QUOTE_MARKS = frozenset(OPEN_MARKS + END_MARKS + "'")
_EMBEDDED = frozenset({"ccomp", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "attr", "advcl", "xcomp"})


def _main_clause(token: Token) -> Token:
    """The verb of the clause that ``token`` is embedded in, over complements, relative clauses and the
    nouns they modify, when it comes first; never across a quote mark or a line break (the parser runs
    sentences on over them)."""
    top = token
    while top.dep_ in _EMBEDDED and top.head.i != top.i:
        top = top.head
    if top.i > token.i:
        return token  # the main clause comes first: "X argued that Y ..., saying"
    between = top.doc[top.i : token.i]
    crossed = any((t.is_punct and _QUOTE_MARKS.intersection(t.text)) or "\n" in t.text + t.whitespace_ for t in between)
    return token if crossed else top


def name_between(doc: Doc, start: int, end: int) -> Token | None:
    """The speaker of "“...,” NAME(, apposition,) said" when the parser has lost the verb's subject: the
    name or personal pronoun that opens the stretch between a closing quote mark and its cue."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    tokens = [t for t in span if not (t.is_punct or t.is_space)]
    if not tokens:
        return None
    first = tokens[0]
    if first.lower_ in ("he", "she", "they", "we", "i"):
        return first
    j = first.i
    while j < span.end and doc[j].pos_ != "PROPN" and doc[j].ent_type_ not in ("PERSON", "ORG"):
        if doc[j].is_punct or (doc[j].pos_ in ("VERB", "AUX") and doc[j].is_lower):
            return None  # only titles and determiners may stand before the name
        j += 1
    if j >= span.end:
        return None
    while j + 1 < span.end and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].ent_type_ == "PERSON"):
        j += 1
    return doc[j]


def mention_for(doc: Doc, token: Token, *, left_limit: int = 0) -> Mention:
    """The whole speaker mention around a subject token (name, titles, possessive organisation), without
    relative clauses or trailing appositions, and not left of token ``left_limit``."""
    keep_deps = {"compound", "amod", "det", "poss", "case", "prep", "pobj", "flat", "nummod", "punct", "nmod"}
    left, right = token.i, token.i
    stack = [c for c in token.children if c.i < token.i and c.dep_ in keep_deps]
    while stack:
        t = stack.pop()
        left = min(left, t.i)
        stack.extend(c for c in t.children)
    # "of" phrases inside a title ("Secretary of State Anthony Blinken", "the US House of Representatives"),
    # a share of people ("Two in three", "six out of 10")
    shares = ("of", "in", "out") if token.like_num else ("of",)
    for child in token.children:
        if child.i > token.i and child.dep_ == "prep" and child.lower_ in shares:
            right = max(right, _phrase_end(child))
        if child.i > token.i and child.dep_ in ("compound", "flat"):
            right = max(right, child.i)
    # a name the parser split ("Tobias" + "Reinhardt" as its modifier) is one name
    while right + 1 < len(doc) and doc[right + 1].pos_ == "PROPN" and doc[right + 1].ent_type_ == token.ent_type_ != "":
        right += 1
    # the title right before a name the parser did not attach ("said union spokesman Tobias Reinhardt")
    if token.pos_ == "PROPN":
        j = left
        while j - 1 >= 0 and doc[j - 1].pos_ in ("NOUN", "ADJ", "PROPN") and not doc[j - 1].is_punct:
            j -= 1
        if j < left and role_in(doc[j:left].text):
            left = j
    # never across a line break, a dateline dash or a bracket to the left of the head
    for i in range(token.i - 1, left - 1, -1):
        t = doc[i]
        if (
            t.is_space
            or "\n" in t.whitespace_
            or t.text in ("(", ")", ":", ";", '"', "“", "”", "«", "»")
            or (t.text in ("-", "–", "—", "―") and (t.whitespace_ or (i > 0 and doc[i - 1].whitespace_)))
        ):
            left = i + 1
            break
    span = doc[max(left, left_limit) : right + 1]
    while len(span) > 1 and (
        span[0].is_punct or span[0].dep_ in ("punct", "cc") or span[0].lower_ in ("as", "reported")
    ):
        span = span[1:]
    name, label = _name_in(span, token)
    couple = _couple(doc, span) if label in ("PERSON", "PROPN") else None
    if couple is not None:
        (span, name), label = couple, "PERSON"
    role = role_in(span.text)
    org = _org_in(span, name) if role else None
    if role:
        role, org = _portfolio(span, role, org)
    text = span.text
    glued = _GLUED_QUOTE.match(text)
    cut = glued.end() if glued else 0
    return Mention(span.start_char + cut, span.end_char, token.i, text[cut:], name, label, role, org)


def _couple(doc: Doc, span: Span) -> tuple[Span, str] | None:
    """Two people of one surname as one speaker ("Luc and Hélène Marchand said", "The owners, Marc and
    Julie Tessier, said"): a lone first name, "and", then a first name and a surname, in or right after the
    mention; the extended span and the pair's name. The lone word is a first name of the lists or a word
    the article never gives as a surname ("Obama and Hillary Clinton" after "Barack Obama" are two)."""
    for full in (e for e in doc.ents if e.label_ == "PERSON" and len(e) == 2 and e.start >= span.start + 2):
        if full.start > span.end + 2 or doc[full.start - 1].lower_ != "and":
            continue
        lone = doc[full.start - 2]
        own = next((e for e in doc.ents if e.start <= lone.i < e.end), None)
        if own is None or len(own) != 1 or own.label_ != "PERSON" or lone.i < span.start:
            continue
        if lone.lower_ not in _first_names() and lone.lower_ in _known_surname_words(doc):
            continue
        return doc[span.start : max(span.end, full.end)], f"{lone.text} and {_clean_name(full.text)}"
    return None


def _known_surname_words(doc: Doc) -> set[str]:
    """Lower-case last words of the article's names of two words or more (its surnames)."""
    return {e[-1].lower_ for e in doc.ents if e.label_ in ("PERSON", "ORG") and len(e) > 1}


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Lower-case first names of either list (``resources/first_names_*.txt``)."""
    return frozenset(
        w.lower() for name in ("first_names_female.txt", "first_names_male.txt") for w in word_list(name)
    )


def _phrase_end(prep: Token) -> int:
    """The last token of an "of" phrase in a mention, short of a relative clause in it ("Many of the local
    GOP leaders | who'd rather be working for Cruz or Ben Carson"): the clause describes, it names nobody
    who speaks."""
    end = max(t.i for t in prep.subtree)
    # a relative clause that ends the phrase and names someone (not one an apposition follows: "One of his
    # supporters who backs Randolph, former Rep. Pat Schroeder")
    clause = next((t for t in prep.subtree if t.dep_ == "relcl" and t.right_edge.i == end), None)
    if clause is None or not any(t.ent_type_ in ("PERSON", "ORG") for t in clause.subtree):
        return end
    if any(t.text == "," for t in clause.subtree):
        return end  # the apposition may be the head's, hung on the clause by the parser
    end = clause.left_edge.i - 1
    while end > prep.i and (prep.doc[end].is_punct or prep.doc[end].is_space):
        end -= 1
    return end


def _one_member(head: Token) -> bool:
    """A singular party or group word the tagger calls NORP heading a mention with a determiner: one person
    by their party ("the Florida Republican", "one New Hampshire Democrat"; ``member_nouns`` in
    ``resources/roles.yaml``) or any such word after an indefinite one ("another Muslim"); not a name of
    its own ("The Federalist")."""
    if head.ent_type_ != "NORP" or head.tag_ not in ("NNP", "NN"):
        return False
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "nummod")]
    indefinite = ("a", "an", "one", "another")
    return bool(dets) and (head.lower_ in role_words("member_nouns") or any(d in indefinite for d in dets))


def _name_in(span: Span, head: Token) -> tuple[str | None, str | None]:
    if head.lower_ in PRONOUNS or head.pos_ == "PRON":
        return None, "PRON"
    ents = [e for e in ents_in(span) if e.label_ in NAME_LABELS]
    person = [e for e in ents if e.label_ == "PERSON"]
    # "Obama's former campaign strategist", "Trump's doctor": a possessive names someone else
    person = [e for e in person if (e.start <= head.i < e.end) or e.root.dep_ != "poss"]
    if person:
        # the person the head belongs to, else the last person
        chosen = next((e for e in person if e.start <= head.i < e.end), person[-1])
        name = _clean_name(chosen.text)
        return _titled_person(name) or name, "PERSON"
    if _one_member(head):
        return None, "ROLE"  # "a New Hampshire Republican", "the Florida Democrat": one person, by their party
    if head.ent_type_ in ("ORG", "GPE", "NORP"):
        ent = next((e for e in ents if e.start <= head.i < e.end), None)
        if ent is not None:
            name = _clean_name(ent.text)
            person = _titled_person(name)  # "Liberal MPP Adil Shamji" tagged ORG: a person after their titles
            return (person, "PERSON") if person else (name, ent.label_)
    if head.pos_ == "PROPN":
        left = head.i
        while left - 1 >= span.start and span.doc[left - 1].pos_ == "PROPN":
            left -= 1
        name = _clean_name(span.doc[left : head.i + 1].text)
        person = _titled_person(name)
        if role_in(span.text) and not person and not any(t.ent_type_ == "PERSON" for t in span):
            return None, "ROLE"  # "the NATO Secretary-General": a title, not a name
        return person or name, "PERSON" if head.ent_type_ == "PERSON" else "PROPN"
    if role_in(head.text) or role_in(span.text):
        return None, "ROLE"
    return None, "NOUN"


_GLUED_QUOTE = re.compile(r"^.*?\S[”\"»](?=\w)")


def _clean_name(text: str) -> str:
    text = _GLUED_QUOTE.sub("", text.strip())  # 'paranoia,”Clinton': the quote's last word glued on
    text = re.sub(r"(’s|'s)$", "", text.strip())
    text = re.sub(r"^(the|The)\s+", "", text)
    return text.strip(" ,.")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Single words that title a name when printed before it: roles and organisation adjectives, each also
    without its full stop ("sgt" for "Sgt.")."""
    roles, adjectives = _roles()
    words = {r for r in roles if " " not in r} | set(adjectives)
    return frozenset(words | {w.rstrip(".") for w in words})


def _titled_person(name: str) -> str | None:
    """The person's name in a name the tagger took titles into ("Spokesperson Justine Teplycky", "Liberal MPP
    Adil Shamji" -> "Adil Shamji"; two words stay at least), or None when no role title opens ``name``
    ("Republican National Committee", "U.S. Geological Survey" are names of their own)."""
    words = name.split()
    titles = _title_words()
    while len(words) > 2 and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    person = " ".join(words)
    if person == name or role_in(name[: len(name) - len(person)]) is None or role_in(person) is not None:
        return None
    return person


def _org_in(span: Span, name: str | None) -> str | None:
    adjectives = _roles()[1]
    role_words = {w.rstrip(".") for w in (role_in(span.text) or "").split()}
    for ent in ents_in(span):
        if ent.label_ in ("ORG", "GPE", "NORP") and (name is None or ent.text not in name):
            text = _clean_name(ent.text)
            return adjectives.get(text.lower(), text)
    for token in span:
        mapped = adjectives.get(token.lower_)
        if mapped:
            return mapped
    for token in span:
        if (
            token.pos_ == "PROPN"
            and (name is None or token.text not in name)
            and token.ent_type_ != "PERSON"
            and token.lower_.rstrip(".") not in role_words
        ):
            return token.text
    return None


PORTFOLIO_HEADS = frozenset({"minister", "secretary", "critic", "commissioner"})


def _portfolio(span: Span, role: str, org: str | None) -> tuple[str, str | None]:
    """A portfolio printed before a minister's title is part of the role, not an organisation: "Labour
    Minister Jane Roe" is the Labour Minister (no "Labour Party" unless the text says so), "Transportation
    Minister Paul Hendricks" the Transportation Minister. A country's adjective stays the organisation
    ("Russian Foreign Minister")."""
    if role not in PORTFOLIO_HEADS:
        return role, org
    heads = [t for t in span if t.lower_ == role]
    if not heads:
        return role, org
    adjectives = _roles()[1]
    words: list[Token] = []
    j = heads[0].i - 1
    while j >= span.start and len(words) < 3:
        t = span.doc[j]
        mapped = adjectives.get(t.lower_)
        if (
            not t.text[:1].isupper()
            or t.pos_ not in ("PROPN", "NOUN", "ADJ")
            or (t.ent_type_ in ("PERSON", "GPE", "NORP") and mapped is None)
            or (mapped is not None and "party" not in mapped.lower())
            or role_in(t.text) is not None
            or t.dep_ == "poss"
        ):
            break
        words.insert(0, t)
        j -= 1
    if not words:
        return role, org
    texts = {t.text for t in words} | {adjectives.get(t.lower_, "") for t in words}
    if org is not None and org in texts:
        org = None
    return " ".join([*(t.text.lower() for t in words), role]), org


def title_role(text: str) -> str | None:
    """A role as it would be printed ("Foreign Minister", "Labour Minister")."""
    role = role_in(text)
    if not role:
        return None
    norm = _norm(text)
    if norm != role and norm.endswith(" " + role) and role in PORTFOLIO_HEADS and len(norm.split()) <= 4:
        role = norm  # a portfolio read by _portfolio: "labour minister"
    # an abbreviation stays in capitals ("MPP", "CEO"), the rest in title case ("Secretary of State")
    return " ".join(_printed(w) for w in role.split())


def _printed(word: str) -> str:
    if word == "of":
        return word
    return word.upper() if len(word) <= 3 and not word.endswith(".") else word.title()
