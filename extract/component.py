"""The ``quote_attribution`` spaCy component.

``nlp.add_pipe("quote_attribution")`` works wherever quotegraph is installed (the factory is exposed
through the ``spacy_factories`` entry point). It sets ``doc._.statements``: a list of
:class:`quotegraph.extract.model.Statement` whose article metadata fields are still empty (``article == ""``);
:mod:`quotegraph.extract.pipeline` fills them in.

The work is done by plain functions over the ``Doc``, one module a stage:
:mod:`quotegraph.extract.attribution.cues` (cue words), :mod:`quotegraph.extract.attribution.content` (quote
marks and the content of a cue), :mod:`quotegraph.extract.speakers.mentions` (the speaker mention),
:mod:`quotegraph.extract.attribution.strategies` (the strategies that tie content to a cue and a speaker),
:mod:`quotegraph.extract.speakers.coref` (names within the article) and
:mod:`quotegraph.extract.attribution.assemble` (statements from what was found).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from quotegraph.extract.attribution.assemble import assemble
from quotegraph.extract.attribution.cues import Lexicon, load_lexicon
from quotegraph.extract.attribution.rules import Rule, default_rules, ordered
from quotegraph.extract.attribution.strategies import find_statements
from quotegraph.extract.lookup import doc_text, forget
from quotegraph.extract.model import Statement
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)


class QuoteAttribution:
    """Find statements (direct, indirect, mixed quotes) and their speakers in a parsed ``Doc``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        include_thought: bool = False,
        min_confidence: float = 0.0,
        min_quote_words: int = 4,
        unattributed: bool = True,
        cue_lexicon: str | None = None,
        rules: Sequence[str] | None = None,
    ) -> None:
        self.name = name
        # the attribution rules to run (default: every shipped rule); unknown names fail here, not per doc
        self.rules: list[Rule] = ordered(rules if rules is not None else default_rules())
        self.include_thought = include_thought
        self.min_confidence = min_confidence
        self.min_quote_words = min_quote_words
        self.unattributed = unattributed
        self.lexicon: Lexicon = load_lexicon(cue_lexicon)

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.statements = self.extract(doc)
            forget(doc)
        except Exception as err:  # one odd document must not stop a batch: it is reported, not lost
            log.exception("quote attribution failed on a document of %d characters", len(doc_text(doc)))
            doc._.statements = []
            doc.user_data["quotegraph_error"] = f"{type(err).__name__}: {err}"
        return doc

    def extract(self, doc: Doc) -> list[Statement]:
        """The statements of ``doc``: every attribution strategy, then assembly."""
        found, quotes = find_statements(
            doc,
            self.lexicon,
            include_thought=self.include_thought,
            min_quote_words=self.min_quote_words,
            rules=self.rules,
        )
        return assemble(
            doc,
            found,
            quotes,
            self.lexicon,
            unattributed=self.unattributed,
            min_confidence=self.min_confidence,
        )


@Language.factory(
    "quote_attribution",
    default_config={
        "include_thought": False,
        "min_confidence": 0.0,
        "min_quote_words": 4,
        "unattributed": True,
        "cue_lexicon": None,
        "rules": None,
    },
)
def make_quote_attribution(
    nlp: Language,
    name: str,
    *,
    include_thought: bool,
    min_confidence: float,
    min_quote_words: int,
    unattributed: bool,
    cue_lexicon: str | None,
    rules: list[str] | None,
) -> QuoteAttribution:
    """The ``quote_attribution`` component. ``rules`` names the attribution rules to run (``quotegraph
    rules`` lists them; ``None``: every shipped rule); a rule installed through the
    ``quotegraph_attribution_rules`` entry point group is added by naming it here."""
    return QuoteAttribution(
        nlp,
        name,
        include_thought=include_thought,
        min_confidence=min_confidence,
        min_quote_words=min_quote_words,
        unattributed=unattributed,
        cue_lexicon=cue_lexicon,
        rules=rules,
    )
