"""A build killed mid-way leaves the previous outputs intact and readable."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import rdflib
from quotegraph.extract.model import read_jsonl

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "data" / "articles"


def _run_build(inputs: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "quotegraph", "build", str(inputs), "-o", str(out), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_crash_sigkill_mid_build_keeps_previous_outputs(tmp_path: Path):
    out = tmp_path / "out"
    first = _run_build(ARTICLES, out)
    assert first.wait(timeout=300) == 0, first.stderr.read().decode() if first.stderr else ""
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert {"statements.jsonl", "graph.ttl", "graph.html", "report.json"} <= set(before)

    big = tmp_path / "big"
    big.mkdir()
    for i in range(150):
        for article in ARTICLES.glob("*.txt"):
            shutil.copy(article, big / f"{i:03d}_{article.name}")
    second = _run_build(big, out)
    # Kill it once it is well under way (the parse of 750 articles takes far longer than this).
    time.sleep(6)
    assert second.poll() is None, "the second build finished before it could be killed"
    os.kill(second.pid, signal.SIGKILL)
    second.wait(timeout=30)

    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert after == before
    assert list(read_jsonl(out / "statements.jsonl"))
    json.loads((out / "report.json").read_text(encoding="utf-8"))
    rdflib.Graph().parse(out / "graph.ttl", format="turtle")
