"""Canonical speakers: one entity per person or organisation, whatever the article called them.

Entity files (YAML; format documented in ``data/entities.yaml``) give canonical names, aliases
(spellings, transliterations), roles with dates and Wikidata ids. Speakers not in any file still become
entities of their own, with a deterministic id; they are never guessed into a known entity.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from quotegraph.extract.model import Statement, entity_key, local_key
from quotegraph.extract.speakers.mentions import role_in, role_words, roles_data
from quotegraph.extract.text import load_yaml, name_key, name_slug, resource_text, surname
from rapidfuzz import fuzz

log = logging.getLogger(__name__)

FUZZY_THRESHOLD = 88


@dataclass(frozen=True)
class Role:
    role: str
    org: str | None = None
    start: str | None = None
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None

    def role_on(self, date: str | None) -> Role | None:
        valid = [r for r in self.roles if r.valid_on(date)]
        return valid[0] if valid else None

    @property
    def surname(self) -> str:
        return surname(self.name) if self.type == "person" else name_key(self.name)


class EntityFileError(ValueError):
    """An entity file that cannot be read."""


def _load_file(text: str, source: str) -> list[Entity]:
    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as err:
        raise EntityFileError(f"{source}: not YAML: {err}") from err
    items = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise EntityFileError(f"{source}: expected a top-level 'entities:' list")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("name"):
            raise EntityFileError(f"{source}: entry {i + 1} has no name")
        etype = item.get("type", "person")
        roles = tuple(
            Role(
                str(r.get("role")),
                r.get("org"),
                str(r["start"]) if r.get("start") else None,
                str(r["end"]) if r.get("end") else None,
            )
            for r in item.get("roles") or ()
        )
        out.append(
            Entity(
                id=item.get("id") or entity_key(item["name"], "person" if etype == "person" else "organization"),
                name=item["name"],
                type=etype,
                aliases=tuple(item.get("aliases") or ()),
                roles=roles,
                wikidata=item.get("wikidata"),
            )
        )
    return out


class EntityResolver:
    """Maps speaker names to canonical entities."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        by_id: dict[str, Entity] = {}
        for e in entities:
            by_id[e.id] = e  # later files override earlier ones
        self.entities = by_id
        self._alias: dict[str, str] = {}
        self._surname: dict[str, set[str]] = defaultdict(set)
        for e in by_id.values():
            for name in (e.name, *e.aliases):
                self._alias.setdefault(name_key(name), e.id)
            if e.type == "person":
                self._surname[e.surname].add(e.id)

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None) -> EntityResolver:
        """The built-in entities plus those of ``paths`` (which override built-ins with the same id)."""
        builtin = resource_text("entities.yaml")
        entities = _load_file(builtin, "built-in entities")
        for path in paths or ():
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as err:
                raise EntityFileError(f"{path}: cannot read: {err.strerror or err}") from err
            entities += _load_file(text, str(path))
        return cls(entities)

    # -- lookups -----------------------------------------------------------------------------------
    def match(self, name: str) -> Entity | None:
        """The known entity called ``name``: alias, then a unique surname, then a close spelling."""
        key = name_key(name)
        if not key:
            return None
        if key in self._alias:
            return self.entities[self._alias[key]]
        words = key.split()
        if len(words) == 1 and len(self._surname.get(words[0], ())) == 1:
            return self.entities[next(iter(self._surname[words[0]]))]
        if len(words) >= 2:
            # a misspelling or transliteration of a full name: same surname initial, close overall
            best, best_score = None, 0.0
            for alias, eid in self._alias.items():
                if len(alias.split()) < 2 or alias[0] != key[0] or alias.split()[-1][0] != words[-1][0]:
                    continue
                score = fuzz.ratio(alias, key)
                if score > best_score:
                    best, best_score = eid, score
            if best is not None and best_score >= FUZZY_THRESHOLD:
                return self.entities[best]
        return None

    def entity_records(self) -> dict[str, dict[str, Any]]:
        """Known entities by id, as plain dicts (for RDF: names, types, Wikidata ids)."""
        return {
            e.id: {"name": e.name, "type": e.type, "wikidata": e.wikidata, "aliases": list(e.aliases)}
            for e in self.entities.values()
        }

    # -- statements ------------------------------------------------------------------------------
    def _answered(self, s: Statement) -> Statement:
        """The answered speaker's key and name made canonical, as the speaker's are."""
        if not s.replies_to_name:
            return s
        entity = self.match(s.replies_to_name)
        if entity is not None:
            return replace(s, replies_to_speaker=entity.id, replies_to_name=entity.name)
        return replace(s, replies_to_speaker=s.replies_to_speaker or entity_key(s.replies_to_name, "person"))

    def canonicalize(self, statements: Sequence[Statement], *, published: str | None = None) -> list[Statement]:
        """Canonical speaker, id, type, and role at the time for the statements of one article."""
        out = []
        for s in map(self._answered, statements):
            if not s.speaker:
                out.append(s)
                continue
            date = s.statement_date or published
            entity = self.match(s.speaker)
            if entity is not None:
                role = entity.role_on(date)
                out.append(
                    replace(
                        s,
                        speaker=entity.name,
                        speaker_id=entity.id,
                        speaker_type=entity.type,
                        speaker_role=s.speaker_role or (role.role if role else None),
                        speaker_org=s.speaker_org or (role.org if role else None),
                    )
                )
            else:
                etype = s.speaker_type or _guess_type(s.speaker)
                out.append(replace(s, speaker_id=entity_key(s.speaker, etype), speaker_type=etype))
        return [_local(s) for s in join_roles(self.one_node(out))]

    def one_node(self, statements: Sequence[Statement]) -> list[Statement]:
        """One person, one node within an article: a surname alone that is the surname of one full-name
        person speaker of the article becomes that person ("Finch" -> "Harold Finch"), and a name given
        several types (the tagger's ORG for "Harold Finch" once, PERSON elsewhere) takes one, the person
        where any mention typed it so, and a full name given to a lone surname's mention is a person's ("Tran"
        the tagger called a place, as "Emily Tran"); so all statements of one entity share one key. Entity-file
        ids stay."""
        full: dict[str, set[str]] = defaultdict(set)
        for s in statements:
            if s.speaker and len(s.speaker.split()) >= 2 and s.speaker_type == "person":
                full[surname(s.speaker)].add(s.speaker)
        types: dict[str, Counter[str]] = defaultdict(Counter)
        renamed = []
        for s in statements:
            if s.speaker and s.speaker_id not in self.entities and len(s.speaker.split()) == 1:
                names = full.get(name_key(s.speaker), set())
                if len(names) == 1:
                    s = replace(s, speaker=next(iter(names)))
            if _surname_of_person(s):
                s = replace(s, speaker_type="person")
            if s.speaker and s.speaker_type:
                types[s.speaker][s.speaker_type] += 1
            renamed.append(s)
        out = []
        for s in renamed:
            if s.speaker and s.speaker_id not in self.entities:
                votes = types.get(s.speaker)
                etype = s.speaker_type
                several = bool(votes) and (len(votes) > 1 or etype is None)  # an untyped mention takes the type
                if several and "person" in votes:
                    etype = "person"
                elif several:
                    etype = min(votes, key=lambda t: (-votes[t], t))
                if etype != s.speaker_type or s.speaker_id != entity_key(s.speaker, etype):
                    s = replace(s, speaker_type=etype, speaker_id=entity_key(s.speaker, etype))
            out.append(s)
        return out

    def link_corpus(self, statements: Iterable[Statement]) -> list[Statement]:
        """Across articles: one key per name (:meth:`unify_types`), then a surname-only speaker unknown
        to the entity files joins the one full-name person speaker of the corpus with that surname, when
        there is exactly one ("Republicans", a group, never joins "only 49 percent of Republicans").
        Order-independent."""
        items = self.unify_types(statements)
        full: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for s in items:
            if (
                s.speaker
                and s.speaker_id
                and len(s.speaker.split()) >= 2
                and s.speaker_type == "person"
                and not described(s.speaker)
            ):
                full[surname(s.speaker)].add((s.speaker, s.speaker_id))
        out = []
        for s in items:
            if s.speaker and len(s.speaker.split()) == 1 and s.speaker_id not in self.entities and _may_be_surname(s):
                candidates = full.get(name_key(s.speaker), set())
                if len(candidates) == 1:
                    name, sid = next(iter(candidates))
                    s = replace(s, speaker=name, speaker_id=sid, speaker_type="person")
            answered = s.replies_to_name
            if answered and len(answered.split()) == 1 and s.replies_to_speaker not in self.entities:
                candidates = full.get(name_key(answered), set())
                if len(candidates) == 1:
                    name, sid = next(iter(candidates))
                    s = replace(s, replies_to_speaker=sid, replies_to_name=name)
            out.append(s)
        return out

    def unify_types(self, statements: Iterable[Statement]) -> list[Statement]:
        """One type, hence one key, per speaker name across a corpus: "Helen Ward" is not both
        ``org/helen-ward`` and ``person/helen-ward``. The type given most often wins (ties: person over
        organisation); an untyped mention (``agent/``) takes it too. Entity-file ids are left alone."""
        items = list(statements)
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for s in items:
            if s.speaker and s.speaker_id and s.speaker_id not in self.entities and s.speaker_type:
                votes[name_slug(s.speaker)][s.speaker_type] += 1
        chosen = {slug: min(c, key=lambda t: (-c[t], t != "person", t)) for slug, c in votes.items() if c}
        out = []
        for s in items:
            if s.speaker and s.speaker_id and s.speaker_id == entity_key(s.speaker, s.speaker_type):
                etype = chosen.get(name_slug(s.speaker))
                if etype is not None and etype != s.speaker_type:
                    s = replace(s, speaker_type=etype, speaker_id=entity_key(s.speaker, etype))
            out.append(s)
        return out


def join_roles(statements: Sequence[Statement]) -> list[Statement]:
    """One speaker per person within an article: a definite role left as the speaker ("the judge", "The
    councillor", "the doctor") is the one named person speaker of the article who holds that role, by title
    or role ("Justice Miriam Adeyemi", "Coun. Derek Fairweather", "Dr. Aisha Rahman"; equivalents in
    ``resources/roles.yaml``), when that one is the last named speaker before it; it stays when no one or
    several do, or someone else spoke in between (the role may then be another's the article did not print)."""
    holders: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    named = sorted((s.start, s.speaker) for s in statements if s.speaker and _proper_name(s.speaker))
    for s in statements:
        if s.speaker and s.speaker_type == "person" and _proper_name(s.speaker):
            for role in _held_roles(s):
                holders[role].add((s.speaker, s.speaker_id))
    out = []
    for s in statements:
        if s.speaker and s.speaker_type == "person" and _description(s.speaker):
            words = name_key(s.speaker).split()
            found = holders.get(_role_word(words[-1]), set()) if len(words) == 1 and _is_role(words[0]) else set()
            last = [n for start, n in named if start < s.start][-1:]
            if len(found) == 1 and last == [next(iter(found))[0]]:
                name, key = next(iter(found))
                s = replace(s, speaker=name, speaker_id=key)
        out.append(s)
    return out


def described(name: str) -> bool:
    """Whether a speaker's name only describes them, naming no one the corpus could meet again: "the report",
    "her campaign" (lower-case words after a determiner), "a State Department official" (an indefinite
    opener, ``resources/roles.yaml`` ``indefinite_openers``), "Some", "Sources", "Federal officials", "Trump
    fans" (a head that is a role, group, document or ``unnamed_speakers`` noun). Not "Hillary Clinton", "the
    Clinton campaign", "The New York Times", "Reuters", "Democrats", "Anwar al-Awlaki": a capitalised word
    after the first, or a head of no such kind, names someone."""
    words = name.split()
    if not words:
        return False
    first = name_key(words[0])
    if len(words) > 1 and first in role_words("indefinite_openers"):
        return True
    if _quantity_of(words):
        return True
    if len(words) > 1 and first in role_words("determiners") and name_key(words[-1]) in role_words("member_nouns"):
        return True  # "the Florida Republican": someone by their party
    if any(w[:1].isupper() for w in words[1:]):
        return False
    lower = not any(c.isupper() for c in words[0]) if len(words) == 1 else not words[0][:1].isupper()
    if lower or first in role_words("determiners"):
        return True  # "the report", "anti-Trump delegates", "officials"; not "al-Baghdadi"
    head = name_key(words[-1])  # "Federal officials", not "Anwar al-Awlaki"
    return any(_generic(form) for form in {head, head.removesuffix("s"), head.removesuffix("es")} if form)


def _quantity_of(words: list[str]) -> bool:
    """ "only 49 percent of Republicans", "Many of the local GOP leaders", "a handful of Democrats": a share
    of a group, whatever group; not "Bank of America" or "Secretary of State John Kerry"."""
    lowered = [w.lower() for w in words]
    if "of" not in lowered[1:]:
        return False
    before = words[: lowered.index("of", 1)]
    if any(w[:1].isupper() for w in before[1:]):
        return False
    opener = name_key(before[0])
    return (
        not before[0][:1].isupper()
        or any(c.isdigit() for w in before for c in w)
        or opener in role_words("indefinite_openers") | role_words("plural_pronouns") | role_words("determiners")
    )


def _generic(word: str) -> bool:
    """A noun that names a kind of speaker, not one: a role, a group, a document or an unnamed speaker."""
    from quotegraph.extract.speakers.coref import group_nouns
    from quotegraph.extract.speakers.mentions import document_nouns

    return (
        word in role_words("unnamed_speakers")
        or word in group_nouns()
        or word in document_nouns()
        or role_in(word) == word
    )


def _may_be_surname(s: Statement) -> bool:
    """A one-word speaker that may be a person's surname: not a group or a document (an organisation may be
    a surname the tagger took for one: "Fiorina")."""
    return s.speaker_type not in ("group", "document")


def _local(s: Statement) -> Statement:
    """A speaker named only by a description (:func:`described`) keyed within its article, and an answered
    speaker so named the same way; entity-file ids and names stay."""
    if s.speaker and s.speaker_id == entity_key(s.speaker, s.speaker_type) and described(s.speaker):
        s = replace(s, speaker_id=local_key(s.speaker_id, s.article_key))
    answered = s.replies_to_name
    if answered and s.replies_to_speaker == entity_key(answered, "person") and described(answered):
        s = replace(s, replies_to_speaker=local_key(s.replies_to_speaker, s.article_key))
    return s


def _description(name: str) -> bool:
    """ "the judge", "The councillor": a definite description, no name."""
    words = name.split()
    return len(words) >= 2 and words[0].lower() in ("the", "this") and not any(w[:1].isupper() for w in words[1:])


def _proper_name(name: str) -> bool:
    """ "Miriam Adeyemi", "Alwaleed bin Talal": a name, not "Cameron's spokesman" or "A lawmaker"."""
    words = name.split()
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and words[0].lower() not in ("the", "a", "an")
        and not any(w.endswith(("'s", "’s")) for w in words)
    )


def _is_role(word: str) -> bool:
    """A role word ("judge", "councillor") or a title of one ("doctor")."""
    return role_in(word) == word or word in _role_equivalents() or word in _role_equivalents().values()


def _held_roles(s: Statement) -> set[str]:
    """The roles a named speaker holds by its printed role or by the titles of its mention before the name
    ("Dr." of "Dr. Aisha Rahman")."""
    words = name_key(s.speaker_role or "").split()
    mention = name_key(s.speaker_mention or "").split()
    name = name_key(s.speaker or "").split()
    if name and mention[-len(name) :] == name:
        words += mention[: -len(name)]
    return {_role_word(w) for w in words}


def _role_word(word: str) -> str:
    return _role_equivalents().get(word, word)


def role_equivalent(role: str) -> str:
    """A role with each word as the role it stands for ("coun." -> "councillor", "justice" -> "judge",
    "dr." -> "doctor"; ``role_equivalents`` of ``resources/roles.yaml``)."""
    return " ".join(_role_word(w.strip(".").lower()) for w in role.split())


def title_words() -> frozenset[str]:
    """Every word ``role_equivalents`` maps, and every role it maps one to."""
    return frozenset(_role_equivalents()) | frozenset(_role_equivalents().values())


@lru_cache(maxsize=1)
def _role_equivalents() -> dict[str, str]:
    return {str(k).lower(): str(v).lower() for k, v in (roles_data().get("role_equivalents") or {}).items()}


def _surname_of_person(s: Statement) -> bool:
    """A statement whose mention is the surname alone of the full name it was given ("Tran" -> "Emily
    Tran", "Corker" -> "Bob Corker") but typed as something else than a person (the tagger's ORG or GPE
    for the lone surname): the article names a person so; never for a description ("the same polling")."""
    name, mention = s.speaker or "", s.speaker_mention or ""
    words = name.split()
    return (
        s.speaker_type != "person"
        and len(words) >= 2
        and all(w[:1].isupper() for w in words)
        and len(mention.split()) == 1
        and name_key(mention) == surname(name)
        and _guess_type(name) != "organization"  # "Board" of "Manitoba Labour Board" is no surname
    )


def _guess_type(name: str) -> str | None:
    """An untyped speaker's type by its name: a document when its last word is a noun for one ("the report"),
    an organisation when a word of it is a noun for one ("Canadian Union of Public Employees", "the hospital
    board"), else a person when it has two words or more."""
    from quotegraph.extract.speakers.coref import ORG_WORDS, group_nouns, org_nouns
    from quotegraph.extract.speakers.mentions import document_nouns

    keys = name_key(name).split()
    if keys and keys[-1] in document_nouns():
        return "document"
    if set(keys) & (org_nouns() | group_nouns() | ORG_WORDS):
        return "organization"
    return "person" if len(name.split()) >= 2 else None
