"""The stance lexicon's shared helpers (model-free)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from quotegraph.extract.stance.lexicon import token_valence

VALENCES = {"corrupt": -2.0, "lie": -1.5, "top": 0.0, "praised": 1.2, "praise": 1.8}


@pytest.mark.parametrize(
    ("form", "lemma", "valence"),
    [
        ("corrupt", "corrupt", -2.0),
        ("lies", "lie", -1.5),  # the form is not listed: its lemma's
        ("praised", "praise", 1.2),  # the form is listed: its own, not the lemma's
        ("top", "top", 0.0),  # listed at 0.0: neutral on purpose
        ("table", "table", 0.0),  # not listed at all
    ],
)
def test_stance_lexicon_token_valence_by_form_else_lemma(form, lemma, valence):
    assert token_valence(SimpleNamespace(lower_=form, lemma_=lemma), VALENCES) == valence
