"""Names within one article without a model: the name index on a hand-built parse, and its look-ups."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.content import find_quotes
from quotegraph.extract.speakers.coref import NameIndex, build_index

from tests.conftest import hand_doc
from tests.extract.conftest import article_statements as statements_of

# "NATO Secretary General Jens Stoltenberg spoke. Stoltenberg said “Rutte agrees”."
# (word, space after, head, dependency, part of speech, entity tag)
ROWS = [
    ("NATO", True, 2, "compound", "PROPN", "B-ORG"),
    ("Secretary", True, 2, "compound", "PROPN", "O"),
    ("General", True, 4, "compound", "PROPN", "O"),
    ("Jens", True, 4, "compound", "PROPN", "B-PERSON"),
    ("Stoltenberg", True, 5, "nsubj", "PROPN", "I-PERSON"),
    ("spoke", False, 5, "ROOT", "VERB", "O"),
    (".", True, 5, "punct", "PUNCT", "O"),
    ("Stoltenberg", True, 8, "nsubj", "PROPN", "B-PERSON"),
    ("said", True, 8, "ROOT", "VERB", "O"),
    ("“", False, 11, "punct", "PUNCT", "O"),
    ("Rutte", True, 11, "nsubj", "PROPN", "B-PERSON"),
    ("agrees", False, 8, "ccomp", "VERB", "O"),
    ("”", False, 8, "punct", "PUNCT", "O"),
    (".", False, 8, "punct", "PUNCT", "O"),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    doc = hand_doc(ROWS, ("words", "spaces", "heads", "deps", "pos", "ents"))
    return build_index(doc, find_quotes(doc.text))


def test_coref_index_keeps_the_fullest_name_per_surname(index: NameIndex) -> None:
    assert index.full_by_surname == {"stoltenberg": "Jens Stoltenberg", "rutte": "Rutte"}


def test_coref_index_gives_the_printed_title_to_the_name(index: NameIndex) -> None:
    assert index.role_holders == {"secretary general": "Jens Stoltenberg"}


def test_coref_index_lists_persons_outside_quotes_only(index: NameIndex) -> None:
    assert [name for _, name in index.persons] == ["Jens Stoltenberg", "Stoltenberg"]  # not Rutte, who is quoted


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Stoltenberg", "Jens Stoltenberg"),
        ("Stoltenberg’s", "Jens Stoltenberg"),
        ("STOLTENBERG", "Jens Stoltenberg"),
        ("Rutte", "Rutte"),
        ("Lavrov", "Lavrov"),  # unknown to the article: unchanged
        ("Erna Stoltenberg-Solberg", "Erna Stoltenberg-Solberg"),  # another surname
    ],
)
def test_coref_canonical_name_by_surname(index: NameIndex, name: str, expected: str) -> None:
    assert index.canonical(name) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("the Secretary General", "Jens Stoltenberg"),
        ("the NATO chief", "Jens Stoltenberg"),  # a generic head noun: the only role holder
        ("the Foreign Minister", None),
        ("the weather", None),
    ],
)
def test_coref_role_holder(index: NameIndex, role: str, expected: str | None) -> None:
    assert index.holder(role) == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Some", "PRON", "Some"),  # an unnamed source, not the previous speaker
        ("Someone", "PRON", "Someone"),
        ("Both", "PRON", "Both"),
        ("he", "PRON", "Jens Stoltenberg"),  # a personal pronoun still takes the previous speaker
        ("a NATO spokesman", "ROLE", "a NATO spokesman"),  # someone unnamed, not the role holder
        ("the Secretary General", "ROLE", "Jens Stoltenberg"),
    ],
)
def test_coref_unnamed_sources_stay_unnamed(index: NameIndex, text: str, label: str, expected: str) -> None:
    from quotegraph.extract.speakers.coref import resolve
    from quotegraph.extract.speakers.mentions import Mention

    doc = hand_doc(ROWS, ("words", "spaces", "heads", "deps", "pos", "ents"))
    mention = Mention(200, 200 + len(text), 0, text, None, label)
    assert resolve(mention, index, [(10, "Jens Stoltenberg")], doc)[0] == expected


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        # "she" is the subject earlier in her own sentence, before the previous sentence's person
        (
            "Helen Ward said the plan was sound. Erin Cole, an environmental activist, endorsed it on Saturday, "
            "and she said the state needed help first.",
            "the state needed help",
            "Erin Cole",
        ),
        # never a name the quote itself makes its subject
        (
            "Maria Lind spoke to reporters on Tuesday. “Anna Vogel is wrong about the pensions,” she said.",
            "Anna Vogel is wrong",
            "Maria Lind",
        ),
        # the subject of the sentence, not a name in its "that" clause
        (
            "Morgan Ellis spoke first. Priya Quinlan, the team's owner, agreed that Ellis may struggle to sell "
            "the plan, but she said the vote would pass.",
            "the vote would pass",
            "Priya Quinlan",
        ),
    ],
)
def test_coref_pronoun_takes_the_subject_before_it_in_its_sentence(nlp, body: str, start: str, speaker: str) -> None:
    from quotegraph.extract.pipeline import Extractor

    statements = statements_of(Extractor(nlp=nlp), body, "Plan row")
    assert [s.speaker for s in statements if s.quote.startswith(start)] == [speaker], statements


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a surname the tagger takes for a place is still the previous sentence's person
        (
            "Finance Minister Claire Dubois presented the budget on Tuesday.\n\nThe budget officer, Anita Sharma, "
            "said last month that interest costs would rise.\n\nDubois brushed aside the criticism. She said "
            "the debt ratio was falling.",
            "Claire Dubois",
        ),
        # a subject that is no person leaves the speaker before it
        (
            "Finance Minister Claire Dubois presented the budget on Tuesday.\n\nThe budget officer, Anita Sharma, "
            "said last month that interest costs would rise.\n\nThe report was ignored. She said the debt "
            "ratio was falling.",
            "Anita Sharma",
        ),
    ],
)
def test_coref_pronoun_takes_the_previous_subject_whatever_its_entity_type(nlp, body: str, speaker: str) -> None:
    from quotegraph.extract.pipeline import Extractor

    statements = statements_of(Extractor(nlp=nlp), body, "Budget")
    assert [s.speaker for s in statements if s.quote.startswith("the debt ratio")] == [speaker], statements


@pytest.mark.parametrize(
    ("body", "name", "gender"),
    [
        # twice the subject of a clause whose "he" is its own subject
        ("Tremblay said he would run again. Later Tremblay said he would not raise taxes.", "Tremblay", "m"),
        ("Okonkwo opened her shop in 2009. Okonkwo says she will never sell it.", "Okonkwo", "f"),
        # once is no evidence, nor is a pronoun the name is not the subject of
        ("Tremblay said he would run again.", "Tremblay", None),
        ("Tremblay told her the vote was close. Tremblay asked her to wait.", "Tremblay", None),
        # a sentence that names two people says nothing of either
        ("Tremblay and Okonkwo said he would win. Tremblay told Okonkwo he would win.", "Tremblay", None),
    ],
)
def test_coref_voiced_genders_from_the_articles_own_pronouns(nlp, body: str, name: str, gender: str | None) -> None:
    from quotegraph.extract.speakers.genders import voiced_genders

    doc = nlp(body)
    index = build_index(doc, find_quotes(doc.text))
    index.persons = [(t.idx, t.text) for t in doc if t.text == name] + [
        (t.idx, t.text) for t in doc if t.text == "Okonkwo" and name != "Okonkwo"
    ]
    index.full_by_surname = {name.lower(): name, "okonkwo": "Okonkwo"}
    assert voiced_genders(doc, index).get(name) == gender


# Feature and profile articles of our own (issue 27): one person quoted many times, mostly as "she said",
# with officials named and quoted in between; roles and descriptions after the name; bylines and datelines.
ARTICLES = {
    "coach": (
        "By Sam Keller, Staff Reporter\n\n"
        "THUNDER BAY, Ont. — Linda Okafor has run the Westfort arena's skating program for 22 years.\n\n"
        '"I never planned to stay this long," she said on a cold Tuesday morning.\n\n'
        "The city's recreation director, Mark Halloran, said the arena costs about $400,000 a year to heat.\n\n"
        '"The building is older than most of the people who skate in it," Halloran said.\n\n'
        '"Mark has always been fair with us," she said. "But a budget is a budget."\n\n'
        "Mayor Ken Boshcoff has promised a decision by spring. Councillor Brian Hamilton called the arena "
        "a neighbourhood landmark.\n\n"
        '"These kids have nowhere else to go after school," she said.\n\n'
        "Okafor started coaching at 19, after an injury ended her own competitive career.\n\n"
        '"I was angry for a long time," she said. "Coaching was how I got over it."\n\n'
        "Her former student, Priya Nair, now skates for the national team.\n\n"
        '"She taught me to fall without being afraid," Nair said in a phone interview.\n\n'
        '"Priya was the most stubborn kid I ever coached," Okafor said, laughing.\n\n'
        '"If they close it, I will coach on the lake," she said.'
    ),
    "bakery": (
        "Kiran Dhaliwal opened her bakery on Main Street in 2009, two years after arriving from Ludhiana.\n\n"
        '"I had one oven and a loan I could not afford," she said.\n\n'
        "The street has changed since then. The local business association's chair, Deepa Sandhu, says "
        "rents have doubled.\n\n"
        '"Small shops are being priced out," Sandhu said.\n\n'
        '"Deepa is right, but I own the building," she said. "That is the only reason I am still here."\n\n'
        "Coun. Harjit Sajjan-Bains wants the city to cap commercial rent increases.\n\n"
        '"My customers come from three generations now," she said.'
    ),
    "fisher": (
        "CARAQUET, N.B. — Ainsley Tremblay has fished out of Caraquet for 31 years.\n\n"
        '"The quota cut means I lose half my season," Ms. Tremblay said.\n\n'
        "Federal Fisheries Minister Diane Lebouthillier announced the cuts in June. Lebouthillier said the "
        "stock had collapsed.\n\n"
        '"We cannot fish what is not there," she told reporters in Ottawa.\n\n'
        '"The minister has never been on a boat," Tremblay said.\n\n'
        "Yanick Robichaud, a father of three who represents the union, said about 40 boats would be affected.\n\n"
        '"Some of them will not come back," he said.\n\n'
        '"My father fished here and so did his father," she said.\n\n'
        '"I will fish until they take the licence," she said.'
    ),
    "council": (
        "Mayor Jane Roe said Monday that the city would freeze property taxes for a second year.\n\n"
        '"Families cannot absorb another increase," the mayor said.\n\n'
        "Opposition councillors, led by Councillor Raj Patel, want a smaller freeze.\n\n"
        '"A freeze that empties the reserves is not a freeze," Patel said.\n\n'
        '"We have done the math," the mayor said. "The reserves will hold."\n\n'
        "A 26-year-old cyclist, Dana Whitfield, asked the council for bike lanes on Bank Street.\n\n"
        '"I was hit twice last year," the 26-year-old said.\n\n'
        "Then a dairy farmer from Sussex, Gordon Blake, took the microphone. "
        '"We have lost half our neighbours in ten years," he said.'
    ),
}


def _article_statements(nlp, key: str):  # type: ignore[no-untyped-def]
    from quotegraph.extract.pipeline import Extractor

    title = "City news"
    return statements_of(Extractor(nlp=nlp), ARTICLES[key], title)


@pytest.fixture(scope="module")
def article_statements(nlp) -> dict:  # type: ignore[no-untyped-def]
    return {key: _article_statements(nlp, key) for key in ARTICLES}


@pytest.mark.parametrize(
    ("key", "start", "speaker"),
    [
        ("coach", "I never planned", "Linda Okafor"),  # after a byline and a dateline: neither is anyone
        ("coach", "Mark has always been fair", "Linda Okafor"),  # the man quoted before is named in the quote
        ("coach", "These kids have nowhere", "Linda Okafor"),  # two men named in between take no "she"
        ("coach", "I was angry", "Linda Okafor"),
        ("coach", "Coaching was how", "Linda Okafor"),
        ("coach", "If they close it", "Linda Okafor"),  # the profile's subject after another woman spoke
        ("coach", "She taught me to fall", "Priya Nair"),
        ("bakery", "I had one oven", "Kiran Dhaliwal"),  # the tagger's "organisation" that opened her bakery
        ("bakery", "Deepa is right", "Kiran Dhaliwal"),  # not the woman who spoke before: the quote names her
        ("bakery", "My customers come", "Kiran Dhaliwal"),
        ("fisher", "We cannot fish", "Diane Lebouthillier"),  # the minister who spoke in the paragraph before
        ("fisher", "Some of them will not", "Yanick Robichaud"),  # a new person right before "he said"
        ("fisher", "My father fished here", "Ainsley Tremblay"),  # "a father of three" takes no "she"
        ("fisher", "I will fish until", "Ainsley Tremblay"),
        ("council", "Families cannot absorb", "Jane Roe"),  # "the mayor" after "Mayor Jane Roe"
        ("council", "We have done the math", "Jane Roe"),  # and again after a councillor spoke
        ("council", "I was hit twice", "Dana Whitfield"),  # "the 26-year-old" the article described so
        ("council", "We have lost half", "Gordon Blake"),  # a new person right before "he said" takes it
    ],
)
def test_coref_article_keeps_each_speaker(article_statements: dict, key: str, start: str, speaker: str) -> None:
    found = [s.speaker for s in article_statements[key] if s.quote.startswith(start)]
    assert found == [speaker], [(s.speaker, s.quote[:30]) for s in article_statements[key]]


@pytest.mark.parametrize(("key", "name"), [("coach", "Sam Keller"), ("coach", "Thunder Bay"), ("fisher", "Caraquet")])
def test_coref_article_byline_and_dateline_speak_for_nobody(article_statements: dict, key: str, name: str) -> None:
    assert all(name.lower() not in (s.speaker or "").lower() for s in article_statements[key])


@pytest.mark.parametrize(
    ("name", "full", "expected"),
    [
        # another first name is another person, in the lists of first names or not ("Tanvir", "Oluwaseun")
        ("Tanvir Lepage", "Marcel Lepage", "Tanvir Lepage"),
        ("Oluwaseun Lepage", "Marcel Lepage", "Oluwaseun Lepage"),
        ("Jane Lepage", "Marcel Lepage", "Jane Lepage"),
        # not a first name: a nationality, a title, a role; a surname of two words is the full name's tail
        ("Canadian Lepage", "Marcelline Lepage", "Marcelline Lepage"),
        ("Mr. Lepage", "Marcel Lepage", "Marcel Lepage"),
        ("Senator Lepage", "Marcelline Lepage", "Marcelline Lepage"),
        ("Le Pen", "Marine Le Pen", "Marine Le Pen"),
        ("De Blasio", "Bill de Blasio", "Bill de Blasio"),
    ],
)
def test_coref_canonical_keeps_family_members_apart(name: str, full: str, expected: str) -> None:
    from quotegraph.extract.text import surname

    index = NameIndex(full_by_surname={surname(full): full})
    assert index.canonical(name) == expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the governor the article titled with the description's place, a title counting as its role
        (
            "Florida Governor Jeb Bush spoke first. New Jersey Gov. Chris Christie spoke last.\n\n"
            '"We will win this state," the New Jersey governor said.',
            "Chris Christie",
        ),
        # never the governor of another place: the description stays unnamed
        (
            'Florida Governor Jeb Bush spoke first.\n\n"We will win this state," the New Jersey governor said.',
            "the New Jersey governor",
        ),
        # a holder the article gave no place may be the one
        ('Governor Jeb Bush spoke first.\n\n"We will win this state," the Florida governor said.', "Jeb Bush"),
    ],
)
def test_coref_description_with_a_place_is_its_holder_there(nlp, body: str, speaker: str) -> None:
    from quotegraph.extract.pipeline import Extractor

    statements = statements_of(Extractor(nlp=nlp), body, "Debate")
    assert [s.speaker for s in statements if s.quote.startswith("We will win")] == [speaker], statements


# "Erin Cole, an activist, endorsed it, saying she waited." as the parser reads such a sentence when a
# possessive confuses it: the name is the root, with no subject before "she"; and the same sentence opened
# by a day, where no name opens it. (word, space after, head, dependency, part of speech, entity tag)
OPENING = [
    ("Erin", True, 1, "compound", "PROPN", "B-PERSON"),
    ("Cole", False, 1, "ROOT", "PROPN", "I-PERSON"),
    (",", True, 1, "punct", "PUNCT", "O"),
    ("an", True, 4, "det", "DET", "O"),
    ("activist", False, 1, "appos", "NOUN", "O"),
    (",", True, 1, "punct", "PUNCT", "O"),
    ("endorsed", True, 7, "amod", "VERB", "O"),
    ("it", False, 1, "appos", "PRON", "O"),
    (",", True, 1, "punct", "PUNCT", "O"),
    ("saying", True, 1, "acl", "VERB", "O"),
    ("she", True, 11, "nsubj", "PRON", "O"),
    ("waited", False, 9, "ccomp", "VERB", "O"),
    (".", False, 1, "punct", "PUNCT", "O"),
]


@pytest.mark.parametrize(("first", "expected"), [("Erin", "Erin Cole"), ("Today", None)])
def test_coref_sentence_subject_is_the_name_opening_it_without_a_subject(first: str, expected: str | None) -> None:
    from quotegraph.extract.speakers.coref import sentence_subject

    rows = [(first, *OPENING[0][1:-1], "B-PERSON" if first == "Erin" else "O"), *OPENING[1:]]
    if first != "Erin":
        rows[1] = ("Cole", False, 1, "ROOT", "PROPN", "O")
    doc = hand_doc(rows, ("words", "spaces", "heads", "deps", "pos", "ents"))
    index = build_index(doc, [])
    assert sentence_subject(doc, 10, index) == expected


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a document speaks for who the clause says issued it, or whose it is
        ("Mayor Ana Ruiz released a video that said the bridge would reopen in May.", "Ana Ruiz"),
        (
            "The Canadian Union of Public Employees is releasing an ad that urges the bridge to reopen in May.",
            "Canadian Union of Public Employees",
        ),
        # nobody issued it in the clause: the document stays the speaker
        ("A video that circulated online said the bridge would reopen in May.", "A video"),
    ],
)
def test_coref_document_speaks_for_its_issuer_in_its_clause(nlp, body: str, speaker: str) -> None:
    from quotegraph.extract.pipeline import Extractor

    statements = statements_of(Extractor(nlp=nlp), body, "Bridge")
    # the surname or the document's noun: the tagger may leave a first name out
    assert [(s.speaker or "").split()[-1:] for s in statements][:1] == [speaker.split()[-1:]], statements


@pytest.mark.parametrize("opening", [(), (("“", False, 1, "punct", "PUNCT", "O"),)])
def test_coref_index_an_opening_adverb_is_no_part_of_a_name(opening) -> None:
    # "Certainly Donald Trump has changed." with the adverb inside the tagger's PERSON (as it is in context)
    n = len(opening)
    rows = [
        *opening,
        ("Certainly", True, n + 2, "advmod", "ADV", "B-PERSON"),
        ("Donald", True, n + 2, "compound", "PROPN", "I-PERSON"),
        ("Trump", True, n + 4, "nsubj", "PROPN", "I-PERSON"),
        ("has", True, n + 4, "aux", "AUX", "O"),
        ("changed", False, n + 4, "ROOT", "VERB", "O"),
        (".", False, n + 4, "punct", "PUNCT", "O"),
    ]
    doc = hand_doc(rows, ("words", "spaces", "heads", "deps", "pos", "ents"))
    assert build_index(doc, []).full_by_surname == {"trump": "Donald Trump"}
