from __future__ import annotations

import dataclasses
import json

import pytest
from quotegraph.extract.model import (
    Article,
    Statement,
    TopicStance,
    entity_key,
    is_statement_id,
    read_jsonl,
    write_jsonl,
)


def _statement(**kw) -> Statement:
    base = dict(article="a.txt", quote="it is time", start=10, end=20, kind="direct", speaker="Jens Stoltenberg")
    base.update(kw)
    return Statement(**base)


def test_model_statement_round_trips_through_dict_and_json():
    s = _statement(
        topics=(TopicStance("weapons", "support", 0.8, ("urged",)),),
        topic="weapons",
        stance="support",
        extra=(("note", 1),),
    )
    again = Statement.from_dict(json.loads(s.to_json()))
    assert again == s
    assert again.topics[0].evidence == ("urged",)


def test_model_statement_is_frozen():
    s = _statement()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.quote = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    "bad",
    [{"kind": "rumour"}, {"stance": "maybe"}, {"start": 5, "end": 2}, {"start": -1}],
)
def test_model_statement_rejects_invalid_values(bad):
    with pytest.raises(ValueError):
        _statement(**bad)


def test_model_from_dict_ignores_unknown_keys():
    d = _statement().to_dict() | {"future_field": 1}
    assert Statement.from_dict(d) == _statement()


def test_model_jsonl_round_trip(tmp_path):
    rows = [_statement(start=i, end=i + 10) for i in range(3)]
    path = tmp_path / "s.jsonl"
    assert write_jsonl(rows, path) == 3
    assert list(read_jsonl(path)) == rows


def test_model_read_jsonl_names_the_bad_line(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(_statement().to_json() + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        list(read_jsonl(path))


def test_model_article_body_masks_skip_regions_keeping_offsets():
    text = "Title line\nBody one.\nAdvertisement:\nBody two."
    skip = ((0, 10), (text.index("Advertisement"), text.index("Advertisement") + 14))
    art = Article(name="x.txt", text=text, skip=skip)
    body = art.body
    assert len(body) == len(text)
    assert "Title" not in body and "Advertisement" not in body
    assert body[text.index("Body two") :].startswith("Body two")
    assert body.count("\n") == text.count("\n")
    assert Article.from_dict(art.to_dict()) == art


@pytest.mark.parametrize(
    ("name", "entity_type", "key"),
    [
        ("Jens Stoltenberg", "person", "person/jens-stoltenberg"),
        ("The Kremlin", "organization", "org/kremlin"),
        ("Johnson", None, "agent/johnson"),
        ("Zelenskyy’s", "person", "person/zelenskyy"),
        ("Élysée", "something-else", "agent/elysee"),
    ],
)
def test_model_entity_key_is_kind_and_name_slug(name, entity_type, key):
    assert entity_key(name, entity_type) == key


def test_model_speaker_key_prefers_the_resolved_id():
    assert (
        _statement(speaker_id="person/jens-stoltenberg", speaker="Stoltenberg").speaker_key == "person/jens-stoltenberg"
    )
    assert _statement(speaker_type="person").speaker_key == "person/jens-stoltenberg"
    assert _statement(speaker="NATO", speaker_type="organization").speaker_key == "org/nato"
    assert _statement(speaker=None).speaker_key is None


def test_model_is_statement_id_knows_merged_ids_only():
    assert is_statement_id("6f1b0f5e-3c2a-5b7e-9a51-7a1c0d2f4e88")
    assert not is_statement_id("Jens Stoltenberg") and not is_statement_id(None) and not is_statement_id("")


def test_model_reads_a_name_in_old_replies_to_as_the_answered_speaker():
    old = _statement().to_dict()
    for k in ("replies_to_speaker", "replies_to_name"):
        old.pop(k)
    old["replies_to"] = "Jens Stoltenberg"
    s = Statement.from_dict(old)
    assert (s.replies_to, s.replies_to_speaker, s.replies_to_name) == (
        None,
        "person/jens-stoltenberg",
        "Jens Stoltenberg",
    )
    merged = old | {"replies_to": "6f1b0f5e-3c2a-5b7e-9a51-7a1c0d2f4e88"}
    assert Statement.from_dict(merged).replies_to == "6f1b0f5e-3c2a-5b7e-9a51-7a1c0d2f4e88"


def test_model_reply_fields_round_trip():
    s = _statement(
        replies_to="6f1b0f5e-3c2a-5b7e-9a51-7a1c0d2f4e88",
        replies_to_speaker="person/ann-lee",
        replies_to_name="Ann Lee",
    )
    assert Statement.from_dict(json.loads(s.to_json())) == s


def test_model_from_dict_reads_files_made_before_rules():
    old = {"article": "a", "quote": "q", "start": 0, "end": 1, "kind": "direct", "confidence": 0.9}
    s = Statement.from_dict(old)
    assert s.rule is None and s.speaker_rule is None
    again = Statement.from_dict(s.to_dict() | {"rule": "cue_statements", "speaker_rule": "coreference"})
    assert (again.rule, again.speaker_rule) == ("cue_statements", "coreference")
