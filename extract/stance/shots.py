"""Few-shot examples for the ``llm`` stance backend, drawn from a records file the user points to.

The file is JSON Lines in the records format of ``quotegraph stance``: one object a line with ``id``,
``text``, ``topic`` (an object with at least a ``proposition``; ``id`` and ``label`` are read when there)
and ``stance`` (support / oppose / neutral; a line whose stance is null or missing is skipped); any other
field is ignored. Which examples a statement gets is decided without chance and without the model:

- balanced by side: the sides the file has take turns (support, oppose, neutral, support, ...);
- other topics first: a side's records on the topic being judged (same topic id or same proposition)
  come only after all its records on other topics, and the statement's own text is never its example;
- spread over topics: each example is on a topic no earlier example is on, where the file allows it;
  records and topics are taken in an order fixed by a hash of their ids, not by the file's order.

Every statement on a topic gets the same examples, so a server that caches prompt prefixes reuses them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from quotegraph.extract.model import STANCES
from quotegraph.extract.stance.topics import Topic

__all__ = ["EXAMPLE_MARKER", "Example", "ExamplePool", "load_examples", "render_examples", "split_prompt"]

EXAMPLE_MARKER = "=== example ==="
"""A line of a prompt file after which comes the template of one example (``{proposition}``,
``{topic}``, ``{quote}``, ``{stance}``); what is before it is the prompt, with an ``{examples}`` slot."""


@dataclass(frozen=True)
class Example:
    """One labelled statement of a records file."""

    id: str
    text: str
    topic_id: str
    label: str
    proposition: str
    stance: str


def _stable(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def load_examples(path: str | Path) -> list[Example]:
    """The labelled statements of a records file; a line that is no record is a ValueError naming it."""
    path = Path(path).expanduser()
    out: list[Example] = []
    seen: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as err:
                raise ValueError(f"{path}:{n}: not JSON ({err})") from None
            topic = row.get("topic") if isinstance(row, dict) else None
            if not isinstance(topic, dict) or not str(topic.get("proposition") or "").strip():
                raise ValueError(f"{path}:{n}: an example needs a topic object with a proposition")
            text = str(row.get("text") or "").strip()
            stance = row.get("stance")
            if stance is None or not text:
                continue
            if stance not in STANCES:
                raise ValueError(f"{path}:{n}: unknown stance {stance!r} (choose {', '.join(STANCES)} or null)")
            proposition = str(topic["proposition"]).strip()
            if (_norm(text), _norm(proposition)) in seen:
                continue
            seen.add((_norm(text), _norm(proposition)))
            out.append(
                Example(
                    id=str(row.get("id") or f"{path.name}:{n}"),
                    text=text,
                    topic_id=str(topic.get("id") or _norm(proposition)),
                    label=str(topic.get("label") or proposition),
                    proposition=proposition,
                    stance=stance,
                )
            )
    return out


def _spread(examples: Iterable[Example]) -> list[Example]:
    """Topics take turns (topics and the records of a topic in the order of a hash of their ids)."""
    by_topic: dict[str, list[Example]] = {}
    for e in sorted(examples, key=lambda e: _stable(e.id)):
        by_topic.setdefault(e.topic_id, []).append(e)
    turns = [by_topic[t] for t in sorted(by_topic, key=_stable)]
    return [e for row in zip_longest(*turns) for e in row if e is not None]


class ExamplePool:
    """The examples of a records file, ready to be drawn per statement (see the module's docstring)."""

    def __init__(self, examples: Sequence[Example]) -> None:
        self.sides: dict[str, list[tuple[Example, str, str]]] = {}
        for side in STANCES:
            rows = _spread(e for e in examples if e.stance == side)
            if rows:
                self.sides[side] = [(e, _norm(e.text), _norm(e.proposition)) for e in rows]
        self.size = sum(len(rows) for rows in self.sides.values())

    def draw(self, topic: Topic, quote: str, k: int) -> list[Example]:
        """``k`` examples for a statement ``quote`` on ``topic``: the sides take turns; each takes its next
        record on a topic no example has yet, else its next on another topic than the judged one, else
        its next on the judged topic."""
        if k <= 0 or not self.sides:
            return []
        own = _norm(quote)
        same = {topic.id, _norm(topic.proposition)}
        tiers = []  # per side: (records on other topics, records on the judged topic)
        for rows in self.sides.values():
            usable = [(e, p) for e, text, p in rows if text != own]
            tiers.append(
                (
                    [e for e, p in usable if e.topic_id not in same and p not in same],
                    [e for e, p in usable if e.topic_id in same or p in same],
                )
            )
        picked: list[Example] = []
        used: set[str] = set()
        while len(picked) < k:
            before = len(picked)
            for others, on_topic in tiers:
                if len(picked) >= k:
                    break
                fresh = next((e for e in others if e.topic_id not in used), None)
                choice = fresh or (others[0] if others else on_topic[0] if on_topic else None)
                if choice is None:
                    continue
                (others if choice in others else on_topic).remove(choice)
                picked.append(choice)
                used.add(choice.topic_id)
            if len(picked) == before:
                break
        return picked


def split_prompt(template: str) -> tuple[str, str | None]:
    """A prompt file's prompt and its example template (None when the file has no example marker)."""
    lines = template.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip() == EXAMPLE_MARKER:
            return "".join(lines[:i]), "".join(lines[i + 1 :])
    return template, None


def render_examples(example_template: str, examples: Sequence[Example]) -> str:
    """The examples through the prompt's example template, one after the other."""
    return "".join(
        example_template.format(proposition=e.proposition, topic=e.label, quote=e.text, stance=e.stance)
        for e in examples
    )
