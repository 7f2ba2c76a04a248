from __future__ import annotations

import dataclasses
import json

import pytest
from quotegraph.extract.model import Article, Statement, TopicStance, read_jsonl, write_jsonl


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
