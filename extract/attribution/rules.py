"""Attribution rules as data: a registry of named, ordered rules over one explicit state.

Every attribution strategy is a *rule*: a function ``rule(state) -> Iterable[Found]`` registered under a
name with an order (as spaCy's ``EntityRuler`` keeps its patterns as data with ids). The rules run in
their order over one :class:`AttributionState` (the ``Doc``, its quotes and cues, and what is found and
bound so far); each :class:`Found` a rule yields is added to the state before the rule goes on, so a rule
never attributes a quote that an earlier rule (or its own earlier finding) already bound.

The ``quote_attribution`` component lists the rules it runs (``rules = [...]`` in its config): a rule left
out is switched off, and a rule of another package joins through the ``quotegraph_attribution_rules``
entry point group (a function registered under its name, with an ``order``, default 85: before the fall-backs)::

    from quotegraph.extract.attribution.rules import register

    @register("my_rule", order=65)
    def my_rule(state):
        for quote in state.open_quotes():
            ...
            yield Found(quote.start, quote.end, "direct", None, mention, rule="my_rule", quotes=(quote,))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import catalogue
from quotegraph.extract.attribution.content import QuoteSpan
from quotegraph.extract.attribution.cues import Cue, Lexicon

if TYPE_CHECKING:
    from quotegraph.extract.speakers.mentions import Mention
    from spacy.tokens import Doc

__all__ = [
    "AttributionState",
    "Found",
    "Rule",
    "RuleFunc",
    "attribution_rules",
    "default_rules",
    "get_rule",
    "ordered",
    "register",
    "registered_rules",
    "shipped_rules",
]

DEFAULT_ORDER = 85
"""The order of a rule that does not say its own: after every shipped rule but the fall-backs
(``unattributed``, ``short_quote``)."""


@dataclass
class Found:
    """A statement one rule found, before assembly: content span, cue, speaker mention, and the rule."""

    start: int
    end: int
    kind: str
    cue: Cue | None
    mention: Mention | None
    rule: str = ""
    quotes: tuple[QuoteSpan, ...] = ()
    turn: bool = False  # a transcript turn ("PENCE: ...")
    pieces: tuple[tuple[int, int], ...] = ()  # the parts around a cue inside the content ("A, she said, B")


@dataclass
class AttributionState:
    """What the rules share: the parsed ``doc`` and its text, the lexicon, the quotes (``long_quotes``:
    those of at least ``min_quote_words`` words) and cues, and what is found and bound so far."""

    doc: Doc
    text: str
    lexicon: Lexicon
    quotes: list[QuoteSpan]
    long_quotes: list[QuoteSpan]
    cues: list[Cue]
    min_quote_words: int = 4
    found: list[Found] = field(default_factory=list)
    bound: set[QuoteSpan] = field(default_factory=set)
    cache: dict[str, object] = field(default_factory=dict)  # what several rules compute once (surnames)

    def add(self, found: Found) -> None:
        """Record ``found`` and bind its quotes."""
        self.found.append(found)
        self.bound.update(found.quotes)

    def withdraw(self, found: Found) -> None:
        """Take back what an earlier rule found (a transcript turn holds the cue statements inside it);
        its quotes stay bound."""
        self.found = [f for f in self.found if f is not found]

    def covered(self, quote: QuoteSpan) -> bool:
        """Whether ``quote`` is bound or lies inside something found."""
        return quote in self.bound or any(f.start <= quote.start and quote.end <= f.end for f in self.found)

    def open_quotes(self) -> Iterator[QuoteSpan]:
        """The long quotes not yet attributed, in text order; checked as the rule goes on, so a quote
        the rule's own earlier finding bound is passed over."""
        for quote in self.long_quotes:
            if not self.covered(quote):
                yield quote


RuleFunc = Callable[[AttributionState], Iterable[Found]]

attribution_rules = catalogue.create("quotegraph", "attribution_rules", entry_points=True)
"""The registry: names to rule functions; the entry point group is ``quotegraph_attribution_rules``."""


@dataclass(frozen=True)
class Rule:
    """A registered rule: its name, its order and its function."""

    name: str
    order: int
    func: RuleFunc
    doc: str = ""


def register(name: str, *, order: int = DEFAULT_ORDER) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under ``name``, to run at ``order`` (lower first)."""

    def decorate(func: RuleFunc) -> RuleFunc:
        func.order = order  # type: ignore[attr-defined]
        func.rule_name = name  # type: ignore[attr-defined]
        attribution_rules.register(name, func=func)
        return func

    return decorate


def get_rule(name: str) -> Rule:
    """The rule registered (or installed through the entry point group) under ``name``."""
    import quotegraph.extract.attribution.strategies  # noqa: F401  (registers the shipped rules)

    try:
        func = attribution_rules.get(name)
    except catalogue.RegistryError as err:
        known = ", ".join(sorted(attribution_rules.get_all()))
        raise ValueError(f"unknown attribution rule {name!r}; known: {known}") from err
    text = (func.__doc__ or "").strip().split("\n\n")[0]
    return Rule(name, int(getattr(func, "order", DEFAULT_ORDER)), func, " ".join(text.split()))


def registered_rules() -> list[Rule]:
    """Every rule registered or installed, in order."""
    import quotegraph.extract.attribution.strategies  # noqa: F401  (registers the shipped rules)

    return sorted((get_rule(name) for name in attribution_rules.get_all()), key=lambda r: (r.order, r.name))


def default_rules() -> list[str]:
    """The names of the rules quotegraph ships, in order (the component's default ``rules``)."""
    import quotegraph.extract.attribution.strategies as strategies

    return [r.name for r in registered_rules() if getattr(r.func, "__module__", "") == strategies.__name__]


@lru_cache(maxsize=1)
def shipped_rules() -> tuple[Rule, ...]:
    """The shipped rules, in order (resolved once: an entry point look-up per document would cost)."""
    return tuple(ordered(default_rules()))


def ordered(names: Iterable[str]) -> list[Rule]:
    """The rules named, in their order (a name twice runs once)."""
    return sorted({name: get_rule(name) for name in names}.values(), key=lambda r: (r.order, r.name))
