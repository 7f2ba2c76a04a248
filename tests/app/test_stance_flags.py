"""--stance and --stance-model on the command line: a fake OpenAI-compatible endpoint on 127.0.0.1 answers
(wiring, never quality), the statement cache keeps the model's stances and never the rules' stand-ins."""

from __future__ import annotations

import json
from collections.abc import Iterator
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


@pytest.fixture
def endpoint() -> Iterator[dict]:
    """Answers 'oppose' to every request while state['up'], HTTP 503 otherwise; records the models asked."""
    state: dict = {"up": True, "models": []}

    def answer(body: dict) -> tuple[int, str | None]:
        state["models"].append(body["model"])
        if not state["up"]:
            return 503, None
        return 200, json.dumps({"stance": "oppose", "confidence": 0.9, "evidence": "fake"})

    with chat_endpoint(answer) as url:
        state["url"] = url
        yield state


def _extract(tmp_path: Path, name: str, *extra: str) -> list:
    out = tmp_path / f"{name}.jsonl"
    article = str(sorted(ARTICLES.glob("*.txt"))[0])
    args = ["extract", article, "-o", str(out), "--topics", str(TOPICS), "-q", "--cache", str(tmp_path / "c.sqlite")]
    result = runner.invoke(app, [*args, *extra])
    assert result.exit_code == 0, result.output
    # judged topics only ("topic only in the context" is decided before any backend is asked)
    return [t for s in read_jsonl(out) for t in s.topics if "topic only in the context" not in t.evidence]


def test_stance_flags_llm_answers_and_the_cache_keeps_only_its_answers(endpoint, tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEGRAPH_LLM_BASE_URL", endpoint["url"])
    llm = ["--stance", "llm", "--stance-model", "fake-1"]
    endpoint["up"] = False  # the endpoint fails: the rules answer, and nothing is cached
    down = _extract(tmp_path, "down", *llm)
    assert down and {t.backend for t in down} == {"rules"}
    endpoint["up"] = True
    asked = len(endpoint["models"])
    up = _extract(tmp_path, "up", *llm)
    assert len(endpoint["models"]) > asked and set(endpoint["models"]) == {"fake-1"}
    assert {t.backend for t in up} == {"llm"} and {t.stance for t in up} == {"oppose"}
    endpoint["up"] = False
    asked = len(endpoint["models"])
    again = _extract(tmp_path, "again", *llm)  # served from the cache: no request
    assert again == up and len(endpoint["models"]) == asked
    rules = _extract(tmp_path, "rules", "--stance", "rules")  # another backend: another cache key
    assert {t.backend for t in rules} == {"rules"}
    other = _extract(tmp_path, "other", "--stance", "quotegraph.stance.llm.v1", "--stance-model", "fake-2")
    assert {t.backend for t in other} == {"rules"} and endpoint["models"][-1] == "fake-2"


@pytest.mark.parametrize("command", ["extract", "build"])
def test_stance_flags_are_offered_by_extract_and_build(command):
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "--stance " in result.output and "--stance-model" in result.output


@pytest.mark.parametrize("name", ["bert", "quotegraph.stance.rules.v0"])
def test_stance_flags_unknown_backend_fails_before_reading(name, tmp_path):
    result = runner.invoke(app, ["build", str(ARTICLES), "-o", str(tmp_path / "out"), "--stance", name])
    assert result.exit_code == 2 and "unknown stance backend" in result.output
    assert "rules" in result.output and not (tmp_path / "out").exists()
