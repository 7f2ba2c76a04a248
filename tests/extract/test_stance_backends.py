"""Stance backends: the registry, the fallback to the rules, and the wiring of the model backends
(a fake OpenAI-compatible server on 127.0.0.1, a tiny random NLI model): wiring, never quality."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from quotegraph.extract.model import Article, Statement
from quotegraph.extract.stance import StanceAssigner, parse_topics, registry
from quotegraph.extract.stance.llm import build_prompt, parse_answer

from tests.conftest import chat_endpoint

TOPICS = parse_topics(
    {
        "topics": [
            {
                "id": "tax-cut",
                "label": "Cutting income tax",
                "proposition": "The government should cut income tax.",
                "keywords": ["income tax", "tax cut"],
            }
        ]
    }
)
QUOTES = [
    "We must cut income tax for every family this year",
    "We will not cut income tax while the deficit grows",
    "The income tax cut is on the agenda of the committee",
]


def _statements() -> tuple[list[Statement], Article]:
    text = " ".join(f"{q}, the minister said." for q in QUOTES)
    out = []
    for q in QUOTES:
        start = text.index(q)
        out.append(
            Statement(article="a.txt", quote=q, start=start, end=start + len(q), kind="direct", speaker="Ann Lee")
        )
    return out, Article(name="a.txt", text=text, title="Budget")


@pytest.fixture
def fake_llm() -> Iterator[tuple[str, list[dict]]]:
    """An OpenAI-compatible chat endpoint: 'not' in the statement -> oppose, 'agenda' -> undetermined,
    'garbled' -> an answer that is no JSON, else support."""
    seen: list[dict] = []

    def answer(body: dict) -> tuple[int, str]:
        seen.append(body)
        statement = body["messages"][0]["content"].split("Statement:")[-1].split("\n")[0]
        if "garbled" in statement:
            return 200, "I cannot say."
        stance = "oppose" if " not " in statement else "undetermined" if "agenda" in statement else "support"
        return 200, json.dumps({"stance": stance, "confidence": 0.9, "evidence": statement.split()[0]})

    with chat_endpoint(answer) as url:
        yield url, seen


def test_registry_short_and_versioned_names():
    assert registry.resolve("rules") == "quotegraph.stance.rules.v1"
    assert registry.resolve("quotegraph.stance.llm.v1") == "quotegraph.stance.llm.v1"
    assert registry.resolve("llm") == "quotegraph.stance.llm.v2"
    assert {"rules", "nli", "llm", "quotegraph.stance.nli.v1", "quotegraph.stance.llm.v1"} <= set(registry.names())
    assert registry.make_backend("quotegraph.stance.rules.v1").name == "rules"


@pytest.mark.parametrize("name", ["rule", "quotegraph.stance.rules.v9", ""])
def test_registry_unknown_name_is_an_error(name):
    with pytest.raises(ValueError, match="unknown stance backend"):
        StanceAssigner(TOPICS, backend=name)


def test_registry_a_registered_backend_is_used_by_the_assigner():
    class Always:
        name = "always"

        def stance(self, statement, topic, context):
            return "oppose", 0.8, ("always",)

    registry.stance_backends.register("test.stance.always.v1", func=lambda **_: Always())
    statements, article = _statements()
    out = StanceAssigner(TOPICS, backend="test.stance.always.v1").assign(statements, None, article)
    assert {s.stance for s in out} == {"oppose"} and all(s.topics[0].backend == "always" for s in out)


def test_registry_prompts_are_template_files(tmp_path):
    template = registry.load_prompt("stance.v1")
    assert "{proposition}" in template and "{quote}" in template
    own = tmp_path / "mine.txt"
    own.write_text("P={proposition} Q={quote}", encoding="utf-8")
    s, _ = _statements()
    assert build_prompt(s[0], TOPICS[0], "ctx", registry.load_prompt(str(own))) == (
        f"P=The government should cut income tax. Q={QUOTES[0]}"
    )
    with pytest.raises(ValueError, match="unknown prompt"):
        registry.load_prompt("nope.v0")


def test_llm_backend_batches_an_article_and_reads_undetermined(fake_llm):
    url, seen = fake_llm
    statements, article = _statements()
    assigner = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny", concurrency=3)
    out = assigner.assign(statements, None, article)
    assert [s.stance for s in out] == ["support", "oppose", None]
    assert out[2].topics[0].confidence <= 0.3 and "no evidence either way" in out[2].topics[0].evidence
    assert len(seen) == 3 and {b["model"] for b in seen} == {"tiny"}
    assert all(s.topics[0].backend == "llm" for s in out)


def test_llm_backend_bad_answer_gets_the_rules_answer(fake_llm, caplog):
    url, _ = fake_llm
    text = "We must cut income tax, garbled reply, the minister said."
    quote = text.split(", the minister")[0]
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee")
    with caplog.at_level("WARNING"):
        [out] = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny").assign(
            [s], None, Article(name="a.txt", text=text, title="Budget")
        )
    assert out.topics[0].backend == "rules"
    assert sum("stance backend llm failed" in r.getMessage() for r in caplog.records) == 1


def test_llm_backend_unreachable_endpoint_never_aborts(caplog):
    statements, article = _statements()
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, backend="llm", base_url="http://127.0.0.1:9/v1", model="m", timeout=2)
        out = assigner.assign(statements, None, article)
    assert len(out) == 3 and all(s.topics[0].backend == "rules" for s in out)
    assert len([r for r in caplog.records if "failed" in r.getMessage()]) == 1


def test_llm_backend_without_endpoint_falls_back_at_load(caplog, monkeypatch):
    monkeypatch.delenv("QUOTEGRAPH_LLM_BASE_URL", raising=False)
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, backend="llm")
    assert assigner.backend.name == "rules"
    [record] = [r for r in caplog.records if "could not load" in r.getMessage()]
    assert "\n" not in record.getMessage()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"stance": "support", "confidence": 2, "evidence": "must"}', ("support", 1.0, ("llm: must",))),
        ('Sure: {"stance": "Oppose"}', ("oppose", 0.5, ("llm",))),
        ('{"stance": "undetermined", "confidence": 0.8}', (None, 0.3, ("llm", "no evidence either way"))),
    ],
)
def test_llm_parse_answer(text, expected):
    assert parse_answer(text) == expected


def test_nli_backend_missing_weights_falls_back(tmp_path, caplog):
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, backend="nli", model=str(tmp_path / "no-such-model"))
    assert assigner.backend.name == "rules"
    assert any("could not load" in r.getMessage() for r in caplog.records)


def test_nli_backend_wiring_on_a_tiny_random_model(tmp_path):
    transformers = pytest.importorskip("transformers")
    pytest.importorskip("torch")
    from tokenizers import Tokenizer, models, pre_tokenizers

    words = sorted({w.lower().strip(".,") for q in QUOTES for w in q.split()} | {"the", "speaker", "that"})
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *words])}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]"
    )
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=8, num_hidden_layers=1, num_attention_heads=1, intermediate_size=8,
        num_labels=3, id2label={0: "entailment", 1: "neutral", 2: "contradiction"},
        label2id={"entailment": 0, "neutral": 1, "contradiction": 2},
    )  # fmt: skip
    transformers.BertForSequenceClassification(config).save_pretrained(tmp_path)
    fast.save_pretrained(tmp_path)
    statements, article = _statements()
    assigner = StanceAssigner(TOPICS, backend="nli", model=str(tmp_path), undetermined_below=0.0, batch_size=2)
    calls = []
    classify = assigner.backend.classifier
    assigner.backend.classifier = lambda texts, **kw: calls.append(len(texts)) or classify(texts, **kw)
    out = assigner.assign(statements, None, article)
    assert all(s.topics[0].backend == "nli" and s.stance in ("support", "oppose", "neutral") for s in out)
    assert calls == [3] and str(tmp_path) in assigner.key  # one batched call for the topic


@pytest.fixture
def hanging_llm() -> Iterator[tuple[str, list[float]]]:
    """An endpoint that answers nothing within the client's timeout."""
    import time

    seen: list[float] = []
    stop = threading.Event()

    def answer(body: dict) -> None:
        seen.append(time.monotonic())
        stop.wait(3)

    with chat_endpoint(answer) as url:
        try:
            yield url, seen
        finally:
            stop.set()


def test_llm_backend_timeouts_switch_it_off_for_the_run(hanging_llm, caplog):
    url, seen = hanging_llm
    statements, article = _statements()
    assigner = StanceAssigner(TOPICS, backend="llm", base_url=url, model="m", timeout=0.3, concurrency=3)
    with caplog.at_level("WARNING"):
        first = assigner.assign(statements, None, article)  # 3 timeouts at once: switched off
        second = assigner.assign(statements, None, article)  # no request at all
    assert len(seen) == 3
    assert all(t.backend == "rules" for s in [*first, *second] for t in s.topics)
    messages = [r.getMessage() for r in caplog.records]
    assert sum("failed" in m for m in messages) == 1 and sum("gave up after 3" in m for m in messages) == 1
    assert assigner.fell_back(first)


def test_llm_backend_a_success_resets_the_failure_count(fake_llm):
    url, seen = fake_llm
    text = "We must cut income tax, garbled reply, the minister said."
    quote = text.split(", the minister")[0]
    bad = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee")
    statements, article = _statements()
    assigner = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny", concurrency=1)
    for _ in range(4):  # a bad answer then good ones, four times: never three failures in a row
        assigner.assign([bad, *statements[:2]], None, article)
    out = assigner.assign(statements[:1], None, article)
    assert out[0].topics[0].backend == "llm" and len(seen) == 13


def test_stance_key_names_the_backend_that_answers(fake_llm, tmp_path, monkeypatch):
    url, _ = fake_llm
    llm = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny")
    other = StanceAssigner(TOPICS, backend="llm", base_url=url, model="big")
    prompt = tmp_path / "p.txt"
    prompt.write_text("{proposition} {quote}", encoding="utf-8")
    own = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny", prompt=str(prompt))
    assert len({llm.key, other.key, own.key}) == 3 and "tiny" in llm.key
    monkeypatch.delenv("QUOTEGRAPH_LLM_BASE_URL", raising=False)
    unloaded = StanceAssigner(TOPICS, backend="llm", model="tiny")  # no endpoint: the rules answer
    assert unloaded.key == StanceAssigner(TOPICS).key == "stance=rules@0.6"
    assert not StanceAssigner(TOPICS).fell_back(_statements()[0])


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([0.8, 0.15, 0.05], "support"),
        ([0.45, 0.35, 0.2], None),  # no hypothesis wins clearly: undetermined, not a guess
    ],
)
def test_nli_weak_best_hypothesis_is_undetermined(scores, expected):
    from quotegraph.extract.stance.nli import NLIBackend, hypotheses

    backend = object.__new__(NLIBackend)
    backend.undetermined_below = 0.5
    hyps = hypotheses(TOPICS[0])
    stance, confidence, evidence = backend._judge({"labels": list(hyps.values()), "scores": scores}, hyps)
    assert stance == expected
    assert (confidence <= 0.3 and "no evidence either way" in evidence) if expected is None else confidence == 0.8


def test_nli_model_folder_stamp_changes_with_the_weights(tmp_path):
    from quotegraph.extract.stance.nli import folder_stamp

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    before = folder_stamp(tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"0" * 10)
    assert before and folder_stamp(tmp_path) != before and folder_stamp(tmp_path / "missing") == ""


@pytest.fixture
def fake_transformers(monkeypatch) -> dict:
    """A stand-in ``transformers`` module (no weights, no torch): records how models are loaded and how the
    zero-shot pipeline is called; a premise with 'not' entails the second hypothesis, 'crash' fails. A
    model named '...sentiment...' has labels with no entailment, '...encoder...' lacks its head."""
    import sys
    import types

    log: dict = {"loads": [], "calls": [], "verbosity": []}

    class Auto:
        @classmethod
        def from_pretrained(cls, name, local_files_only=False, output_loading_info=False):
            log["loads"].append((cls.__name__, name, local_files_only))
            if "missing" in name:
                raise OSError(f"{name} is not a local folder and is not a valid model identifier\nmore")
            labels = {0: "positive", 1: "negative"} if "sentiment" in name else {0: "ENTAILMENT", 1: "NOT_ENTAILMENT"}
            model = types.SimpleNamespace(
                config=types.SimpleNamespace(id2label=labels, label2id={v: k for k, v in labels.items()})
            )
            missing = ["classifier.bias", "classifier.weight"] if "encoder" in name else []
            info = {"missing_keys": missing, "unexpected_keys": [], "mismatched_keys": [], "error_msgs": []}
            return (model, info) if output_loading_info else model

    class AutoTokenizer(Auto):
        pass

    class AutoModelForSequenceClassification(Auto):
        pass

    def pipeline(task, model, tokenizer, device):
        assert task == "zero-shot-classification"

        def classify(texts, candidate_labels, hypothesis_template, batch_size):
            log["calls"].append((list(texts), batch_size))
            if any("crash" in t for t in texts):
                raise RuntimeError("out of memory")
            out = []
            for t in texts:
                first = 1 if " not " in t else 0
                labels = [candidate_labels[first], *(c for c in candidate_labels if c != candidate_labels[first])]
                out.append({"labels": labels, "scores": [0.7, 0.2, 0.1]})
            return out

        return classify

    verbosity = [30]
    logging_module = types.SimpleNamespace(
        get_verbosity=lambda: verbosity[0],
        set_verbosity=lambda level: verbosity.__setitem__(0, level) or log["verbosity"].append(level),
        set_verbosity_error=lambda: verbosity.__setitem__(0, 40) or log["verbosity"].append(40),
        is_progress_bar_enabled=lambda: True,
        disable_progress_bar=lambda: log["verbosity"].append("bars off"),
        enable_progress_bar=lambda: log["verbosity"].append("bars on"),
    )
    module = types.ModuleType("transformers")
    module.AutoTokenizer = AutoTokenizer
    module.AutoModelForSequenceClassification = AutoModelForSequenceClassification
    module.pipeline = pipeline
    module.logging = logging_module
    monkeypatch.setitem(sys.modules, "transformers", module)
    return log


def test_nli_backend_loads_offline_unless_a_hub_model_is_named(fake_transformers, tmp_path):
    from quotegraph.extract.stance.nli import DEFAULT_MODEL

    registry.make_backend("nli")  # no model named: the default, from the local cache only
    registry.make_backend("nli", model=str(tmp_path))  # a local folder: never the network
    registry.make_backend("nli", model="someone/their-nli")  # a hub id the user named: may download
    with pytest.raises(OSError):
        registry.make_backend("nli", model=str(tmp_path / "missing"))  # a path: offline too
    both = ("AutoTokenizer", "AutoModelForSequenceClassification")
    expected = [
        (k, n, o) for n, o in [(DEFAULT_MODEL, True), (str(tmp_path), True), ("someone/their-nli", False)] for k in both
    ]
    assert fake_transformers["loads"] == [*expected, ("AutoTokenizer", str(tmp_path / "missing"), True)]


def test_nli_backend_batches_per_topic_and_survives_a_failing_batch(fake_transformers, caplog):
    second = parse_topics(
        {"topics": [{"id": "x", "label": "X", "proposition": "The budget balances.", "keywords": ["budget"]}]}
    )[0]
    statements, article = _statements()
    assigner = StanceAssigner([*TOPICS, second], backend="nli", batch_size=8)
    out = assigner.assign(statements, None, article)
    assert [s.stance for s in out] == ["support", "oppose", "support"]
    assert all(s.topics[0].backend == "nli" for s in out)
    [(texts, batch_size)] = fake_transformers["calls"]  # the three statements in one call
    assert len(texts) == 3 and batch_size == 8
    crash = replace(statements[0], quote="We must cut income tax or crash")
    with caplog.at_level("WARNING"):
        [s] = assigner.assign([crash], None, article)
    assert s.topics[0].backend == "rules" and assigner.fell_back([s])
    assert sum("stance backend nli failed (out of memory)" in r.getMessage() for r in caplog.records) == 1


def test_nli_backend_missing_model_warns_one_line(fake_transformers, caplog):
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, backend="nli", model="missing/model")
    assert assigner.backend.name == "rules" and assigner.key == "stance=rules@0.6"
    [record] = [r for r in caplog.records if "could not load" in r.getMessage()]
    assert "\n" not in record.getMessage() and "missing/model" in record.getMessage()


def test_stance_assigner_names_what_loaded_for_the_workers(fake_llm, monkeypatch):
    url, _ = fake_llm
    monkeypatch.delenv("QUOTEGRAPH_LLM_BASE_URL", raising=False)
    failed = StanceAssigner(TOPICS, backend="llm", fallback="rules", model="m")  # no endpoint
    assert (failed.backend_name, failed.fallback_name) == ("rules", None)
    loaded = StanceAssigner(TOPICS, backend="quotegraph.stance.llm.v1", fallback="rules", base_url=url, model="m")
    assert (loaded.backend_name, loaded.fallback_name) == ("quotegraph.stance.llm.v1", "rules")
    assert (StanceAssigner(TOPICS).backend_name, StanceAssigner(TOPICS).fallback_name) == ("rules", None)


# --- nli: a model that is no NLI classifier is refused, in one line, and the rules answer ---------------


@pytest.mark.parametrize(
    ("config", "reason"),
    [
        ({"architectures": ["BertModel"], "id2label": {"0": "LABEL_0", "1": "LABEL_1"}}, "no classification head"),
        ({"architectures": ["MPNetForMaskedLM"]}, "no classification head"),
        ({"architectures": ["BertForSequenceClassification"], "id2label": {"0": "LABEL_0", "1": "LABEL_1"}},
         "labels (LABEL_0, LABEL_1) have no entailment"),
        ({"id2label": {"0": "negative", "1": "neutral", "2": "positive"}}, "no entailment"),
        ({}, "labels (none) have no entailment"),
        ({"architectures": ["DebertaV2ForSequenceClassification"],
          "id2label": {"0": "entailment", "1": "not_entailment"}}, None),
        ({"label2id": {"CONTRADICTION": 0, "NEUTRAL": 1, "ENTAILMENT": 2}}, None),
    ],
)  # fmt: skip
def test_nli_folder_refusal_reads_config_json_alone(tmp_path, config, reason):
    from quotegraph.extract.stance.nli import folder_refusal

    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    refusal = folder_refusal(tmp_path)
    assert refusal is None if reason is None else reason in refusal


@pytest.mark.parametrize("content", [None, "not json", "[1, 2]"])
def test_nli_folder_without_a_readable_config_is_left_to_transformers(tmp_path, content):
    from quotegraph.extract.stance.nli import folder_refusal

    if content is not None:
        (tmp_path / "config.json").write_text(content, encoding="utf-8")
    assert folder_refusal(tmp_path) is None


@pytest.mark.parametrize(
    ("info", "reason"),
    [
        ({"missing_keys": ["classifier.weight", "classifier.bias"]}, "lacks 2 of its weights (classifier.bias, "),
        ({"missing_keys": [], "mismatched_keys": [("classifier.weight", (3, 8), (2, 8))]}, "classifier.weight"),
        ({"missing_keys": [], "unexpected_keys": ["cls.predictions.bias"], "mismatched_keys": []}, None),
    ],
)
def test_nli_missing_head_from_the_loading_info(info, reason):
    from quotegraph.extract.stance.nli import missing_head

    refusal = missing_head(info)
    assert refusal is None if reason is None else reason in refusal


def test_nli_backend_refuses_a_sentence_embedding_folder_before_loading(tmp_path, caplog):
    """Whether or not transformers is installed: the folder's config.json says it is no NLI model."""
    config = {"architectures": ["BertModel"], "model_type": "bert", "hidden_size": 32}
    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, backend="nli", model=str(tmp_path))
    assert assigner.backend.name == "rules" and assigner.key == "stance=rules@0.6"
    [record] = [r for r in caplog.records if r.levelname == "WARNING"]
    message = record.getMessage()
    assert "\n" not in message and "saved as BertModel, with no classification head" in message
    assert str(tmp_path) in message and "using the rules backend" in message


@pytest.mark.parametrize(
    ("model", "reason"),
    [
        ("someone/sentiment-model", "labels (positive, negative) have no entailment"),
        ("someone/encoder-model", "lacks 2 of its weights (classifier.bias, classifier.weight)"),
    ],
)
def test_nli_backend_refuses_a_hub_model_after_loading(fake_transformers, caplog, model, reason):
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, backend="nli", model=model)
    assert assigner.backend.name == "rules"
    [record] = [r for r in caplog.records if r.levelname == "WARNING"]
    assert "\n" not in record.getMessage() and reason in record.getMessage() and model in record.getMessage()
    assert fake_transformers["verbosity"] == [
        40,
        "bars off",
        30,
        "bars on",
    ]  # transformers' own warnings quiet while loading only


def test_nli_backend_accepts_upper_case_entailment(fake_transformers):
    assert registry.make_backend("nli", model="someone/their-nli").name == "nli"


def _tiny_model(folder, kind: str) -> str:
    """A tiny BERT (2 layers of width 32, random weights) with a tokenizer from a small vocab file, saved
    in ``folder``: 'nli' with an entailment head, 'sentiment' a classifier with other labels, 'encoder' a
    bare BertModel, 'encoder-no-arch' the same with 'architectures' removed from config.json (so that only
    loading it tells the head is missing)."""
    transformers = pytest.importorskip("transformers")
    pytest.importorskip("torch")
    import torch

    torch.manual_seed(0)
    words = sorted({w.lower().strip(".,") for q in QUOTES for w in q.split()} | {"the", "speaker", "that", "agrees"})
    folder.mkdir(parents=True, exist_ok=True)
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizer(vocab_file=str(vocab))
    labels = {
        "nli": ["entailment", "neutral", "contradiction"],
        "sentiment": ["negative", "positive"],
    }.get(kind, ["entailment", "neutral", "contradiction"])
    config = transformers.BertConfig(
        vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=128, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)},
    )  # fmt: skip
    model_class = transformers.BertModel if kind.startswith("encoder") else transformers.BertForSequenceClassification
    model_class(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    if kind == "encoder-no-arch":
        saved = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        del saved["architectures"]
        (folder / "config.json").write_text(json.dumps(saved), encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("sentiment", "labels (negative, positive) have no entailment"),
        ("encoder", "saved as BertModel, with no classification head"),
        ("encoder-no-arch", "the checkpoint lacks 2 of its weights (classifier.bias, classifier.weight)"),
    ],
)
def test_nli_backend_refuses_a_tiny_model_that_is_no_nli_classifier(tmp_path, caplog, capfd, kind, reason):
    model = _tiny_model(tmp_path / kind, kind)
    capfd.readouterr()
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, backend="nli", model=model)
    statements, article = _statements()
    out = assigner.assign(statements, None, article)
    assert assigner.backend.name == "rules" and all(s.topics[0].backend == "rules" for s in out)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and reason in warnings[0] and "\n" not in warnings[0]
    assert "newly initialized" not in capfd.readouterr().err  # transformers' own warning is not shown


def test_nli_backend_accepts_a_tiny_nli_model(tmp_path, caplog):
    model = _tiny_model(tmp_path / "nli", "nli")
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, backend="nli", model=model, undetermined_below=0.0)
    statements, article = _statements()
    out = assigner.assign(statements, None, article)
    assert assigner.backend.name == "nli" and all(s.topics[0].backend == "nli" for s in out)
    assert not [r for r in caplog.records if r.levelname == "WARNING"]


# --- llm v2: few-shot examples from a records file the user points to -----------------------------------

EXAMPLE_ROWS = [
    ("Schools should require uniforms", "Uniforms stop the bullying over brands", "support"),
    ("Schools should require uniforms", "Children should be free to dress as they like", "oppose"),
    ("Zoos should be closed", "Animals suffer in small cages", "support"),
    ("Zoos should be closed", "Zoos save species from extinction", "oppose"),
    ("The government should cut income tax.", "Lower taxes leave families more to spend", "support"),
]


def _examples_file(tmp_path) -> str:
    path = tmp_path / "examples.jsonl"
    rows = [
        {"id": f"ex:{n}", "text": text, "topic": {"id": f"t{n // 2}", "proposition": prop}, "stance": stance}
        for n, (prop, text, stance) in enumerate(EXAMPLE_ROWS)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_llm_v2_sends_examples_drawn_from_the_records_file(fake_llm, tmp_path):
    url, seen = fake_llm
    statements, article = _statements()
    assigner = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny", examples=_examples_file(tmp_path))
    out = assigner.assign(statements, None, article)
    assert [s.stance for s in out] == ["support", "oppose", None]
    [prompt] = [b["messages"][0]["content"] for b in seen if f"Statement: {QUOTES[0]}" in b["messages"][0]["content"]]
    assert prompt.count("Example, on another proposition.") == 4  # the default: 4 shots
    assert prompt.count("Stance: support") == 2 and prompt.count("Stance: oppose") == 2
    assert "Lower taxes leave families" not in prompt  # the judged topic's own example comes last: not needed
    assert prompt.index("Stance: ") < prompt.index(f"Statement: {QUOTES[0]}")
    assert len({b["messages"][0]["content"].split("Proposition: The government")[0] for b in seen}) == 1


def test_llm_v2_shots_and_the_records_file_change_the_cache_key(fake_llm, tmp_path):
    url, seen = fake_llm
    path = _examples_file(tmp_path)
    plain = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny")
    two = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny", examples=path, shots=2)
    four = StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny", examples=path)
    assert len({plain.key, two.key, four.key}) == 3 and "shots-2" in two.key
    statements, article = _statements()
    two.assign(statements[:1], None, article)
    assert seen[-1]["messages"][0]["content"].count("Example, on another proposition.") == 2
    plain.assign(statements[:1], None, article)
    assert "Example" not in seen[-1]["messages"][0]["content"]


def test_llm_v2_reads_the_examples_from_the_environment(fake_llm, tmp_path, monkeypatch):
    url, seen = fake_llm
    monkeypatch.setenv("QUOTEGRAPH_LLM_EXAMPLES", _examples_file(tmp_path))
    monkeypatch.setenv("QUOTEGRAPH_LLM_SHOTS", "3")
    statements, article = _statements()
    StanceAssigner(TOPICS, backend="llm", base_url=url, model="tiny").assign(statements[:1], None, article)
    assert seen[0]["messages"][0]["content"].count("Example, on another proposition.") == 3
    # v1 keeps its contract: no examples, whatever the environment says
    StanceAssigner(TOPICS, backend="quotegraph.stance.llm.v1", base_url=url, model="t").assign(
        statements[:1], None, article
    )
    assert "Example" not in seen[1]["messages"][0]["content"]


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"backend": "quotegraph.stance.llm.v1"}, "has no {examples} slot"),
        ({"backend": "llm", "prompt": "stance.v1"}, "has no {examples} slot"),
        ({"backend": "llm", "examples": "/no/such/records.jsonl"}, "No such file"),
    ],
)
def test_llm_examples_that_cannot_be_used_fall_back_in_one_line(fake_llm, tmp_path, caplog, options, reason):
    url, _ = fake_llm
    options = {"examples": _examples_file(tmp_path), **options}
    with caplog.at_level("WARNING"):
        assigner = StanceAssigner(TOPICS, base_url=url, model="tiny", **options)
    assert assigner.backend.name == "rules"
    [record] = [r for r in caplog.records if r.levelname == "WARNING"]
    assert "could not load" in record.getMessage() and reason in record.getMessage()


def test_llm_own_prompt_file_with_an_example_template(fake_llm, tmp_path):
    url, seen = fake_llm
    prompt = tmp_path / "mine.txt"
    prompt.write_text("{examples}Q? {proposition}\nStatement: {quote}\n=== example ===\n[{stance}] {quote}\n")
    statements, article = _statements()
    assigner = StanceAssigner(
        TOPICS,
        backend="llm",
        base_url=url,
        model="tiny",
        prompt=str(prompt),
        examples=_examples_file(tmp_path),
        shots=2,
    )
    assigner.assign(statements[:1], None, article)
    assert seen[0]["messages"][0]["content"] == (
        "[support] Uniforms stop the bullying over brands\n[oppose] Zoos save species from extinction\n"
        f"Q? The government should cut income tax.\nStatement: {QUOTES[0]}\n"
    )
