"""Bad input loses nothing: a bad record is reported alone, every path has its entry, and offsets point
into the text the user has (issue: 'Nothing lost, nothing locked')."""

from __future__ import annotations

import json
import os

import pytest
from quotegraph.extract.model import Article
from quotegraph.extract.reading.articles import ReadFailure, read_all, read_path

BODY = (
    "The minister said on Tuesday that the government would not change its plans for the budget. "
    "\u201cWe will not raise taxes this year,\u201d Anna Berg told reporters in Oslo. "
    "She added that the opposition had been told about the decision in a meeting with the party leaders."
)


def _record(**fields) -> str:
    return json.dumps({"title": "Budget plans stay", "maintext": BODY, **fields})


@pytest.mark.parametrize(
    ("field", "value", "kept"),
    [
        ("url", 123, None),
        ("url", {"href": "https://example.com/a"}, "https://example.com/a"),
        ("url", ["https://example.com/a"], None),
        ("date_publish", {}, None),
        ("date_publish", 20240102, None),
        ("title", {"text": "x"}, None),
        ("source_domain", [1, 2], None),
    ],
)
def test_read_json_field_of_any_shape_never_fails_the_article(tmp_path, field, value, kept):
    p = tmp_path / "a.json"
    p.write_text(_record(**{field: value}), encoding="utf-8")
    [art] = list(read_path(p))
    assert isinstance(art, Article), art
    if field == "url":
        assert art.url == kept


def test_read_jsonl_bad_record_is_reported_alone_and_the_rest_are_read(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        _record(url="https://a.example/1"),
        _record(url=123),
        _record(date_publish={}),
        '{"title": "x", "maintext": ' + deep + "}",
        "{broken",
        '"just a string"',
        _record(url={"href": "https://a.example/7"}),
    ]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = {i.name: i for i in read_all([p])}
    assert list(items) == [f"feed.jsonl#{n}" for n in range(1, 8)]
    for n in (1, 2, 3, 7):
        assert isinstance(items[f"feed.jsonl#{n}"], Article)
    for n in (4, 5, 6):
        assert isinstance(items[f"feed.jsonl#{n}"], ReadFailure) and items[f"feed.jsonl#{n}"].status == "failed"
    assert "nested too deeply" in items["feed.jsonl#4"].reason
    assert items["feed.jsonl#7"].url == "https://a.example/7"


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\x0c", "\x1c"])
def test_read_jsonl_line_breaks_inside_strings_are_characters(tmp_path, char):
    body = BODY.replace("in Oslo.", f"in Oslo.{char}")
    lines = [_record(), json.dumps({"maintext": body}, ensure_ascii=False), _record()]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_all([p]))
    assert [i.name for i in items] == ["feed.jsonl#1", "feed.jsonl#2", "feed.jsonl#3"]
    assert all(isinstance(i, Article) for i in items)


def test_read_every_path_found_has_an_entry(tmp_path):
    (tmp_path / "a.txt").write_text("Budget\n\n" + BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Budget\n\n" + BODY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    items = {i.name: i for i in read_all([tmp_path])}
    assert set(items) == {"a.txt", ".hidden.txt", ".git", "gone.txt", "pipe.txt"}
    assert isinstance(items["a.txt"], Article)
    assert items[".hidden.txt"].status == "skipped" and "hidden" in items[".hidden.txt"].reason
    assert items[".git"].status == "skipped" and "hidden folder" in items[".git"].reason
    assert items["gone.txt"].status == "failed" and "dangling" in items["gone.txt"].reason
    assert items["pipe.txt"].status == "skipped" and "FIFO" in items["pipe.txt"].reason


def test_read_a_hidden_file_named_by_the_user_is_read(tmp_path):
    p = tmp_path / ".draft.txt"
    p.write_text("Budget\n\n" + BODY, encoding="utf-8")
    [art] = list(read_all([p]))
    assert isinstance(art, Article)


def test_extract_json_offsets_point_into_maintext(nlp, tmp_path):
    from quotegraph.extract.pipeline import Extractor

    records = [
        {"title": "Berg: \u201cWe will not raise taxes\u201d", "maintext": BODY},
        {"title": "Budget plans stay", "maintext": BODY, "url": {"href": "https://example.com/b"}},
    ]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    results = list(Extractor(nlp=nlp).extract_paths([p]))
    assert [r.outcome.status for r in results] == ["read", "read"]
    for result, record in zip(results, records, strict=True):
        body = [s for s in result.statements if not dict(s.extra).get("in_title")]
        assert body, result.statements
        for s in body:
            assert record["maintext"][s.start : s.end] == s.quote
            assert record["maintext"][s.speaker_start : s.speaker_end] == s.speaker_mention
        for s in result.statements:
            if dict(s.extra).get("in_title"):
                assert record["title"][s.start : s.end] == s.quote
