"""No single input sinks a build (issue 28): every bad input is one entry of report.json and the build
goes on; the proposed topics switch with their build; `build --add` gives what a full build gives."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from quotegraph.extract.model import Statement, read_jsonl
from quotegraph.extract.pipeline import Extractor
from quotegraph.extract.reading import articles as read
from typer.testing import CliRunner

from quotegraph import outputs
from quotegraph.cli import app
from quotegraph.run import _not_read_again, build

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "articles"
TOPICS = ROOT / "data" / "topics.yaml"
BODY = (
    "The minister said on Tuesday that the government would not change its plans for the budget. "
    "\u201cWe will not raise taxes this year,\u201d Finance Minister Anna Berg told reporters in Oslo. "
    "She added that the opposition had been told about the decision in a meeting with the party leaders."
)
QUOTE_LINE = (
    "\u201cWe will not raise taxes this year and we will not change the plans for the budget,\u201d "
    "Finance Minister Anna Berg said.\n"
)


def _hostile_folder(root: Path) -> dict[str, str]:
    """The five seeds and one of each bad input; returns, per bad input, the name its report entry has."""
    folder = root / "corpus"
    shutil.copytree(SEEDS, folder)
    # json.dumps writes a lone surrogate as the escape \ud800, which json.loads gives back as is
    (folder / "surrogate-text.json").write_text(json.dumps({"title": "Budget", "maintext": f"{BODY} \ud800 end."}))
    (folder / "surrogate-title.json").write_text(json.dumps({"title": "Budget \ud800 row", "maintext": BODY}))
    (folder / "reuters.json").write_text(
        json.dumps({"title": "Budget", "maintext": BODY, "source_domain": "Reuters [UK]"})
    )
    with open(os.fsencode(folder) + b"/budget-\xff.txt", "wb") as f:
        f.write(("Budget plans stay\n\n" + BODY).encode("utf-8"))
    side = folder / "side"
    side.mkdir()
    (side / "a.txt").write_text("Budget plans stay\n\n" + BODY, encoding="utf-8")
    (side / "metadata.json").write_text(json.dumps({"a.txt": {"outlet": 5, "title": ["x"], "published": 7}}))
    (folder / "repeated.txt").write_text("Quotes\n\n" + QUOTE_LINE * (1_000_000 // len(QUOTE_LINE)), encoding="utf-8")
    return {
        "surrogate-text.json": "read",
        "surrogate-title.json": "read",
        "reuters.json": "read",
        "budget-\\xff.txt": "read",
        "a.txt": "read",
        "metadata.json": "skipped",
        "repeated.txt": "read",
    }


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.mark.slow
def test_hostile_build_of_the_seeds_and_every_bad_input_exits_0(tmp_path):
    """The issue's scenario, as a real `quotegraph build` process with its cache on, run twice (the second
    run serves the cleaned articles from the cache): exit 0, the five seeds read, every bad input in the
    report, under a minute of CPU."""
    bad = _hostile_folder(tmp_path)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "quotegraph", "build", str(tmp_path / "corpus"), "-o", str(out), "--quiet"]
    for run in ("first", "cached"):
        cpu = _cpu_of_children()
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        cpu = _cpu_of_children() - cpu
        assert done.returncode == 0, (run, done.stderr[-3000:])
        assert "Traceback" not in done.stderr
        assert cpu < 60, f"{run} build took {cpu:.0f} CPU-s"
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        entries = {(Path(e["path"]).parent.name, e["name"]): e for e in report["inputs"]}
        seeds = sorted(p.name for p in SEEDS.glob("*.txt"))
        assert [entries["corpus", n]["status"] for n in seeds] == ["read"] * 5, run
        assert all(entries["corpus", n]["statements"] > 0 for n in seeds)
        names = {name: e for (_, name), e in entries.items()}
        for name, status in bad.items():
            assert names[name]["status"] == status, (name, names[name])
        side = entries["side", "metadata.json"]["reason"]
        assert all(f"a.txt {f}" in side for f in ("outlet", "title", "published"))
        assert names["reuters.json"]["outlet"] == "Reuters [UK]"
        assert entries["corpus", "repeated.txt"]["statements"] == 1  # a thousand copies, read once
        statements = list(read_jsonl(out / "statements.jsonl"))
        assert {s.article for s in statements} >= {"surrogate-text.json", "surrogate-title.json", "budget-\\xff.txt"}
        assert any(s.title == "Budget \ufffd row" for s in statements)
    assert report["counts"]["failed"] == 0 and all(e["cached"] for e in report["inputs"] if e["status"] == "read")


def test_hostile_build_folder_that_cannot_be_listed_is_in_the_report(nlp, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "open").mkdir(parents=True)
    (corpus / "locked").mkdir()
    (corpus / "open" / "a.txt").write_text("Budget plans stay\n\n" + BODY, encoding="utf-8")
    (corpus / "locked" / "b.txt").write_text("Budget plans stay\n\n" + BODY, encoding="utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:  # root may list any folder: refuse as chmod 000 would
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(read.os, "scandir", scandir)
    report = build([corpus], tmp_path / "out", extractor=Extractor(nlp=nlp, topics=TOPICS), progress=False)
    entries = {o.name: o for o in report.outcomes}
    assert entries["a.txt"].status == "read"
    assert entries["locked"].status == "failed" and "Permission denied" in (entries["locked"].reason or "")
    written = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert written["counts"]["failed"] == 1


# -- proposed topics switch with their build ---------------------------------------------------------------
class Killed(BaseException):
    """Stands for SIGKILL in-process: nothing after it runs, no cleanup either."""


def _visible(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


@pytest.fixture
def seeds(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    articles = sorted(SEEDS.glob("*.txt"))
    for p in articles[:3]:
        shutil.copy(p, first / p.name)
    for p in articles[3:]:
        shutil.copy(p, second / p.name)
    return first, second


@pytest.mark.parametrize("point", ["extracted", "raw-written", "html-written", "before-switch", "fail"])
def test_hostile_build_killed_or_failing_leaves_no_proposals_of_its_own(point, nlp, seeds, tmp_path, monkeypatch):
    first, second = seeds
    out = tmp_path / "out"
    build([first], out, extractor=Extractor(nlp=nlp), progress=False)
    before = _visible(out)
    assert "topics.proposed.yaml" in before
    assert (out / "topics.proposed.yaml").resolve().parent == (out / outputs.CURRENT).resolve()

    def checkpoint(name: str) -> None:
        if name == point:
            raise Killed(name)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(outputs, "checkpoint", checkpoint)
        m.setattr(outputs, "discard", lambda gen: None)  # a killed process cleans nothing
        if point == "fail":
            m.setattr("quotegraph.graph.build.write_gexf", fail)
        with pytest.raises((Killed, OSError)):
            build([second], out, extractor=Extractor(nlp=nlp), progress=False)
    assert _visible(out) == before  # the proposals of the first build, beside its graph


def test_hostile_build_first_build_killed_leaves_no_proposals(nlp, seeds, tmp_path, monkeypatch):
    first, _ = seeds
    out = tmp_path / "out"

    def checkpoint(name: str) -> None:
        if name == "html-written":
            raise Killed(name)

    monkeypatch.setattr(outputs, "checkpoint", checkpoint)
    with pytest.raises(Killed):
        build([first], out, extractor=Extractor(nlp=nlp), progress=False)
    assert _visible(out) == {}


def test_hostile_build_proposals_used_as_topics_stay(nlp, seeds, tmp_path):
    """Proposals edited in place and given back as --topics are kept by that build; a build with another
    topics file has no proposals beside its graph."""
    first, second = seeds
    out = tmp_path / "out"
    build([first], out, extractor=Extractor(nlp=nlp), progress=False)
    proposed = out / "topics.proposed.yaml"
    edited = proposed.read_text(encoding="utf-8") + "# edited\n"
    proposed.write_text(edited, encoding="utf-8")  # through the link, into the current build
    build([first, second], out, extractor=Extractor(nlp=nlp, topics=proposed), progress=False)
    assert proposed.read_text(encoding="utf-8") == edited
    build([first, second], out, extractor=Extractor(nlp=nlp, topics=TOPICS), progress=False)
    assert not proposed.exists() and not proposed.is_symlink()


# -- --add: the statements of a full build ------------------------------------------------------------------
def _cli_build(out: Path, *paths: Path, add: bool = False) -> str:
    args = ["build", *map(str, paths), "-o", str(out), "--quiet", "--no-cache", "--topics", str(TOPICS)]
    result = CliRunner().invoke(app, [*args, *(["--add"] if add else [])])
    assert result.exit_code == 0, result.output
    return (out / "statements.jsonl").read_text(encoding="utf-8")


TEXTS = [
    "\u201cWe will not raise taxes this year,\u201d Finance Minister Anna Berg said on Monday in Oslo.",
    "\u201cThe strike will go ahead next week,\u201d union leader Tom Vik told reporters in Bergen.",
    "\u201cThe port deal is good news for the whole region,\u201d Mayor Lise Dahl said on Friday.",
]


@pytest.mark.parametrize("layout", ["files", "jsonl"])
def test_hostile_build_add_of_one_of_two_records_sharing_a_url(tmp_path, monkeypatch, layout):
    monkeypatch.chdir(tmp_path)  # inputs are named relative to the working directory, as the user runs it
    corpus = Path("corpus")
    corpus.mkdir()
    url = "https://example.com/news/budget"
    records = [{"title": f"Report {n}", "maintext": text, "url": url} for n, text in enumerate(TEXTS[:2])]
    if layout == "files":
        inputs = [corpus / "a.json", corpus / "b.json"]
        for path, record in zip(inputs, records, strict=True):
            path.write_text(json.dumps(record), encoding="utf-8")
    else:
        inputs = [corpus / "feed.jsonl"]
        inputs[0].write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (corpus / "c.txt").write_text("Port deal\n\n" + TEXTS[2], encoding="utf-8")

    full = _cli_build(Path("full"), corpus)
    speakers = {s.speaker for s in read_jsonl(Path("full") / "statements.jsonl")}
    assert {"Anna Berg", "Tom Vik", "Lise Dahl"} <= speakers
    for again in inputs:
        _cli_build(Path("step"), corpus)
        assert _cli_build(Path("step"), again, add=True) == full, again
    _cli_build(Path("parts"), inputs[0])
    _cli_build(Path("parts"), *inputs[1:], corpus / "c.txt", add=True)
    assert (Path("parts") / "statements.jsonl").read_text(encoding="utf-8") == full


def test_hostile_build_add_of_a_record_with_the_url_of_another_input_keeps_both(tmp_path, monkeypatch):
    """Another input with the URL of an earlier article is another input: both stay, as in a full build;
    the same input read again replaces what it gave before."""
    monkeypatch.chdir(tmp_path)
    old, new = Path("old"), Path("new")
    old.mkdir()
    new.mkdir()
    url = "https://example.com/news/budget"
    (old / "a.json").write_text(json.dumps({"title": "Budget", "maintext": TEXTS[0], "url": url}))
    (new / "a.json").write_text(json.dumps({"title": "Budget", "maintext": TEXTS[1], "url": url}))
    full = _cli_build(Path("full"), old, new)
    _cli_build(Path("out"), old)
    assert _cli_build(Path("out"), new, add=True) == full
    assert {s.speaker for s in read_jsonl(Path("out") / "statements.jsonl")} == {"Anna Berg", "Tom Vik"}
    (old / "a.json").write_text(json.dumps({"title": "Budget", "maintext": TEXTS[2], "url": url}))
    _cli_build(Path("out"), old, add=True)
    assert {s.speaker for s in read_jsonl(Path("out") / "statements.jsonl")} == {"Lise Dahl", "Tom Vik"}


def _said(article_id: str, quote: str) -> Statement:
    return Statement(article="a.json", article_id=article_id, quote=quote, start=0, end=len(quote), kind="direct")


def test_hostile_build_add_replaces_inputs_read_again_and_old_builds_by_article():
    url = "https://example.com/a"
    earlier = [
        ("corpus/a.json", _said(url, "one")),
        ("corpus/b.json", _said(url, "two")),
        ("corpus/c.txt", _said("corpus/c.txt", "three")),
        (None, _said("https://example.com/old", "four")),  # from a build that kept no inputs
        (None, _said("corpus/d.txt", "five")),
    ]
    kept = _not_read_again(earlier, {"corpus/a.json", "new/e.txt"}, {url, "new/e.txt", "https://example.com/old"})
    assert [s.quote for _, s in kept] == ["two", "three", "five"]
    assert [src for src, _ in kept] == ["corpus/b.json", "corpus/c.txt", "corpus/d.txt"]
