from __future__ import annotations

import pytest
from quotegraph.extract.attribution.replies import find_reply_targets
from quotegraph.extract.model import Statement, entity_key

from tests.conftest import hand_doc


def _reply(nlp, text: str, quote: str, speaker: str) -> str | None:
    doc = nlp(text)
    i = text.index(quote)
    cue = text.find(" said")
    s = Statement(
        article="a", quote=quote, start=i, end=i + len(quote), kind="direct", speaker=speaker,
        cue_start=cue + 1 if cue >= 0 else None, cue_end=cue + 5 if cue >= 0 else None,
    )  # fmt: skip
    out = find_reply_targets(doc, [s])[0]
    assert out.replies_to is None  # the answered statement is merge's to find
    if out.replies_to_name is not None:
        assert out.replies_to_speaker == entity_key(out.replies_to_name, "person")
    return out.replies_to_name


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "target"),
    [
        (
            "NATO Secretary General Jens Stoltenberg spoke on Monday. “NATO is flirting with military rhetoric.” "
            "Kremlin spokesman Dmitry Peskov said this regarding the words of Stoltenberg on missiles.",
            "NATO is flirting with military rhetoric.",
            "Dmitry Peskov",
            "Jens Stoltenberg",
        ),
        (
            "The new statements by NATO Secretary General Jens Stoltenberg «are personal opinions.» "
            "Foreign Minister Antonio Tajani said this in Brussels.",
            "are personal opinions.",
            "Antonio Tajani",
            "Jens Stoltenberg",
        ),
        (
            "Responding to Senator Ann Lee, Governor Bo Park said that the budget was balanced.",
            "the budget was balanced",
            "Bo Park",
            "Ann Lee",
        ),
    ],
)
def test_replies_find_the_person_answered(nlp, text, quote, speaker, target):
    assert _reply(nlp, text, quote, speaker) == target


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Governor Bo Park said that he met Senator Ann Lee on Monday.",
            "he met Senator Ann Lee on Monday",
            "Bo Park",
        ),
        ("Governor Bo Park said that the budget was balanced.", "the budget was balanced", "Bo Park"),
    ],
)
def test_replies_mentioning_someone_is_not_replying(nlp, text, quote, speaker):
    assert _reply(nlp, text, quote, speaker) is None


# -- without a model: hand-built Docs with sentences and entities ---------------------------------------
def _hand_reply(words: str, ents: list[str], sent_starts: list[int], quote: str, speaker: str) -> Statement:
    tokens = words.split(" ")
    rows = [
        (w, i < len(tokens) - 1, ent, bool(start))
        for i, (w, ent, start) in enumerate(zip(tokens, ents, sent_starts, strict=True))
    ]
    doc = hand_doc(rows, ("words", "spaces", "ents", "sent_starts"))
    i = doc.text.index(quote)
    s = Statement(article="a", quote=quote, start=i, end=i + len(quote), kind="indirect", speaker=speaker)
    return find_reply_targets(doc, [s])[0]


def test_replies_without_a_model_name_the_person_answered():
    out = _hand_reply(
        "Responding to Senator Ann Lee Governor Bo Park said the budget was balanced",
        ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
        [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        "the budget was balanced",
        "Bo Park",
    )
    assert (out.replies_to, out.replies_to_speaker, out.replies_to_name) == (None, "person/ann-lee", "Ann Lee")


def test_replies_without_a_model_a_surname_tagged_as_org_is_the_person():
    out = _hand_reply(
        "Jens Stoltenberg spoke . Peskov said this regarding the words of Stoltenberg",
        ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O", "B-ORG"],
        [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
        "this",
        "Peskov",
    )
    assert out.replies_to_name == "Jens Stoltenberg"


def test_replies_without_a_model_mentioning_is_not_replying():
    out = _hand_reply(
        "Governor Bo Park said he met Senator Ann Lee on Monday",
        ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
        [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        "he met Senator Ann Lee on Monday",
        "Bo Park",
    )
    assert out.replies_to_speaker is None and out.replies_to_name is None
