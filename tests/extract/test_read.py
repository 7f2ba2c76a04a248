"""Reading articles: formats, boilerplate, repeated bodies, and bad input as a corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quotegraph.extract.model import Article
from quotegraph.extract.reading.articles import ReadFailure, decode, find_skips, guess_language, read_all, read_path

ENGLISH = (
    "The minister said on Tuesday that the government would not change its plans for the budget. "
    "She added that the opposition had been told about the decision in a meeting with the party leaders. "
)


def _one(path: Path) -> Article | ReadFailure:
    items = list(read_path(path))
    assert len(items) == 1
    return items[0]


def test_read_txt_first_line_is_the_title_and_is_skipped(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Budget plans stay\n\n" + ENGLISH, encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.title == "Budget plans stay"
    assert "Budget plans stay" not in art.body
    assert len(art.body) == len(art.text)


def test_read_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(
        "<html><head><title>Budget plans stay</title>"
        '<meta property="og:site_name" content="Reuters"><meta name="date" content="2024-05-24"></head>'
        "<body><nav>Home | World</nav><article><h1>Budget plans stay</h1>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></article><footer>Cookies</footer></body></html>",
        encoding="utf-8",
    )
    art = _one(p)
    assert isinstance(art, Article), art
    assert "the government would not change its plans" in art.text
    assert "Cookies" not in art.text
    assert art.outlet == "Reuters"


def test_read_json_and_jsonl_news_please_fields(tmp_path):
    rec = {
        "title": "Budget plans stay",
        "maintext": ENGLISH,
        "date_publish": "2024-05-24 10:00:00",
        "source_domain": "www.reuters.com",
        "url": "https://www.reuters.com/world/x",
    }
    p = tmp_path / "a.json"
    p.write_text(json.dumps(rec), encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert (art.title, art.published, art.outlet, art.url) == (
        "Budget plans stay",
        "2024-05-24",
        "Reuters",
        rec["url"],
    )
    q = tmp_path / "b.jsonl"
    q.write_text(
        json.dumps(rec) + "\n{broken\n" + json.dumps({**rec, "maintext": ENGLISH * 2}) + "\n",
        encoding="utf-8",
    )
    items = list(read_path(q))
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "Article"]
    assert items[1].status == "failed" and "line 2" in items[1].reason
    assert {i.name for i in items} == {"b.jsonl#1", "b.jsonl#2", "b.jsonl#3"}


def test_read_sidecar_metadata_overrides_detection(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\n" + ENGLISH, encoding="utf-8")
    (tmp_path / "metadata.json").write_text(
        json.dumps({"a.txt": {"outlet": "Daily Herald", "published": "2024-01-02"}}), encoding="utf-8"
    )
    items = list(read_all([tmp_path]))
    [article] = [i for i in items if not isinstance(i, ReadFailure)]  # the sidecar itself is not an article
    assert (article.outlet, article.published) == ("Daily Herald", "2024-01-02")
    [sidecar] = [i for i in items if isinstance(i, ReadFailure)]  # but it has its entry in the report
    assert sidecar.name == "metadata.json" and sidecar.status == "skipped" and "metadata" in sidecar.reason


BAD_INPUTS = [
    ("empty.txt", b"", "skipped", "empty"),
    ("blank.txt", b"   \n\n  ", "skipped", "empty"),
    ("binary.txt", bytes(range(256)) * 20, "failed", "binary"),
    ("broken.json", b'{"title": "x", "maintext": ', "failed", "JSON"),
    ("nobody.json", b'{"title": "only a title"}', "skipped", "maintext"),
    ("junk.html", b"<html><body><div><script>var x=1;</script></div></body></html>", "skipped", "HTML"),
    ("photo.png", b"\x89PNG\r\n", "skipped", "unsupported"),
    (
        "german.txt",
        (
            "Titel\n\n" + "Der Minister sagte am Dienstag, dass die Regierung ihre Pläne für den Haushalt nicht "
            "ändern werde und die Opposition darüber informiert worden sei. " * 3
        ).encode("utf-8"),
        "skipped",
        "not English",
    ),
]


@pytest.mark.parametrize(("name", "data", "status", "reason"), BAD_INPUTS)
def test_read_bad_input_is_reported_not_raised(tmp_path, name, data, status, reason):
    p = tmp_path / name
    p.write_bytes(data)
    item = _one(p)
    assert isinstance(item, ReadFailure), item
    assert item.status == status
    assert reason.lower() in item.reason.lower()


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("latin-1", b""), ("utf-16", b""), ("utf-16-le", b""), ("utf-8-sig", b""), ("cp1252", b"")],
)
def test_read_decodes_legacy_and_utf16_text(tmp_path, encoding, prefix):
    text = "Café talks\n\nThe minister’s café said “no” to the plan. " + ENGLISH
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    p = tmp_path / "a.txt"
    p.write_bytes(prefix + text.encode(encoding))
    art = _one(p)
    assert isinstance(art, Article), art
    assert "Café" in art.text or "café" in art.text


def test_read_a_batch_goes_on_past_broken_files(tmp_path):
    (tmp_path / "a.txt").write_text("T\n\n" + ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\xff" * 500)
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    (tmp_path / "d.txt").write_text("T\n\n" + ENGLISH, encoding="utf-8")
    items = list(read_all([tmp_path]))
    assert [i.name for i in items] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert [isinstance(i, Article) for i in items] == [True, False, False, True]


def test_read_big_article_and_long_sentence(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + ENGLISH * 30000, encoding="utf-8")  # about 5 MB
    art = _one(big)
    assert isinstance(art, Article) and len(art.text) > 5_000_000
    long = tmp_path / "long.txt"
    sentence = ", ".join(["the minister said that the plan would go ahead"] * 430) + "."
    assert len(sentence) > 20_000
    long.write_text("Title\n\n" + sentence, encoding="utf-8")
    assert isinstance(_one(long), Article)


def test_read_sample_boilerplate_is_masked_but_offsets_stay(data_dir):
    arts = {a.name: a for a in read_all([data_dir / "articles"]) if isinstance(a, Article)}
    assert len(arts) == 5
    up = arts["004_61335ce61622f152.txt"]
    for junk in (
        "Advertisement:",
        "Support UP or become our patron!",
        "Follow us on Instagram!",
        "Photo: Getty",
    ):
        assert junk in up.text and junk not in up.body
    assert "Source: Stoltenberg in an interview with The Economist" in up.body  # names a speaker: kept
    oboz = arts["001_7a54b5a1d4012f7d.txt"]
    assert "Other News" not in oboz.body and "tuna" not in oboz.body
    for art in arts.values():
        assert len(art.body) == len(art.text)
        for s, e in art.skip:
            assert art.body[s:e].strip() == ""


def test_read_body_printed_twice_is_read_once(data_dir):
    art = _one(data_dir / "articles" / "000_18f721da1689cc8f.txt")
    assert isinstance(art, Article)
    body = art.body
    assert body.count("negotiate the use of weapons with Ukraine") == 1
    assert art.text.count("negotiate the use of weapons with Ukraine") == 2
    assert body.count("Belgian-supplied weapons") == 1


def test_read_repeated_paragraphs_in_a_synthetic_article():
    para = "The committee said the bill would pass next week after a long debate in the chamber."
    other = "Opponents argued that the bill was rushed and that more hearings were needed first."
    text = f"Title\n{para} {other}\n{para}\n{other}\nA final unrelated line about the weather tomorrow."
    _, skip = find_skips(text)
    body = Article(name="x", text=text, skip=skip).body
    assert body.count("would pass next week") == 1
    assert body.count("more hearings were needed") == 1
    assert "weather tomorrow" in body


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (ENGLISH, "en"),
        ("Der Minister sagte, dass die Regierung ihre Pläne nicht ändern werde. " * 5, "other"),
        ("Hi", None),
    ],
)
def test_read_guess_language(text, lang):
    assert guess_language(text) == lang


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_read_never_raises_on_arbitrary_bytes(tmp_path_factory, data):
    p = tmp_path_factory.mktemp("fuzz") / "x.txt"
    p.write_bytes(data)
    for item in read_path(p):
        if isinstance(item, Article):
            assert len(item.body) == len(item.text)
        else:
            assert item.status in ("skipped", "failed") and item.reason


def test_read_decode_rejects_nothing_but_bad_bytes():
    assert decode(b"plain ascii text") == "plain ascii text"


def test_read_standing_notes_and_author_lines_are_masked_whole():
    text = (
        "Budget plans stay\n\n"
        + ENGLISH
        + "\n\nEditor’s note: The outlet keeps a standing note\nunder every article, broken\nover several lines.\n\n"
        + '"Follow Jane Roe on Twitter @janeroe."\n\n'
        + "The opposition leader said the plans would be debated again in parliament next week."
    )
    art = Article(name="a.txt", text=text, skip=find_skips(text)[1])
    assert "standing note" not in art.body and "over several lines" not in art.body
    assert "Jane Roe" not in art.body
    assert "The minister said" in art.body and "debated again" in art.body  # the body around the notes stays
    assert len(art.body) == len(text)


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("For more, sign up for the What’s Working newsletter.", True),
        ("Sign up to get an email from reporter Jane Roe when she publishes a new story.", True),
        ("Want more updates from Amanda? Sign up for her newsletter, Piping Hot Truth.", True),
        # negatives: speech about signing up, and signing up for something else
        ("“We asked people to sign up with their email address,” the organiser said.", False),
        ("She merely wanted men to sign up for mobile updates from the campaign.", False),
    ],
)
def test_read_newsletter_sign_up_lines_are_masked(line: str, masked: bool) -> None:
    text = (
        "Budget plans stay\n\n" + ENGLISH + "\n\n" + line + "\n\nThe opposition leader said the plans would be debated."
    )
    art = Article(name="a.txt", text=text, skip=find_skips(text)[1])
    assert (line not in art.body) == masked
