from __future__ import annotations

import pytest
from quotegraph.extract.reading.articles import read_all
from quotegraph.extract.reading.sources import detect_outlet, detect_published, parse_date, resolve_date, statement_date


@pytest.mark.parametrize(
    ("text", "url", "site", "outlet"),
    [
        ("BRUSSELS (Sputnik) - The minister said ...", None, None, "Sputnik"),
        ("(MENAFN) In a shift of stance, the minister said ...", None, None, "MENAFN"),
        ("Body text.\n\nSupport UP or become our patron!", None, None, "Ukrainska Pravda"),
        ("Only verified information on our Telegram channel OBOZ.UA and Viber.", None, None, "OBOZ.UA"),
        ("Body.", "https://www.reuters.com/world/europe/x", None, "Reuters"),
        ("Body.", None, "breitbart.com", "Breitbart"),
        ("Body.", None, "The Local Gazette", "The Local Gazette"),
        ("OTTAWA (CP) — The minister said ...", None, None, "The Canadian Press"),
        ("HALIFAX (CP) - Nurses said ...", None, None, "The Canadian Press"),
        ("Body.", "https://www.cbc.ca/news/canada/x", None, "CBC News"),
        ("Body.", "https://www.theglobeandmail.com/politics/x", None, "The Globe and Mail"),
        ("Seized (CP) equipment was returned, police said.", None, None, None),
        ("WASHINGTON - A plain article with no outlet named anywhere.", None, None, None),
    ],
)
def test_sources_detect_outlet(text, url, site, outlet):
    assert detect_outlet(text, url=url, site_name=site) == outlet


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Saturday, 25 May 2024, 01:45", "2024-05-25"),
        ("MENAFN27052024000045015687ID1108260767", "2024-05-27"),
        ("May 24, 2024", "2024-05-24"),
        ("2016-09-12", "2016-09-12"),
        ("31 February 2024", None),
        ("no date here", None),
    ],
)
def test_sources_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("expression", "published", "iso"),
    [
        ("on Friday", "2024-05-25", "2024-05-24"),  # Saturday's paper: the day before
        ("Saturday", "2024-05-25", "2024-05-25"),
        ("on May 24", "2024-05-27", "2024-05-24"),
        ("24 May", "2024-05-27", "2024-05-24"),
        ("December 30", "2024-01-02", "2023-12-30"),  # not in the future
        ("yesterday", "2024-05-27", "2024-05-26"),
        ("last week", "2024-05-27", None),
        ("on Friday", None, None),
        ("in 2019", "2024-05-27", None),
    ],
)
def test_sources_resolve_date(expression, published, iso):
    assert resolve_date(expression, published) == iso


def test_sources_published_from_metadata_first():
    assert detect_published("Saturday, 25 May 2024, 01:45", metadata_date="2024-05-20 08:00:00") == "2024-05-20"


def test_sources_sample_outlets_and_dates_detected_from_the_text(data_dir, tmp_path):
    import shutil

    for path in (data_dir / "articles").glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)  # without the metadata sidecar
    got = {a.name[:3]: (a.outlet, a.published) for a in read_all([tmp_path])}
    assert got["000"][0] == "Sputnik"
    assert got["001"][0] == "OBOZ.UA"
    assert got["002"] == ("MENAFN", "2024-05-27")
    assert got["003"] == (None, None)
    assert got["004"] == ("Ukrainska Pravda", "2024-05-25")


def test_sources_statement_date_attached_to_the_cue(nlp):
    doc = nlp("The minister said on Friday that taxes would rise. Elections are due on Sunday.")
    i = doc.text.index("said")
    assert statement_date(doc, i, i + 4, "2024-05-25") == "2024-05-24"
    doc = nlp("The minister said that elections are due on Sunday.")
    i = doc.text.index("said")
    assert statement_date(doc, i, i + 4, "2024-05-25") is None


@pytest.mark.parametrize(
    ("expression", "published", "iso"),
    [
        ("last Tuesday", "2024-05-25", "2024-05-21"),
        ("Monday morning", "2024-05-25", "2024-05-20"),
        ("the day before yesterday", "2024-05-27", "2024-05-25"),
        ("today", "2024-05-27", "2024-05-27"),
        ("May 24, 2023", "2024-05-27", "2023-05-24"),  # a full date stands alone
        ("this week", "2024-05-27", None),  # vague: undated, never the publication date
        ("earlier this month", "2024-05-27", None),
    ],
)
def test_sources_resolve_relative_dates(expression, published, iso):
    assert resolve_date(expression, published) == iso


@pytest.mark.parametrize(
    ("sentence", "cue", "iso"),
    [
        ("Yesterday the senator said the bill was dead.", "said", "2024-05-26"),
        ("The senator said on Friday that she would vote against it.", "said", "2024-05-24"),
        ("The senator said she would vote on Monday.", "said", None),  # a future event inside the quote
        ("The senator said the bill was dead.", "said", None),  # undated stays undated
    ],
)
def test_sources_statement_date_relative(nlp, sentence, cue, iso):
    doc = nlp(sentence)
    i = doc.text.index(cue)
    assert statement_date(doc, i, i + len(cue), "2024-05-27") == iso
