"""The ``quote_attribution`` spaCy component.

``nlp.add_pipe("quote_attribution")`` works wherever quotegraph is installed (the factory is exposed
through the ``spacy_factories`` entry point). It sets ``doc._.statements``: a list of
:class:`extract.model.Statement` whose article metadata fields are still empty (``article == ""``);
:mod:`extract.pipeline` fills them in.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.model import Statement

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)


class QuoteAttribution:
    """Find statements (direct, indirect, mixed quotes) and their speakers in a parsed ``Doc``."""

    def __init__(self, nlp: Language, name: str, *, include_thought: bool = False, min_confidence: float = 0.0):
        self.name = name
        self.include_thought = include_thought
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = self.extract(doc)
        return doc

    def extract(self, doc: Doc) -> list[Statement]:
        # Placeholder until the staged extractor lands: nothing found.
        return []


@Language.factory(
    "quote_attribution",
    default_config={"include_thought": False, "min_confidence": 0.0},
)
def make_quote_attribution(
    nlp: Language, name: str, *, include_thought: bool, min_confidence: float
) -> QuoteAttribution:
    return QuoteAttribution(nlp, name, include_thought=include_thought, min_confidence=min_confidence)
