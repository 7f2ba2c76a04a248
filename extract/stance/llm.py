"""Stance from a large language model behind an OpenAI-compatible chat endpoint (extra:
``pip install quotegraph[llm]``): a hosted API or a local server (llama.cpp's ``llama-server``, Ollama,
vLLM). ``base_url``, ``model`` and ``api_key`` come from the options or from ``QUOTEGRAPH_LLM_BASE_URL``,
``QUOTEGRAPH_LLM_MODEL`` and ``QUOTEGRAPH_LLM_API_KEY``. The prompt is a template file
(``extract/stance/prompts/stance.v2.txt``, or any file given as ``prompt``); its ``{examples}`` slot takes
``shots`` labelled statements drawn from a records file (:mod:`quotegraph.extract.stance.shots`), each
rendered by the template after the file's ``=== example ===`` line."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from quotegraph.extract.model import STANCES, Statement
from quotegraph.extract.stance.base import Judgement, load_prompt
from quotegraph.extract.stance.shots import (
    EXAMPLE_MARKER,
    Example,
    ExamplePool,
    load_examples,
    render_examples,
    split_prompt,
)
from quotegraph.extract.stance.topics import Topic

DEFAULT_PROMPT = "stance.v2"
DEFAULT_SHOTS = 4
"""Examples per statement when a records file is given and ``shots`` is not."""


def build_prompt(
    statement: Statement,
    topic: Topic,
    context: str,
    template: str | None = None,
    examples: Sequence[Example] = (),
) -> str:
    """The prompt for one statement: the template (the default prompt when None) filled in, with
    ``examples`` rendered by its example template into its ``{examples}`` slot."""
    main, example_template = split_prompt(template or load_prompt(DEFAULT_PROMPT))
    if examples and (example_template is None or "{examples}" not in main):
        raise ValueError("the prompt has no {examples} slot or no example template for its examples")
    return main.format(
        proposition=topic.proposition,
        topic=topic.label,
        speaker=statement.speaker or "unknown",
        quote=statement.quote,
        context=context[:1500],
        examples=render_examples(example_template, examples) if examples and example_template else "",
    )


def parse_answer(text: str) -> Judgement:
    """Read the model's JSON answer; anything unusable is an error, never a guess."""
    m = re.search(r"\{.*\}", text, re.S)
    if not m:
        raise ValueError(f"no JSON in the model's answer: {text[:200]!r}")
    data = json.loads(m.group(0))
    stance = str(data.get("stance", "")).lower()
    if stance not in (*STANCES, "undetermined"):
        raise ValueError(f"the model answered an unknown stance {stance!r}")
    confidence = max(0.0, min(1.0, float(data.get("confidence", 0.5))))
    evidence = str(data.get("evidence") or "")
    found = (f"llm: {evidence}",) if evidence else ("llm",)
    if stance == "undetermined":
        return None, min(confidence, 0.3), (*found, "no evidence either way")
    return stance, confidence, found


class LLMBackend:
    """Asks an OpenAI-compatible chat endpoint, one request per statement and topic."""

    name = "llm"

    def __init__(
        self,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        prompt: str = DEFAULT_PROMPT,
        examples: str | Path | None = None,
        shots: int | None = None,
        timeout: float = 30.0,
        concurrency: int = 4,
        transport: Any = None,
        **_: Any,
    ) -> None:
        try:
            import httpx
        except ImportError as err:
            raise RuntimeError("the llm stance backend needs httpx: pip install 'quotegraph[llm]'") from err
        self.base_url = (base_url or os.environ.get("QUOTEGRAPH_LLM_BASE_URL") or "").rstrip("/")
        self.model = model or os.environ.get("QUOTEGRAPH_LLM_MODEL")
        if not self.base_url or not self.model:
            raise RuntimeError("the llm stance backend needs base_url and model (or QUOTEGRAPH_LLM_* variables)")
        self.template = load_prompt(prompt)
        digest = hashlib.sha256(self.template.encode()).hexdigest()[:12]
        self.key = f"llm:{self.base_url}:{self.model}:prompt-{digest}"
        self.pool: ExamplePool | None = None
        self.shots = 0
        if examples:
            self.shots = DEFAULT_SHOTS if shots is None else max(0, int(shots))
            main, example_template = split_prompt(self.template)
            if self.shots and (example_template is None or "{examples}" not in main):
                raise ValueError(
                    f"the prompt {prompt} has no {{examples}} slot and example template "
                    f"(a line {EXAMPLE_MARKER!r} followed by it): use {DEFAULT_PROMPT} or a prompt that has them"
                )
            self.pool = ExamplePool(load_examples(examples))
            if self.shots and not self.pool.size:
                raise ValueError(f"no labelled statement in the examples file {examples}")
            stamp = hashlib.sha256(Path(examples).expanduser().read_bytes()).hexdigest()[:12]
            self.key += f":shots-{self.shots}-{stamp}"
        self.concurrency = max(1, concurrency)
        key = api_key or os.environ.get("QUOTEGRAPH_LLM_API_KEY")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.client = httpx.Client(
            timeout=timeout,
            headers=headers,
            transport=transport,
            limits=httpx.Limits(max_connections=self.concurrency),
        )

    def examples_for(self, statement: Statement, topic: Topic) -> list[Example]:
        """The few-shot examples of a statement (none without an examples file)."""
        return self.pool.draw(topic, statement.quote, self.shots) if self.pool is not None else []

    def prompt(self, statement: Statement, topic: Topic, context: str) -> str:
        return build_prompt(statement, topic, context, self.template, self.examples_for(statement, topic))

    def stance(self, statement: Statement, topic: Topic, context: str) -> Judgement:
        response = self.client.post(
            f"{self.base_url}/chat/completions",
            json={
                "model": self.model,
                "temperature": 0,
                "messages": [{"role": "user", "content": self.prompt(statement, topic, context)}],
            },
        )
        response.raise_for_status()
        return parse_answer(response.json()["choices"][0]["message"]["content"])

    def stance_many(self, items: Sequence[tuple[Statement, Topic, str]]) -> list[Judgement | Exception]:
        """The requests of one article run concurrently (``concurrency`` at a time), answers in order; a
        request that fails (timeout, HTTP error, unusable answer) is its exception, in its place."""

        def one(item: tuple[Statement, Topic, str]) -> Judgement | Exception:
            try:
                return self.stance(*item)
            except Exception as err:
                return err

        if len(items) <= 1 or self.concurrency == 1:
            return [one(item) for item in items]
        with ThreadPoolExecutor(max_workers=min(self.concurrency, len(items))) as pool:
            return list(pool.map(one, items))
