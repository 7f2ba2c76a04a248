"""No function in extract/ is longer than 60 lines: every stage, stance/ and speakers/ included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "extract"
MAX_LINES = 60


def _functions() -> list[tuple[str, int]]:
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                out.append((f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", node.end_lineno - start + 1))
    return out


def test_function_length_at_most_60_lines() -> None:
    long = [f"{name} ({n} lines)" for name, n in _functions() if n > MAX_LINES]
    assert not long, "functions longer than 60 lines: " + ", ".join(long)


@pytest.mark.parametrize("stage", ["reading/", "attribution/", "speakers/", "stance/"])
def test_function_length_walks_every_stage(stage: str) -> None:
    assert any(name.startswith(stage) for name, _ in _functions())
