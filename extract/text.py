"""Text normalisation shared by every stage: folding, slugs, name keys, surnames, stop words and
quote marks. One behaviour each, so that two modules never disagree on what "the same name" is.

- :func:`fold`: case, accents and curly apostrophes folded; every character kept otherwise. For
  comparing running text word by word.
- :func:`suffix_stem`: a word without its longest listed suffix (each caller's suffixes are its own data).
- :func:`name_key`: a person's or organisation's name reduced to its words ("The Kremlin's" ->
  "kremlin"). For matching names.
- :func:`surname`: the last word of :func:`name_key`.
- :func:`slug`: any text as an IRI/id path segment ("Daily Herald" -> "daily-herald").
- :func:`name_slug`: a name as an id segment, through :func:`name_key` (the slug of speaker keys).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "CLOSERS",
    "DOUBLE_CLOSERS",
    "DOUBLE_OPENERS",
    "DOUBLE_QUOTE_MARKS",
    "END_MARKS",
    "LEAD_MARKS",
    "OPENERS",
    "OPEN_MARKS",
    "PRONOUNS",
    "PRONOUN_GENDER",
    "STOP_WORDS",
    "THIRD_PERSON",
    "ascii_quotes",
    "fold",
    "name_key",
    "name_slug",
    "resource_text",
    "resource_yaml",
    "slug",
    "suffix_stem",
    "surname",
    "word_list",
]

# -- pronouns -----------------------------------------------------------------------------------------
PRONOUN_GENDER: dict[str, str] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
"""The third-person singular pronouns that stand for a person, with the gender they name (coreference,
the people a quote's pronouns name)."""
THIRD_PERSON: frozenset[str] = frozenset(PRONOUN_GENDER)
PRONOUNS: frozenset[str] = THIRD_PERSON | {"i", "we", "it", "they", "them", "their"}
"""Every personal pronoun a speaker mention can be (a mention that is one names nobody by itself)."""

# -- quote marks --------------------------------------------------------------------------------------
OPENERS: dict[str, str] = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’", "‹": "›", "``": "''"}
"""Each opening mark and the mark that closes it (German „ is closed by “; `` by '' in tokenised text)."""
OPEN_MARKS = '“«„"‘‹'
"""The one-character opening marks."""
CLOSERS = frozenset('”»"’›“')
"""The one-character marks that can close a quote (“ closes „)."""
DOUBLE_CLOSERS = frozenset('”»"“')
"""Closing marks of double quotes: a single ’ is often an apostrophe, these never are."""
DOUBLE_QUOTE_MARKS = '"“”«»„'
"""Double quote marks of any direction (to strip a line quoted whole)."""
LEAD_MARKS = ' “«"‘„'
"""What stands between the words before a quote and the quote itself (to ``rstrip`` a lead)."""
DOUBLE_OPENERS = frozenset('“«"„')
"""Opening marks of double quotes (a line quoted whole starts with one)."""
END_MARKS = '”»"’›'
"""Marks that end a quote at the end of a span (“ may close „ inside a quote, never ends a span)."""

# -- datelines ----------------------------------------------------------------------------------------
DATELINE = re.compile(
    r"[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]*){0,3}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
    r"(?: ?\([^()\n]{1,40}\))? ?[-–—―]{1,2} +(?=\S)"
)
"""A dateline opening a story's first line: "OTTAWA (CP) — ", "BERLIN (Reuters) - ", "WASHINGTON ― ",
"NEW YORK, N.Y. (AP) — " (a place in capitals, an optional agency, a dash)."""

# -- words --------------------------------------------------------------------------------------------
_WORD = re.compile(r"\w+")
_NAME_WORD = re.compile(r"\w+(?:-\w+)*")
_POSSESSIVE = re.compile(r"'s\b")
_ARTICLE = re.compile(r"^the\s+")
APOSTROPHE_MARKS = ("’", "‘", "`")
"""The marks written for an apostrophe besides the ASCII one (:func:`fold` and :func:`ascii_quotes` straighten them)."""
_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHE_MARKS, "'"))
_ASCII_QUOTES = {**_APOSTROPHES, **str.maketrans(dict.fromkeys(DOUBLE_QUOTE_MARKS, '"'))}


def ascii_quotes(text: str) -> str:
    """Quote marks and apostrophes made ASCII ("‘A Disgrace’" -> "'A Disgrace'"), for tools that strip
    only ASCII punctuation from their words (VADER)."""
    return text.translate(_ASCII_QUOTES)


def resource_text(name: str) -> str:
    """The text of the packaged file ``extract/resources/<name>``."""
    return resources.files("quotegraph.extract.resources").joinpath(name).read_text("utf-8")


def resource_yaml(name: str, *, optional: bool = False) -> Any:
    """The packaged YAML file ``extract/resources/<name>``, parsed; ``None`` for a missing file when
    ``optional`` (a missing required file raises ``FileNotFoundError``)."""
    file = resources.files("quotegraph.extract.resources").joinpath(name)
    if optional and not file.is_file():
        return None
    return load_yaml(file.read_text("utf-8"))


def load_yaml(text: str) -> Any:
    """``text`` parsed as YAML by the safe loader, libyaml's (C) where PyYAML has it: the same data, a tenth
    of the time (the resources load on first use, inside a first extraction or stance call)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def word_list(name: str) -> list[str]:
    """The entries of a one-word-a-line file in ``extract/resources`` (``#`` starts a comment)."""
    text = resource_text(name)
    return [w for line in text.splitlines() if (w := line.split("#", 1)[0].strip())]


STOP_WORDS: frozenset[str] = frozenset(word_list("stop_words.txt"))
"""Function words left out when texts are compared by their words (``resources/stop_words.txt``)."""


_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
"""The combining diacritics block, what NFKD splits off accented Latin letters (U+034F, the grapheme joiner,
has combining class 0: :func:`fold` keeps it)."""
_NO_OTHER_MARKS = "\x00-\u02ff\u0300-\u036f\u2000-\u20cf"
"""Ranges where no character but the combining diacritics has a combining class (Latin, IPA, general
punctuation, super- and subscripts, currency; a test checks it against ``unicodedata``)."""
_OTHER_MARKS = re.compile(f"[^{_NO_OTHER_MARKS}]")


def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes made straight: "Žižek’s" -> "zizek's"."""
    if text.isascii() and "`" not in text:  # nothing to decompose, no apostrophe to straighten
        return text.lower()
    # a replace per mark, not ``translate``: a translation table costs a dict look-up per character, a hundred
    # times as much on a paragraph (the same text)
    for mark in APOSTROPHE_MARKS:
        text = text.replace(mark, "'")
    text = unicodedata.normalize("NFKD", text)
    if _OTHER_MARKS.search(text) is None:  # news text: the only combining marks are accents, one regex pass
        return _LATIN_MARKS.sub("", text).lower()
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def suffix_stem(
    word: str, suffixes: tuple[str, ...], least: int, keep: tuple[str, ...] = (), drop_e: bool = False
) -> str:
    """``word`` without the first of ``suffixes`` (longest first) that leaves ``least`` letters or more;
    unchanged when it ends in one of ``keep`` ("class": no plural "s"); with ``drop_e``, then without a
    final "e" where more than ``least`` letters stay ("voting", "vote" -> "vot")."""
    if keep and word.endswith(keep):
        return word
    table = _by_length(suffixes)
    if table is None:  # not longest first: each suffix in its order
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= least:
                word = word[: -len(suffix)]
                break
    else:  # the suffixes of each length, longest first: of one length, only one can end the word
        for n, ends in table:
            if len(word) - n >= least and word[-n:] in ends:
                word = word[:-n]
                break
    return word[:-1] if drop_e and word.endswith("e") and len(word) > least else word


@lru_cache(maxsize=16)
def _by_length(suffixes: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...] | None:
    """``suffixes`` grouped by length, longest first (what :func:`suffix_stem` tries in turn, a set look-up for
    each length instead of an ``endswith`` for each suffix); None unless they are longest first and not empty,
    which the grouping relies on."""
    lengths = [len(x) for x in suffixes]
    if 0 in lengths or lengths != sorted(lengths, reverse=True):
        return None
    return tuple((n, frozenset(x for x in suffixes if len(x) == n)) for n in dict.fromkeys(lengths))


_TAG = re.compile(r"(?<![\w@#])[#@](\w+)")
_TAG_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def untag(text: str) -> str:
    """``text`` with each hashtag and handle read as the words it runs together ("#StopHillary2016" ->
    "Stop Hillary 2016", "@HillaryClinton" -> "Hillary Clinton", "#ClimateChange" -> "Climate Change"); a
    tag in one case stays one word ("#feminism" -> "feminism")."""
    return _TAG.sub(lambda m: " ".join(_TAG_PART.findall(m.group(1))) or m.group(1), text)


_DOTTED = re.compile(r"(?<![\w.])((?:[^\W\d_]\.){2,}[^\W\d_])\.?(?![\w])")


def undot(text: str) -> str:
    """``text`` with each word written as dotted initials of three letters or more run together ("C.I.A." ->
    "CIA", "c.i.a" -> "cia"); two ("U.S.", "e.g.") stay as they are."""
    return _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)


_CASED_WORD = re.compile(r"[^\W\d_]{4,}")
_TITLE_WORD = re.compile(r"(?<![\w'’])([^\W\d_])([^\W\d_]*[a-z][^\W\d_]*)")
TITLE_CASE_SHARE = 0.8
"""Share of a text's words of four letters or more that start with a capital, from which it is in title case."""


def title_case(text: str) -> bool:
    """``text`` is in title case, as headlines are ("Banning Junk Food Could Decrease Heart Disease"): at
    least three words of four letters or more, and TITLE_CASE_SHARE of them capitalised (not all in capitals)."""
    words = [w for w in _CASED_WORD.findall(text) if not w.isupper()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def shouting(text: str) -> bool:
    """``text`` is written in capitals ("IT IS THE RIGHT OF EVERY AMERICAN"): at least three words of four
    letters or more, and TITLE_CASE_SHARE of them in capitals."""
    words = _CASED_WORD.findall(text)
    return len(words) >= 3 and sum(w.isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def lower_case(text: str) -> str:
    """``text`` in lower case but its first letter (same length as ``text``, else ``text`` itself)."""
    out = text[:1] + text[1:].lower()
    return out if len(out) == len(text) else text


def sentence_case(text: str) -> str:
    """``text`` with the capital of every word but the first lowered, words in capitals kept ("NATO", "US"):
    a parser reads a headline in title case as a string of names. Same length as ``text``."""
    start = next((m.start() for m in _WORD.finditer(text)), -1)

    def lower(match: re.Match[str]) -> str:
        return match.group(0) if match.start() == start else match.group(1).lower() + match.group(2)

    out = _TITLE_WORD.sub(lower, text)
    return out if len(out) == len(text) else text


def name_key(name: str) -> str:
    """A name's words, folded, without a possessive or a leading "the": "The Kremlin’s" -> "kremlin"."""
    text = _ARTICLE.sub("", _POSSESSIVE.sub("", fold(name)).strip())
    return " ".join(_NAME_WORD.findall(text))


def surname(name: str) -> str:
    """The last word of a name's key ("Jens Stoltenberg’s" -> "stoltenberg"); "" for no words."""
    words = name_key(name).split()
    return words[-1] if words else ""


def slug(text: str) -> str:
    """An id path segment: folded words joined by "-" ("Interview with CNN" -> "interview-with-cnn")."""
    return "-".join(_WORD.findall(fold(text))) or "unknown"


def name_slug(name: str) -> str:
    """A name as an id path segment, through :func:`name_key` ("The Kremlin" -> "kremlin")."""
    return "-".join(name_key(name).split()) or "unknown"
