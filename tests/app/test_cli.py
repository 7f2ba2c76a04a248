"""The quotegraph command end to end on the sample data, with the real model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from quotegraph.extract.model import read_jsonl
from typer.testing import CliRunner

from quotegraph.cli import app

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "data" / "articles"
TOPICS = ROOT / "data" / "topics.yaml"

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    result = runner.invoke(app, ["build", str(ARTICLES), str(bad), "--topics", str(TOPICS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_cli_build_writes_all_outputs(built: Path):
    for name in ("statements.jsonl", "graph.ttl", "graph.html", "report.json"):
        assert (built / name).stat().st_size > 0, name


def test_cli_build_report_lists_every_input_with_its_fate(built: Path):
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    fates = {Path(i["path"]).name: i for i in report["inputs"]}
    for article in ARTICLES.glob("*.txt"):
        assert fates[article.name]["status"] == "read"
    assert fates["empty.txt"]["status"] in {"skipped", "failed"} and fates["empty.txt"]["reason"]
    assert fates["binary.txt"]["status"] in {"skipped", "failed"} and fates["binary.txt"]["reason"]
    assert report["counts"]["statements"] > 0


def test_cli_build_statements_point_into_their_articles(built: Path):
    statements = list(read_jsonl(built / "statements.jsonl"))
    assert len(statements) >= 20
    for s in statements:
        text = (ARTICLES / s.article).read_text(encoding="utf-8")
        assert text[s.start : s.end] == s.quote
        assert s.statement_id


def test_cli_extract_output_is_read_by_evaluate(tmp_path: Path):
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["extract", str(ARTICLES), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["evaluate", str(out), str(ROOT / "data" / "gold.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    # the floors of test_pipeline_quality_on_our_gold_set: the same articles, the same extractor
    assert figures["quote_f1"] >= 0.92
    assert figures["attributed_f1"] >= 0.88
    assert figures["speaker_accuracy"] >= 0.95
    assert 0.0 <= figures["confidence_ece"] <= 1.0
    result = runner.invoke(app, ["evaluate", str(out), str(ROOT / "data" / "gold.jsonl"), "--by-rule", "--reliability"])
    assert result.exit_code == 0, result.output
    assert "cue_statements" in result.output and "statement confidence: ECE" in result.output
    rules = runner.invoke(app, ["rules"])
    assert rules.exit_code == 0, rules.output
    listed = [line.split()[1] for line in rules.output.splitlines()[1:]]
    assert listed[0] == "cue_statements" and "unattributed" in listed
    # every statement names a rule that `quotegraph rules` lists
    assert {row["rule"] for row in map(json.loads, out.read_text().splitlines())} <= set(listed)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "no/such/dir", "-o", "x.jsonl"], "no such file"),
        (["build", "data/articles", "-o", "out", "--topics", "missing.yaml"], "topics file not found"),
        (["build", "data/articles", "-o", "out", "--rdf-format", "xml"], "unknown RDF format"),
        (["extract", "data/articles", "-o", "x.jsonl", "--stance", "bert"], "unknown stance backend"),
    ],
)
def test_cli_bad_arguments_give_a_clear_error(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_cli_python_m_quotegraph_works(tmp_path: Path):
    # run from an empty folder: the installed package answers, not the repo's top-level folders
    proc = subprocess.run(
        [sys.executable, "-m", "quotegraph", "--help"], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert proc.returncode == 0
    assert "build" in proc.stdout and "extract" in proc.stdout


def test_cli_adding_articles_equals_a_full_rebuild(tmp_path: Path):
    import shutil

    from rdflib import Graph
    from rdflib.compare import isomorphic

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    files = sorted(ARTICLES.glob("*.txt"))
    for f in files[:3]:
        shutil.copy(f, first / f.name)
    for f in files[3:]:
        shutil.copy(f, second / f.name)
    full, step = tmp_path / "full", tmp_path / "step"
    args = ["--topics", str(TOPICS), "--quiet", "--no-cache"]
    assert runner.invoke(app, ["build", str(first), str(second), "-o", str(full), *args]).exit_code == 0
    assert runner.invoke(app, ["build", str(first), "-o", str(step), *args]).exit_code == 0
    assert runner.invoke(app, ["build", str(second), "-o", str(step), "--add", *args]).exit_code == 0
    assert isomorphic(Graph().parse(full / "graph.ttl"), Graph().parse(step / "graph.ttl"))
    # the same article added again creates no duplicate statement
    before = len(list(read_jsonl(step / "statements.jsonl")))
    assert runner.invoke(app, ["build", str(second), "-o", str(step), "--add", *args]).exit_code == 0
    assert len(list(read_jsonl(step / "statements.jsonl"))) == before
    assert isomorphic(Graph().parse(full / "graph.ttl"), Graph().parse(step / "graph.ttl"))


def test_cli_stance_backend_that_cannot_load_warns_once_and_extracts(tmp_path: Path, monkeypatch):
    """--stance llm with no endpoint: one warning line, the rules' stances, exit 0."""
    monkeypatch.delenv("QUOTEGRAPH_LLM_BASE_URL", raising=False)
    out = tmp_path / "x.jsonl"
    article = sorted(ARTICLES.glob("*.txt"))[0]
    args = ["-m", "quotegraph", "extract", str(article), "-o", str(out), "--topics", str(TOPICS), "-q"]
    done = subprocess.run(
        [sys.executable, *args, "--stance", "llm", "--stance-model", "m"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "could not load" in line]
    assert len(warnings) == 1 and "Traceback" not in done.stderr
    statements = list(read_jsonl(out))
    assert statements and all(t.backend == "rules" for s in statements for t in s.topics)


def test_cli_view_focus_writes_the_filtered_graph_and_fails_clearly(built: Path, tmp_path: Path):
    import networkx as nx

    statements = built / "statements.jsonl"
    speaker = next(s.speaker for s in read_jsonl(statements) if s.speaker and "Stoltenberg" in s.speaker)
    args = ["view", str(statements), "-o", str(tmp_path / "v.html"), "--gexf", str(tmp_path / "v.gexf")]
    result = runner.invoke(app, [*args, "--speaker", speaker, "--topics", str(TOPICS)])
    assert result.exit_code == 0, result.output
    shown = nx.read_gexf(tmp_path / "v.gexf")
    assert shown.number_of_nodes() < nx.read_gexf(built / "graph.gexf").number_of_nodes()
    assert speaker in {d.get("label") for _, d in shown.nodes(data=True)}
    result = runner.invoke(app, [*args, "--topic", "no-such-topic"])
    assert result.exit_code == 2 and "no statement is about the topic 'no-such-topic'; topics:" in result.output


def test_cli_extract_consistency_only_informs_weak_stances(tmp_path: Path):
    # extract applies the build's corpus consistency; --no-consistency leaves each statement as judged alone
    outs = {}
    for flag in ("--consistency", "--no-consistency"):
        out = tmp_path / f"{flag}.jsonl"
        result = runner.invoke(app, ["extract", str(ARTICLES), "--topics", str(TOPICS), "-o", str(out), "-q", flag])
        assert result.exit_code == 0, result.output
        outs[flag] = list(read_jsonl(out))
    with_, without = outs["--consistency"], outs["--no-consistency"]
    assert [(s.article, s.start, s.end) for s in with_] == [(s.article, s.start, s.end) for s in without]
    assert not any(e.startswith("consistent with") for s in without for t in s.topics for e in t.evidence)
    for a, b in zip(with_, without, strict=True):
        if a != b:  # only a weak stance changed, and it says where its side comes from
            assert any(e.startswith("consistent with") for t in a.topics for e in t.evidence)
