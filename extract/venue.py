"""Stage 5: where a statement was made and who relayed it.

"in an interview with The Economist", "at a press conference in Sofia", "told the France 5
broadcaster", "in an interview with the Izvestia newspaper reported by Tass".
"""

from __future__ import annotations

import re

_NAME = r"(?:the +)?((?:[A-Z][\w.\-]*|\d+)(?: +(?:[A-Z][\w.\-]*|\d+|of|de|&))*)"
_EVENT = (
    r"((?i:press conference|news conference|briefing|summit|meeting|rally|hearing|speech|address|debate|"
    r"forum|conference|session|visit|event|ceremony|inauguration|interview))"
)
VENUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(rf"\bin an? (?:exclusive |televised |recent )?interview (?:with|to|on) {_NAME}"),
        "interview with {0}",
    ),
    (
        re.compile(rf"\b(?i:at|during|on the sidelines of) (?i:an?|the) {_EVENT}(?: (?:in|at|of) {_NAME})?"),
        "{0} {1}",
    ),
    (
        re.compile(
            rf"\btold (?:the )?{_NAME}(?: (?:broadcaster|newspaper|channel|radio|television|TV|agency|magazine|daily))?"
        ),
        "{0}",
    ),
    (
        re.compile(rf"\b(?:on|in|to) {_NAME} (?:broadcaster|newspaper|channel|radio|television|TV|agency)\b"),
        "{0}",
    ),
    (
        re.compile(rf"\b(?:in|on) (?:a|his|her|their) (?:post|tweet|statement|letter|op-ed|column) on {_NAME}"),
        "{0}",
    ),
)
RELAY = re.compile(rf"\b(?:reported|quoted|cited) by {_NAME}")


def find_venue(sentence: str) -> str | None:
    """The venue named in ``sentence``, as a short phrase, or None."""
    for pattern, template in VENUE_PATTERNS:
        m = pattern.search(sentence)
        if m:
            groups = [g for g in m.groups() if g]
            if template == "{0} {1}":
                event = groups[0].lower()
                place = groups[1] if len(groups) > 1 else None
                place = place.rstrip(".,;:") if place else None
                return f"{event} in {place}" if place else event
            value = template.format(*groups)
            if value.lower() in ("he", "she", "they", "him", "her", "reporters", "the"):
                continue
            return value.strip().rstrip(".,;:")
    return None


def find_relay(sentence: str) -> str | None:
    """An outlet that carried the statement first ("... reported by Tass")."""
    m = RELAY.search(sentence)
    return m.group(1).strip().rstrip(".,;:") if m else None
