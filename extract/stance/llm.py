"""Stance from a large language model behind an OpenAI-compatible chat endpoint (extra:
``pip install quotegraph[llm]``). ``base_url``, ``model`` and ``api_key`` come from the options or from
``QUOTEGRAPH_LLM_BASE_URL``, ``QUOTEGRAPH_LLM_MODEL`` and ``QUOTEGRAPH_LLM_API_KEY``."""

from __future__ import annotations

import json
import os
import re
from typing import Any

from quotegraph.extract.model import STANCES, Statement
from quotegraph.extract.stance.topics import Topic

PROMPT = (
    "You label the stance of a quoted statement toward a proposition.\n"
    "Proposition: {proposition}\nSpeaker: {speaker}\nStatement: {quote}\nContext: {context}\n"
    'Answer with JSON only: {{"stance": "support" | "oppose" | "neutral", "confidence": 0..1, '
    '"evidence": "the words that decided"}}'
)


def build_prompt(statement: Statement, topic: Topic, context: str) -> str:
    return PROMPT.format(
        proposition=topic.proposition,
        speaker=statement.speaker or "unknown",
        quote=statement.quote,
        context=context[:1500],
    )


def parse_answer(text: str) -> tuple[str, float, tuple[str, ...]]:
    """Read the model's JSON answer; anything unusable is an error, never a guess."""
    m = re.search(r"\{.*\}", text, re.S)
    if not m:
        raise ValueError(f"no JSON in the model's answer: {text[:200]!r}")
    data = json.loads(m.group(0))
    stance = str(data.get("stance", "")).lower()
    if stance not in STANCES:
        raise ValueError(f"the model answered an unknown stance {stance!r}")
    confidence = float(data.get("confidence", 0.5))
    evidence = str(data.get("evidence") or "")
    return stance, max(0.0, min(1.0, confidence)), ((f"llm: {evidence}",) if evidence else ("llm",))


class LLMBackend:
    name = "llm"

    def __init__(
        self,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
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
        key = api_key or os.environ.get("QUOTEGRAPH_LLM_API_KEY")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.client = httpx.Client(timeout=timeout, headers=headers, transport=transport)

    def stance(self, statement: Statement, topic: Topic, context: str) -> tuple[str, float, tuple[str, ...]]:
        response = self.client.post(
            f"{self.base_url}/chat/completions",
            json={
                "model": self.model,
                "temperature": 0,
                "messages": [{"role": "user", "content": build_prompt(statement, topic, context)}],
            },
        )
        response.raise_for_status()
        return parse_answer(response.json()["choices"][0]["message"]["content"])
