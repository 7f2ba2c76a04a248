"""Stance by zero-shot natural language inference (extra: ``pip install quotegraph[nli]``).

The statement is the premise; the hypotheses are the topic's proposition and its negation. The model
id comes from the configuration (a local path or a model the user has already downloaded; nothing is
fetched here unless the user's transformers set-up does so).
"""

from __future__ import annotations

from typing import Any

from quotegraph.extract.model import Statement
from quotegraph.extract.stance.topics import Topic

DEFAULT_MODEL = "MoritzLaurer/deberta-v3-base-zeroshot-v2.0"


def hypotheses(topic: Topic) -> dict[str, str]:
    """The NLI hypotheses for a topic: the proposition, its negation, and a neutral one."""
    prop = topic.proposition.rstrip(".")
    return {
        "support": f"The speaker agrees that {prop[0].lower() + prop[1:]}.",
        "oppose": f"The speaker disagrees that {prop[0].lower() + prop[1:]}.",
        "neutral": f"The speaker takes no side on whether {prop[0].lower() + prop[1:]}.",
    }


class NLIBackend:
    name = "nli"

    def __init__(self, model: str = DEFAULT_MODEL, device: int = -1, **_: Any) -> None:
        try:
            from transformers import pipeline
        except ImportError as err:
            raise RuntimeError("the nli stance backend needs transformers: pip install 'quotegraph[nli]'") from err
        self.classifier = pipeline("zero-shot-classification", model=model, device=device)

    def stance(self, statement: Statement, topic: Topic, context: str) -> tuple[str, float, tuple[str, ...]]:
        hyps = hypotheses(topic)
        labels = list(hyps.values())
        result = self.classifier(statement.quote, candidate_labels=labels, hypothesis_template="{}")
        best = result["labels"][0]
        stance = next(k for k, v in hyps.items() if v == best)
        return stance, float(result["scores"][0]), (f"nli: {best}",)
