from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from quotegraph.extract.cache import StatementCache, article_key, fingerprint
from quotegraph.extract.model import Article, Statement
from quotegraph.extract.pipeline import Extractor
from quotegraph.extract.reading.articles import read_all

ROOT = Path(__file__).resolve().parents[2]


def test_cache_round_trip_and_keys(tmp_path):
    cache = StatementCache(tmp_path / "c.sqlite")
    s = Statement(article="a", quote="q", start=0, end=1, kind="direct", speaker="Ann Lee")
    art = Article(name="a", text="some text")
    key = article_key(art, "cfg")
    assert cache.get(key) is None
    cache.put(key, [s])
    assert cache.get(key) == [s]
    assert article_key(replace(art, text="other text"), "cfg") != key
    assert article_key(art, "other config") != key
    assert fingerprint("a", None) != fingerprint("b", None)


def test_cache_rerun_parses_only_new_or_changed_articles(nlp, tmp_path):
    arts = [a for a in read_all([ROOT / "data" / "articles"]) if isinstance(a, Article)]
    ex = Extractor(nlp=nlp, cache=tmp_path / "c.sqlite")
    first = [(r.outcome.name, r.statements) for r in ex.extract_articles(arts)]
    changed = [*arts[:4], replace(arts[4], text=arts[4].text + "\nA new closing line.")]
    second = list(ex.extract_articles(changed))
    assert [r.outcome.cached for r in second] == [True, True, True, True, False]
    assert [(r.outcome.name, r.statements) for r in second][:4] == first[:4]


def test_cache_key_follows_the_extractors_code(monkeypatch, nlp, tmp_path):
    import quotegraph.extract.cache as cache_module

    a = Extractor(nlp=nlp, cache=tmp_path / "c.sqlite").config_key
    assert Extractor(nlp=nlp, cache=tmp_path / "c.sqlite").config_key == a  # stable for the same code
    cache_module.code_fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "edited lexicon")
    assert Extractor(nlp=nlp, cache=tmp_path / "c.sqlite").config_key != a
