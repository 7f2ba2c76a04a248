"""Stance by zero-shot natural language inference (extra: ``pip install quotegraph[nli]``).

The statement is the premise; the hypotheses say that the speaker agrees, disagrees or takes no side on
the topic's proposition. The model is a local folder or a hub id the user names: with no model named,
the default hub model is used only if it is already in the local cache (nothing is downloaded unless the
user asks for a hub model by name).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quotegraph.extract.model import Statement
from quotegraph.extract.stance.topics import Topic

log = logging.getLogger(__name__)

DEFAULT_MODEL = "MoritzLaurer/deberta-v3-base-zeroshot-v2.0"
UNDETERMINED_BELOW = 0.5
"""A best hypothesis scored below this (of 1, over three hypotheses) is no evidence either way."""

Judgement = tuple[str | None, float, tuple[str, ...]]


def folder_stamp(path: Path) -> str:
    """Names, sizes and modification times of a local model folder's files: retrained weights at the same
    path are another model for the statement cache."""
    if not path.is_dir():
        return ""
    files = sorted(p for p in path.rglob("*") if p.is_file())
    stamp = "|".join(f"{p.relative_to(path)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
    return hashlib.sha256(stamp.encode()).hexdigest()[:12]


def hypotheses(topic: Topic) -> dict[str, str]:
    """The NLI hypotheses for a topic: the proposition, its negation, and a neutral one."""
    prop = topic.proposition.rstrip(".")
    prop = prop[0].lower() + prop[1:] if prop else prop
    return {
        "support": f"The speaker agrees that {prop}.",
        "oppose": f"The speaker disagrees that {prop}.",
        "neutral": f"The speaker takes no side on whether {prop}.",
    }


class NLIBackend:
    name = "nli"

    def __init__(
        self,
        model: str | None = None,
        batch_size: int = 16,
        device: int = -1,
        undetermined_below: float = UNDETERMINED_BELOW,
        **_: Any,
    ) -> None:
        try:
            from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline
        except ImportError as err:
            raise RuntimeError("the nli stance backend needs transformers: pip install 'quotegraph[nli]'") from err
        name = model or DEFAULT_MODEL
        # a local folder never touches the network; a hub id downloads only when the user named it
        # (a path that does not exist is a missing local model, never a hub id: it fails at once, offline)
        offline = model is None or Path(name).exists() or name.startswith(("/", ".", "~"))
        tokenizer = AutoTokenizer.from_pretrained(name, local_files_only=offline)
        weights = AutoModelForSequenceClassification.from_pretrained(name, local_files_only=offline)
        self.classifier = pipeline("zero-shot-classification", model=weights, tokenizer=tokenizer, device=device)
        self.batch_size = batch_size
        self.undetermined_below = undetermined_below
        self.model = name
        self.key = f"nli:{name}:{folder_stamp(Path(name))}:{undetermined_below}"

    def _judge(self, result: dict[str, Any], hyps: dict[str, str]) -> Judgement:
        best = result["labels"][0]
        stance = next(k for k, v in hyps.items() if v == best)
        score = float(result["scores"][0])
        if score < self.undetermined_below:
            return None, round(min(score, 0.3), 3), (f"nli: {best} ({score:.2f})", "no evidence either way")
        return stance, score, (f"nli: {best}",)

    def stance(self, statement: Statement, topic: Topic, context: str) -> Judgement:
        answer = self.stance_many([(statement, topic, context)])[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def stance_many(self, items: Sequence[tuple[Statement, Topic, str]]) -> list[Judgement | Exception]:
        """One batched pipeline call per topic (the candidate labels differ between topics); a batch that
        fails is its exception in the place of each of its items."""
        out: list[Judgement | Exception | None] = [None] * len(items)
        by_topic: dict[str, list[int]] = {}
        for i, (_, topic, _) in enumerate(items):
            by_topic.setdefault(topic.id, []).append(i)
        for indices in by_topic.values():
            hyps = hypotheses(items[indices[0]][1])
            try:
                results = self.classifier(
                    [items[i][0].quote for i in indices],
                    candidate_labels=list(hyps.values()),
                    hypothesis_template="{}",
                    batch_size=self.batch_size,
                )
            except Exception as err:
                for i in indices:
                    out[i] = err
                continue
            if isinstance(results, dict):
                results = [results]
            for i, result in zip(indices, results, strict=True):
                out[i] = self._judge(result, hyps)
        return [x for x in out if x is not None]
