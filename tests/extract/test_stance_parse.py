"""Stance read from the parse of the article: the scope of a negation and whom an evaluation is aimed at
(the accused of an accusation, or its accusers). Sentences written for these tests, news style."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Article, Statement
from quotegraph.extract.stance import StanceAssigner, parse_topics
from quotegraph.extract.stance.evaluate import evaluated, evaluation, negated, reported

NEGATIONS = frozenset({"not", "n't", "no", "never", "nothing", "without", "neither", "nor", "none"})

TOPICS = parse_topics(
    {
        "topics": [
            {
                "id": "mayor-contracts",
                "label": "The mayor's contracts",
                "proposition": "Mayor Dana Holt abused her office by steering city contracts to her donors.",
                "keywords": ["city contracts", "no-bid contracts", "donors"],
            },
            {
                "id": "transit-levy",
                "label": "The transit levy",
                "proposition": "The county should pass the transit levy to expand bus and rail service.",
                "keywords": ["transit levy", "bus service", "rail service"],
            },
            {
                "id": "parking-fees",
                "label": "Scrapping downtown parking fees",
                "proposition": "The council should scrap the downtown parking fees, which hurt small shops.",
                "keywords": ["parking fees", "parking meters"],
            },
        ]
    }
)


def _judge(nlp, sentence: str, quote: str, cue: str = "said", speaker: str = "Reyes") -> Statement:
    """The statement of ``quote`` inside ``sentence``, judged with the parse of the sentence."""
    doc = nlp(sentence)
    start = sentence.index(quote)
    cue_at = sentence.find(f" {cue}") + 1 if f" {cue}" in sentence else None
    speaker_at = sentence.find(speaker) if speaker in sentence else None
    s = Statement(
        article="a.txt",
        quote=quote,
        start=start,
        end=start + len(quote),
        kind="direct",
        speaker=speaker,
        cue=cue,
        cue_start=cue_at,
        cue_end=None if cue_at is None else cue_at + len(cue),
        speaker_start=speaker_at,
        speaker_end=None if speaker_at is None else speaker_at + len(speaker),
    )
    return StanceAssigner(TOPICS).assign([s], doc, Article(name="a.txt", text=sentence, title="City hall"))[0]


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The audit was not fair to anyone.", "fair", True),
        ("She never helped the families.", "helped", True),
        ("It is not a good idea.", "good", True),
        ("She never helped the poorest families.", "poorest", False),
        ("There is no good reason to wait.", "good", True),
        # the negation sits in another clause or in the subject: it does not govern the word
        ("Not paying the fee made him look smart.", "smart", False),
        ("The plan brought jobs to towns that would otherwise not have work, and that is good.", "good", False),
        # an act whose object is no one or nothing is denied ("harms no one"); an object of someone is not
        ("The new levy harms no one.", "harms", True),
        ("The new levy hurts nobody.", "hurts", True),
        ("The new levy hurts small shops.", "hurts", False),
    ],
)
def test_stance_negation_scope(nlp, sentence, word, expected):
    token = next(t for t in nlp(sentence) if t.lower_ == word)
    assert negated(token, NEGATIONS) is expected


@pytest.mark.parametrize(
    ("sentence", "word", "target"),
    [
        ("Governor Walsh described the senator as a disgrace.", "disgrace", "senator"),
        ("The council called Holt a fraud.", "fraud", "Holt"),
        ("Reporters say the donors behaved terribly.", "terribly", "donors"),
        ("Lobbyists are ruining this city.", "ruining", "Lobbyists"),
    ],
)
def test_stance_evaluated_thing(nlp, sentence, word, target):
    token = next(t for t in nlp(sentence) if t.lower_ == word)
    found = evaluated(token)
    assert found is not None and found.text == target


def test_stance_evaluation_turns_negated_praise(nlp):
    doc = nlp("The mayor never helped the families in the poorest wards.")
    found = evaluation(list(doc), frozenset(), NEGATIONS)
    assert found.compound < 0 and "not helped" in found.words


@pytest.mark.parametrize(
    ("sentence", "quote", "stance", "why"),
    [
        # an accusation made of negative claims: the negation is the accusation, not its denial
        (
            'Reyes said Holt "never helped the neighborhoods that needed the city contracts" in her two terms.',
            "never helped the neighborhoods that needed the city contracts",
            "support",
            "negative evaluation",
        ),
        # blame of someone the accusation does not name: of the accuser, not of the accused
        (
            "Councilman Ortiz described Senator Brandt as a disgrace over his attacks on the city contracts.",
            "Senator Brandt as a disgrace over his attacks on the city contracts",
            "oppose",
            "blames others",
        ),
        # blame of the accused herself supports the accusation
        (
            "Councilman Ortiz described Mayor Holt as a disgrace over the city contracts.",
            "Mayor Holt as a disgrace over the city contracts",
            "support",
            "negative evaluation",
        ),
    ],
)
def test_stance_accusation_from_the_parse(nlp, sentence, quote, stance, why):
    cue = "described" if "described" in sentence else "said"
    speaker = "Councilman Ortiz" if "Ortiz" in sentence else "Reyes"
    s = _judge(nlp, sentence, quote, cue=cue, speaker=speaker)
    assert s.topic == "mayor-contracts"
    assert s.stance == stance, s.topics[0].evidence
    assert any(why in e for e in s.topics[0].evidence)


def test_stance_blame_of_a_proposal_is_not_turned(nlp):
    # a proposal (not an accusation): blame of its opponents is no reason to flip anything
    sentence = 'Reyes said "the transit levy would be a terrible waste of money for bus service nobody rides."'
    s = _judge(nlp, sentence, "the transit levy would be a terrible waste of money for bus service nobody rides")
    assert (s.topic, s.stance) == ("transit-levy", "oppose")


@pytest.mark.parametrize(
    ("sentence", "quote", "topic", "stance", "why"),
    [
        # averting what the topic names opposes it; averting something else is no evidence about it
        (
            'Reyes said "we have to prevent the transit levy from reaching the ballot this year."',
            "we have to prevent the transit levy from reaching the ballot this year.",
            "transit-levy",
            "oppose",
            "averts: prevent",
        ),
        (
            'Reyes said "Holt avoided the auditors for months while the city contracts went to her donors."',
            "Holt avoided the auditors for months while the city contracts went to her donors.",
            "mayor-contracts",
            "support",
            "",
        ),
        # a demand made of the accused praises the remedy: it sides with the accusation
        (
            'Reyes said "Holt should publish every one of the city contracts, the sooner the better."',
            "Holt should publish every one of the city contracts, the sooner the better.",
            "mayor-contracts",
            "support",
            "positive evaluation",
        ),
        # sorrow or concern at what happened, nothing said of the proposition
        (
            'Reyes said "I am deeply troubled by the news about the city contracts."',
            "I am deeply troubled by the news about the city contracts.",
            "mayor-contracts",
            "neutral",
            "reaction: troubled",
        ),
    ],
)
def test_stance_families(nlp, sentence, quote, topic, stance, why):
    s = _judge(nlp, sentence, quote)
    assert s.topic == topic
    assert s.stance == stance, s.topics[0].evidence
    assert any(why in e for e in s.topics[0].evidence)


def test_stance_reaction_with_a_side_is_not_neutral(nlp):
    # a reaction word beside a clear side: the side counts
    sentence = 'Reyes said "it is a tragedy that Holt rigged the city contracts for her donors and lied about it."'
    quote = "it is a tragedy that Holt rigged the city contracts for her donors and lied about it."
    s = _judge(nlp, sentence, quote)
    assert s.stance == "support", s.topics[0].evidence


@pytest.mark.parametrize(
    ("sentence", "quote", "cue", "topic", "stance", "why"),
    [
        # a reporting verb that blames: whom it blames decides
        (
            "Councilman Ortiz blasted Senator Brandt as a disgrace over his remarks on the city contracts.",
            "Senator Brandt as a disgrace over his remarks on the city contracts",
            "blasted",
            "mayor-contracts",
            "oppose",
            "aimed at Brandt",
        ),
        (
            "Councilman Ortiz blasted Mayor Holt as a disgrace over the city contracts.",
            "Mayor Holt as a disgrace over the city contracts",
            "blasted",
            "mayor-contracts",
            "support",
            "cue: blasted",
        ),
        # blame for not doing something demands it: it supports, on an accusation as on a proposal
        (
            "Councilman Ortiz criticized Holt for not publishing the city contracts.",
            "Holt for not publishing the city contracts",
            "criticized",
            "mayor-contracts",
            "support",
            "for not doing",
        ),
        (
            "Councilman Ortiz criticized the county board for not passing the transit levy.",
            "the county board for not passing the transit levy",
            "criticized",
            "transit-levy",
            "support",
            "for not doing",
        ),
        # without it, blame of a proposal opposes it
        (
            "Councilman Ortiz criticized the transit levy as a waste of money.",
            "the transit levy as a waste of money",
            "criticized",
            "transit-levy",
            "oppose",
            "cue: criticized",
        ),
    ],
)
def test_stance_blaming_cue(nlp, sentence, quote, cue, topic, stance, why):
    s = _judge(nlp, sentence, quote, cue=cue, speaker="Councilman Ortiz")
    assert s.topic == topic
    assert s.stance == stance, s.topics[0].evidence
    assert any(why in e for e in s.topics[0].evidence)


@pytest.mark.parametrize(
    ("quote", "topic", "stance"),
    [
        # a question that charges or demands sides with what it charges or demands
        ("Why won't Holt publish the city contracts if she has nothing to hide?", "mayor-contracts", "support"),
        ("How many times do we have to read about city contracts going to her donors?", "mayor-contracts", "support"),
        ("Why not put the transit levy on the ballot and let voters decide?", "transit-levy", "support"),
    ],
)
def test_stance_rhetorical_question(nlp, quote, topic, stance):
    s = _judge(nlp, f'Reyes said "{quote}"', quote)
    assert s.topic == topic
    assert s.stance == stance, s.topics[0].evidence
    assert any("rhetorical question" in e for e in s.topics[0].evidence)


def test_stance_plain_question_is_no_charge(nlp):
    # a real question without a charging opening takes no side by itself
    quote = "When will the county vote on the transit levy?"
    s = _judge(nlp, f'Reyes asked "{quote}"', quote, cue="asked")
    assert not any("rhetorical question" in e for e in s.topics[0].evidence)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # what the speaker reports of others is theirs: its evaluation is not the speaker's
        ("Critics claim that the levy is a disgrace.", "disgrace", True),
        ("There is the notion that the levy is a disaster.", "disaster", True),
        # the speaker's own claim, and a plain clause, are the speaker's
        ("I said that the levy is a disgrace.", "disgrace", False),
        ("The levy is a disgrace.", "disgrace", False),
    ],
)
def test_stance_reported_evaluation(nlp, sentence, word, expected):
    doc = nlp(sentence)
    token = next(t for t in doc if t.lower_ == word)
    reporting = frozenset({"notion", "claim", "say"})
    assert reported(token, {t.i for t in doc}, reporting) is expected


@pytest.mark.parametrize(
    ("quote", "topic", "stance", "why"),
    [
        # how the matter plays in the contest: on the topic, no side
        ("The city contracts story has moved her numbers in the polls more than anyone expected.",
         "mayor-contracts", "neutral", "commentary: polls"),
        ("The transit levy will be decided by turnout in the suburbs.", "transit-levy", "neutral",
         "commentary: turnout"),
        # "win" tells who gains in the contest, it judges nothing
        ("With the city contracts in the news, her rival will win the primary.", "mayor-contracts",
         "neutral", "commentary: win"),
        ("I am surprised how much the city contracts have mattered in this race.", "mayor-contracts", "neutral",
         "reaction: surprised"),
        # a call for a step of a process (oversight, an investigation): no side
        ("There is a need for more oversight of the city contracts.", "mayor-contracts", "neutral",
         "procedure: oversight"),
        # the steps of a legal case, even told with a word of praise
        ("The county has secured the cooperation of the clerk who handled the city contracts.", "mayor-contracts",
         "neutral", "procedure: cooperation"),
        ("Prosecutors will accept the recommendation on the city contracts and not pursue an indictment.",
         "mayor-contracts", "neutral", "procedure: recommendation"),
        # negatives: the race named beside a side taken, and a call for more of the thing proposed
        ("Voters know that Holt rigged the city contracts for her donors and lied about it.", "mayor-contracts",
         "support", "negative evaluation"),
        ("We need more bus service and the transit levy delivers it.", "transit-levy", "support", "need"),
        # the contest named with a judgement in it takes the judgement's side
        ("The polls show that Holt rigged the city contracts and lied about it.", "mayor-contracts", "support",
         "negative evaluation"),
    ],
)  # fmt: skip
def test_stance_commentary_and_process(nlp, quote, topic, stance, why):
    s = _judge(nlp, f'Reyes said "{quote}"', quote)
    assert s.topic == topic
    assert s.stance == stance, s.topics[0].evidence
    assert any(why in e for e in s.topics[0].evidence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The levy will not pass this year.", 1),
        ("We never agreed to the levy.", 1),
        # a negation inside a relative or adverbial clause denies nothing the main clause asserts
        ("The levy has brought buses to towns that would otherwise not have any service.", 0),
        ("The levy passed because voters did not trust the council.", 0),
        # "not just", "not only" add
        ("We are not just counting riders, we are building lines.", 0),
        ("It helps not only the poor but everyone.", 0),
    ],
)
def test_stance_main_negations(nlp, sentence, expected):
    from quotegraph.extract.stance.evaluate import main_negations

    assert main_negations(list(nlp(sentence)), NEGATIONS) == expected


def test_stance_main_negations_of_a_quote_inside_a_sentence(nlp):
    # how the quote hangs on the sentence around it (here a clause of "the idea") does not make it subordinate
    from quotegraph.extract.stance.evaluate import main_negations

    doc = nlp('Reyes dismissed the idea that "we do not have the money for the levy" at the hearing.')
    start = doc.text.index("we do not")
    quote = [t for t in doc if start <= t.idx < doc.text.index('" at')]
    assert main_negations(quote, NEGATIONS) == 1


@pytest.mark.parametrize(
    "quote",
    [
        "Holt has not put a single one of the city contracts out to bid, as was true of her first term.",
        "Sure enough, the city contracts went to her donors again.",
        "Let me make it very clear that the city contracts went to her donors again.",
    ],
)
def test_stance_vouching_words_judge_nothing(nlp, quote):
    # "true", "sure", "clear" vouch for what is said: the accusation is asserted, not praised
    s = _judge(nlp, f'Reyes said "{quote}"', quote)
    assert s.stance == "support", s.topics[0].evidence
    assert not any("positive evaluation" in e for e in s.topics[0].evidence)


def test_stance_headline_words_evaluate(nlp):
    # a headline's capitalised word the tagger takes for a name, though no entity holds it, still evaluates;
    # a name does not ("Grace" is someone)
    doc = nlp("Reyes Calls Mayor Holt ‘A Disgrace’ Over City Contracts")
    found = evaluation(list(doc), frozenset(), NEGATIONS)
    assert found.compound < 0 and "disgrace" in found.words
    doc = nlp("Grace Holt said the city contracts went to donors.")
    assert "grace" not in evaluation(list(doc), frozenset(), NEGATIONS).words


@pytest.mark.parametrize(
    ("text", "evaluates"),
    [
        ("Holt is a kind and generous mayor.", True),
        ("Holt spent that kind of money on the contracts.", False),
        ("The city paid a fine of $500 for the contracts.", False),
    ],
)
def test_stance_adjective_senses_evaluate_only_as_adjectives(nlp, text, evaluates):
    # VADER scores "kind" and "fine" as adjectives: "that kind of money" and "a fine of $500" praise nothing
    found = evaluation(list(nlp(text)), frozenset(), NEGATIONS)
    assert any(w in found.words for w in ("kind", "fine")) is evaluates, found.words


@pytest.mark.parametrize(
    "quote",
    [
        "Supporters of the transit levy will fill the hall tonight.",
        "Critics of the transit levy will fill the hall tonight.",
    ],
)
def test_stance_side_nouns_judge_nothing(nlp, quote):
    # "supporters", "critics" name people by their side (side_nouns of stance.yaml): VADER scores them, but who
    # fills a hall is said, not judged
    s = _judge(nlp, f'Reyes said "{quote}"', quote)
    levy = next(t for t in s.topics if t.topic == "transit-levy")
    assert not any("evaluation" in e for e in levy.evidence), levy.evidence


def test_stance_sentiment_reads_words_in_curly_quotes():
    from quotegraph.extract.stance.rules import sentiment

    assert sentiment("Holt ‘A Disgrace’ Over Contracts")[0] < 0


@pytest.mark.parametrize(
    ("sentence", "verb", "told"),
    [
        ("Big developers avoid the transit levy every year.", "avoid", True),
        ("The loophole lets developers avoid paying the transit levy.", "avoid", True),
        # wanted, not told: a modal, the first person, a purpose, an order
        ("We must prevent the transit levy from reaching the ballot.", "prevent", False),
        ("The council should avoid the transit levy this year.", "avoid", False),
        ("They campaigned hard to prevent a new tax.", "prevent", False),
        ("Stop the transit levy now.", "stop", False),
    ],
)
def test_stance_described_acts(nlp, sentence, verb, told):
    from quotegraph.extract.stance.evaluate import described_acts

    assert (verb in described_acts(list(nlp(sentence)))) is told


def test_stance_averting_in_what_others_hold_is_theirs(nlp):
    # averting that the quote reports others to hold ("the notion that ...") is not the speaker's
    quote = "There is the notion that a court ruling would prevent the transit levy from passing."
    s = _judge(nlp, f'Reyes said "{quote}"', quote)
    assert not any(e.startswith("averts") for e in s.topics[0].evidence), s.topics[0].evidence
    quote = "We will prevent the transit levy from passing."
    s = _judge(nlp, f'Reyes said "{quote}"', quote)
    assert s.stance == "oppose" and any(e.startswith("averts") for e in s.topics[0].evidence)


def test_stance_removed_words_of_a_proposition():
    from quotegraph.extract.stance.rules import removed_words

    assert {"downtown", "parking", "fees", "fee"} <= removed_words(TOPICS[2])
    assert removed_words(TOPICS[1]) == frozenset()  # "should pass the transit levy": nothing to remove


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        # blame of what the proposal would do away with agrees with it, praise of it disagrees
        ("These parking fees are a disaster for every shop on Main Street.", "support"),
        ("The parking fees are a great success and pay for the new bus lanes.", "oppose"),
    ],
)
def test_stance_evaluation_of_what_a_proposal_removes(nlp, quote, stance):
    s = _judge(nlp, f'Reyes said "{quote}"', quote)
    assert s.topic == "parking-fees"
    assert s.stance == stance, s.topics[0].evidence


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            "Mayor Dana Holt signed the city contracts in May. Reyes said she should resign.",
            "she should resign",
            ["Dana Holt"],
        ),
        # no person before the pronoun within reach: nobody
        ("The council met on Monday. Reyes said it should resign.", "it should resign", []),
        # "she" passes by the nearest name when it is a man's, by his first name here or elsewhere in the text
        (
            "Mayor Dana Holt signed the city contracts. James Reyes said she should resign.",
            "she should resign",
            ["Dana Holt"],
        ),
        (
            "James Reyes spoke on Monday. Mayor Dana Holt signed the city contracts. Mr. Reyes said she should resign.",
            "she should resign",
            ["Dana Holt"],
        ),
        # a name of unknown gender stays the nearest
        (
            "Mayor Dana Holt signed the city contracts. Kim Reyes said she should resign.",
            "she should resign",
            ["Kim Reyes"],
        ),
    ],
)
def test_stance_pronoun_names(nlp, text, quote, expected):
    from quotegraph.extract.stance.evaluate import pronoun_names

    doc = nlp(text)
    start = text.index(quote)
    assert pronoun_names(doc, start, start + len(quote)) == expected


def test_stance_pronoun_names_count_for_the_topic(nlp):
    # "she" in the quote names Holt, whom the mayor-contracts proposition names
    text = "Dana Holt has run the city since 2019. Reyes said she should answer for it."
    doc = nlp(text)
    quote = "she should answer for it"
    start = text.index(quote)
    s = Statement(article="a.txt", quote=quote, start=start, end=start + len(quote), kind="indirect", speaker="Reyes")
    out = StanceAssigner(TOPICS, topic_threshold=0.5).assign([s], doc, Article(name="a.txt", text=text, title=""))[0]
    assert out.topic == "mayor-contracts"


@pytest.mark.parametrize(
    ("word", "sign"),
    [
        ("corrupt", -1),
        ("unconstitutional", -1),
        ("bigotry", -1),
        ("genius", 1),
        ("unnatural", -1),
        ("deadly", -1),
        ("thriving", 1),
        ("healthier", 1),
        ("a blight", -1),
        ("a setback", -1),
        ("a lifeline", 1),
        ("a boon", 1),
        ("interference", -1),
    ],
)
def test_stance_valences_vader_lacks(word, sign):
    # words of political news VADER's lexicon lacks are added to it (stance.yaml valences)
    from quotegraph.extract.stance.rules import sentiment

    assert sentiment(f"It is {word}.")[0] * sign > 0


@pytest.mark.parametrize("text", ["It is top secret.", "the intelligence agencies", "a top aide"])
def test_stance_valences_names_of_political_news_judge_nothing(text):
    # "top" and "intelligence" name things in political news ("top secret", "the intelligence agencies")
    from quotegraph.extract.stance.rules import sentiment

    assert sentiment(text)[0] == 0


@pytest.mark.parametrize(
    ("speaker", "stance"),
    [
        # the accused blames the accusers: no self-accusation
        ("Dana Holt", "oppose"),
        # someone else blames the accused
        ("Luis Reyes", "support"),
    ],
)
def test_stance_the_accused_blames_the_accusers(nlp, speaker, stance):
    quote = "What happened with the city contracts is disgusting and dishonest."
    s = _judge(nlp, f'{speaker} said "{quote}"', quote, speaker=speaker)
    assert s.stance == stance, s.topics[0].evidence


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        # the accused admits the matter in a word of admission: her blame agrees with the accusation
        ("Steering the city contracts that way was a mistake.", "support"),
        ("The handling of the city contracts was an error.", "support"),
        # negatives: blame with no admission is of the accusers
        ("The attacks on the city contracts are dishonest and wrong.", "oppose"),
    ],
)
def test_stance_the_accused_admits_the_matter(nlp, quote, stance):
    s = _judge(nlp, f'Dana Holt said "{quote}"', quote, speaker="Dana Holt")
    assert s.stance == stance, s.topics[0].evidence


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Comments like his set us back.", "like", False),  # a preposition
        ("Well, the levy passed.", "well", False),  # an interjection
        ("The program grew well beyond its purpose.", "well", False),  # an adverb of degree
        ("It is pretty clear.", "pretty", False),
        ("I like the levy.", "like", True),
        ("The levy worked well.", "well", True),
    ],
)
def test_stance_words_that_evaluate_by_part_of_speech(nlp, sentence, word, expected):
    from quotegraph.extract.stance.evaluate import evaluates

    token = next(t for t in nlp(sentence) if t.lower_ == word)
    assert evaluates(token) is expected


@pytest.mark.parametrize(
    ("speaker", "stance"),
    [
        # the accused negating the accusation denies it
        ("Dana Holt", "oppose"),
        # someone else's negative claim of the accused asserts it ("she never put them out to bid")
        ("Luis Reyes", "support"),
    ],
)
def test_stance_the_accused_denies(nlp, speaker, stance):
    quote = "None of the city contracts ever went to her donors."
    s = _judge(nlp, f'{speaker} said "{quote}"', quote, speaker=speaker)
    assert s.stance == stance, s.topics[0].evidence


@pytest.mark.parametrize(
    ("sentence", "alone", "share"),
    [
        # a statement on its own: the pronoun it evaluates can only stand in for its matter
        ("It is a terrible waste of money.", True, 1.0),
        ("They are cheap, quick and popular with riders.", True, 1.0),
        # inside an article the pronoun may name anything before it
        ("It is a terrible waste of money.", False, 0.0),
        # a named thing the matter's words do not name is not the matter
        ("The stadium is a terrible waste of money.", True, 0.0),
    ],
)
def test_stance_pronoun_of_a_statement_alone_is_its_matter(nlp, sentence, alone, share):
    found = evaluation(list(nlp(sentence)), frozenset(), NEGATIONS, matter=frozenset({"buses", "bus"}), alone=alone)
    assert found.on_matter == share, found
