"""--stance-examples: the llm backend's few-shot examples from a records file the test writes, sent to a
fake OpenAI-compatible endpoint on 127.0.0.1 (wiring, never quality)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from quotegraph.extract.model import read_jsonl
from typer.testing import CliRunner

from quotegraph.cli import app
from tests.conftest import chat_endpoint

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "data" / "articles"
TOPICS = ROOT / "data" / "topics.yaml"
runner = CliRunner()


def _records(path: Path) -> Path:
    rows = [
        ("Zoos should be closed", "Animals suffer in small cages", "support"),
        ("Zoos should be closed", "Zoos save species from extinction", "oppose"),
    ]
    path.write_text(
        "".join(
            json.dumps({"id": f"r{n}", "text": text, "topic": {"proposition": prop}, "stance": stance}) + "\n"
            for n, (prop, text, stance) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    return path


def test_stance_examples_flag_reaches_the_prompt(tmp_path, monkeypatch):
    prompts: list[str] = []

    def answer(body: dict) -> tuple[int, str]:
        prompts.append(body["messages"][0]["content"])
        return 200, json.dumps({"stance": "oppose", "confidence": 0.9, "evidence": "fake"})

    out = tmp_path / "out.jsonl"
    article = str(sorted(ARTICLES.glob("*.txt"))[0])
    with chat_endpoint(answer) as url:
        monkeypatch.setenv("QUOTEGRAPH_LLM_BASE_URL", url)
        args = ["extract", article, "-o", str(out), "--topics", str(TOPICS), "-q", "--stance", "llm"]
        extra = ["--stance-model", "m", "--stance-examples", str(_records(tmp_path / "ex.jsonl"))]
        result = runner.invoke(app, [*args, *extra])
    assert result.exit_code == 0, result.output
    assert prompts and all("Statement: Animals suffer in small cages\nStance: support" in p for p in prompts)
    assert {t.backend for s in read_jsonl(out) for t in s.topics if "topic only in the context" not in t.evidence} == {
        "llm"
    }


@pytest.mark.parametrize("command", ["extract", "build"])
def test_stance_examples_flag_missing_file_fails_before_reading(command, tmp_path):
    out = ["-o", str(tmp_path / "out")]
    args = [command, str(ARTICLES), *out, "--stance", "llm", "--stance-examples", str(tmp_path / "none.jsonl")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "stance examples file not found" in result.output
