"""A build's outputs change together or not at all: killed at any point, failing on a full disk or
beside another build, the output folder holds the last complete build (quotegraph.outputs)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from quotegraph.extract.model import read_jsonl
from quotegraph.extract.pipeline import Extractor
from typer.testing import CliRunner

from quotegraph import outputs
from quotegraph.cli import app
from quotegraph.run import build

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))
TOPICS = ROOT / "data" / "topics.yaml"
POINTS = [
    "extracted",
    "raw-written",
    "statements-written",
    "rdf-written",
    "gexf-written",
    "html-written",
    "report-written",
    "before-switch",
    "after-switch",
]


class Killed(BaseException):
    """Stands for SIGKILL in-process: nothing after it runs, no cleanup either."""


@pytest.fixture(scope="module")
def extractor(nlp) -> Extractor:
    return Extractor(nlp=nlp, topics=TOPICS)


@pytest.fixture
def corpora(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(ARTICLES[0], first / ARTICLES[0].name)
    shutil.copy(ARTICLES[1], second / ARTICLES[1].name)
    return first, second


def _visible(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


def _build(extractor, paths, out, **kw):
    return build(paths, out, extractor=extractor, progress=False, **kw)


def _kill_at(point: str, monkeypatch) -> None:
    def checkpoint(name: str) -> None:
        if name == point:
            raise Killed(point)

    monkeypatch.setattr(outputs, "checkpoint", checkpoint)
    monkeypatch.setattr(outputs, "discard", lambda gen: None)  # a killed process cleans nothing


@pytest.mark.parametrize("point", POINTS)
def test_crash_killed_at_any_point_leaves_one_complete_build(point, extractor, corpora, tmp_path, monkeypatch):
    first, second = corpora
    out = tmp_path / "out"
    _build(extractor, [first], out)
    before = _visible(out)
    assert {"statements.jsonl", "graph.ttl", "graph.gexf", "graph.html", "report.json"} <= set(before)

    with monkeypatch.context() as m:
        _kill_at(point, m)
        with pytest.raises(Killed):
            _build(extractor, [first, second], out)
    after = _visible(out)
    if point == "after-switch":  # switched: the new build, whole
        assert json.loads(after["report.json"])["counts"]["read"] == 2
        assert {s.article for s in read_jsonl(out / "statements.jsonl")} == {ARTICLES[0].name, ARTICLES[1].name}
    else:
        assert after == before
    rdflib.Graph().parse(out / "graph.ttl", format="turtle")

    # the next build starts from the last complete one (--add keeps the first article) and cleans up
    _build(extractor, [second], out, add=True)
    assert {s.article for s in read_jsonl(out / "statements.jsonl")} == {ARTICLES[0].name, ARTICLES[1].name}
    assert len(list((out / outputs.GENERATIONS).iterdir())) == 1
    assert not list(out.glob(".*.tmp"))


def test_crash_sigkill_of_a_real_build_keeps_the_previous_outputs(corpora, tmp_path):
    """The same with a real SIGKILL of a `quotegraph build` process, at a point named in advance."""
    first, second = corpora
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "quotegraph", "build", "--quiet", "--topics", str(TOPICS), "-o", str(out)]
    done = subprocess.run([*cmd, str(first)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    before = _visible(out)
    env = {**os.environ, outputs.FAULT_ENV: "html-written"}
    killed = subprocess.run([*cmd, str(first), str(second)], capture_output=True, text=True, timeout=300, env=env)
    assert killed.returncode == -9
    assert _visible(out) == before
    # the lock died with the process: the next build runs, and removes the half-written generation
    done = subprocess.run([*cmd, "--add", str(second)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(list((out / outputs.GENERATIONS).iterdir())) == 1


def test_crash_a_second_build_into_the_same_folder_is_refused(extractor, corpora, tmp_path):
    first, _ = corpora
    out = tmp_path / "out"
    with outputs.build_lock(out), pytest.raises(outputs.BuildLocked, match=f"pid {os.getpid()}"):
        _build(extractor, [first], out)
    result = CliRunner().invoke(app, ["build", str(first), "-o", str(out), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output  # released: the next build runs


def test_crash_a_full_disk_gives_one_line_and_keeps_the_previous_build(corpora, tmp_path, monkeypatch):
    first, second = corpora
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(first), "-o", str(out), "-q", "--topics", str(TOPICS)]).exit_code == 0
    before = _visible(out)

    def full(g, path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("quotegraph.graph.build.write_gexf", full)
    result = runner.invoke(app, ["build", str(first), str(second), "-o", str(out), "-q", "--topics", str(TOPICS)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    [line] = [x for x in result.output.splitlines() if x.strip()]
    assert line.startswith("error: no space left on device writing ") and "previous build" in line
    assert _visible(out) == before
    assert len(list((out / outputs.GENERATIONS).iterdir())) == 1


def test_crash_a_corrupt_cache_is_set_aside(extractor, corpora, tmp_path, caplog):
    from quotegraph.extract.cache import StatementCache

    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with caplog.at_level("WARNING"):
        cache = StatementCache(path)
    assert len(cache) == 0
    assert [p.name for p in tmp_path.glob("cache.sqlite.corrupt-*")]
    assert any("unreadable" in r.getMessage() for r in caplog.records)
    cache.close()
    first, _ = corpora
    out = tmp_path / "out"
    out.mkdir()
    (out / ".cache.sqlite").write_bytes(b"\x00garbage" * 1000)
    result = CliRunner().invoke(app, ["build", str(first), "-o", str(out), "-q", "--topics", str(TOPICS)])
    assert result.exit_code == 0, result.output
    assert list(read_jsonl(out / "statements.jsonl"))
