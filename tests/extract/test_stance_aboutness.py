from __future__ import annotations

import pytest
from quotegraph.extract.model import Article, Statement
from quotegraph.extract.stance import StanceAssigner, parse_topics
from quotegraph.extract.stance.aboutness import (
    about_weights,
    generic,
    match_config,
    match_stem,
    mentions,
    names_it,
    names_of,
    profile,
    stem_df,
    topic_forms,
    whole_phrases,
)
from quotegraph.extract.stance.rules import topic_scores
from quotegraph.extract.stance.topics import Topic

TOPICS = parse_topics(
    {
        "topics": [
            {
                "id": "voting",
                "label": "Compulsory voting",
                "proposition": "We should introduce compulsory voting",
                "keywords": ["compulsory voting"],
            },
            {
                "id": "immigration",
                "label": "Immigration",
                "proposition": "Immigration should be cut",
                "keywords": ["immigration"],
            },
            {
                "id": "guns",
                "label": "Right",
                "proposition": "We should abolish the right to keep and bear arms",
                "keywords": ["right", "arms"],
            },
        ]
    }
)


@pytest.mark.parametrize(
    ("a", "b"),
    [("voting", "vote"), ("votes", "voted"), ("immigration", "immigrants"), ("immigrate", "immigration"),
     ("cloning", "clones"), ("taxes", "tax"), ("urbanization", "urban"), ("atheists", "atheism")],
)  # fmt: skip
def test_aboutness_stems_meet_other_forms(a, b):
    assert match_stem(a) == match_stem(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("acting", "action"),
        ("server", "serve"),
        ("class", "clas"),
        ("cannabis", "cannabi"),
        ("bus", "bu"),
        ("tax", "taxi"),
    ],
)
def test_aboutness_stems_keep_other_words_apart(a, b):
    assert match_stem(a) != match_stem(b)


@pytest.mark.parametrize(("word", "expected"), [("people", True), ("rights", True), ("arms", False), ("vote", False)])
def test_aboutness_generic_words(word, expected):
    assert generic(match_stem(word)) is expected


def _topic(quote: str) -> str | None:
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee", cue="said")
    [out] = StanceAssigner(TOPICS).assign([s], None, Article(name="a.txt", text=f"{quote}, she said.", title="x"))
    return out.topic


@pytest.mark.parametrize(
    ("quote", "topic"),
    [
        # another form of the keyword's last word names the topic, beside another word of it
        ("making voting compulsory would only annoy people", "voting"),
        # ... not alone: "vote" alone may be of anything
        ("nobody should be forced to vote if they do not want to", None),
        ("immigrants built this country and keep it running", "immigration"),  # the keyword itself
        ("you would never find every gun; confiscating arms does not work", "guns"),
        # "right" is said of everything: it decides nothing
        ("people have the right to their own bodies", None),
        ("it is the right of every citizen to choose", None),
    ],
)
def test_aboutness_topic_by_what_the_quote_names(quote, topic):
    assert _topic(quote) == topic


def test_aboutness_a_verb_counts_less_than_a_noun(nlp):
    df = stem_df(TOPICS)
    prof = profile(TOPICS[1], df)
    noun = "Immigration is at a record level"
    verb = "Those who immigrate work hard"  # the same stem, as a verb
    scores = []
    for text in (noun, verb):
        about = about_weights(nlp(text), 0, len(text))
        scores.append(topic_scores(TOPICS[1], text, text, text, "", about=about, prof=prof).score)
    assert scores[0] > scores[1] > 0


@pytest.mark.parametrize(
    ("quote", "topics"),
    [
        # two topics named alike: both
        ("compulsory voting and immigration are the two questions of this election", ("voting", "immigration")),
        # one named by its keyword, the other by a passing word of its proposition: only the first
        ("compulsory voting would be a fine thing, whatever is cut", ("voting",)),
    ],
)
def test_aboutness_a_second_topic_only_when_close_to_the_first(quote, topics):
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee", cue="said")
    [out] = StanceAssigner(TOPICS).assign([s], None, Article(name="a.txt", text=f"{quote}, she said.", title="x"))
    assert tuple(t.topic for t in out.topics) == topics


RETURNS = parse_topics(
    {
        "topics": [
            {
                "id": "returns",
                "label": "Trump's tax returns",
                "proposition": "Donald Trump should release his tax returns.",
                "keywords": ["tax returns"],
            },
            {
                "id": "wall",
                "label": "Border wall",
                "proposition": "The United States should build a wall on the Mexican border.",
                "keywords": ["border wall"],
            },
        ]
    }
)


@pytest.mark.parametrize(
    ("quote", "topic"),
    [
        ("the returns he filed show he paid no tax", "returns"),
        # a name beside the last word of a phrase does not make it the topic's
        ("Trump says the returns on his hotels were strong", None),
    ],
)
def test_aboutness_a_name_does_not_back_a_lone_word(quote, topic):
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee", cue="said")
    [out] = StanceAssigner(RETURNS).assign([s], None, Article(name="a.txt", text=f"{quote}, she said.", title="x"))
    assert out.topic == topic


@pytest.mark.parametrize(
    ("topic", "names"),
    [(RETURNS[0], {"donald", "trump"}), (RETURNS[1], {"unit", "stat", "mexican"}), (TOPICS[0], set())],
)
def test_aboutness_names_of_a_topic(topic, names):
    assert names_of(topic) == names


@pytest.mark.parametrize(
    ("quote", "topic"),
    [
        # the last word of a keyword phrase alone, as what the quote is about (its subject or object)
        ("voting is a duty of every citizen", "voting"),
        ("nobody can make the voting fair", "voting"),
        # ... not as a verb, nor inside a modifier
        ("nobody should be forced to vote", None),
        ("she spoke about the day of the voting", None),
    ],
)
def test_aboutness_the_head_of_a_subject_or_object_names_the_topic(nlp, quote, topic):
    text = f"{quote}, she said."
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee", cue="said")
    [out] = StanceAssigner(TOPICS).assign([s], nlp(text), Article(name="a.txt", text=text, title="x"))
    assert out.topic == topic


def test_aboutness_a_word_counts_once_for_a_topic():
    one = parse_topics({"topics": [{"id": "t", "proposition": "Release the tax returns", "keywords": ["tax returns"]}]})
    two = parse_topics(
        {
            "topics": [
                {
                    "id": "t",
                    "proposition": "Release the tax returns",
                    "keywords": ["tax returns", "release the returns"],
                }
            ]
        }
    )
    quote = "the tax returns are still secret"
    scores = [topic_scores(t[0], quote, quote, quote, "", prof=profile(t[0], stem_df(t))).score for t in (one, two)]
    assert scores[0] == scores[1] > 0


EMAIL = parse_topics(
    {
        "topics": [
            {
                "id": "email-server",
                "label": "Clinton's email server",
                "proposition": "Hillary Clinton's private email server broke the law.",
                "keywords": ["email server", "private server"],
            }
        ]
    }
)


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Clinton defends her private email server", "email-server"),  # a keyword phrase in the headline
        ("Hillary Clinton tells supporters to get out and vote", None),  # only the name: who, not what
    ],
)
def test_aboutness_headline_topic_by_keyword_phrases(title, topic):
    quote = "That would be a disaster for everyone"
    s = Statement(article="a.txt", quote=quote, start=0, end=len(quote), kind="direct", speaker="Ann Lee", cue="said")
    [out] = StanceAssigner(EMAIL).assign([s], None, Article(name="a.txt", text=f"{quote}, she said.", title=title))
    assert out.topic == topic


INQUIRY = parse_topics(
    {
        "topics": [
            {
                "id": "server",
                "label": "The mayor's private email server",
                "proposition": "The mayor's use of a private email server was wrong.",
                "keywords": ["email server", "private server", "classified information"],
            },
            {
                "id": "chief",
                "label": "The police chief's handling of the inquiry",
                "proposition": "The police chief mishandled the inquiry into the mayor.",
                "keywords": ["police chief", "inquiry"],
            },
        ]
    }
)


@pytest.mark.parametrize(
    ("text", "quote", "topic"),
    [
        # who speaks is not what is said: the chief's title as the subject of the cue
        ("The police chief said the server held secrets.", "the server held secrets", "server"),
        ("“The server held secrets,” the police chief said.", "The server held secrets", "server"),
        # ... but the chief as what the quote is about still counts
        ("Dana Park said the police chief mishandled the inquiry.", "the police chief mishandled the inquiry", "chief"),
        ("Dana Park criticised the police chief for the inquiry.", "the police chief for the inquiry", "chief"),
        # the chief named before, as the "he" who speaks: the quote's own words decide
        (
            "Police chief Dana Park spoke on Monday. The private server held secrets, he said.",
            "The private server held secrets",
            "server",
        ),
    ],
)
def test_aboutness_the_speaker_is_not_what_is_said(nlp, text, quote, topic):
    start = text.index(quote)
    s = Statement(article="a.txt", quote=quote, start=start, end=start + len(quote), kind="direct", speaker="X")
    [out] = StanceAssigner(INQUIRY).assign([s], nlp(text), Article(name="a.txt", text=text, title="x"))
    assert out.topic == topic


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("FBI Director James Comey said those statements were wrong.", "those statements were wrong", {"comey", "fbi"}),
        ("“Those statements were wrong,” Comey said.", "Those statements were wrong", {"comey"}),
        ("Lewandowski ripped Comey for acting as the judge.", "Comey for acting as the judge", {"lewandowski"}),
        # a pronoun as the speaker: the person it stands for, by title and name
        (
            "FBI Director James Comey spoke at a hearing. She did receive emails, he said.",
            "She did receive emails",
            {"comey", "director"},
        ),
    ],
)
def test_aboutness_speaker_words(nlp, text, quote, speaker):
    start = text.index(quote)
    about = about_weights(nlp(text), start, start + len(quote))
    assert speaker <= about.speaker
    assert not about.speaker & about.heads


def test_aboutness_a_whole_phrase_and_its_last_word_alone_count_once():
    def score(keywords: list[str]) -> float:
        topics = parse_topics({"topics": [{"id": "t", "proposition": "The inquiry was unfair", "keywords": keywords}]})
        quote = "the investigation into her was unfair"
        return topic_scores(topics[0], quote, quote, quote, "", prof=profile(topics[0], stem_df(topics))).score

    assert score(["reopened the investigation", "investigation"]) == score(["investigation"]) > 0


@pytest.mark.parametrize(
    ("sentence", "paragraph", "met"),
    [
        # the last word of "Justice Department" alone, beside "inquiry" in the sentence: it counts there ...
        ("She lied to the department, he said after the inquiry.", "", True),
        # ... not from another sentence of the paragraph ("State Department")
        (
            "She lied, he said after the inquiry.",
            "She lied, he said after the inquiry. The State Department spoke.",
            False,
        ),
    ],
)
def test_aboutness_a_last_word_alone_counts_in_the_quote_and_its_sentence(sentence, paragraph, met):
    topics = parse_topics(
        {
            "topics": [
                {"id": "t", "proposition": "The inquiry was unfair", "keywords": ["Justice Department", "inquiry"]}
            ]
        }
    )
    out = topic_scores(
        topics[0], "She lied", sentence, paragraph or sentence, "", prof=profile(topics[0], stem_df(topics))
    )
    assert ("department" in out.matched) is met


def test_aboutness_a_keyword_is_shared_only_with_topics_that_name_it():
    topics = parse_topics(
        {
            "topics": [
                {"id": "emails", "proposition": "Her emails broke the law", "keywords": ["emails"]},
                # "email" passes by in this proposition: the keyword "emails" stays the first topic's own
                {
                    "id": "director",
                    "proposition": "The director mishandled the email inquiry",
                    "keywords": ["director"],
                },
            ]
        }
    )
    df = stem_df(topics)
    assert profile(topics[0], df).phrases[0][2] == 1.0
    # ... but a third topic naming it in its keywords shares it
    shared = parse_topics(
        {
            "topics": [
                *[{"id": t.id, "proposition": t.proposition, "keywords": list(t.keywords)} for t in topics],
                {"id": "x", "proposition": "Mail", "keywords": ["email"]},
            ]
        }
    )
    assert profile(shared[0], stem_df(shared)).phrases[0][2] == 0.5


PEOPLE = parse_topics(
    {
        "topics": [
            {
                "id": "server",
                "label": "The mayor's private email server",
                "proposition": "The mayor's use of a private email server was wrong.",
                "keywords": ["email server", "emails"],
            },
            {
                "id": "chief",
                "label": "Chief Dana Park's handling of the inquiry",
                "proposition": "Police chief Dana Park mishandled the inquiry into the mayor.",
                "keywords": ["Dana Park", "police chief"],
            },
        ]
    }
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "topic"),
    [
        # the speaker's own "his": who speaks, not what the quote is about
        ("Dana Park spoke on Monday. Park said his officers found no emails.", "his officers found no emails",
         "Dana Park", "server"),
        ("Dana Park said on Monday that her answers matched her emails.", "her answers matched her emails",
         "Dana Park", "server"),
        # another's "his" still names the person: the quote is about Park
        ("Dana Park spoke on Monday. “His officers found no emails,” Lee Ortiz said.", "His officers found no emails",
         "Lee Ortiz", "chief"),
    ],
)  # fmt: skip
def test_aboutness_a_pronoun_for_the_speaker_names_no_topic(nlp, text, quote, speaker, topic):
    start = text.index(quote)
    s = Statement(article="a.txt", quote=quote, start=start, end=start + len(quote), kind="indirect", speaker=speaker)
    [out] = StanceAssigner(PEOPLE).assign([s], nlp(text), Article(name="a.txt", text=text, title="x"))
    assert out.topic == topic


@pytest.mark.parametrize(
    ("a", "b"),
    [("statement", "state"), ("statements", "states"), ("department", "departure"), ("parties", "part")],
)
def test_aboutness_stems_keep_a_word_of_its_own_apart(a, b):
    # a suffix strip that would meet another word's stem: the word keeps its own (topic_match.yaml own_stems)
    assert match_stem(a) != match_stem(b)


@pytest.mark.parametrize(
    ("text", "quote", "topic"),
    [
        # the chief as the source the quote reports: what he said is what it is about
        ("Reyes told reporters that the police chief said the server was never hacked.",
         "the police chief said the server was never hacked", "server"),
        ("Reyes told reporters that the police chief told him the server was hacked.",
         "the police chief told him the server was hacked", "server"),
        # a keyword phrase counts by its head: "police" met again elsewhere does not lend "police chief" a weight
        ("Reyes told reporters that the police chief said police found the server was hacked.",
         "the police chief said police found the server was hacked", "server"),
        # ... but the chief who does something is what the quote is about
        ("Reyes told reporters that the police chief hid that the server was hacked.",
         "the police chief hid that the server was hacked", "chief"),
    ],
)  # fmt: skip
def test_aboutness_a_source_the_quote_reports_is_not_what_it_is_about(nlp, text, quote, topic):
    start = text.index(quote)
    s = Statement(article="a.txt", quote=quote, start=start, end=start + len(quote), kind="direct", speaker="Reyes")
    [out] = StanceAssigner(INQUIRY).assign([s], nlp(text), Article(name="a.txt", text=text, title="x"))
    assert out.topic == topic


@pytest.mark.parametrize(
    ("quote", "sources"),
    [
        ("Director Comey said my answers were truthful.", {"Director", "Comey"}),
        ("Comey has said that she was careless.", {"Comey"}),
        # no clause of what was said: the subject is what the quote is about
        ("Comey said nothing.", set()),
        ("Comey criticized the senators.", set()),
    ],
)
def test_aboutness_quoted_sources(nlp, quote, sources):
    from quotegraph.extract.stance.aboutness import quoted_sources

    doc = nlp(quote)
    assert {doc[i].text for i in quoted_sources(doc[:])} == sources


def test_aboutness_two_forms_of_one_keyword_count_once():
    # "terrorism" and "terrorists" in one topic's keywords: one word of the quote counts once, not twice
    def score(keywords: list[str]) -> float:
        topics = parse_topics({"topics": [{"id": "t", "proposition": "Fight terror", "keywords": keywords}]})
        quote = "terrorists attacked the airport"
        return topic_scores(topics[0], quote, quote, quote, "", prof=profile(topics[0], stem_df(topics))).score

    assert score(["terrorism", "terrorists"]) == score(["terrorism"]) > 0
    # ... while two different keywords met count both
    assert score(["terrorism", "airport"]) > score(["terrorism"])


UNIFORM = Topic("u", "School uniform", "We should ban school uniform", ("school uniform",))
CRIMEA = Topic("c", "Crimea", "It is a good idea to lease Crimea to Russia", ("crimea", "russia"))
PROTEST = Topic("p", "Right", "People have a right to protest", ("right",))
COURT = Topic("i", "International Criminal Court", "The International Criminal Court is a force for good", ())
USA = Topic("usa", "The USA", "The USA is a good country to live in", ())
BREXIT = Topic("b", "Leaving the EU", "The UK should leave the EU", ())


AUTISM = Topic("r", "Rain Man", "Rain Man is a bad image of autism", ("rain man", "autism"))


@pytest.mark.parametrize(
    ("text", "topic", "words"),
    [
        ("Uniforms cost parents a fortune.", UNIFORM, ("uniform",)),
        ("Making everyone vote would be a disaster.", TOPICS[0], ("vot",)),
        # no suffix meets "Russian" and "Russia": their first five letters do
        ("Russian minorities would lose their protection.", CRIMEA, ("russi",)),
        # a word in capitals made of the initials of a name of the topic; not in lower case, not other initials
        ("The ICC is a political tool of powerful nations.", COURT, ("ICC",)),
        ("The icc is a political tool of powerful nations.", COURT, ()),
        ("The IMF is a political tool of powerful nations.", COURT, ()),
        ("Our holiday in Spain was lovely.", TOPICS[0], ()),
        # generic words ("people", "right") and function words mention nothing
        ("People have the right to do what they want.", PROTEST, ()),
        # another name of the same place ("America", "the US" for "the USA"); "us" in lower case is a pronoun
        ("Healthcare in America costs too much.", USA, ("united states",)),
        ("The US offers great opportunities.", USA, ("united states",)),
        ("Let us talk about healthcare.", USA, ()),
        ("British farmers would lose their subsidies.", BREXIT, ("united kingdom",)),
        # the suffixes cut "autism" to "aut": the word as written gives the root "autistic" meets
        ("A bad stereotype of an autistic person.", AUTISM, ("autis",)),
        ("A bad stereotype of an automatic person.", AUTISM, ()),
    ],
)
def test_aboutness_mentions_the_topic_by_its_words_or_their_root(text, topic, words):
    assert mentions(topic, text) == words


CIA = Topic("c", "C.i.a", "c.i.a", ("c.i.a",))
NON_MUSLIMS = Topic("n", "Nonmuslim", "nonmuslim", ("nonmuslim",))
HOME_SCHOOLERS = Topic("h", "Home schoolers", "home schoolers", ("home schoolers",))
INTERNSHIP_TYPO = Topic("i", "Intenship", "intenship", ("intenship",))
RESPELLED_COMMENT = (
    "I have read every comment on this page and I still think that the whole thing is overblown. {} There is "
    "nothing new in any of it, and the people who write about it every week should find something else to do "
    "with their time, because the rest of us have moved on long ago and will not come back to it."
)


@pytest.mark.parametrize(
    ("sentence", "topic", "words"),
    [
        # dotted initials run together, two words run into one, a long word misspelt by one letter
        ("The CIA spies on everyone.", CIA, ("cia",)),
        ("A non- Muslim who wears it shows solidarity.", NON_MUSLIMS, ("nonmuslim",)),
        ("Homeschoolers should be allowed to play.", HOME_SCHOOLERS, ("homeschooler",)),
        ("Internships without pay are a scam.", INTERNSHIP_TYPO, ("internship",)),
        # negatives: other initials, words apart that are not the topic's, a form the stems meet is no typo
        ("The FBI spies on everyone.", CIA, ()),
        ("Muslim women are targeted with hate.", NON_MUSLIMS, ()),
        ("Internment camps were closed.", INTERNSHIP_TYPO, ()),
    ],
)
def test_aboutness_mentions_a_topic_read_another_way(sentence, topic, words):
    assert mentions(topic, RESPELLED_COMMENT.format(sentence)) == words


ACTORS = Topic("a", "Child actors", "We should ban the use of child actors", ("use", "child actors"))
CLONING = Topic("h", "Human cloning", "We should ban human cloning", ("human cloning",))
MILITARY = Topic("m", "Private military companies", "We should ban private military companies",
                 ("private military companies",))  # fmt: skip
HOMESCHOOL = Topic("s", "Homeschooling", "Homeschooling should be banned", ("homeschooling",))
SPACE = Topic("x", "Space exploration", "space exploration", ("space exploration",))
HOMESCHOOLING_COMMENT = (
    "Homeschooling should not be banned because parents have the right to educate their children with the "
    "curriculum of their choice. Homeschooling allows a child to get more direct instruction and to learn at "
    "their own speed. Many families choose it because the local schools are failing, and the results of "
    "homeschooled students on tests are often better than those of their peers."
)
CONTRACTORS_COMMENT = (
    "Private military companies take strain off state forces in active war zones. When there is a shortage of "
    "soldiers, private military companies can fill the gaps quickly and at a lower cost. They are a business "
    "like any other and are subject to the laws of the countries that hire them, so there is no reason to "
    "treat them differently from other contractors."
)
MARRIAGE_COMMENT = (
    "Marriage is a way for a couple to deepen their bonds to each other and to make a public promise. It is "
    "the most important event in the life of a family. Scientists tell us that humans are social animals who "
    "need stable relationships, and children from parents who are committed to each other grow up to be "
    "better adjusted and more confident."
)
MINING_COMMENT = (
    "Mining companies exploit the poorest regions of the world. The exploitation of workers in these mines is "
    "well documented, and the profits go to shareholders far away while the local people are left with "
    "polluted rivers and nothing else. Governments should tax these companies properly and make them pay for "
    "the damage they do to the land and the water."
)


@pytest.mark.parametrize(
    ("text", "topic", "named"),
    [
        # a word of the topic that is not common in English names it ("homeschooling", "cloning")
        (HOMESCHOOLING_COMMENT, HOMESCHOOL, True),
        (MARRIAGE_COMMENT.replace("humans are", "human cloning is not the same as having"), CLONING, True),
        # all the words of a keyword phrase name it, however common each one is
        (CONTRACTORS_COMMENT, MILITARY, True),
        # a common word of the topic alone, in a long text: met by chance
        (HOMESCHOOLING_COMMENT, ACTORS, False),
        (MARRIAGE_COMMENT, CLONING, False),
        (MARRIAGE_COMMENT, ACTORS, False),
        # a root of five letters is not enough in a long text: "exploitation" is no form of "exploration"
        (MINING_COMMENT, SPACE, False),
        # a short text: any word of the topic met still names it
        ("Children should not have to work on film sets.", ACTORS, True),
        ("Humans should not play God.", CLONING, True),
    ],
)
def test_aboutness_a_long_text_names_its_topic_by_a_specific_word_or_a_whole_phrase(text, topic, named):
    assert names_it(topic, text, {}) is named
    assert bool(mentions(topic, text)) is named


def test_aboutness_a_verb_of_a_long_text_does_not_name_the_topic(nlp):
    text = CONTRACTORS_COMMENT.replace("so there is no reason", "they should never be banned, and there is no reason")
    doc = nlp(text)
    about = about_weights(doc, 0, len(text))
    ban = Topic("b", "Child actors", "Child actors should be banned", ("child actors",))
    assert match_stem("banned") in about.verbal
    assert not names_it(ban, text, about)  # "banned" as a verb: what is wanted, not what of
    assert names_it(ban, text, {})  # without the parse "banned" is a word of the topic like any other
    assert mentions(MILITARY, text, about)[0] == "private military companies"


@pytest.mark.parametrize(
    ("topic", "phrases"),
    [
        (ACTORS, (frozenset({"child", "actor"}), frozenset({"child", "actor"}))),
        (HOMESCHOOL, (frozenset({"homeschool"}),)),
        # a keyword of one word names a part, not the whole ("use" is generic: no phrase)
        (Topic("v", "Voting", "Voting should become compulsory", ("voting", "compulsory")), (frozenset({"vot"}),)),
    ],
)
def test_aboutness_whole_phrases_of_a_topic(topic, phrases):
    assert whole_phrases(topic) == phrases


def test_aboutness_topic_forms_keep_each_form_of_a_stem():
    forms = topic_forms(Topic("c", "Cloning", "Cloning humans: human cloning", ("clones",)))
    assert forms["human"] == {"human", "humans"}
    assert forms["clon"] == {"cloning", "clones"}


@pytest.mark.parametrize(
    ("word", "common"),
    [("children", True), ("human", True), ("school", True), ("cloning", False), ("homeschooling", False),
     ("exploration", False), ("the", False)],  # function words are left out of the list
)  # fmt: skip
def test_aboutness_common_words_are_frequent_english_words(word, common):
    assert (word in match_config()["long_text"]["common"]) is common


VOTING = Topic("v", "Compulsory voting", "We should introduce compulsory voting", ("compulsory voting",))
ELECTIONS_COMMENT = (
    "Turnout in our elections keeps falling and the people who stay at home are mostly young and poor. If "
    "everyone had to vote, politicians could no longer ignore them, and campaigns would have to talk to the "
    "whole country instead of a few swing districts. Australia has done this for a century and nobody there "
    "wants to go back to the old way."
)
FILM_SETS_COMMENT = (
    "Children on film sets work long hours under hot lights and miss months of school. Their parents and "
    "agents decide everything for them, and the money they earn is often spent before they are old enough to "
    "see it. Some of the most famous stars of the past have told us how much those years cost them later."
)


@pytest.mark.parametrize(
    ("text", "topic", "named"),
    [
        # a verb of the topic's label is its thing ("vote" of "Compulsory voting"), not what is wanted of it
        (ELECTIONS_COMMENT, VOTING, True),
        # a common word of the topic that heads a subject or object of the text: what a clause is about
        (FILM_SETS_COMMENT, ACTORS, True),
        # ... and not when it is neither a subject nor an object ("the forces of their children")
        (CONTRACTORS_COMMENT.replace("state forces", "the state forces of their children"), ACTORS, False),
    ],
)
def test_aboutness_a_long_text_names_its_topic_by_a_label_verb_or_a_head(nlp, text, topic, named):
    about = about_weights(nlp(text), 0, len(text))
    assert names_it(topic, text, about) is named
