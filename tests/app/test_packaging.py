"""The installed distribution: one namespace, and the dependencies the code imports are declared.

Each check runs in a fresh interpreter from an empty folder, so the repository's top-level folders
cannot stand in for the installed package.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False, cwd=cwd
    )


def test_packaging_one_namespace_and_a_face(tmp_path: Path):
    proc = _run(
        """
        import importlib.util
        import quotegraph
        assert importlib.util.find_spec("extract") is None, "a top-level 'extract' is installed"
        assert importlib.util.find_spec("graph") is None, "a top-level 'graph' is installed"
        for name in ("Extractor", "build", "Statement", "read_jsonl", "run_query"):
            assert callable(getattr(quotegraph, name)), name
        from quotegraph.extract.model import Statement
        assert quotegraph.Statement is Statement
        """,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr


def test_packaging_spacy_finds_the_component_by_entry_point(tmp_path: Path):
    proc = _run(
        """
        import spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("quote_attribution")
        assert "quote_attribution" in nlp.pipe_names
        """,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr


def test_packaging_html_articles_are_read(tmp_path: Path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Minister defends plan</title></head><body><article><h1>Minister defends plan</h1>"
        + "<p>“We will not back down,” Labour Minister Anna Berg said on Friday in Berlin.</p>" * 3
        + "</article></body></html>",
        encoding="utf-8",
    )
    proc = _run(
        f"""
        from quotegraph.extract.reading.articles import ReadFailure, read_all
        results = list(read_all([{str(page)!r}]))
        assert len(results) == 1 and not isinstance(results[0], ReadFailure), results
        assert "We will not back down" in results[0].text
        """,
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
