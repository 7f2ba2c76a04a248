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


def _one_build(out: Path, before: dict[str, bytes]) -> str:
    """The invariant: the folder shows one complete build, the earlier one or the new one, never a mix.
    Returns which."""
    visible = _visible(out)
    if visible == before:
        return "earlier"
    gen = (out / outputs.CURRENT).resolve()
    links = {p.name: p for p in out.iterdir() if not p.name.startswith(".")}
    assert all(p.is_symlink() and p.resolve().parent == gen for p in links.values()), "outputs of two builds"
    assert {"statements.jsonl", "graph.ttl", "report.json"} <= set(links)
    report = json.loads(visible["report.json"])
    assert report["counts"]["statements"] == sum(1 for _ in read_jsonl(out / "statements.jsonl"))
    return "new"


def test_crash_real_sigkills_at_several_points_keep_one_complete_build(corpora, tmp_path):
    """A loop of real SIGKILLs of `quotegraph build`, each at a point named in advance (no timing): after
    each, the folder holds one complete build and no temporary file survives the next build."""
    first, second = corpora
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "quotegraph", "build", "--quiet", "--topics", str(TOPICS), "-o", str(out)]
    done = subprocess.run([*cmd, str(first)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    inputs = [[str(first), str(second)], [str(second)]]
    for i, point in enumerate(["extracted", "rdf-written", "before-switch", "after-switch"]):
        before = _visible(out)
        env = {**os.environ, outputs.FAULT_ENV: point}
        killed = subprocess.run([*cmd, *inputs[i % 2]], capture_output=True, text=True, timeout=300, env=env)
        assert killed.returncode == -9, (point, killed.stderr)
        assert _one_build(out, before) == ("new" if point == "after-switch" else "earlier"), point
    done = subprocess.run([*cmd, "--add", str(first)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    articles = {s.article for s in read_jsonl(out / "statements.jsonl")}
    assert articles == {ARTICLES[0].name, ARTICLES[1].name}  # the last complete build had both
    assert len(list((out / outputs.GENERATIONS).iterdir())) == 1
    assert not [p for p in out.rglob("*.tmp")]


def _plain_build(extractor, paths, out: Path) -> None:
    """An output folder as builds made it before generations: plain files side by side."""
    _build(extractor, paths, out)
    gen = (out / outputs.CURRENT).resolve()
    for link in [p for p in out.iterdir() if p.is_symlink()]:
        link.unlink()
    for path in gen.iterdir():
        shutil.copy2(path, out / path.name)
    shutil.rmtree(out / outputs.GENERATIONS)


@pytest.mark.parametrize(
    "point",
    ["adopted", "adopted-graph.gexf", "adopted-statements.jsonl", "before-switch", "after-switch", "report-written"],
)
def test_crash_a_folder_of_plain_files_is_replaced_whole(point, extractor, corpora, tmp_path, monkeypatch):
    """A folder written before generations (plain files) is first made a generation of its own: killed
    while it is, or after, the folder shows the old build or the new one, and the next build finishes."""
    first, second = corpora
    out = tmp_path / "out"
    _plain_build(extractor, [first], out)
    before = _visible(out)
    with monkeypatch.context() as m:
        _kill_at(point, m)
        with pytest.raises(Killed):
            _build(extractor, [first, second], out)
    assert _one_build(out, before) == ("new" if point == "after-switch" else "earlier")
    _build(extractor, [second], out, add=True)
    assert _one_build(out, before) == "new"
    articles = {s.article for s in read_jsonl(out / "statements.jsonl")}
    assert articles == {ARTICLES[0].name, ARTICLES[1].name}
    assert not (out / outputs.RAW).exists() and len(list((out / outputs.GENERATIONS).iterdir())) == 1


@pytest.mark.parametrize(
    "name", [".statements-raw.jsonl", "statements.jsonl", "graph.ttl", "graph.gexf", "graph.html", "report.json"]
)
def test_crash_a_full_disk_at_any_output_keeps_the_previous_build(name, corpora, tmp_path, monkeypatch):
    """ENOSPC from the write of any one output file: one error line naming it, the previous build whole,
    no temporary file left."""
    first, second = corpora
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["-o", str(out), "-q", "--topics", str(TOPICS)]
    assert runner.invoke(app, ["build", str(first), *args]).exit_code == 0
    before = _visible(out)
    fsync = os.fsync

    def full(fd: int) -> None:
        if Path(os.readlink(f"/proc/self/fd/{fd}")).name.startswith(f".{name}."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    result = runner.invoke(app, ["build", str(first), str(second), *args])
    assert result.exit_code == 2, result.output
    [line] = [x for x in result.output.splitlines() if x.strip()]
    assert line.startswith("error: no space left on device writing ") and line.count(name) == 1, line
    assert "previous build" in line and "Traceback" not in result.output
    assert _visible(out) == before
    assert len(list((out / outputs.GENERATIONS).iterdir())) == 1
    assert not [p for p in out.rglob("*.tmp")]


def test_crash_a_link_that_cannot_be_made_after_the_switch_is_made_next_time(extractor, corpora, tmp_path, monkeypatch):
    """Past the switch the new build is current: a failing link is a warning (the next build makes it)."""
    first, second = corpora
    out = tmp_path / "out"
    _build(extractor, [first], out, rdf_formats=())
    assert not (out / "graph.ttl").exists()
    replace_link = outputs._replace_link

    def failing(link: Path, target: str) -> None:
        if link.name == "graph.ttl":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace_link(link, target)

    monkeypatch.setattr(outputs, "_replace_link", failing)
    _build(extractor, [first, second], out)
    assert json.loads((out / "report.json").read_text())["counts"]["read"] == 2
    monkeypatch.undo()
    _build(extractor, [second], out, add=True)
    assert (out / "graph.ttl").is_symlink() and rdflib.Graph().parse(out / "graph.ttl", format="turtle")


def test_crash_unreadable_cache_entries_are_misses_warned_once(tmp_path, caplog):
    import sqlite3

    from quotegraph.extract.cache import StatementCache

    path = tmp_path / "cache.sqlite"
    cache = StatementCache(path)
    cache.close()
    with sqlite3.connect(path) as db:
        db.executemany("INSERT INTO statements VALUES (?, ?)", [("a", "{not json"), ("b", '[{"quote": 1}]')])
    cache = StatementCache(path)
    with caplog.at_level("WARNING"):
        assert cache.get("a") is None and cache.get("b") is None and cache.get("a") is None
    assert cache.misses == 3 and cache.errors == 3
    assert len([r for r in caplog.records if r.levelname == "WARNING"]) == 1
    cache.close()


def test_crash_add_to_a_build_without_raw_statements_keeps_them(extractor, corpora, tmp_path):
    """--add to a build that kept no per-article statements (an older version) starts from its merged
    statements.jsonl, never from nothing."""
    first, second = corpora
    out, full = tmp_path / "out", tmp_path / "full"
    _plain_build(extractor, [first], out)
    (out / outputs.RAW).unlink()
    _build(extractor, [second], out, add=True)
    _build(extractor, [first, second], full)
    assert (out / "statements.jsonl").read_bytes() == (full / "statements.jsonl").read_bytes()


def test_crash_a_cache_that_cannot_be_opened_is_kept_and_the_run_goes_on(tmp_path, monkeypatch, caplog):
    """A full disk or a lock held too long is not corruption: the cache file stays, the run goes on
    without it (every article a miss)."""
    import sqlite3

    from quotegraph.extract import cache as cache_module
    from quotegraph.extract.cache import StatementCache

    path = tmp_path / "cache.sqlite"
    StatementCache(path).close()
    before = path.read_bytes()

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(cache_module.sqlite3, "connect", full)
    with caplog.at_level("WARNING"):
        cache = StatementCache(path)
    assert "cannot be used" in caplog.text and "database or disk is full" in caplog.text
    assert cache.get("any") is None and cache.misses == 1 and len(cache) == 0
    cache.put("any", [])
    cache.close()
    assert path.read_bytes() == before and not list(tmp_path.glob("*.corrupt-*"))


def test_crash_a_build_beside_a_running_one_is_refused_with_one_line(corpora, tmp_path):
    """Two processes: while one holds the folder, `quotegraph build` into it exits 2 with one line naming
    the holder's pid, and writes nothing; when the holder dies the lock is free."""
    first, _ = corpora
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from quotegraph import outputs\n"
         "with outputs.build_lock(Path(sys.argv[1])):\n    print('held', flush=True); sys.stdin.readline()", str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        result = CliRunner().invoke(app, ["build", str(first), "-o", str(out), "-q", "--topics", str(TOPICS)])
        assert result.exit_code == 2
        [line] = [x for x in result.output.splitlines() if x.strip()]
        assert f"pid {holder.pid}" in line and "Traceback" not in result.output
        assert not (out / "statements.jsonl").exists() and not (out / outputs.GENERATIONS).exists()
    finally:
        holder.kill()
        holder.wait(timeout=30)
    result = CliRunner().invoke(app, ["build", str(first), "-o", str(out), "-q", "--topics", str(TOPICS)])
    assert result.exit_code == 0, result.output
