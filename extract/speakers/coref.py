"""Stage 4: rule-based coreference of speakers within one article.

"he", "the Secretary-General", "the NATO chief" and a bare surname become the fullest name the article
gives for that person. No guess across articles: that is :mod:`quotegraph.extract.speakers.entities`' job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from quotegraph.extract.attribution.content import QuoteSpan
from quotegraph.extract.lookup import doc_text, sent_of
from quotegraph.extract.speakers.antecedents import candidates, load_chooser
from quotegraph.extract.speakers.chains import chained_subject
from quotegraph.extract.speakers.documents import earlier_issuer
from quotegraph.extract.speakers.entities import role_equivalent, title_words
from quotegraph.extract.speakers.genders import article_genders
from quotegraph.extract.speakers.mentions import (
    Mention,
    _clean_name,
    _titled_person,
    document_nouns,
    role_in,
    roles_data,
)
from quotegraph.extract.speakers.relations import relative_words
from quotegraph.extract.text import PRONOUN_GENDER, name_key, resource_yaml, surname, word_list
from spacy.tokens import Doc, Span, Token

PLURAL = {"they", "them", "their", "we"}
ORG_WINDOW = 1000  # characters before "the company" in which the organisation it stands for is named
PERSONAL = {"he", "she", "they", "him", "her", "them", "i", "we", "his", "their", "me", "us", "you"}
INDEFINITE = {"a", "an", "one", "another", "some", "several", "many", "two", "three", "other", "others", "any"}


@dataclass
class NameIndex:
    """Names of people and organisations in one article, with the roles they were given."""

    full_by_surname: dict[str, str] = field(default_factory=dict)
    role_holders: dict[str, str] = field(default_factory=dict)
    # a role's equivalent ("judge" of "Justice", "doctor" of "Dr.") -> everyone the article gives a title of it
    title_holders: dict[str, set[str]] = field(default_factory=dict)
    persons: list[tuple[int, str]] = field(default_factory=list)  # (char offset, full name), outside quotes
    orgs: list[tuple[int, str]] = field(default_factory=list)  # (char offset, organisation), outside quotes
    # words the article describes a person with, where it names them ("A 26-year-old cyclist, Jordan Pike",
    # "Peter Bethlenfalvy, the province's finance minister"): name -> words, and where each was named
    described_as: dict[str, set[str]] = field(default_factory=dict)
    described_heads: dict[str, set[str]] = field(default_factory=dict)  # the head nouns of those descriptions
    introduced: list[tuple[int, str]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # the article's quotes (start, end)
    # lower-case words of the places and nations the article names ("florida", "jersey", "mexico")
    places: set[str] = field(default_factory=set)

    # surname -> "f" or "m" where the article gives it an honorific ("Ms. Tremblay", "Mr. Sandhu")
    honorifics: dict[str, str] = field(default_factory=dict)
    shared_surnames: set[str] = field(default_factory=set)  # surnames of two people ("Bill", "Hillary Clinton")
    # canonical name -> the gender the article's own pronouns give a person whose first name does not tell
    # it (:func:`~quotegraph.extract.speakers.genders.article_genders`: "Nkechi Obi opened her salon"), or
    # that a "he" or "she" the name was the subject before, in the same sentence, gave it while resolving
    learned: dict[str, str] = field(default_factory=dict)

    def gender(self, name: str) -> str | None:
        """ "f", "m" or None (unknown): by the name's title or first name, else by an honorific the article
        gives the surname, else by a gendered noun it describes the person with ("the association's
        chairwoman", "a father of three")."""
        known = gender_of(name) or self.learned.get(self.canonical(name))
        if known or surname(name) in self.shared_surnames:
            return known  # "Mr. Clinton" and "her husband" say nothing of Hillary Clinton beside Bill
        if surname(name) in self.honorifics:
            return self.honorifics[surname(name)]
        heads = self.described_heads.get(self.canonical(name), set())
        found = {g for g, nouns in gendered_nouns().items() if heads & nouns}
        return found.pop() if len(found) == 1 else None

    def agrees(self, name: str, wanted: str | None) -> bool:
        """:func:`agrees`, with what the article itself says of the person's gender."""
        if not agrees(name, wanted):
            return False
        known = self.gender(name)
        return wanted is None or known is None or known == wanted

    def canonical(self, name: str) -> str:
        """The fullest name the article gives the person of ``name`` ("Stoltenberg" -> "Jens Stoltenberg"),
        never another person's of the same surname ("Bill Clinton" stays himself beside "Hillary Clinton")."""
        full = self.full_by_surname.get(surname(name))
        if not full or len(full) < len(name) or _other_first_name(name, full):
            return name
        return full

    def is_person(self, name: str) -> bool:
        """``name`` is a person the article names (the tagger's PERSON, or a speaker mention's name)."""
        full = self.full_by_surname.get(surname(name))
        return full is not None and surname(full) == surname(name)

    def holder(self, role: str) -> str | None:
        """The person who holds the role a description names, a title's synonym its role ("Justice Ann
        Roe" is "the judge", "Dr. Omar Haddad" "the doctor"); None when nobody or several do."""
        norm = title_role(role)
        if norm is None:
            return None
        holders, same = self.role_holders, self.title_holders.get(role_equivalent(norm), set())
        if norm in holders:
            found = holders[norm]
        elif len(same) == 1 and not [w for w in _words(role) if w not in _DETERMINERS and w not in norm.split()]:
            # "the judge" of "Justice Helen Osei": the one person given a title of that role, for a bare
            # description only ("the Florida senator" may be someone the article does not title so)
            return next(iter(same))
        # "the NATO chief", "the NATO leader": a generic head noun matches the only role holder
        elif norm in ("chief", "leader", "head") and len(set(holders.values())) == 1:
            found = next(iter(holders.values()))
        else:
            # "the minister" after "the province's finance minister, Peter Bethlenfalvy": the one holder of
            # a role with that head
            last = norm.split()[-1]
            heads = {n for r, n in holders.items() if r.split()[-1] == last}
            if len(heads) != 1:
                return None
            found = next(iter(heads))
        # "the Florida senator" is not the article's senator from Vermont: a holder the article described
        # with every qualifying word goes first
        if not self.qualifies(role, found, norm):
            last = norm.split()[-1]
            # "New Jersey Gov. Chris Christie" is "the New Jersey governor": a title counts as its role
            wanted = role_equivalent(last)
            fitting = {
                n
                for n, words in self.described_as.items()
                if wanted in {role_equivalent(w) for w in words} and self.qualifies(role, n, norm)
            }
            if len(fitting) == 1:
                return next(iter(fitting))
            if self.qualified_otherwise(role, found, norm):
                return None  # "the New Jersey governor" is not the Florida one the article described so
        return found

    def qualifies(self, text: str, name: str, role: str | None = None) -> bool:
        """Every qualifying word of a description (``text`` without its determiner and role words) is
        one the article gave ``name`` where it named them, or a word of the name."""
        own = self.described_as.get(name, set()) | set(name_key(name).split())
        skip = set((role or "").split()) | _DETERMINERS
        words = [w for w in _words(text) if w not in skip]
        return all(w in own for w in words)

    def qualified_otherwise(self, text: str, name: str, role: str) -> bool:
        """The article described ``name`` with a place or nation a description lacks, where the description
        names another ("Florida Gov. Jeb Bush" for "the New Jersey governor", "Vermont Sen. Bernie Sanders"
        for "the Florida senator")."""
        places = self.places
        own = {w for w in self.described_as.get(name, set()) if w in places}
        wanted = {w for w in _words(text) if w in places and w not in role.split()}
        return bool(own) and bool(wanted) and not own & wanted

    def described(self, text: str, before: int) -> str | None:
        """The person a definite description stands for ("the 26-year-old", "the cyclist", "the Florida
        senator"): the last person named before char ``before`` whom the article described with the
        description's head word and all its qualifying words; None when none or several fit."""
        words = [w for w in _words(text) if w not in _DETERMINERS]
        if not words or words[-1] in _VAGUE:
            return None
        head = words[-1]
        if head in document_nouns() or head in org_nouns() or head in group_nouns() or head in ORG_WORDS:
            return None  # "the new poll", "the company", "the committee" are not a person
        fits = [n for pos, n in self.introduced if pos < before and head in self.described_heads.get(n, ())]
        fits = [n for n in fits if self.qualifies(text, n)]
        return fits[-1] if fits and len(set(fits)) == 1 else None


def title_role(text: str) -> str | None:
    """The role a title or description names: its role noun ("the foreign minister"), else a title that
    stands for a role ("Dr." and "the doctor" -> "doctor", ``role_equivalents``)."""
    norm = role_in(text)
    if norm is not None:
        return norm
    words = _words(text)
    return role_equivalent(words[-1]) if words and words[-1] in title_words() else None


def _describe(index: NameIndex, doc: Doc, ent: Span, name: str, left: str) -> None:
    """What the article calls a person where it names them: the title before the name, an apposition
    after it ("Jordan Pike, a cyclist from Ajax") or the noun phrase it stands in apposition to."""
    phrases = [_words(left.split(",")[-1])] if left else []
    longer = doc[ent.end : min(sent_of(ent[-1]).end, ent.end + 14)].text
    if longer.startswith(","):
        # "Jordan Pike, a cyclist from Ajax": the apposition up to a clause ("who leads the poll")
        appositive = re.split(r"\b(?:who|which|that|whose|said|says)\b", longer.split(",")[1])[0]
        phrases.append(_words(re.split(r"\b(?:from|of|in|at|with|for)\b", appositive)[0]))
    if ent.root.dep_ == "appos" and ent.root.head.i < ent.start:
        # "A 26-year-old cyclist, Jordan Pike": the noun phrase the name stands in apposition to
        phrases.append(_words(doc[ent.root.head.left_edge.i : ent.root.head.i + 1].text))
    phrases = [p for p in phrases if p]
    if phrases:
        index.described_as.setdefault(name, set()).update(w for p in phrases for w in p)
        heads = {p[-1] for p in phrases} | {w for p in phrases for w in p if _AGE.fullmatch(w)}
        heads |= {r.split()[-1] for p in phrases if (r := role_in(" ".join(p)))}
        index.described_heads.setdefault(name, set()).update(heads)
        index.introduced.append((ent.start_char, name))


def _opens_sentence(token: Token) -> bool:
    """The first word of its sentence, or of a quote that opens one ("“Certainly ...")."""
    if token.is_sent_start:
        return True
    return token.i > 0 and token.doc[token.i - 1].is_quote and token.doc[token.i - 1].is_sent_start


def build_index(doc: Doc, quotes: Sequence[QuoteSpan], verb_forms: frozenset[str] = frozenset()) -> NameIndex:
    """Collect person names (fullest form per surname) and role holders ("NATO Secretary General Jens
    Stoltenberg" makes Stoltenberg the secretary general). ``verb_forms`` opening a sentence are not part
    of a name ("Said Ellis: ..." is Ellis), nor is an adverb before a full name ("Certainly Donald Trump")."""
    index = NameIndex(quotes=[(q.start, q.end) for q in quotes])

    def in_quote(pos: int) -> bool:
        return any(q.start <= pos < q.end for q in quotes)

    for ent in doc.ents:
        person = ent.label_ == "PERSON" or (ent.label_ == "ORG" and person_shaped(ent))
        if ent.label_ == "ORG" and not person and not in_quote(ent.start_char):
            index.orgs.append((ent.start_char, _clean_name(ent.text)))
        if not person:
            continue
        if len(ent) > 1 and ent[0].is_sent_start and ent[0].lower_ in verb_forms:
            ent = ent[1:]
        elif len(ent) > 2 and ent[0].pos_ == "ADV" and _opens_sentence(ent[0]):
            ent = ent[1:]  # "Certainly Donald Trump has ...": the adverb opens the sentence, not the name
        name = _clean_name(ent.text)
        name = _titled_person(name) or name  # "Founder Beverly Bond" is Beverly Bond
        if name.isupper() and len(name) > 3:
            name = name.title()  # a transcript's "WALLACE" is Wallace
        if not name or not any(c.isupper() for c in name) or re.search(r"\sv(?:s)?\.\s", name):
            continue  # "Trump v. Trump": a case or a book, no person
        key = surname(name)
        if len(name.split()) > len(index.full_by_surname.get(key, "").split()):
            index.full_by_surname[key] = name
        if not in_quote(ent.start_char):
            index.persons.append((ent.start_char, name))
        # a role printed right before or after the name
        window = doc[max(sent_of(ent[0]).start, ent.start - 6) : ent.start]
        # only the title right before the name: "chairman calls for Clinton" gives Clinton no role
        cut = max(
            (t.i + 1 for t in window if t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADP" and t.lower_ != "of")),
            default=window.start,
        )
        left = doc[cut : ent.start].text
        right = doc[ent.end : min(sent_of(ent[-1]).end, ent.end + 6)].text
        role = title_role(left.split(",")[-1]) if left else None
        if role is None and right.startswith(","):
            role = role_in(right.split(",")[1] if right.count(",") >= 1 else right)
        if role:
            index.role_holders.setdefault(role, name)
            index.title_holders.setdefault(role_equivalent(role), set()).add(name)
        if not in_quote(ent.start_char):
            _describe(index, doc, ent, name, left)
    index.role_holders = {r: index.canonical(n) for r, n in index.role_holders.items()}
    index.title_holders = {r: {index.canonical(n) for n in names} for r, names in index.title_holders.items()}
    for attr in ("described_as", "described_heads"):
        merged: dict[str, set[str]] = {}
        for name, words in getattr(index, attr).items():
            merged.setdefault(index.canonical(name), set()).update(words)
        setattr(index, attr, merged)
    index.introduced = [(pos, index.canonical(n)) for pos, n in index.introduced]
    _genders(index, doc)
    return index


def _genders(index: NameIndex, doc: Doc) -> None:
    """What the article tells of its people's genders (surnames of two people, honorifics, pronouns), and
    the places it names."""
    index.places = {w for e in doc.ents if e.label_ in ("GPE", "LOC") for w in _words(e.text)}
    index.places -= _DETERMINERS | {"of", "and"} | {w for _, n in index.persons for w in _words(n)}
    firsts: dict[str, set[str]] = {}
    for _, name in index.persons:
        if len(name.split()) > 1:
            firsts.setdefault(surname(name), set()).add(name.split()[0])
    index.shared_surnames = {k for k, names in firsts.items() if len(names) > 1}
    _add_genders(index, doc)


def _add_genders(index: NameIndex, doc: Doc) -> None:
    """The genders the article itself gives: honorifics ("Ms. Tremblay") and, where the first name says
    nothing, its own pronouns (:func:`~quotegraph.extract.speakers.genders.article_genders`)."""
    index.honorifics = honorific_genders(doc)
    learned = article_genders(doc, index)
    index.learned.update({n: g for n, g in learned.items() if gender_of(n) is None})


_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mme": "f", "m": "m"}


def honorific_genders(doc: Doc) -> dict[str, str]:
    """Surname -> gender for each name the article gives an honorific ("Ms. Tremblay", "Mrs. Clinton");
    a surname given both is left out (two people of one family)."""
    found: dict[str, set[str]] = {}
    for token in doc[:-1]:
        gender = _HONORIFICS.get(token.lower_.rstrip("."))
        if gender is None or (token.lower_ == "m" and token.text != "M.") or not token.text[:1].isupper():
            continue
        name = token.nbor()
        while name.i + 1 < len(doc) and name.nbor().pos_ == "PROPN" and name.nbor().text[:1].isupper():
            name = name.nbor()
        if name.pos_ == "PROPN" and name.text[:1].isupper():
            found.setdefault(surname(name.text), set()).add(gender)
    return {key: next(iter(g)) for key, g in found.items() if len(g) == 1}


@lru_cache(maxsize=1)
def gendered_nouns() -> dict[str, frozenset[str]]:
    """ "f" and "m" -> the nouns that give a person that gender (``resources/gendered_nouns.yaml``)."""
    data = resource_yaml("gendered_nouns.yaml") or {}
    return {g: frozenset(w.lower() for w in data.get(g) or ()) for g in ("f", "m")}


def person_shaped(ent: Span) -> bool:
    """An entity the tagger called an organisation that is a person's name: two or three capitalised words,
    no organisation's word, and either a first name of one gender first ("Ainsley Tremblay has fished") or
    a "his" or "her" in what the name is the subject of ("Kiran Dhaliwal opened her bakery")."""
    words = ent.text.split(" ")
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        return False
    if any(w.lower() in ORG_WORDS for w in words):
        return False
    if len(words) == 2 and words[0].lower() in _first_names():
        return True
    verb = ent.root.head
    if ent.root.dep_ != "nsubj" or verb is ent.root:
        return False
    return any(
        t.dep_ == "poss" and t.lower_ in ("his", "her")
        for child in verb.children
        if child.dep_ in ("dobj", "prep", "attr")
        for t in child.subtree
    )


# words that make a name an organisation's ("Canadian Union of Public Employees", "the Russian government")
ORG_WORDS = frozenset(
    {
        "party",
        "council",
        "association",
        "hospital",
        "university",
        "institute",
        "foundation",
        "commission",
        "court",
        "office",
        "government",
        "police",
        "service",
        "services",
        "corporation",
        "inc",
        "corp",
        "ltd",
        "administration",
        "campaign",
        "regime",
        "army",
        "military",
        "force",
        "forces",
    }
)
_AGE = re.compile(r"\d+-year-old")
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "former", "then", "new", "s", "'s", "’s"})
# heads too vague to stand for one person the article described ("the man", "the official")
_VAGUE = frozenset({"man", "woman", "person", "people", "official", "officials", "source", "sources", "one"})


def _words(text: str) -> list[str]:
    """Lower-case words of a description, a hyphenated age kept whole ("26-year-old"), a country's
    adjective as its name ("Mexican" -> "mexico", as in "Mexico's president")."""
    adjectives = _adjectives()
    words = re.findall(r"[\w][\w-]*", text.lower().replace("’s", "").replace("'s", ""))
    return [adjectives.get(w, w).strip("-") for w in words]


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in (roles_data().get("org_adjectives") or {}).items() if " " not in v}


def add_names(index: NameIndex, mentions: Sequence[Mention]) -> None:
    """Names the tagger missed but the speaker mentions give ("NATO Secretary-General Jens Stoltenberg")."""
    for m in mentions:
        if m.name and m.label in ("PERSON", "PROPN") and " " in m.name:
            key = surname(m.name)
            if len(m.name.split()) > len(index.full_by_surname.get(key, "").split()):
                index.full_by_surname[key] = m.name
        if m.name and m.role and m.label in ("PERSON", "PROPN"):
            norm = role_in(m.role)
            if norm:
                index.role_holders.setdefault(norm, index.canonical(m.name))


def _resolve_pronoun(
    mention: Mention, index: NameIndex, previous: Sequence[tuple[int, str]], doc: Doc
) -> tuple[str | None, float]:
    """A personal pronoun's speaker by the rules (:func:`_pronoun_by_rules`), or by the learned chooser
    over the same candidates where ``resources/antecedents.yaml`` enables it."""
    lower = mention.text.lower()
    word = lower.split()[-1] if lower.split() else lower
    if word in PLURAL:
        return None, 0.5
    wanted = PRONOUN_GENDER.get(word)
    quote = quote_by(index, mention, doc)
    speaker, confidence = _pronoun_by_rules(mention, index, previous, doc, (wanted, quote))
    chooser = load_chooser()
    if chooser.enabled and speaker is not None:
        names = pronoun_candidates(mention, index, previous, wanted, quote)
        found = candidates(names, index, previous, doc, mention.start, (quote, wanted, speaker))
        speaker = chooser.choose(found) or speaker
    return speaker, confidence


def pronoun_candidates(
    mention: Mention, index: NameIndex, previous: Sequence[tuple[int, str]], wanted: str | None, quote: str
) -> list[str]:
    """The people (canonical names, in order of their last mention) a pronoun may stand for: named outside
    quotes or quoted before it, agreeing with it, a person for "he" or "she", not named in its own quote."""
    last: dict[str, int] = {}
    for pos, name in sorted([*index.persons, *previous]):
        if pos < mention.start:
            last[index.canonical(name)] = pos
    names = [n for n, _ in sorted(last.items(), key=lambda kv: kv[1]) if index.agrees(n, wanted)]
    if wanted is not None:
        names = [n for n in names if index.is_person(n)]
    return [n for n in names if not named_in(quote, n)] or names


def named_in(quote: str, name: str) -> bool:
    """The quote calls the person by their first name alone ("Deepa is right", "Mark has always been fair
    with us"): a speaker speaks so of someone else. A full name or a surname is no evidence (a politician
    names themselves: "they say Bernie Sanders should drop out")."""
    words = name.split()
    if len(words) < 2 or len(words[0]) < 3 or not words[0][:1].isupper():
        return False
    found = set(re.findall(r"\w+", quote))
    return words[0] in found and words[-1] not in found


def quote_by(index: NameIndex, mention: Mention, doc: Doc) -> str:
    """The text of the quotes right before or after a speaker mention in its own sentence ("“A,” she said",
    "she said: “B.”"); empty when none stands there."""
    text = doc_text(doc)
    out = []
    for start, end in index.quotes:
        gap = text[end : mention.start] if end <= mention.start else text[mention.end : start]
        if (end <= mention.start or start >= mention.end) and len(gap) <= 40 and not _SENTENCE_END.search(gap):
            out.append(text[start:end])
    return " ".join(out)


_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s|\n")


def _pronoun_by_rules(
    mention: Mention, index: NameIndex, previous: Sequence[tuple[int, str]], doc: Doc, said: tuple[str | None, str]
) -> tuple[str | None, float]:
    """The subject earlier in the pronoun's sentence, the person the sentence before is about, the salient
    agreeing speaker before it, else the last agreeing person named; ``said`` is (the gender the pronoun
    names, the quote it attributes), and nobody the quote names is its speaker."""
    wanted, quote = said

    def fits(name: str | None) -> bool:
        full = index.canonical(name) if name is not None else None
        return full is not None and index.agrees(full, wanted) and not named_in(quote, full)

    placed = [(pos, n) for pos, n in previous if pos < mention.start and fits(n)]
    if wanted is not None:
        # "he" and "she" are people: not the previous speaker when that is "Twitter" or "Sources"
        placed = [(pos, n) for pos, n in placed if index.is_person(n)]
    recent_person = [n for pos, n in index.persons if pos < mention.start and fits(n)]
    salient = previous_subject(doc, mention.head) if wanted is not None else None
    if salient is None and wanted is not None:
        # "Rita Morales has lived ... She sleeps ... 'Nobody asks us,' she said": the run's named subject
        salient = chained_subject(doc, mention.head, mention.text.lower().split()[-1])
    earlier = sentence_subject(doc, mention.head, index) if wanted is not None else None
    if fits(earlier):
        # "Erin Brockovich endorsed the plan, saying she ...": the subject earlier in the sentence, whose
        # gender the pronoun tells from then on ("Keyworth urged her, saying he ..." is no later "she")
        index.learned.setdefault(index.canonical(earlier), wanted)
        return index.canonical(earlier), 0.85
    if fits(salient) and index.is_person(salient):
        # "A Commission spokesman, Marco Bellini, disagreed. He said ...": the person the previous
        # sentence is about, even before they have spoken
        return index.canonical(salient), 0.85
    if placed:
        return salient_speaker(doc, mention.start, placed, index, wanted), 0.85
    if recent_person:
        return index.canonical(recent_person[-1]), 0.75
    return None, 0.4


def _resolve_description(mention: Mention, index: NameIndex, doc: Doc) -> tuple[str | None, float]:
    """A description's speaker: the person the article described so, the issuer of a document, the
    organisation last named for "the company", else the description itself."""
    lower = mention.text.lower()
    plural = 0 <= mention.head < len(doc) and doc[mention.head].tag_ in ("NNS", "NNPS")
    if lower.split() and lower.split()[0] in ("the", "this") and mention.label in ("ROLE", "NOUN") and not plural:
        # "the 26-year-old", "the cyclist": a person the article described so (never "the parents")
        person = index.described(mention.text, mention.start) or aged(doc_text(doc), mention.text, mention.start)
        if person:
            return index.canonical(person), 0.8
    if len(lower.split()) == 2 and lower.split()[0] == "the" and lower.split()[1] in pair_nouns():
        pair = named_pair(doc, index, mention.start)  # "the couple": the two people named together
        if pair:
            return pair, 0.75
    by = issuer(doc, mention, index)
    if by:
        return by, 0.75
    words = lower.split()
    if len(words) == 2 and words[0] == "the" and words[1] in org_nouns() and mention.label != "ROLE":
        # "The company said": the organisation last named before it
        named = [n for pos, n in index.orgs if mention.start - ORG_WINDOW < pos < mention.start]
        if named:
            return named[-1], 0.8
    # an unnamed source ("a Homeland Security Department official", "the South Carolina senator"):
    # the mention itself is the best name the article gives, cut to its head phrase when it runs long
    return described(mention.text) or described(_head_phrase(doc, mention)), 0.5


def resolve(
    mention: Mention,
    index: NameIndex,
    previous: Sequence[tuple[int, str]],
    doc: Doc,
) -> tuple[str | None, float]:
    """The speaker's name within the article and a confidence factor.

    ``previous`` holds (char offset, name) of speakers already attributed before this mention.
    """
    if mention.label == "PERSON" or mention.label == "PROPN":
        assert mention.name is not None
        return index.canonical(mention.name), 1.0
    if mention.label in ("ORG", "GPE", "NORP") and mention.name:
        # the tagger often calls a lone surname an organisation ("Stoltenberg noted")
        if " " not in mention.name and surname(mention.name) in index.full_by_surname:
            return index.canonical(mention.name), 0.9
        return mention.name, 0.95
    lower = mention.text.lower()
    bare = _clean_name(mention.text)
    if mention.label != "PRON" and " " not in bare and bare[:1].isupper() and index.is_person(bare):
        # "Hendricks told reporters" after "Transportation Minister Paul Hendricks": a surname the tagger
        # took for a plural noun or missed is the article's person
        return index.canonical(bare), 0.9
    if mention.label == "PRON" and lower.split() and lower.split()[-1] not in PERSONAL:
        # "Some", "Someone", "Both", "Others": an unnamed source, never the previous speaker
        return described(mention.text), 0.5
    if mention.label == "PRON":
        return _resolve_pronoun(mention, index, previous, doc)
    if (mention.label == "ROLE" or title_role(mention.text)) and lower.split()[0] not in INDEFINITE:
        # "the Florida senator" is the article's senator; "a Democratic senator" is someone unnamed
        holder = index.holder(mention.text)
        if holder:
            return holder, 0.85
    issued_by = earlier_issuer(mention, previous, doc)  # "the statement said": whoever issued it before
    if issued_by:
        return index.canonical(_clean_name(issued_by)), 0.75
    relative = relative_words(mention)  # "her husband said" after "Her husband, Walt Chernenko, ..."
    person = index.described(relative, mention.start) if relative else None
    if person:
        return index.canonical(person), 0.8
    return _resolve_description(mention, index, doc)


def aged(text: str, description: str, before: int) -> str | None:
    """The person "the 26-year-old" stands for where the article gives the age bare after a name ("Vo, 26,
    said"), a name the tagger may not type: the last so named before char ``before``, if only one is."""
    age = re.fullmatch(r"(?:the|this) (\d{1,2})-year-old", description.strip().lower())
    if age is None:
        return None
    found = re.findall(rf"\b([A-Z][\w'’-]+), {age.group(1)},", text[:before])
    return found[-1] if found and len(set(found)) == 1 else None


_ISSUING = frozenset({"file", "issue", "release", "publish", "submit", "send", "lodge", "launch", "bring", "post"})


def issuer(doc: Doc, mention: Mention, index: NameIndex) -> str | None:
    """Who a document speaks for ("a release from the union said", "the complaint says"): the
    organisation or person it is from or by ("the union" is the union the article named last), or, for
    "the complaint", whoever the article says filed, issued or released one; None when the text does
    not say."""
    if not 0 <= mention.head < len(doc):
        return None
    head = doc[mention.head]
    if head.lemma_.lower() not in document_nouns() and head.lower_ not in document_nouns():
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                if obj.ent_type_ in ("PERSON", "ORG") or obj.pos_ == "PROPN":
                    ent = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
                    return index.canonical(_clean_name(ent.text if ent is not None else obj.text))
                if obj.lemma_.lower() in org_nouns() or obj.lemma_.lower() in group_nouns():
                    named = [n for pos, n in index.orgs if mention.start - ORG_WINDOW < pos < mention.start]
                    if named:
                        return named[-1]
    by = _issued_here(doc, head, index)
    if by:
        return by
    if not any(t.lower_ in ("the", "this", "that") for t in head.children if t.dep_ == "det"):
        return None
    # "The union filed a complaint ... The complaint says": the subject that issued one before
    for token in reversed(doc[: head.i]):
        if token.lemma_ != head.lemma_ or token.dep_ not in ("dobj", "nsubjpass"):
            continue
        verb = token.head
        if verb.lemma_.lower() not in _ISSUING:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
        if subject is not None and subject.dep_ == "agent":
            subject = next((g for g in subject.children if g.dep_ == "pobj"), None)
        if subject is None or not (subject.ent_type_ in ("PERSON", "ORG") or subject.pos_ == "PROPN"):
            return None
        ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
        return index.canonical(_clean_name(ent.text if ent is not None else subject.text))
    return None


def _issued_here(doc: Doc, head: Token, index: NameIndex) -> str | None:
    """The issuer a document's own clause names: its possessor ("Sanders' fundraising email notes") or the
    subject of the issuing verb it is the object of ("Sanders is releasing a new ad that urges", "Trump
    released a marketing video that said"); a person or organisation by name only."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _ISSUING:
        owner = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if owner is None or not (owner.ent_type_ in ("PERSON", "ORG") or owner.pos_ == "PROPN"):
        return None
    ent = next((e for e in doc.ents if e.start <= owner.i < e.end), None)
    name = _clean_name(ent.text if ent is not None else owner.text)
    return index.canonical(_titled_person(name) or name) if name else None


def salient_speaker(
    doc: Doc, at: int, candidates: Sequence[tuple[int, str]], index: NameIndex, wanted: str | None = None
) -> str:
    """Of the earlier speakers (char offset, name) a pronoun at char ``at`` agrees with, in order: the
    last one when the article names them or gives them a statement in the pronoun's paragraph or the one
    before; else the one quoted most, of those whose first name agrees when some do (a profile's subject
    keeps her "she said" over someone quoted once, paragraphs back, with an official named in between)."""
    last_pos, last = candidates[-1]
    text = doc_text(doc)
    start = paragraph_start(text, at)
    window_start = paragraph_start(text, max(0, start - 2))
    if last_pos >= window_start:
        return last
    seen = set(name_key(text[window_start:at]).split())
    for name in {last, index.canonical(last)}:
        words = name_key(name).split()
        if any(len(w) >= 3 and w in seen for w in (words[1:] if len(words) > 1 else words)):
            return last
    counts: dict[str, int] = {}
    for _, name in candidates:
        key = index.canonical(name)
        counts[key] = counts.get(key, 0) + 1
    pool = [n for _, n in candidates]
    if wanted is not None:
        pool = [n for n in pool if index.gender(index.canonical(n)) == wanted] or pool
    best = max(counts[index.canonical(n)] for n in pool)
    if counts[index.canonical(last)] >= best or best < 3:
        return last
    return next(n for n in reversed(pool) if counts[index.canonical(n)] == best)


def paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding char ``at`` begins (after the last line break before it)."""
    return text.rfind("\n", 0, at) + 1


def sentence_subject(doc: Doc, head: int, index: NameIndex) -> str | None:
    """The person named as the subject of a verb before token ``head`` in its own sentence, outside quotes
    (``index.persons``), the nearest first."""
    if not 0 <= head < len(doc):
        return None
    named = {pos: name for pos, name in index.persons}
    sent = sent_of(doc[head])
    for token in reversed(doc[sent.start : head]):
        if token.dep_ != "nsubj" or token.head.i == head or any(q0 <= token.idx < q1 for q0, q1 in index.quotes):
            continue
        if not _main_clause(token.head):
            continue  # "He agreed that Trump may struggle, but he said", "with Weaver standing behind him as he"
        if token.ent_type_ == "PERSON":
            ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and ent.start_char in named:
                return named[ent.start_char]
        elif token.pos_ == "PROPN" and token.ent_type_ in _SURNAME_TYPES and index.is_person(token.text):
            # "Fallon fired back: “...,” he wrote", "Kasich (typed a place) offered ..., then says he'll":
            # a surname the tagger left untyped or took for a place is the article's person
            return index.canonical(token.text)
    return _opening_name(doc, sent, index)


def _opening_name(doc: Doc, sent: Span, index: NameIndex) -> str | None:
    """The person whose name opens a sentence the parser gave no subject there ("Erin Brockovich, the
    activist, endorsed ..., saying she", the name read as the root; "Trump, later alleging ..., said he")."""
    ent = next((e for e in doc.ents if e.start == sent.start and e.label_ == "PERSON"), None)
    if ent is None or ent.root.dep_ not in ("ROOT", "dep") or doc[ent.end : ent.end + 1].text != ",":
        return None
    return next((n for pos, n in index.persons if pos == ent.start_char), None)


def _main_clause(verb: Token) -> bool:
    """``verb`` is finite and heads no "that", "if" or "whether" clause: its subject is who a sentence is
    about, not someone a complement clause or a participle mentions."""
    finite = verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return finite and not any(c.dep_ == "mark" and c.lower_ in _COMPLEMENT_MARKS for c in verb.children)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_COMPLEMENT_MARKS = frozenset({"that", "if", "whether"})


# entity types the tagger gives a lone surname it does not know for a person's ("Dubois", "Kasich")
_SURNAME_TYPES = frozenset({"", "ORG", "GPE"})


def previous_subject(doc: Doc, head: int) -> str | None:
    """The person who is the subject (or passive subject) of the sentence before the one of token ``head``
    (its name, or the name in apposition to a role: "A spokesman, Marco Bellini, disagreed"), within the
    paragraph, or, for a paragraph that opens with a quote, in a one-sentence paragraph right before it
    ("Lacey briefly addressed the court." then "“I am sorry,” he said")."""
    if not 0 < head < len(doc):
        return None
    sent = opening_quote(doc, sent_of(doc[head]))
    if sent.start == 0:
        return None
    before = _own_words(doc, sent_of(doc[sent.start - 1]))
    opens_quote = doc[sent.start].is_quote or doc[sent.start].text[:1] in "\"“«"
    if "\n" in doc[before.start : sent.start].text and not (opens_quote and lone_paragraph(doc, before)):
        return None
    root = before.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.ent_type_ != "PERSON":
        # "A spokesman, Marco Bellini," and "a dairy farmer from Sussex, Gordon Blake," (where the parser
        # hangs the name on the place)
        appos = next((c for c in subject.subtree if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if appos is None:
            # "Ford has faced criticism": a surname the tagger took for a company; resolve() keeps it only
            # when it names a person of the article
            return subject.text if subject.pos_ == "PROPN" and subject.ent_type_ in _SURNAME_TYPES else None
        subject = appos
    ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
    if ent is None or ent.label_ != "PERSON":
        return None
    return _titled_person(_clean_name(ent.text)) or _clean_name(ent.text)  # "Councillor Ana Ruiz" is Ana Ruiz


def _own_words(doc: Doc, sent: Span) -> Span:
    """``sent`` without what the parser left at its start of the paragraph before (a closing quote mark and
    the paragraph break: '”\n\nHer son, Luc Belanger, works the boat.')."""
    start = sent.start
    for token in sent[:-1]:
        if not (token.is_space or token.is_punct):
            break
        if "\n" in token.text or "\n" in token.whitespace_:
            start = token.i + 1
    return doc[start : sent.end]


def named_pair(doc: Doc, index: NameIndex, before: int) -> str | None:
    """The last two people the article names together before char ``before``, outside quotes: "Ian and
    Ruth Cole", "Emily Tran and her partner, Marcus Bell" -> "Emily Tran and Marcus Bell"."""
    people = [e for e in doc.ents if e.label_ == "PERSON" or (e.label_ == "ORG" and person_shaped(e))]
    for ent in reversed([e for e in people if e.end_char < before]):
        if any(q0 <= ent.start_char < q1 for q0, q1 in index.quotes):
            continue
        root = ent.root
        if root.dep_ == "appos" and root.head.dep_ == "conj":
            root = root.head  # "her partner, Marcus Bell"
        if root.dep_ != "conj" or root.head.pos_ != "PROPN":
            continue
        first = next((e for e in doc.ents if e.start <= root.head.i < e.end), None)
        left = min([c.i for c in root.head.lefts if c.dep_ == "compound"] + [root.head.i])
        name = _clean_name(first.text if first is not None and first in people else doc[left : root.head.i + 1].text)
        return f"{name} and {_clean_name(ent.text)}"
    return None


@lru_cache(maxsize=1)
def pair_nouns() -> frozenset[str]:
    """Nouns for two people named together ("the couple"; ``resources/roles.yaml`` ``pair_nouns``)."""
    return frozenset(w.lower() for w in roles_data().get("pair_nouns") or ())


def opening_quote(doc: Doc, sent: Span) -> Span:
    """The first sentence of the paragraph of ``sent`` when the paragraph opens with a quote that runs on
    to ``sent`` ("“I am sorry. I let down every kid,” he said": the sentence of "I am sorry."), else ``sent``."""
    text = doc_text(doc)
    start = paragraph_start(text, sent.start_char)
    if start >= sent.start_char or text[start : start + 1] not in "\"“«":
        return sent
    while sent.start > 0 and sent.start_char > start:
        sent = sent_of(doc[sent.start - 1])
    return sent


def lone_paragraph(doc: Doc, sent: Span) -> bool:
    """``sent`` is a paragraph of one sentence with no quote in it ("Lacey briefly addressed the court.")."""
    text = doc_text(doc)
    own = text[sent.start_char : sent.end_char].strip()
    opens = sent.start_char == 0 or text[: sent.start_char].rstrip(" \t").endswith("\n")
    return opens and "\n" not in own and not any(q in own for q in "\"“”«»")


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """Collective nouns that name a group of people (``resources/roles.yaml`` ``group_nouns``)."""
    return frozenset(w.lower() for w in roles_data().get("group_nouns") or ())


@lru_cache(maxsize=1)
def org_nouns() -> frozenset[str]:
    """Nouns that stand for a named organisation ("the company"), from ``resources/roles.yaml``."""
    return frozenset(w.lower() for w in roles_data().get("org_nouns") or ())


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """First name -> "f" or "m", for names only one of the two lists holds (``resources/first_names_*``)."""
    out: dict[str, str] = {}
    for gender, name in (("f", "first_names_female.txt"), ("m", "first_names_male.txt")):
        out.update((w.lower(), gender) for w in word_list(name))
    return out


@lru_cache(maxsize=1)
def _any_first_names() -> frozenset[str]:
    """Every first name of the two lists, either gender."""
    return frozenset(w.lower() for name in ("first_names_female.txt", "first_names_male.txt") for w in word_list(name))


def _other_first_name(name: str, full: str) -> bool:
    """Two full names of one surname with different first names ("Carly Fiorina", "Frank Fiorina")."""
    a, b = name.split(), full.split()
    if len(a) < 2 or len(b) < 2 or a[0] == b[0] or not _first_name_shaped(a[0]):
        return False
    if len(b) > len(a) and [w.lower() for w in b[-len(a) :]] == [w.lower() for w in a]:
        return False  # a surname of two words: "Le Pen" of "Marine Le Pen", "Wasserman Schultz"
    if a[0].lower() in _TITLE_LIKE or role_in(a[0]) is not None:
        return False  # "Dean Amar" is Vikram Amar, the dean
    # "Bill Clinton" is not "Hillary Clinton", but is "President Bill Clinton" and "Mr. Bill Clinton"
    return b[0].strip(".").lower() not in _TITLE_GENDER and role_in(b[0]) is None and b[0].isalpha()


def _first_name_shaped(word: str) -> bool:
    """A word of a list of first names, or one shaped like a first name the lists lack ("Ivanka", "Ghazala"):
    capitalised letters only, no title, role or nationality ("Republican Trump" is Donald Trump)."""
    if word.lower() in _any_first_names():
        return True
    shaped = word.isalpha() and word[:1].isupper() and word[1:].islower()
    return shaped and word.lower() not in _adjectives() and word.lower() not in _TITLE_GENDER and role_in(word) is None


# first names that are titles too ("Dean Amar", "Judge Reilly", "Bishop Curry")
_TITLE_LIKE = frozenset({"dean", "judge", "major", "bishop", "pastor", "rabbi", "doctor", "earl", "prince", "king"})
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lady": "f", "lord": "m"}


def gender_of(name: str | None) -> str | None:
    """ "f", "m" or None (unknown) from a name's title or first name ("Anna Vogel" -> "f")."""
    words = [w.strip(".").lower() for w in (name or "").split()]
    if len(words) < 2:
        return None
    if words[0] in _TITLE_GENDER:
        return _TITLE_GENDER[words[0]]
    return _first_names().get(words[0])


def agrees(name: str | None, wanted: str | None) -> bool:
    """A pronoun of gender ``wanted`` can point to ``name``: unless the name is known to be the other."""
    if wanted is None:
        return True
    words = (name or "").split()
    if not words or not all(w[:1].isupper() for w in words):
        return False  # "he" or "she" is a person: not "both candidates", "members", "the friends"
    known = gender_of(name)
    return known is None or known == wanted


def _head_phrase(doc: Doc, mention: Mention) -> str:
    """A mention up to what follows its head phrase: a participle or relative clause, an apposition, a comma
    ("early results of exit polls [conducted for The Associated Press and television networks ...]")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention.text
    for t in span:
        if t.i > mention.head and (t.text == "," or t.dep_ in ("acl", "relcl", "appos")):
            first = min(t.left_edge.i, t.i)  # "witnesses [who saw it]": the clause with its pronoun
            return doc.text[mention.start : doc[first].idx].rstrip(" -–—")
    return mention.text


def described(text: str) -> str | None:
    """A speaker known only by description, as a name: "the state's election officials" stays that."""
    text = text.strip(" ,.;:")
    if not text or len(text) > 80 or text.lower() in ("it", "this", "that", "there"):
        return None
    return text
