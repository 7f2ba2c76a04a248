"""Few-shot examples for the llm backend: read from a records file the test writes itself, drawn without
chance (balanced by side, other topics first, spread over topics), rendered by the prompt's template."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from quotegraph.extract.stance import parse_topics
from quotegraph.extract.stance.base import load_prompt
from quotegraph.extract.stance.shots import ExamplePool, load_examples, render_examples, split_prompt

TOPIC_ROWS = {
    "tax": ("The government should cut income tax", "Income tax"),
    "uniform": ("Schools should require uniforms", "School uniforms"),
    "nuclear": ("The country should build new nuclear plants", "Nuclear plants"),
    "zoo": ("Zoos should be closed", "Zoos"),
}
RECORDS = [
    ("tax", "Families keep more of what they earn when the tax comes down", "support"),
    ("tax", "A tax cut now would blow a hole in the budget", "oppose"),
    ("uniform", "Uniforms stop the bullying over brands", "support"),
    ("uniform", "Children should be free to dress as they like", "oppose"),
    ("nuclear", "New reactors give clean power day and night", "support"),
    ("nuclear", "The waste stays dangerous for thousands of years", "oppose"),
    ("zoo", "Animals suffer in small cages", "support"),
    ("zoo", "Zoos save species from extinction", "oppose"),
    ("zoo", "The council will discuss the zoo on Monday", "neutral"),
    ("tax", "Nobody knows yet", None),
]


def _records(tmp_path, rows=RECORDS, name="records.jsonl"):
    path = tmp_path / name
    lines = []
    for n, (topic, text, stance) in enumerate(rows):
        proposition, label = TOPIC_ROWS[topic]
        topic_obj = {"id": topic, "label": label, "proposition": proposition, "keywords": [label.lower()]}
        lines.append(json.dumps({"id": f"t:{n}", "text": text, "topic": topic_obj, "stance": stance, "extra": 1}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _topic(topic_id: str):
    proposition, label = TOPIC_ROWS.get(topic_id, ("Voting should be compulsory", "Voting"))
    return parse_topics({"topics": [{"id": topic_id, "label": label, "proposition": proposition, "keywords": ["x"]}]})[
        0
    ]


def test_shots_load_skips_undetermined_rows_and_reads_every_side(tmp_path):
    examples = load_examples(_records(tmp_path))
    assert len(examples) == 9 and Counter(e.stance for e in examples) == {"support": 4, "oppose": 4, "neutral": 1}
    assert examples[0].proposition == "The government should cut income tax" and examples[0].label == "Income tax"


def test_shots_balanced_by_side_and_spread_over_topics(tmp_path):
    pool = ExamplePool(load_examples(_records(tmp_path)))
    picked = pool.draw(_topic("voting"), "Everyone must vote", 6)
    assert [e.stance for e in picked] == ["support", "oppose", "neutral", "support", "oppose", "support"]
    supports = [e.topic_id for e in picked if e.stance == "support"]
    assert len(set(supports)) == len(supports)  # three supports from three topics
    sided = ExamplePool([e for e in load_examples(_records(tmp_path)) if e.stance != "neutral"])
    four = sided.draw(_topic("voting"), "Everyone must vote", 4)
    assert len({e.topic_id for e in four}) == 4  # four examples from the four topics, whatever their side


def test_shots_other_topics_first_and_never_the_statement_itself(tmp_path):
    pool = ExamplePool(load_examples(_records(tmp_path)))
    picked = pool.draw(_topic("tax"), "A tax cut now would blow a hole in the budget", 6)
    assert all(e.topic_id != "tax" for e in picked)
    everything = pool.draw(_topic("tax"), "A tax cut now would blow a hole in the budget", 20)
    assert (
        len(everything) == 8 and everything[-1].text == "Families keep more of what they earn when the tax comes down"
    )
    assert "A tax cut now would blow a hole in the budget" not in {e.text for e in everything}


def test_shots_same_proposition_under_another_id_counts_as_the_same_topic(tmp_path):
    pool = ExamplePool(load_examples(_records(tmp_path)))
    own = parse_topics(
        {
            "topics": [
                {"id": "mine", "label": "X", "proposition": "the government should  cut income tax", "keywords": ["x"]}
            ]
        }
    )[0]
    assert all(e.topic_id != "tax" for e in pool.draw(own, "Cut it", 6))


def test_shots_do_not_depend_on_the_order_of_the_file(tmp_path):
    rows = list(RECORDS)
    first = ExamplePool(load_examples(_records(tmp_path, rows, "a.jsonl"))).draw(_topic("zoo"), "x", 4)
    random.Random(7).shuffle(rows)
    second = ExamplePool(load_examples(_records(tmp_path, rows, "b.jsonl"))).draw(_topic("zoo"), "x", 4)
    assert [e.text for e in first] == [e.text for e in second]


@pytest.mark.parametrize("k", [0, -1])
def test_shots_none_asked_none_given(tmp_path, k):
    assert ExamplePool(load_examples(_records(tmp_path))).draw(_topic("tax"), "x", k) == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", ":2: not JSON"),
        ('{"id": "a", "text": "t", "topic": "tax", "stance": "support"}', ":2: an example needs a topic object"),
        ('{"id": "a", "text": "t", "topic": {"proposition": "P"}, "stance": "against"}', ":2: unknown stance"),
    ],
)
def test_shots_a_bad_line_is_an_error_naming_it(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    good = {"id": "g", "text": "t", "topic": {"proposition": "P"}, "stance": "oppose"}
    path.write_text(json.dumps(good) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_examples(path)


def test_shots_rendered_by_the_prompt_files_example_template(tmp_path):
    main, example = split_prompt(load_prompt("stance.v2"))
    assert "{examples}" in main and "=== example ===" not in main and "{stance}" in example
    assert split_prompt(load_prompt("stance.v1"))[1] is None
    [e] = [e for e in load_examples(_records(tmp_path)) if e.stance == "neutral"]
    text = render_examples(example, [e, e])
    assert text.count("Proposition: Zoos should be closed\nStatement: The council will discuss") == 2
    assert "Stance: neutral" in text
