"""The data model that crosses from :mod:`extract` to :mod:`graph`.

``Article`` is what the reader produces; ``Statement`` is the one thing the extractor hands on.
Both are frozen dataclasses with ``to_dict``/``from_dict`` so they serialise to JSON Lines and back
without loss. Offsets are Python code points into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from quotegraph.extract.text import name_slug

Kind = Literal["direct", "indirect", "mixed"]
Polarity = Literal["support", "oppose", "neutral"]

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
STANCES: tuple[str, ...] = ("support", "oppose", "neutral")

# -- speaker keys -------------------------------------------------------------------------------------
# One key scheme for speakers everywhere (graph nodes, merge blocks, the view, RDF IRIs): the entity id,
# "person/<slug>" or "org/<slug>", and "agent/<slug>" for a speaker of unknown type. An entity file's
# ids follow it; a speaker no file knows gets one from its name (:func:`entity_key`), and one named only by
# a description ("a source", "the report") one within its article (:func:`local_key`).
KEY_PREFIX: dict[str | None, str] = {
    "person": "person",
    "organization": "org",
    "group": "group",
    "document": "document",
    None: "agent",
}
_STATEMENT_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def entity_key(name: str, entity_type: str | None = None) -> str:
    """The key of a speaker that no entity file knows: "person/jens-stoltenberg", "org/nato",
    "group/industry-groups" (several people: "unions", "the opposition"), "document/report" (a text that
    speaks for an author the article does not name), or "agent/johnson" when the type is not known."""
    return f"{KEY_PREFIX.get(entity_type, 'agent')}/{name_slug(name)}"


def local_key(key: str, article_key: str) -> str:
    """The key of a speaker an article names only by a description ("a source", "the report", "her campaign"):
    its key from the name, within the article ("person/a-source/3f9a1c2b7d", the last part a digest of the
    article's identity), so that the unnamed sources of different articles stay different speakers."""
    return f"{key}/{hashlib.sha256(article_key.encode('utf-8')).hexdigest()[:10]}"


def is_statement_id(value: str | None) -> bool:
    """Whether ``value`` has the shape of a merged statement id (a UUID)."""
    return bool(value) and _STATEMENT_ID.fullmatch(value or "") is not None


@dataclass(frozen=True, slots=True)
class Article:
    """One input article.

    ``text`` is the article's text as parsed: the decoded file for ``.txt``; for ``.html`` and JSON the
    title line, a blank line and the extracted main text or the ``maintext``/``text`` field (see
    :attr:`text_offset`: statements' offsets point into the main text, as the user has it).
    ``skip`` lists ``(start, end)`` regions of ``text`` that are not body text (title line,
    boilerplate, a body printed a second time); :attr:`body` masks them with spaces so that the
    extractor never sees them while offsets stay the same.
    """

    name: str
    text: str
    path: str = ""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    language: str | None = None
    skip: tuple[tuple[int, int], ...] = ()
    article_id: str = ""
    """The article's identity across runs: its URL when it has one, else its path as given relative to
    the working directory (``corpus/a/report.txt``, ``feed.jsonl#3``). ``name`` is only the base name
    (two folders may both hold a ``report.txt``)."""
    text_offset: int = 0
    """Where the source's own text begins in ``text``: an HTML or JSON article's title is put before
    its main text (``title``, a blank line, ``maintext``) so that it is parsed in context; statements
    are moved back by it, so that their offsets point into the main text. A statement of the title
    itself keeps offsets into the title and says so (``in_title`` in its ``extra``)."""

    @property
    def body(self) -> str:
        """``text`` with every ``skip`` region blanked out (newlines kept), same length as ``text``."""
        if not self.skip:
            return self.text
        chars = list(self.text)
        for start, end in self.skip:
            for i in range(max(0, start), min(len(chars), end)):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["skip"] = [list(span) for span in self.skip]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["skip"] = tuple(tuple(span) for span in kwargs.get("skip") or ())
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class TopicStance:
    """A statement's stance on one topic, with the evidence that decided it."""

    topic: str
    stance: Polarity | None = None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    backend: str = "rules"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = list(self.evidence)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TopicStance:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["evidence"] = tuple(kwargs.get("evidence") or ())
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what, where and when: one report of a statement in one article.

    ``text_of_article[start:end] == quote`` always holds. Fields the extractor cannot know (the
    article's metadata, the merged ``statement_id``) stay ``None`` until a later stage fills them in
    with :func:`dataclasses.replace`.
    """

    article: str
    quote: str
    start: int
    end: int
    kind: Kind
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_id: str | None = None
    speaker_type: str | None = None  # person | organization | None
    speaker_role: str | None = None
    speaker_org: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    venue: str | None = None
    relay: str | None = None  # an outlet that carried the statement first ("reported by Tass")
    confidence: float = 0.0
    rule: str | None = None  # the attribution rule that found the statement (`quotegraph rules`)
    speaker_rule: str | None = None  # the rule that chose the speaker, when not the mention's own name
    topic: str | None = None
    stance: Polarity | None = None
    topics: tuple[TopicStance, ...] = ()
    outlet: str | None = None
    published: str | None = None
    statement_date: str | None = None
    title: str | None = None
    url: str | None = None
    statement_id: str | None = None
    replies_to: str | None = None  # the answered statement's id (merge finds it)
    replies_to_speaker: str | None = None  # the answered speaker's key (see entity_key)
    replies_to_name: str | None = None  # the answered speaker's name, as shown (the key is the identity)
    article_id: str | None = None  # the article's identity (see Article.article_id); None in old JSONL
    utterance: str | None = None  # shared by the pieces of one utterance ("A," she said. "B."), per article
    extra: tuple[tuple[str, Any], ...] = field(default=())

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        if self.stance is not None and self.stance not in STANCES:
            raise ValueError(f"stance must be one of {STANCES} or None, not {self.stance!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad offsets {self.start}..{self.end}")

    def moved(self, by: int) -> Statement:
        """The statement with every offset (content, speaker mention, cue) moved by ``by`` characters."""
        if not by:
            return self

        def move(x: int | None) -> int | None:
            return None if x is None else x + by

        return replace(
            self,
            start=self.start + by,
            end=self.end + by,
            speaker_start=move(self.speaker_start),
            speaker_end=move(self.speaker_end),
            cue_start=move(self.cue_start),
            cue_end=move(self.cue_end),
        )

    @property
    def article_key(self) -> str:
        """The article's identity: ``article_id``, or the base name for statements made before it."""
        return self.article_id or self.article

    @property
    def speaker_key(self) -> str | None:
        """The speaker's key: ``speaker_id`` when the entity resolver set it, else one from the name."""
        if self.speaker_id:
            return self.speaker_id
        return entity_key(self.speaker, self.speaker_type) if self.speaker else None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "topics":
                value = [t.to_dict() for t in value]
            elif f.name == "extra":
                value = dict(value)
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["topics"] = tuple(
            t if isinstance(t, TopicStance) else TopicStance.from_dict(t) for t in kwargs.get("topics") or ()
        )
        kwargs["extra"] = tuple(sorted((kwargs.get("extra") or {}).items()))
        old_reply = kwargs.get("replies_to")
        if old_reply and not is_statement_id(old_reply) and "replies_to_speaker" not in kwargs:
            # written before replies_to held only statement ids: it held the answered person's name
            kwargs.update(replies_to=None, replies_to_name=old_reply)
            kwargs["replies_to_speaker"] = entity_key(old_reply, "person")
        return cls(**kwargs)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)


def write_jsonl(statements: Iterable[Statement], path: str | Path) -> int:
    """Write statements one per line, atomically; return how many were written."""
    from quotegraph.extract.atomic import atomic_write

    n = 0
    with atomic_write(path) as f:
        for statement in statements:
            f.write(statement.to_json() + "\n")
            n += 1
    return n


def read_jsonl(path: str | Path) -> Iterator[Statement]:
    """Read statements written by :func:`write_jsonl`."""
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield Statement.from_dict(json.loads(line))
            except (ValueError, TypeError) as err:
                raise ValueError(f"{path}:{lineno}: not a statement: {err}") from err
