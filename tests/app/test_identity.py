"""An article's identity is its URL or its path, never a slug of its base name."""

from __future__ import annotations

from pathlib import Path

from quotegraph.extract.model import read_jsonl
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF
from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()
TOPICS = Path(__file__).resolve().parents[2] / "data" / "topics.yaml"  # a fixed topics file: none proposed
SCHEMA = Namespace("http://schema.org/")
TEXTS = [
    "Budget row\n\n“We will not raise taxes this year,” Finance Minister Anna Berg said on Monday in Oslo.",
    "Strike vote\n\n“The strike will go ahead next week,” union leader Tom Vik told reporters in Bergen.",
    "Port deal\n\n“The port deal is good news for the whole region,” Mayor Lise Dahl said on Friday.",
]


def _articles(g: Graph) -> dict[str, list[str]]:
    return {str(a): [str(i) for i in g.objects(a, SCHEMA.identifier)] for a in g.subjects(RDF.type, SCHEMA.NewsArticle)}


def _build(out: Path, *paths: Path, add: bool = False) -> None:
    args = ["build", *map(str, paths), "-o", str(out), "--quiet", "--no-cache", "--topics", str(TOPICS)]
    args += ["--add"] if add else []
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


def test_identity_names_that_slug_alike_are_three_articles(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the paths are below the working directory: relative to it
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in zip(["a b.txt", "a-b.txt", "A-B.TXT"], TEXTS, strict=True):
        (corpus / name).write_text(text, encoding="utf-8")
    _build(tmp_path / "out", corpus)
    articles = _articles(Graph().parse(tmp_path / "out" / "graph.ttl"))
    assert len(articles) == 3 and all(len(ids) == 1 for ids in articles.values())
    assert sorted(ids[0] for ids in articles.values()) == ["A-B.TXT", "a b.txt", "a-b.txt"]
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    sources = {str(a): [str(p) for p in graph.objects(URIRef(a), DCTERMS.source)] for a in articles}
    assert sorted(p for paths in sources.values() for p in paths) == [
        f"{corpus.name}/{n}" for n in ["A-B.TXT", "a b.txt", "a-b.txt"]
    ]


def test_identity_same_name_in_two_folders_any_order_and_add(tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "report.txt").write_text(TEXTS[0], encoding="utf-8")
    (two / "report.txt").write_text(TEXTS[1], encoding="utf-8")
    _build(tmp_path / "ab", one, two)
    _build(tmp_path / "ba", two, one)
    _build(tmp_path / "step", one)
    _build(tmp_path / "step", two, add=True)
    graphs = [Graph().parse(tmp_path / d / "graph.ttl") for d in ("ab", "ba", "step")]
    assert len(_articles(graphs[0])) == 2
    assert isomorphic(graphs[0], graphs[1]) and isomorphic(graphs[0], graphs[2])
    speakers = {s.speaker for s in read_jsonl(tmp_path / "step" / "statements.jsonl")}
    assert {"Anna Berg", "Tom Vik"} <= speakers
    ids = {s.article_id for s in read_jsonl(tmp_path / "step" / "statements.jsonl")}
    assert len(ids) == 2 and all(i.endswith("/report.txt") for i in ids)
