"""Blame of a problem a text names loosely ("Nobody who works full time should live in poverty" on raising the
minimum wage) is not blame of the proposal: the problem may be what the proposal fixes or a harm it causes, and
nothing in the parse ties it to the matter (our own sentences)."""

from __future__ import annotations

import pytest
from quotegraph.extract.stance import judge_records
from quotegraph.extract.stance.evaluate import loose_problem, tied
from quotegraph.extract.stance.lexicon import lexicon, loose_parts

MATTER = frozenset({"minimum", "wage"})
NAMED = (frozenset(), MATTER, frozenset())
WAGE = {"id": "wage", "label": "Minimum wage", "proposition": "We should raise the minimum wage"}
BAN = {"id": "home", "label": "Homeschooling", "proposition": "Homeschooling should be banned"}


@pytest.mark.parametrize(
    ("text", "word", "loose"),
    [
        ("Nobody who works full time should live in poverty.", "poverty", True),
        ("Too many families struggle with debt.", "debt", True),
        # negatives: a verb of effect ties it ("reduces", "leads to"), or it is the subject of one
        ("The minimum wage reduces poverty.", "poverty", False),
        ("A higher minimum wage leads to unemployment.", "unemployment", False),
        ("Accidents and deaths would increase.", "deaths", False),
        # negatives: said of the matter or of a pronoun for it, or done by the matter
        ("The minimum wage is a disaster.", "disaster", False),
        ("It is a disaster.", "disaster", False),
        ("The minimum wage gives a voice to extremists.", "extremists", False),
        # negatives: its own phrase names the matter; the word praises
        ("The poverty of minimum wage workers is shameful.", "poverty", False),
        ("Workers deserve dignity.", "dignity", False),
    ],
)
def test_stance_loose_problem_target(nlp, text, word, loose):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    valence = -1.0 if word != "dignity" else 1.0
    assert loose_problem(token, valence, loose_parts(), NAMED, True, lexicon().shifters) is loose


@pytest.mark.parametrize(
    ("text", "word", "is_tied"),
    [
        ("Fluoride prevents tooth decay.", "decay", True),
        ("Guns lead to violence.", "violence", True),
        ("The law protects children from abuse.", "abuse", True),
        ("Crime and poverty have dropped.", "poverty", False),  # "drop" is no verb of effect
        ("People live in poverty.", "poverty", False),
    ],
)
def test_stance_loose_problem_tied(nlp, text, word, is_tied):
    token = next(t for t in nlp(text) if t.text == word)
    assert tied(token, lexicon().shifters) is is_tied


@pytest.mark.parametrize(
    ("topic", "text", "not_stance"),
    [
        # the problem the proposal would fix: its blame does not oppose the proposal
        (WAGE, "Nobody who works full time should live in poverty.", "oppose"),
        (
            WAGE,
            "Nobody who works full time should live in poverty. Raising the minimum wage puts money in the pockets "
            "of workers.",
            "oppose",
        ),
    ],
)
def test_stance_loose_problem_no_side_against(nlp, topic, text, not_stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp, gate=False)
    assert judged["stance"] != not_stance, judged["evidence"]


@pytest.mark.parametrize(
    ("topic", "text", "stance"),
    [
        # negatives: a harm the matter causes, and a problem blamed where the proposition wants the matter gone
        (WAGE, "A higher minimum wage would cause unemployment.", "oppose"),
        (WAGE, "The minimum wage reduces poverty.", "support"),
        (BAN, "Homeschooled children often grow up in isolation and loneliness.", "support"),
    ],
)
def test_stance_loose_problem_kept(nlp, topic, text, stance):
    [judged] = judge_records([{"id": 1, "text": text, "topic": topic}], nlp=nlp, gate=False)
    assert judged["stance"] == stance, judged["evidence"]
