"""Topics files: analyst-defined propositions (format in ``docs/topics.md``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from quotegraph.extract.model import STANCES
from quotegraph.extract.text import load_yaml

DRAFT_EVIDENCE = "no proposition yet"
"""The evidence of a remark's stance on a draft topic (``proposition: null`` or ``draft: true``: a
proposed topic nobody has written the claim of): undetermined, never judged against a template."""


class TopicsFileError(ValueError):
    """A topics file that cannot be used."""


@dataclass(frozen=True)
class Topic:
    """A topic as a proposition one can support or oppose (``proposition`` empty: a draft, no stance)."""

    id: str
    label: str
    proposition: str
    keywords: tuple[str, ...] = ()
    examples: tuple[tuple[str, str], ...] = ()  # (statement text, stance)

    def __hash__(self) -> int:
        # the hash dataclass would make (of the fields, in order), made once: a Topic keys many caches, which
        # hash it on every call; kept out of a pickled Topic (a str's hash differs between processes)
        found = self.__dict__.get("_hash")
        if found is None:
            found = hash((self.id, self.label, self.proposition, self.keywords, self.examples))
            object.__setattr__(self, "_hash", found)
        return found

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    @property
    def text(self) -> str:
        """The proposition, label and keywords as one text: the words the topic is named by."""
        return " ".join((self.proposition, self.label, *self.keywords))


def parse_topics(data: Any, source: str = "topics") -> list[Topic]:
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        raise TopicsFileError(f"{source}: expected a top-level 'topics:' list")
    topics = []
    seen = set()
    for i, item in enumerate(data["topics"], 1):
        if not isinstance(item, dict) or not item.get("id"):
            raise TopicsFileError(f"{source}: topic {i} has no id")
        tid = str(item["id"])
        if tid in seen:
            raise TopicsFileError(f"{source}: topic id {tid!r} appears twice")
        seen.add(tid)
        keywords = item.get("keywords") or []
        if not isinstance(keywords, list):
            raise TopicsFileError(f"{source}: keywords of {tid!r} must be a list")
        examples = []
        for ex in item.get("examples") or []:
            if not isinstance(ex, dict) or ex.get("stance") not in STANCES or not ex.get("text"):
                raise TopicsFileError(f"{source}: an example of {tid!r} needs text and stance ({'/'.join(STANCES)})")
            examples.append((str(ex["text"]), str(ex["stance"])))
        topics.append(
            Topic(
                id=tid,
                label=str(item.get("label") or tid),
                # a draft (proposition: null, draft: true) has none: no stance is judged on it
                proposition=""
                if item.get("draft") or ("proposition" in item and item["proposition"] is None)
                else str(item.get("proposition") or item.get("label") or tid),
                keywords=tuple(str(k) for k in keywords),
                examples=tuple(examples),
            )
        )
    return topics


def load_topics(path: str | Path) -> list[Topic]:
    """Read a topics file (YAML)."""
    path = Path(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise TopicsFileError(f"{path}: cannot read: {err.strerror or err}") from err
    except yaml.YAMLError as err:
        raise TopicsFileError(f"{path}: not YAML: {err}") from err
    return parse_topics(data, str(path))
