"""``quotegraph stance``: given statements judged on given topics, one answer a line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()
TOPICS = """topics:
  - id: uniform
    label: School uniform
    proposition: We should abandon the use of school uniform
    keywords: [school uniform]
"""


def test_stance_command_writes_one_judgement_per_record(tmp_path: Path):
    records = tmp_path / "records.jsonl"
    lines = [
        {"id": 1, "text": "We urge the board to abandon school uniform.", "topic": "uniform"},
        {"id": 2, "text": "The weather was mild on Tuesday.", "topic": "uniform", "stance": "oppose"},
    ]
    records.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    (tmp_path / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["stance", str(records), "--topics", str(tmp_path / "topics.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["stance"]) for r in rows] == [(1, "support"), (2, "neutral")]  # 2: not about school uniform


def test_stance_command_no_gate_judges_a_text_off_its_topic(tmp_path: Path):
    records = tmp_path / "records.jsonl"
    line = {"id": 1, "text": "The new stadium is a disgrace and a waste of money.", "topic": "uniform"}
    records.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (tmp_path / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    outs = []
    for flag in ("--gate", "--no-gate"):
        out = tmp_path / f"out{flag}.jsonl"
        args = ["stance", str(records), "--topics", str(tmp_path / "topics.yaml"), "-o", str(out), flag]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        outs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outs[0]["stance"] == "neutral" and outs[0]["evidence"][-1] == "does not mention the topic"
    assert "does not mention the topic" not in outs[1]["evidence"]


def test_stance_command_unknown_topic_is_one_line_error(tmp_path: Path):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": 1, "text": "Yes.", "topic": "missing"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["stance", str(records), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert "missing" in result.output
