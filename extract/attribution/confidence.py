"""Statement confidence that says how often a statement is right.

A statement's confidence is the precision, on gold, of the statements like it: those of the same rule,
kind (direct, indirect, mixed), way of naming the speaker (:func:`speaker_class`) and length
(:func:`length_class`). The counts live in ``resources/attribution_rules.yaml``, written by
``scripts/fit_attribution_confidence.py`` from a run over the PolNeAR training articles and their gold;
a cell with few statements leans on the one above it (rule, kind and speaker; rule and kind; rule; all),
by ``prior_strength`` statements' worth (the estimate of a beta-binomial model with the parent's
precision as its prior mean). No number of it is written in the code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from quotegraph.extract.model import Statement
from quotegraph.extract.speakers.mentions import PRONOUNS
from quotegraph.extract.text import load_yaml, resource_yaml

__all__ = [
    "COREFERENCE",
    "PREVIOUS_SPEAKER",
    "ConfidenceTable",
    "cell_keys",
    "length_class",
    "load_table",
    "speaker_class",
]

PREVIOUS_SPEAKER = "previous_speaker"
"""The speaker rule of a quote without a speaker of its own that continues the previous speaker."""
COREFERENCE = "coreference"
"""The speaker rule of a pronoun, role or description resolved to a name the article gives elsewhere."""
RESOURCE = "attribution_rules.yaml"
_WORD = re.compile(r"\w+")
_DETERMINERS = frozenset({"the", "a", "an", "one", "another", "some", "two", "three", "several"})


def speaker_class(s: Statement) -> str:
    """How the statement names its speaker: ``none`` (no speaker), ``previous`` (the previous speaker
    goes on), ``pronoun`` or ``antecedent`` (a pronoun, or a role or description, resolved to a name
    elsewhere), ``description`` (an unnamed source: "a senior official") or ``name``."""
    if s.speaker is None:
        return "none"
    if s.speaker_rule == PREVIOUS_SPEAKER:
        return "previous"
    mention = (s.speaker_mention or s.speaker).strip()
    if s.speaker_rule == COREFERENCE:
        return "pronoun" if mention.lower() in PRONOUNS else "antecedent"
    words = mention.split()
    if not mention[:1].isupper() or (words and words[0].lower() in _DETERMINERS):
        return "description"
    return "name"


def length_class(s: Statement, bins: Iterable[int]) -> str:
    """The quote's length as a class of ``bins`` (upper word counts): "<8", "<20", ..., ">=40"."""
    n = len(_WORD.findall(s.quote))
    edges = list(bins)
    for edge in edges:
        if n < edge:
            return f"<{edge}"
    return f">={edges[-1]}" if edges else "any"


def cell_keys(s: Statement, bins: Iterable[int]) -> list[str]:
    """The statement's cells, from the broadest (its rule) to the narrowest."""
    parts = [s.rule or "unknown", s.kind, speaker_class(s), length_class(s, bins)]
    return ["|".join(parts[: k + 1]) for k in range(len(parts))]


@dataclass
class ConfidenceTable:
    """Counts of statements (``n``) and right ones (``right``) per cell, fitted on gold."""

    cells: dict[str, tuple[int, int]] = field(default_factory=dict)
    prior_strength: float = 0.0
    length_bins: tuple[int, ...] = ()
    fitted_on: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ConfidenceTable:
        settings = data.get("settings") or {}
        cells = {str(k): (int(v["n"]), int(v["right"])) for k, v in (data.get("cells") or {}).items()}
        return cls(
            cells=cells,
            prior_strength=float(settings.get("prior_strength", 0.0)),
            length_bins=tuple(int(b) for b in settings.get("length_bins") or ()),
            fitted_on=str(data.get("fitted_on") or ""),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "fitted_on": self.fitted_on,
            "settings": {"prior_strength": self.prior_strength, "length_bins": list(self.length_bins)},
            "cells": {k: {"n": n, "right": r} for k, (n, r) in sorted(self.cells.items())},
        }

    @property
    def overall(self) -> float:
        """The precision of all statements (the root of every estimate)."""
        rules = [v for k, v in self.cells.items() if "|" not in k]
        n = sum(v[0] for v in rules)
        return sum(v[1] for v in rules) / n if n else 0.0

    def precision(self, rule: str) -> tuple[float | None, int]:
        """The fitted precision of ``rule`` and the number of statements it rests on."""
        n, right = self.cells.get(rule, (0, 0))
        return (right / n if n else None), n

    def estimate(self, keys: Iterable[str]) -> float:
        """The shrunk precision of the narrowest of ``keys`` (broadest first)."""
        p = self.overall
        for key in keys:
            n, right = self.cells.get(key, (0, 0))
            p = (right + self.prior_strength * p) / (n + self.prior_strength) if n + self.prior_strength else p
        return p

    def confidence(self, s: Statement) -> float:
        """How often a statement like ``s`` is right (rounded to three places)."""
        return round(self.estimate(cell_keys(s, self.length_bins)), 3)


def load_table(path: str | Path | None = None) -> ConfidenceTable:
    """The fitted table: ``path``, or the packaged ``resources/attribution_rules.yaml``."""
    if path is not None:
        return ConfidenceTable.from_dict(load_yaml(Path(path).read_text("utf-8")) or {})
    return _packaged()


@lru_cache(maxsize=1)
def _packaged() -> ConfidenceTable:
    return ConfidenceTable.from_dict(resource_yaml(RESOURCE) or {})
