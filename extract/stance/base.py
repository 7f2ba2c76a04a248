"""What every stance backend shares: the answer's shape, the backend protocol and the prompt files.

The registry (:mod:`quotegraph.extract.stance.registry`) and the model backends (:mod:`.nli`,
:mod:`.llm`) import from here, never from each other, so that no module of the package needs a
function-level import to hide an import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Protocol

from quotegraph.extract.model import Statement
from quotegraph.extract.stance.topics import Topic

__all__ = ["Judgement", "StanceBackend", "judge_many", "load_prompt", "prompt_names"]

Judgement = tuple[str | None, float, tuple[str, ...]]
"""A backend's answer: stance (None when undetermined), confidence, evidence."""


class StanceBackend(Protocol):
    """Decides the stance of a statement on a topic's proposition."""

    name: str

    def stance(self, statement: Statement, topic: Topic, context: str) -> Judgement: ...


def judge_many(backend: StanceBackend, items: Sequence[tuple[Statement, Topic, str]]) -> list[Judgement | Exception]:
    """Judge several statements at once: a backend's own ``stance_many`` (batched model calls) when it
    has one, else one call per item. An item that fails is its exception, in its place."""
    many = getattr(backend, "stance_many", None)
    if many is not None:
        return list(many(items))
    out: list[Judgement | Exception] = []
    for item in items:
        try:
            out.append(backend.stance(*item))
        except Exception as err:
            out.append(err)
    return out


def prompt_names() -> list[str]:
    """The prompt templates shipped in ``extract/stance/prompts`` (``stance.v1``, ...)."""
    folder = resources.files("quotegraph.extract.stance") / "prompts"
    return sorted(p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt"))


def load_prompt(name: str) -> str:
    """A prompt template: a file in ``extract/stance/prompts`` by name (``stance.v1``) or a path."""
    path = Path(name)
    if path.suffix and path.is_file():
        return path.read_text(encoding="utf-8")
    file = resources.files("quotegraph.extract.stance") / "prompts" / (name if name.endswith(".txt") else f"{name}.txt")
    if not file.is_file():
        raise ValueError(f"unknown prompt {name!r} (choose {', '.join(prompt_names())} or give a file path)")
    return file.read_text(encoding="utf-8")
