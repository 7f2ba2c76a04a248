"""Stance by zero-shot natural language inference (extra: ``pip install quotegraph[nli]``).

The statement is the premise; the hypotheses say that the speaker agrees, disagrees or takes no side on
the topic's proposition. The model is a local folder or a hub id the user names: with no model named,
the default hub model is used only if it is already in the local cache (nothing is downloaded unless the
user asks for a hub model by name).

A model that is not an NLI classifier is refused at load, with one line saying why, and the rules answer
instead: one whose labels have no entailment (a sentiment or topic classifier), or one whose
classification head the checkpoint lacks (a bare encoder or a sentence-embedding model, which transformers
would give a newly initialised, random head that answers nothing but noise). A local folder's
``config.json`` is read before anything is loaded (:func:`folder_refusal`, no transformers needed).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from quotegraph.extract.model import Statement
from quotegraph.extract.stance.base import Judgement
from quotegraph.extract.stance.topics import Topic

log = logging.getLogger(__name__)

DEFAULT_MODEL = "MoritzLaurer/deberta-v3-base-zeroshot-v2.0"
UNDETERMINED_BELOW = 0.5
"""A best hypothesis scored below this (of 1, over three hypotheses) is no evidence either way."""


def folder_stamp(path: Path) -> str:
    """Names, sizes and modification times of a local model folder's files: retrained weights at the same
    path are another model for the statement cache."""
    if not path.is_dir():
        return ""
    files = sorted(p for p in path.rglob("*") if p.is_file())
    stamp = "|".join(f"{p.relative_to(path)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
    return hashlib.sha256(stamp.encode()).hexdigest()[:12]


def labels_of(config: Mapping[str, Any]) -> list[str]:
    """A model config's class labels (``id2label`` values, then ``label2id`` keys), in id order."""
    id2label = config.get("id2label") or {}
    label2id = config.get("label2id") or {}
    labels = [str(v) for _, v in sorted(id2label.items(), key=lambda kv: int(kv[0]))]
    return labels + [str(k) for k in label2id if str(k) not in labels]


def label_refusal(config: Mapping[str, Any]) -> str | None:
    """Why a model with this config is no NLI model, or None: zero-shot classification needs a class
    whose name starts with "entail" (as the transformers pipeline looks for it)."""
    labels = labels_of(config)
    if any(label.lower().startswith("entail") for label in labels):
        return None
    shown = ", ".join(labels[:4]) + (", ..." if len(labels) > 4 else "") if labels else "none"
    return f"its labels ({shown}) have no entailment: not an NLI model"


def head_refusal(architectures: Sequence[str]) -> str | None:
    """Why a model saved as these architectures has no classification head, or None (no architectures
    saved: the weights decide, see :func:`missing_head`)."""
    if not architectures or any(a.endswith("ForSequenceClassification") for a in architectures):
        return None
    return f"it was saved as {', '.join(architectures)}, with no classification head: not an NLI model"


def folder_refusal(path: Path) -> str | None:
    """Why a local model folder is no NLI model, read from its ``config.json`` alone (no transformers,
    nothing loaded), or None. A folder with no readable config is left to transformers to judge."""
    file = path / "config.json"
    try:
        config = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(config, dict):
        return None
    return head_refusal(config.get("architectures") or []) or label_refusal(config)


def missing_head(info: Mapping[str, Any]) -> str | None:
    """Why weights loaded with ``output_loading_info=True`` are not the checkpoint's own, or None: any
    weight the checkpoint lacks (or has in another shape) is newly initialised, i.e. random."""
    mismatched = (k[0] if isinstance(k, tuple) else k for k in info.get("mismatched_keys", ()))
    missing = [*info.get("missing_keys", ()), *mismatched]
    if not missing:
        return None
    shown = ", ".join(sorted(missing)[:3]) + (", ..." if len(missing) > 3 else "")
    return f"the checkpoint lacks {len(missing)} of its weights ({shown}): a new, random head, not an NLI model"


@contextmanager
def quiet_transformers(tlogging: Any) -> Iterator[None]:
    """transformers' own multi-line warnings about the weights, and its progress bar, off while a model
    loads (``tlogging``: ``transformers.logging``): a refusal says it in one line."""
    level = tlogging.get_verbosity()
    bars = tlogging.is_progress_bar_enabled()
    tlogging.set_verbosity_error()
    tlogging.disable_progress_bar()
    try:
        yield
    finally:
        tlogging.set_verbosity(level)
        if bars:
            tlogging.enable_progress_bar()


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
        name = model or DEFAULT_MODEL
        local = Path(name).expanduser()
        if local.is_dir() and (reason := folder_refusal(local)):
            raise RuntimeError(f"{name}: {reason}")
        try:
            from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline
            from transformers import logging as tlogging
        except ImportError as err:
            raise RuntimeError("the nli stance backend needs transformers: pip install 'quotegraph[nli]'") from err
        # a local folder never touches the network; a hub id downloads only when the user named it
        # (a path that does not exist is a missing local model, never a hub id: it fails at once, offline)
        offline = model is None or Path(name).exists() or name.startswith(("/", ".", "~"))
        tokenizer = AutoTokenizer.from_pretrained(name, local_files_only=offline)
        with quiet_transformers(tlogging):
            weights, info = AutoModelForSequenceClassification.from_pretrained(
                name, local_files_only=offline, output_loading_info=True
            )
        config = weights.config
        reason = label_refusal({"id2label": config.id2label, "label2id": config.label2id}) or missing_head(info)
        if reason:
            raise RuntimeError(f"{name}: {reason}")
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
