"""The lexicons in ``extract/resources``: every word in them is a string. YAML 1.1 reads a bare ``no``, ``on``,
``yes`` or ``true`` as a boolean, which silently drops the word from a list ("no" from the negations)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

FILES = sorted(
    p.name for p in resources.files("quotegraph.extract.resources").iterdir() if p.name.endswith((".yaml", ".yml"))
)


def _list_items(node: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every item of every list (flags such as ``to_end: true`` are mapping values, not list items)."""
    if isinstance(node, dict):
        return [item for k, v in node.items() for item in _list_items(v, f"{path}/{k}")]
    if isinstance(node, list):
        return [(path, v) for v in node] + [item for v in node for item in _list_items(v, path)]
    return []


@pytest.mark.parametrize("name", FILES)
def test_resources_words_are_strings(name: str) -> None:
    data = yaml.safe_load(resources.files("quotegraph.extract.resources").joinpath(name).read_text("utf-8"))
    bad = [(path, value) for path, value in _list_items(data) if isinstance(value, bool) or value is None]
    assert not bad, f"{name}: quote these words: {bad}"


def test_resources_lists_found() -> None:
    assert "stance.yaml" in FILES and "cues.yaml" in FILES
