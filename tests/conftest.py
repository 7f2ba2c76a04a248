"""Shared fixtures: the real spaCy model, loaded once per test session, and the sample build, made once
for the graph tests and the notebooks."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from quotegraph.extract.model import Statement, TopicStance, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
SAMPLE_BUILD_ENV = "QUOTEGRAPH_SAMPLE_BUILD"  # the notebooks read the build from here instead of building
_sample_build: list[Path] = []  # the one sample build of this session, once made


def _build_sample(out: Path) -> Path:
    from quotegraph.run import build

    build(
        [DATA / "articles"],
        out,
        topics=DATA / "topics.yaml",
        entities=[DATA / "entities.yaml"],
        progress=False,
    )
    _sample_build.append(out)
    return out


def pytest_collection_finish(session: pytest.Session) -> None:
    """Notebooks to run: build the sample once, before them, and point them at it (each notebook test
    would otherwise run a whole build of its own; run alone, a notebook still builds)."""
    if os.environ.get(SAMPLE_BUILD_ENV) or not any(item.path.suffix == ".ipynb" for item in session.items):
        return
    out = Path(tempfile.mkdtemp(prefix="quotegraph-sample-"))
    session.config.add_cleanup(lambda: shutil.rmtree(out, ignore_errors=True))
    os.environ[SAMPLE_BUILD_ENV] = str(_build_sample(out))
    session.config.add_cleanup(lambda: os.environ.pop(SAMPLE_BUILD_ENV, None))


@pytest.fixture(scope="session")
def nlp():
    from quotegraph.extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@lru_cache(maxsize=1)
def _english_vocab() -> Any:
    from spacy.lang.en import English

    return English().vocab  # the language's lexical attributes (lower_, is_punct), no model


def hand_doc(rows: Sequence[Sequence[Any]], columns: Sequence[str]) -> Any:
    """A parsed ``Doc`` built by hand, as spaCy's own tests build them: one row a token, its values
    named by ``columns`` (``words``, ``spaces``, ``lemmas``, ``pos``, ``heads`` as token indices, ``deps``,
    ``ents`` as IOB tags). No model is loaded."""
    from spacy.tokens import Doc

    values = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
    return Doc(_english_vocab(), **values)


def script(name: str) -> Any:
    """The module of ``scripts/<name>.py`` (scripts/ is no package): loaded from its file."""
    import importlib.util

    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stmt(article: str, start: int, quote: str, speaker: str | None, **kw) -> Statement:
    base = dict(
        article=article,
        quote=quote,
        start=start,
        end=start + len(quote),
        kind="direct",
        speaker=speaker,
        speaker_id=f"person/{speaker.lower().replace(' ', '-')}" if speaker else None,
        speaker_type="person" if speaker else None,
    )
    base.update(kw)
    return Statement(**base)


def topic_statement(
    quote: str, speaker: str, stance: str | None, confidence: float, article: str = "a.txt", *, topic: str
) -> Statement:
    """A direct quote of ``speaker`` whose one topic is ``topic``, with ``stance`` (None: no side) at
    ``confidence``, as the stance stage leaves it (for the consistency and news adjustments)."""
    ts = TopicStance(topic, stance, confidence, ("cue: urged",) if stance else ("no evidence either way",))
    return Statement(
        article=article, quote=quote, start=0, end=len(quote), kind="direct", speaker=speaker,
        topics=(ts,), topic=topic, stance=stance,
    )  # fmt: skip


@pytest.fixture
def sample() -> list[Statement]:
    """Three outlets report one remark of Ann Lee; Bo Park answers her."""
    t = (TopicStance("tax", "support", 0.8, ("urged",)),)
    return [
        stmt("a.txt", 10, "It is time for the allies to lift some of the restrictions on the weapons they gave.", "Ann Lee",
             outlet="Daily", published="2024-05-24", topics=t, topic="tax", stance="support", venue="interview with X"),
        stmt("b.txt", 40, "The time has come for allies to lift some of the restrictions on the weapons they gave.", "Ann Lee",
             outlet="Herald", published="2024-05-25", topics=t, topic="tax", stance="support"),
        stmt("c.txt", 5, "The time has come for the allies to lift some restrictions on the weapons they have given.", "Ann Lee",
             outlet="Post", published="2024-05-25", topics=t, topic="tax", stance="support"),
        stmt("c.txt", 200, "These are personal opinions and we will not change our rules on the weapons.", "Bo Park",
             outlet="Post", published="2024-05-25", replies_to_speaker="person/ann-lee",
             replies_to_name="Ann Lee", speaker_role="Minister", speaker_org="Italy",
             topics=(TopicStance("tax", "oppose", 0.7, ("personal opinions",)),), topic="tax", stance="oppose"),
        stmt("d.txt", 0, "Markets will recover by the end of the year if rates fall.", "Cy Diaz", kind="indirect"),
    ]  # fmt: skip


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory) -> Path:
    """The sample articles built once for the graph tests (and the notebooks, when they run too)."""
    return _sample_build[0] if _sample_build else _build_sample(tmp_path_factory.mktemp("sample-build"))


@pytest.fixture(scope="session")
def sample_statements(built_sample) -> list[Statement]:
    return list(read_jsonl(built_sample / "statements.jsonl"))


@contextmanager
def chat_endpoint(answer: Callable[[dict], tuple[int, str | None] | None]) -> Iterator[str]:
    """A fake OpenAI-compatible chat endpoint on 127.0.0.1, for wiring tests (never quality). ``answer``
    gets each request's JSON body and returns the HTTP status and the message content (None: an empty
    body), or None to send nothing at all (a hanging endpoint). Yields the base URL (``.../v1``)."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            reply = answer(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            if reply is None:
                return
            status, content = reply
            data = b"" if content is None else json.dumps({"choices": [{"message": {"content": content}}]}).encode()
            self.send_response(status)
            if data:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/v1"
    finally:
        server.shutdown()
        server.server_close()
