"""Outlets and dates: who published an article, when, and when a statement was made.

Plain functions; the outlet list lives in ``resources/outlets.yaml``. Every function returns ``None``
when it cannot tell: an unknown outlet or date is never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

from quotegraph.extract.lookup import ents_in, sent_of
from quotegraph.extract.text import resource_yaml
from spacy.tokens import Doc

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    cues: tuple[re.Pattern[str], ...] = ()
    type: str = "news"


@lru_cache(maxsize=1)
def load_outlets() -> tuple[Outlet, ...]:
    """The outlets of ``resources/outlets.yaml``."""
    data = resource_yaml("outlets.yaml")
    return tuple(
        Outlet(
            name=o["name"],
            aliases=tuple(o.get("aliases") or ()),
            domains=tuple(o.get("domains") or ()),
            cues=tuple(re.compile(c, re.M) for c in o.get("cues") or ()),
            type=o.get("type", "news"),
        )
        for o in data["outlets"]
    )


def outlet_by_name(name: str) -> Outlet | None:
    """The outlet called ``name`` or one of its aliases (case-insensitive)."""
    key = name.strip().lower()
    for outlet in load_outlets():
        if key == outlet.name.lower() or key in (a.lower() for a in outlet.aliases):
            return outlet
    return None


def outlet_from_url(url: str | None) -> Outlet | None:
    if not url:
        return None
    try:
        host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:  # not a URL at all: "Reuters [UK]" reads as a broken IPv6 host
        return None
    for outlet in load_outlets():
        if any(host == d or host.endswith("." + d) for d in outlet.domains):
            return outlet
    return None


def detect_outlet(text: str, *, url: str | None = None, site_name: str | None = None) -> str | None:
    """The outlet that published ``text``: from the URL, the site name, or cues in the text itself
    (a dateline "BRUSSELS (Sputnik) -", a promo line "Support UP or become our patron")."""
    by_url = outlet_from_url(url)
    if by_url:
        return by_url.name
    if site_name:
        known = outlet_by_name(site_name) or outlet_from_url(site_name)
        return known.name if known else site_name.strip() or None
    head_tail = "\n".join(_edges(text))
    for outlet in load_outlets():
        if any(cue.search(head_tail) for cue in outlet.cues):
            return outlet.name
    return None


def _edges(text: str, n: int = 12) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[:n] + lines[-n:] if len(lines) > 2 * n else lines


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_RE})\.?,? (\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.I), "mdy"),
    (re.compile(r"\b[A-Z]{3,}(\d{2})(\d{2})(\d{4})\d*ID\d+"), "dmy-num"),  # MENAFN27052024...ID...
)


def parse_date(text: str) -> str | None:
    """The first full date (with year) in ``text`` as ISO, or None."""
    best: tuple[int, str] | None = None
    for pattern, order in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        a, b, c = m.groups()
        if order == "ymd":
            iso = _iso(int(a), int(b), int(c))
        elif order == "dmy":
            iso = _iso(int(c), MONTHS[b.lower().rstrip(".")], int(a))
        elif order == "mdy":
            iso = _iso(int(c), MONTHS[a.lower().rstrip(".")], int(b))
        else:
            iso = _iso(int(c), int(b), int(a))
        if iso and (best is None or m.start() < best[0]):
            best = (m.start(), iso)
    return best[1] if best else None


def detect_published(text: str, *, metadata_date: str | None = None) -> str | None:
    """Publication date from metadata, else from a dateline or ID line near the top or bottom."""
    if metadata_date:
        iso = parse_date(metadata_date)
        if iso:
            return iso
    for line in _edges(text, 8):
        if len(line) <= 80 or re.search(r"\d{8}\d*ID\d+", line):
            iso = parse_date(line)
            if iso:
                return iso
    return None


_REL_DAYS = {"today": 0, "yesterday": 1, "the day before yesterday": 2}


def resolve_date(expression: str, published: str | None) -> str | None:
    """Resolve a date expression against the publication date.

    "on Friday" is the most recent Friday on or before publication; "on May 24" / "24 May" take the
    publication year (the year before when that would be after publication); "yesterday", "today";
    a full date stands alone. Vague spans ("last week", "earlier this month") give None.
    """
    expr = expression.strip().lower()
    expr = re.sub(r"^(on|this|last|past)\s+", "", expr)
    full = parse_date(expression)
    if full:
        return full
    if not published:
        return None
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    if expr in _REL_DAYS:
        return (pub - dt.timedelta(days=_REL_DAYS[expr])).isoformat()
    for i, day in enumerate(WEEKDAYS):
        if re.fullmatch(rf"{day}(?: (?:morning|afternoon|evening|night))?", expr):
            return (pub - dt.timedelta(days=(pub.weekday() - i) % 7)).isoformat()
    m = re.fullmatch(rf"({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?", expr) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_RE})\.?", expr
    )
    if m:
        a, b = m.groups()
        month, day = (MONTHS[a], int(b)) if a.isalpha() else (MONTHS[b], int(a))
        iso = _iso(pub.year, month, day)
        if iso and iso > pub.isoformat():
            iso = _iso(pub.year - 1, month, day)
        return iso
    return None


def statement_date(doc: Doc, cue_start: int, cue_end: int, published: str | None) -> str | None:
    """The date of a statement: a DATE entity in the cue's sentence that hangs off the cue verb
    ("said on Friday", "in an interview ... on May 24"), resolved against ``published``."""
    cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    verb = cue.root
    sent = sent_of(verb)
    for ent in ents_in(sent):
        if ent.label_ != "DATE":
            continue
        # the date must attach to the cue verb (directly or through a preposition / noun of the cue phrase)
        head = ent.root
        hops = 0
        while head.head.i != head.i and head.i != verb.i and hops < 4:
            if head.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"):
                break  # the date belongs to what was said, not to the saying
            head = head.head
            hops += 1
        if head.i == verb.i:
            when = resolve_date(ent.text, published)
            if when:
                return when
    return None
