"""quotegraph: who said what, about which topic, with which stance, where and when.

The package face re-exports what users call; the work lives in two subpackages:
:mod:`quotegraph.extract` (articles to statements) and :mod:`quotegraph.graph` (statements to graph,
RDF, SPARQL, HTML). The application (command line, build job, evaluation, notebook helpers) lives
beside them in this package. Names are imported on first use, so ``import quotegraph`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotegraph.extract.model import Statement, TopicStance, read_jsonl, write_jsonl
    from quotegraph.extract.pipeline import Extractor
    from quotegraph.extract.stance import judge_records
    from quotegraph.graph.query import run_query
    from quotegraph.run import build, extract_to_jsonl

_EXPORTS: dict[str, str] = {
    "Extractor": "quotegraph.extract.pipeline",
    "Statement": "quotegraph.extract.model",
    "TopicStance": "quotegraph.extract.model",
    "read_jsonl": "quotegraph.extract.model",
    "write_jsonl": "quotegraph.extract.model",
    "judge_records": "quotegraph.extract.stance",
    "run_query": "quotegraph.graph.query",
    "build": "quotegraph.run",
    "extract_to_jsonl": "quotegraph.run",
}

__all__ = [
    "Extractor",
    "Statement",
    "TopicStance",
    "build",
    "extract_to_jsonl",
    "judge_records",
    "read_jsonl",
    "run_query",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quotegraph' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
