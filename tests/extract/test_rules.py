"""Attribution rules as data: the registry, the component's ``rules``, provenance on every statement."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.rules import (
    AttributionState,
    Found,
    default_rules,
    get_rule,
    register,
    registered_rules,
)
from quotegraph.extract.nlp import load_pipeline


def _with_rules(rules: list[str] | None):
    return load_pipeline(config={"rules": rules})


@pytest.fixture(scope="module")
def only_cues():
    return _with_rules(["cue_statements", "unattributed"])


def test_rules_registry_lists_the_shipped_rules_in_order() -> None:
    rules = registered_rules()
    names = [r.name for r in rules]
    assert names[:3] == ["cue_statements", "labelled_lines", "dash_labels"]
    assert [r.order for r in rules] == sorted(r.order for r in rules)
    assert {"cue_after_quote", "dash_attribution", "source_line", "sentence_before", "unattributed"} <= set(names)
    assert default_rules() == [n for n in names if n in default_rules()]
    assert all(r.doc for r in rules)


def test_rules_unknown_name_fails() -> None:
    with pytest.raises(ValueError, match="unknown attribution rule"):
        get_rule("no_such_rule")


@pytest.mark.parametrize(
    ("text", "quote_has", "rule"),
    [
        (
            "Jens Stoltenberg said that NATO countries had nothing to do with the attacks.",
            "NATO countries",
            "cue_statements",
        ),
        (
            "“Our armed forces know what to do,” Kremlin spokesman Dmitry Peskov said on Friday.",
            "armed forces",
            "cue_statements",
        ),
        (
            "Mayor Lee spoke last.\n\n“We will never give up on this fight for our town.” ― Jorge Falcon",
            "never give up",
            "dash_attribution",
        ),
        (
            "The council met on Monday.\n\n“We are losing money on every single bus we run.”",
            "losing money",
            "unattributed",
        ),
    ],
)
def test_rules_every_statement_names_its_rule(nlp, text: str, quote_has: str, rule: str) -> None:
    statements = nlp(text)._.statements
    assert all(s.rule in default_rules() for s in statements)
    found = next(s for s in statements if quote_has in s.quote)
    assert found.rule == rule


def test_rules_switched_off_rule_finds_nothing(only_cues) -> None:
    text = "Mayor Lee spoke last.\n\n“We will never give up on this fight for our town.” ― Jorge Falcon"
    statements = only_cues(text)._.statements
    assert all(s.rule in ("cue_statements", "unattributed") for s in statements)
    assert not any(s.speaker == "Jorge Falcon" for s in statements)


def test_rules_a_rule_of_ones_own_joins_by_name() -> None:
    @register("test_every_quote_is_the_mayors", order=85)
    def mayors(state: AttributionState):
        """Every open quote, without a speaker."""
        for q in state.open_quotes():
            yield Found(q.start, q.end, "direct", None, None, rule="test_every_quote_is_the_mayors", quotes=(q,))

    nlp = _with_rules([*default_rules(), "test_every_quote_is_the_mayors"])
    text = "The council met on Monday.\n\n“We are losing money on every single bus we run.”"
    rules = {s.rule for s in nlp(text)._.statements}
    assert "test_every_quote_is_the_mayors" in rules and "unattributed" not in rules


def test_rules_speaker_rule_names_coreference(nlp) -> None:
    text = "Jens Stoltenberg arrived in Kyiv on Monday. He said that the allies would send more air defence soon."
    s = next(s for s in nlp(text)._.statements if "air defence" in s.quote)
    assert s.speaker == "Jens Stoltenberg"
    assert s.speaker_rule == "coreference"


def test_rules_named_speaker_has_no_speaker_rule(nlp) -> None:
    s = nlp("Jens Stoltenberg said that the allies would send more air defence soon.")._.statements[0]
    assert s.rule == "cue_statements" and s.speaker_rule is None
