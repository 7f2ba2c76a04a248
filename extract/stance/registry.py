"""Stance backends by versioned name, in the manner of spacy-llm's ``registry.llm_tasks``.

A backend is made by a factory registered under a versioned name (``quotegraph.stance.rules.v1``); the
short names ``rules``, ``nli`` and ``llm`` point at the newest version of each. Other packages can add
backends through the ``quotegraph_stance_backends`` entry point group. :func:`load_backend` never lets a
backend that cannot load stop an extraction: it logs one warning line and returns the rules.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

import catalogue
from quotegraph.extract.model import Statement
from quotegraph.extract.stance.base import Judgement, StanceBackend, judge_many, load_prompt
from quotegraph.extract.stance.llm import LLMBackend
from quotegraph.extract.stance.nli import NLIBackend
from quotegraph.extract.stance.rules import stance_of
from quotegraph.extract.stance.topics import Topic
from spacy.tokens import Doc

__all__ = [
    "ALIASES",
    "Judgement",
    "RulesBackend",
    "StanceBackend",
    "judge_many",
    "load_backend",
    "load_prompt",
    "make_backend",
    "names",
    "resolve",
    "stance_backends",
]

log = logging.getLogger(__name__)

stance_backends = catalogue.create("quotegraph", "stance_backends", entry_points=True)

ALIASES = {
    "rules": "quotegraph.stance.rules.v1",
    "nli": "quotegraph.stance.nli.v1",
    "llm": "quotegraph.stance.llm.v2",
}


class RulesBackend:
    """The offline default: lexicon and parse rules (:mod:`quotegraph.extract.stance.rules`)."""

    name = "rules"
    key = "rules"

    def stance(self, statement: Statement, topic: Topic, context: str, doc: Doc | None = None) -> Judgement:
        """The rules' judgement; ``doc``, the parse the statement's offsets point into, lets them read it."""
        return stance_of(statement, topic, context, doc)


@stance_backends.register("quotegraph.stance.rules.v1")
def make_rules(**_: Any) -> StanceBackend:
    return RulesBackend()


@stance_backends.register("quotegraph.stance.nli.v1")
def make_nli(
    *, model: str | None = None, batch_size: int = 16, device: int = -1, undetermined_below: float = 0.5, **_: Any
) -> StanceBackend:
    return NLIBackend(model=model, batch_size=batch_size, device=device, undetermined_below=undetermined_below)


@stance_backends.register("quotegraph.stance.llm.v1")
def make_llm(
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    prompt: str = "stance.v1",
    examples: str | None = None,
    timeout: float = 30.0,
    concurrency: int = 4,
    transport: Any = None,
    **_: Any,
) -> StanceBackend:
    """The first prompt contract: the statement alone. Its prompt has no ``{examples}`` slot, so an
    ``examples`` file given to it is refused at load (never silently left out); the environment's
    ``QUOTEGRAPH_LLM_EXAMPLES`` is for v2 and not read here."""
    return LLMBackend(
        base_url=base_url,
        model=model,
        api_key=api_key,
        prompt=prompt,
        examples=examples,
        timeout=timeout,
        concurrency=concurrency,
        transport=transport,
    )


@stance_backends.register("quotegraph.stance.llm.v2")
def make_llm_v2(
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    prompt: str = "stance.v2",
    examples: str | None = None,
    shots: int | None = None,
    timeout: float = 30.0,
    concurrency: int = 4,
    transport: Any = None,
    **_: Any,
) -> StanceBackend:
    """The prompt has an ``{examples}`` slot: ``shots`` labelled statements (``QUOTEGRAPH_LLM_SHOTS``, else
    4) drawn from the records file ``examples`` (or ``QUOTEGRAPH_LLM_EXAMPLES``), rendered by the prompt's
    own example template."""
    examples = examples or os.environ.get("QUOTEGRAPH_LLM_EXAMPLES") or None
    if shots is None and os.environ.get("QUOTEGRAPH_LLM_SHOTS"):
        shots = int(os.environ["QUOTEGRAPH_LLM_SHOTS"])
    return LLMBackend(
        base_url=base_url,
        model=model,
        api_key=api_key,
        prompt=prompt,
        examples=examples,
        shots=shots,
        timeout=timeout,
        concurrency=concurrency,
        transport=transport,
    )


def names() -> list[str]:
    """Every registered backend name, short names first."""
    return [*ALIASES, *sorted(stance_backends.get_all())]


def resolve(name: str) -> str:
    """The versioned name for a short or versioned one; ValueError for an unknown name."""
    full = ALIASES.get(name, name)
    if full not in stance_backends:
        raise ValueError(f"unknown stance backend {name!r} (choose {', '.join(names())})")
    return full


def make_backend(name: str, **options: Any) -> StanceBackend:
    """The backend registered under ``name``; errors of loading propagate (see :func:`load_backend`)."""
    factory: Callable[..., StanceBackend] = stance_backends.get(resolve(name))
    return factory(**options)


def load_backend(name: str, **options: Any) -> StanceBackend:
    """Like :func:`make_backend`, but a backend that cannot load (a missing package, missing weights, an
    unset endpoint) gives one warning line and the rules backend: an extraction never aborts for it.
    An unknown name is still an error (a typo is not a missing model)."""
    full = resolve(name)
    try:
        return make_backend(full, **options)
    except Exception as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        log.warning("stance backend %s could not load (%s); using the rules backend", name, reason)
        return RulesBackend()
