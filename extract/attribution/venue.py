"""Stage 5: where a statement was made and who relayed it.

"in an interview with The Economist", "at a press conference in Sofia", "told the France 5
broadcaster", "in an interview with the Izvestia newspaper reported by Tass". The patterns are in
``resources/venues.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotegraph.extract.text import resource_yaml


@dataclass(frozen=True)
class _Patterns:
    venues: tuple[tuple[re.Pattern[str], str], ...]
    relay: re.Pattern[str]
    not_venues: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The venue and relay patterns of ``resources/venues.yaml``, compiled once."""
    data = resource_yaml("venues.yaml")
    event = "((?i:" + "|".join(re.escape(e) for e in data["events"]) + "))"

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern.replace("{name}", data["name"]).replace("{event}", event))

    return _Patterns(
        venues=tuple((compile_(v["pattern"]), v["venue"]) for v in data["venues"]),
        relay=compile_(data["relay"]),
        not_venues=frozenset(w.lower() for w in data.get("not_venues") or ()),
    )


def find_venue(sentence: str) -> str | None:
    """The venue named in ``sentence``, as a short phrase, or None."""
    patterns = _patterns()
    for pattern, template in patterns.venues:
        m = pattern.search(sentence)
        if m:
            groups = [g for g in m.groups() if g]
            if template == "{0} {1}":
                event = groups[0].lower()
                place = groups[1] if len(groups) > 1 else None
                place = place.rstrip(".,;:") if place else None
                return f"{event} in {place}" if place else event
            value = template.format(*groups)
            if value.lower() in patterns.not_venues:
                continue
            return value.strip().rstrip(".,;:")
    return None


def find_relay(sentence: str) -> str | None:
    """An outlet that carried the statement first ("... reported by Tass")."""
    m = _patterns().relay.search(sentence)
    return m.group(1).strip().rstrip(".,;:") if m else None
