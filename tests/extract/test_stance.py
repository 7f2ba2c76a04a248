from __future__ import annotations

import pytest
from quotegraph.extract.model import Article, Statement
from quotegraph.extract.stance import StanceAssigner, TopicsFileError, load_topics, parse_topics, propose_topics
from quotegraph.extract.stance.llm import LLMBackend, build_prompt, parse_answer
from quotegraph.extract.stance.nli import hypotheses
from quotegraph.extract.stance.proposition import prescribes
from quotegraph.extract.stance.topics import Topic

from tests.conftest import chat_endpoint

TOPICS = parse_topics(
    {
        "topics": [
            {
                "id": "tax-cut",
                "label": "Cutting income tax",
                "proposition": "The government should cut income tax.",
                "keywords": ["income tax", "tax cut", "cut taxes"],
            },
            {
                "id": "email-server",
                "label": "Clinton's email server",
                "proposition": "Hillary Clinton's private email server broke the law.",
                "keywords": ["email server", "private server", "classified emails"],
            },
        ]
    }
)


def _article(text: str, title: str = "Budget row") -> Article:
    return Article(name="a.txt", text=text, title=title)


def _assign(quote: str, cue: str = "said", title: str = "Budget row", topics: list[Topic] | None = None) -> Statement:
    text = f"{quote} the minister {cue}."
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee", cue=cue)
    return StanceAssigner(topics or TOPICS).assign([s], None, _article(text, title))[0]


@pytest.mark.parametrize(
    ("quote", "cue", "topic", "stance"),
    [
        ("It is time to cut income tax for working families", "urged", "tax-cut", "support"),
        ("We have no intention of touching income tax this year", "said", "tax-cut", "oppose"),
        ("The government will not cut income tax, it would be irresponsible", "said", "tax-cut", "oppose"),
        ("Whether to cut income tax is up to each parliament to decide on", "said", "tax-cut", "neutral"),
        (
            "Claims about the email server are absurd and nothing to do with the law",
            "dismissed",
            "email-server",
            "oppose",
        ),
    ],
)
def test_stance_topic_and_stance_on_real_sentences(quote, cue, topic, stance):
    s = _assign(quote, cue)
    assert s.topic == topic
    assert s.stance == stance
    assert s.topics[0].evidence and 0 < s.topics[0].confidence <= 1


def test_stance_support_without_cue_words():
    s = _assign("The private email server was used for classified emails and that must be punished")
    assert (s.topic, s.stance) == ("email-server", "support")


@pytest.mark.parametrize(
    ("quote", "stance", "why"),
    [
        # a proposing proposition ("should cut income tax"): praise of the cut supports it, blame opposes it
        ("Cutting income tax would be wonderful and a great relief for families", "support", "positive evaluation"),
        ("An income tax cut would be a disaster and a terrible mistake", "oppose", "negative evaluation"),
    ],
)
def test_stance_evaluation_of_a_proposal(quote, stance, why):
    s = _assign(quote, cue="said")
    assert s.stance == stance and any(why in e for e in s.topics[0].evidence)


def test_stance_accusation_asserted_by_negative_claims():
    """An accusing proposition ("... broke the law") is asserted by negative claims: a negation in them
    is part of the accusation, not a denial of it."""
    s = _assign("She never told anyone that the private email server held classified emails", cue="said")
    assert (s.topic, s.stance) == ("email-server", "support")


@pytest.mark.parametrize(
    "quote",
    [
        "Maybe the income tax question will come up at the committee",  # hedged
        "It is unclear whether the income tax will change next year",  # on topic, takes no side
    ],
)
def test_stance_no_evidence_is_undetermined_not_neutral(quote):
    s = _assign(quote, cue="said")
    assert s.topic == "tax-cut"
    assert s.stance is None and s.topics[0].stance is None and s.topics[0].confidence <= 0.3
    assert "no evidence either way" in s.topics[0].evidence


def test_stance_no_topic_when_nothing_matches():
    s = _assign("The weather was lovely at the seaside", title="Summer")
    assert s.topic is None and s.stance is None and s.topics == ()


def test_stance_statement_without_topic_words_takes_the_headline_topic():
    s = _assign("That would be a disaster for everyone", title="Minister rejects income tax cut")
    assert s.topic == "tax-cut"


def test_stance_topics_file_errors(tmp_path):
    bad = tmp_path / "t.yaml"
    bad.write_text("topics:\n  - label: no id\n", encoding="utf-8")
    with pytest.raises(TopicsFileError, match="no id"):
        load_topics(bad)
    with pytest.raises(TopicsFileError, match="stance"):
        parse_topics({"topics": [{"id": "x", "examples": [{"text": "a", "stance": "maybe"}]}]})


def test_stance_sample_topics_file_loads(data_dir):
    topics = load_topics(data_dir / "topics.yaml")
    assert {t.id for t in topics} >= {"weapons-restrictions", "nato-direct-involvement"}
    assert all(t.proposition and t.keywords for t in topics)


def test_stance_proposed_topics_leave_out_names():
    texts = [
        "Senator Ann Lee said the income tax cut would help families. The income tax cut is popular.",
        "Ann Lee argued that an income tax cut must come before the election.",
        "Critics of the income tax cut said Ann Lee ignores the deficit and the deficit keeps growing.",
    ]
    labels = [t.label for t in propose_topics(texts, n=3)]
    assert any("tax" in label for label in labels)
    assert not any("lee" in label for label in labels)


def test_stance_nli_hypotheses_and_missing_dependency(caplog):
    hyps = hypotheses(TOPICS[0])
    assert set(hyps) == {"support", "oppose", "neutral"} and "cut income tax" in hyps["support"]
    try:
        import transformers  # noqa: F401
    except ImportError:
        with caplog.at_level("WARNING"):
            assigner = StanceAssigner(TOPICS, backend="nli")
        assert assigner.backend.name == "rules"
        assert any("quotegraph[nli]" in r.getMessage() for r in caplog.records)


def test_stance_llm_backend_against_a_local_fake_endpoint():
    seen: list[dict] = []

    def answer(body: dict) -> tuple[int, str]:
        seen.append(body)
        return 200, '{"stance": "oppose", "confidence": 0.9, "evidence": "no"}'

    with chat_endpoint(answer) as url:
        backend = LLMBackend(base_url=url, model="m", timeout=10)
        s = Statement(
            article="a", quote="We will not cut income tax", start=0, end=26, kind="direct", speaker="Ann Lee"
        )
        assert backend.stance(s, TOPICS[0], "context") == ("oppose", 0.9, ("llm: no",))
        assert seen[0]["model"] == "m" and "cut income tax" in seen[0]["messages"][0]["content"]


@pytest.mark.parametrize("text", ["no json here", '{"stance": "maybe"}'])
def test_stance_llm_bad_answers_are_errors(text):
    with pytest.raises(ValueError):
        parse_answer(text)


def test_stance_llm_prompt_holds_proposition_and_quote():
    s = Statement(article="a", quote="Cut it now", start=0, end=10, kind="direct", speaker="Ann Lee")
    prompt = build_prompt(s, TOPICS[0], "ctx")
    assert "The government should cut income tax." in prompt and "Cut it now" in prompt


def test_stance_on_each_topic_reads_only_its_own_clauses():
    # "will not" belongs to the server clause: it says nothing against the tax cut
    s = _assign("We will not use the private server again, but we will cut income tax for every family")
    by_topic = {t.topic: t for t in s.topics}
    assert set(by_topic) == {"tax-cut", "email-server"}
    assert by_topic["email-server"].stance == "oppose"
    assert by_topic["tax-cut"].stance != "oppose"


@pytest.mark.parametrize(
    ("quote", "context", "second"),
    [
        # the context names the tax twice, the quote its topic by one word: the tax is a second topic
        (
            "The server was never against the law and nothing was hidden",
            "Asked about the income tax cut and why she would cut taxes, the minister changed the subject.",
            True,
        ),
        # negative: a quote that names its own topic by a phrase outranks a topic its context names once
        (
            "The email server was never against the law and nothing was hidden",
            "Asked about the income tax cut, the minister changed the subject.",
            False,
        ),
    ],
)
def test_stance_on_a_topic_met_only_in_the_context_is_undetermined(quote, context, second):
    text = f"{context} {quote}, she said."
    s = Statement(article="a.txt", quote=quote, start=text.index(quote), end=text.index(quote) + len(quote),
                  kind="direct", speaker="Ann Lee", cue="said")  # fmt: skip
    [out] = StanceAssigner(TOPICS).assign([s], None, _article(text))
    assert out.topic == "email-server"
    tax = [t for t in out.topics if t.topic == "tax-cut"]
    if second:
        assert len(tax) == 1 and tax[0].stance is None and "topic only in the context" in tax[0].evidence
    else:
        assert tax == []


@pytest.mark.parametrize(
    ("quote", "cue", "stance"),
    [
        # blame and praise carry stance toward their object: against a proposal, for an accusation
        ("the plan to cut income tax next spring", "criticized", "oppose"),
        ("the plan to cut income tax next spring", "blasted", "oppose"),
        ("the plan to cut income tax next spring", "praised", "support"),
        ("her handling of the private email server", "attacked", "support"),
        ("her handling of the private email server", "defended", "oppose"),
        # a verb that only reports says nothing of its own: a hedged quote stays undetermined
        ("whether the plan to cut income tax might come next spring", "described", None),
        ("whether the plan to cut income tax might come next spring", "criticized", "oppose"),
    ],
)
def test_stance_reporting_verbs_evaluate_their_object(quote, cue, stance):
    s = _assign(quote, cue=cue)
    assert s.stance == stance
    if stance is not None:
        assert f"cue: {cue}" in s.topics[0].evidence


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        # an accusing proposition ("... broke the law"): blame of the accused agrees with it, praise does not
        ("The private email server was a disgraceful and shameful mess", "support"),
        ("Her private email server was handled honestly and well, a great job", "oppose"),
    ],
)
def test_stance_evaluation_of_an_accusation(quote, stance):
    s = _assign(quote, cue="said")
    assert (s.topic, s.stance) == ("email-server", stance)


TRUMP_TOPICS = parse_topics(
    {
        "topics": [
            {
                "id": "trump-returns",
                "label": "President Trump's tax returns",
                "proposition": "President Donald Trump should release his tax returns.",
                "keywords": ["tax returns"],
            },
            {
                "id": "trump-wall",
                "label": "President Trump's border wall",
                "proposition": "President Donald Trump should build his border wall.",
                "keywords": ["border wall"],
            },
        ]
    }
)


@pytest.mark.parametrize(
    ("quote", "topic"),
    [
        # a name both topics share decides neither
        ("President Donald Trump's team says President Trump will come to Ohio on Tuesday", None),
        # a word only one topic has does
        ("Donald Trump has to release his tax returns before the vote", "trump-returns"),
        ("Donald Trump will build the wall on the border", "trump-wall"),
    ],
)
def test_stance_words_shared_by_topics_do_not_decide(quote, topic):
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee", cue="said")
    [out] = StanceAssigner(TRUMP_TOPICS).assign([s], None, _article(f"{quote}, she said.", title="Campaign trail"))
    assert out.topic == topic


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        # steps of a process take no side
        ("Investigators will review the income tax records next month", "neutral"),
        ("The committee plans a hearing on the income tax cut in March", "neutral"),
        # a strong evaluation does, procedural words or not
        ("The income tax cut review was a wonderful, brilliant success", "support"),
    ],
)
def test_stance_procedural_steps_are_neutral(quote, stance):
    s = _assign(quote, cue="said")
    assert (s.topic, s.stance) == ("tax-cut", stance)


DIAGNOSIS_AND_REMEDY = parse_topics(
    {
        "topics": [
            {
                "id": "police-violence",
                "label": "Police violence",
                "proposition": "Police violence is a serious and deadly problem that must be confronted and reformed.",
                "keywords": ["police violence", "police brutality"],
            }
        ]
    }
)


@pytest.mark.parametrize(
    "quote",
    [
        "Police brutality is horrifying and it is killing our sons",  # blame agrees with the diagnosis
        "Reform of police violence is our best hope and a great opportunity",  # praise of the remedy
    ],
)
def test_stance_evaluation_of_a_proposition_that_accuses_and_prescribes(quote):
    out = _assign(quote, topics=DIAGNOSIS_AND_REMEDY)
    assert (out.topic, out.stance) == ("police-violence", "support")


@pytest.mark.parametrize("requires", [True, False])
def test_stance_a_problem_that_requires_a_remedy_prescribes_it(requires):
    # "requires reform" prescribes a remedy as "must be reformed" does: praise of the remedy agrees
    proposition = "Police violence is a serious and deadly problem that " + (
        "requires reform." if requires else "is growing."
    )
    spec = {"id": "pv", "label": "Police violence", "proposition": proposition, "keywords": ["police violence"]}
    [topic] = parse_topics({"topics": [spec]})
    assert prescribes(topic) is requires


@pytest.mark.parametrize(
    ("quote", "cue", "stance"),
    [
        # a claim dismissed as untrue or overblown
        ("the email server story a hoax and a smear", "called", "oppose"),
        ("There is no truth in the claims about her private email server", "said", "oppose"),
        # naming is no call for it; "called for" is
        ("an income tax cut for every family", "called for", "support"),
        ("the income tax cut a fraud and a hoax", "called", "oppose"),
    ],
)
def test_stance_denials_and_naming_cues(quote, cue, stance):
    assert _assign(quote, cue=cue).stance == stance


@pytest.mark.parametrize(
    ("quote", "denial"),
    [
        ("The story about her private email server was totally made up", True),
        ("They made it up, the whole private email server story", True),
        # negatives: "made up" of composition and decision
        ("Emails on the private email server made up 46 percent of the total", False),
        ("Voters have made up their minds about the private email server", False),
    ],
)
def test_stance_denials_made_up_only_as_invented(quote, denial):
    evidence = _assign(quote, cue="said").topics[0].evidence
    assert any(e.startswith("denial: ") for e in evidence) is denial


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        # blame of what the accusers said is disagreement with the accusation
        ("Those comments about the private email server are a disgrace and a shame", "oppose"),
        # blame of the accused agrees with it
        ("The private email server was a disgrace and a shame", "support"),
    ],
)
def test_stance_blame_of_what_was_said_opposes_an_accusation(quote, stance):
    s = _assign(quote, cue="said")
    assert (s.topic, s.stance) == ("email-server", stance)


def _assign_all(paragraphs: list[str], quotes: list[str]) -> list[Statement]:
    text = "\n\n".join(paragraphs)
    statements = [
        Statement(
            article="a.txt",
            quote=q,
            start=text.index(q),
            end=text.index(q) + len(q),
            kind="direct",
            speaker="Ann Lee",
            cue="said",
        )
        for q in quotes
    ]
    return StanceAssigner(TOPICS).assign(statements, None, _article(text, title="Campaign day"))


NO_TOPIC = "That would be a disaster for everyone"


@pytest.mark.parametrize(
    ("paragraphs", "quotes", "topic"),
    [
        # two quotes tagged only by the reporter's words around them, one that names its topic itself
        (
            [
                'Asked about the email server, Lee said: "We were careful."',
                'On the email server again, Lee said: "We did nothing wrong."',
                '"We will cut income tax for every family," Lee said.',
                f'"{NO_TOPIC}," Lee said.',
            ],
            ["We were careful.", "We did nothing wrong.", "We will cut income tax for every family", NO_TOPIC],
            "tax-cut",
        ),
        # negative: two quotes name the server themselves, one the tax: the server outweighs
        (
            [
                '"The email server was secure," Lee said.',
                '"Nobody hacked the private server," Lee said.',
                '"We will cut income tax for every family," Lee said.',
                f'"{NO_TOPIC}," Lee said.',
            ],
            [
                "The email server was secure",
                "Nobody hacked the private server",
                "We will cut income tax for every family",
                NO_TOPIC,
            ],
            "email-server",
        ),
    ],
)
def test_stance_statement_without_topic_takes_the_topic_the_quotes_name(paragraphs, quotes, topic):
    out = _assign_all(paragraphs, quotes)
    assert out[-1].topic == topic


@pytest.mark.parametrize(
    ("text", "quote", "topic"),
    [
        # the reporter's words name the server twice, the quote names the tax itself: the quote decides
        (
            'At a rally on the email server and the classified emails, Lee said: "We will lower income tax."',
            "We will lower income tax.",
            "tax-cut",
        ),
        # negative: a quote that names nothing is about what the words around it name
        (
            'At a rally on the email server and the classified emails, Lee said: "We did our best."',
            "We did our best.",
            "email-server",
        ),
    ],
)
def test_stance_topic_the_quote_names_outranks_its_context(text, quote, topic):
    s = Statement(
        article="a.txt",
        quote=quote,
        start=text.index(quote),
        end=text.index(quote) + len(quote),
        kind="direct",
        speaker="Ann Lee",
        cue="said",
    )
    [out] = StanceAssigner(TOPICS).assign([s], None, _article(text, title="Campaign day"))
    assert out.topic == topic


BAN = parse_topics(
    {
        "topics": [
            {
                "id": "ban",
                "label": "Entry ban",
                "proposition": "The United States should ban the entry of refugees from war zones.",
                "keywords": ["refugees", "entry ban"],
            }
        ]
    }
)


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        # blame of what was said is of the ban's proponents, not of what the ban wants gone
        ("I worry that the comments about refugees from the campaign are offensive and ugly", "oppose"),
        ("Those remarks about refugees were ugly and shameful", "oppose"),
        # negative: blame of the matter itself agrees with the ban
        ("Refugees from war zones bring dangerous and violent gangs", "support"),
    ],
)
def test_stance_blame_of_what_was_said_is_not_of_what_a_ban_wants_gone(quote, stance):
    out = _assign(quote, topics=BAN)
    assert (out.topic, out.stance) == ("ban", stance)


def _reported(quote: str, mention: str, topics: list[Topic], speaker: str | None = None) -> Statement:
    """``quote`` reported of a speaker named by ``mention`` ("..., officials said"), assigned on ``topics``."""
    s = Statement(
        article="a.txt", quote=quote, start=0, end=len(quote), kind="indirect", speaker=speaker, speaker_mention=mention
    )
    return StanceAssigner(topics).assign([s], None, _article(f"{quote}, {mention} said."))[0]


@pytest.mark.parametrize(
    ("speaker", "mention", "quote", "stance"),
    [
        # one who speaks for an office reports a fact on the proposition's terms: no side
        (None, "a State Department spokesman", "The private email server held 22 classified emails", "neutral"),
        ("FBI", "officials", "Agents found classified emails on the private server", "neutral"),
        # and so does a document of one
        (None, "the FBI summary", "An aide deleted classified emails from the private server", "neutral"),
        # negatives: a person who speaks for themselves asserts it; an office that evaluates takes a side
        ("Ann Lee", "Lee", "The private email server held 22 classified emails", "support"),
        (None, "a spokesman", "The private email server was a reckless and dangerous disgrace", "support"),
    ],
)
def test_stance_a_fact_reported_by_an_office_takes_no_side(speaker, mention, quote, stance):
    out = _reported(quote, mention, TOPICS, speaker=speaker)
    assert (out.topic, out.stance) == ("email-server", stance)


WAGE = parse_topics(
    {
        "topics": [
            {
                "id": "wage",
                "label": "Minimum wage",
                "proposition": "The minimum wage should be raised to $15 an hour.",
                "keywords": ["minimum wage", "wage increase"],
            }
        ]
    }
)


@pytest.mark.parametrize(
    ("mention", "stance"),
    [
        # a speaker named by their side, where nothing in the quote decides
        ("opponents", "oppose"),
        ("critics of the measure", "oppose"),
        ("supporters", "support"),
        # negative: a speaker not named by a side asserts it
        ("economists", "support"),
    ],
)
def test_stance_a_speaker_named_by_their_side(mention, stance):
    out = _reported("the wage increase will push companies to move to another state", mention, WAGE)
    assert (out.topic, out.stance) == ("wage", stance)


def test_stance_a_side_noun_does_not_decide_an_accusation():
    # the critics of an accusation may be the accused's or the remedy's: the noun alone does not say
    out = _reported("the private email server broke the law", "critics", TOPICS)
    assert not any("named by their side" in e for t in out.topics for e in t.evidence)
