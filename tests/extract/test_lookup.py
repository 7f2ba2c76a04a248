"""The cached look-ups give exactly what spaCy's own (slow) attributes give."""

from __future__ import annotations

from bisect import bisect_right

from quotegraph.extract.lookup import doc_text, ents_in, forget, sent_of, sentences_to

TEXT = (
    "NATO Secretary General Jens Stoltenberg said on Friday that allies should lift the restrictions. "
    "Kremlin spokesman Dmitry Peskov said Moscow would respond. “We will not send troops,” Italy's "
    "Foreign Minister Antonio Tajani told reporters in Rome."
)


def test_lookup_matches_spacy(nlp):
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text
    for token in doc:
        assert sent_of(token) == token.sent
    for start in range(0, len(doc), 3):
        for end in range(start + 1, min(len(doc), start + 12) + 1):
            span = doc[start:end]
            assert ents_in(span) == list(span.ents)
    char_starts = [s.start_char for s in doc.sents]
    for char in range(len(doc.text) + 1):
        assert sentences_to(doc, char) == bisect_right(char_starts, char)
    forget(doc)
    assert not any(str(k).startswith("quotegraph_") for k in doc.user_data)


def test_lookup_component_leaves_no_cache_behind(nlp):
    doc = nlp(TEXT)
    assert doc._.statements
    assert not any(str(k).startswith("quotegraph_") for k in doc.user_data)
