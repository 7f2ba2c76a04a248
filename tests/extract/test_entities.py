from __future__ import annotations

import random

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.speakers.entities import EntityFileError, EntityResolver, join_roles


@pytest.fixture(scope="module")
def resolver() -> EntityResolver:
    return EntityResolver.load()


def _s(speaker: str | None, article: str = "a.txt", **kw) -> Statement:
    return Statement(article=article, quote="q", start=0, end=1, kind="direct", speaker=speaker, **kw)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Anthony Blinken", "Antony Blinken"),
        ("Blinken", "Antony Blinken"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Jens Stoltenbreg", "Jens Stoltenberg"),  # a misspelling
        ("the Kremlin", "Kremlin"),
    ],
)
def test_entities_aliases_spellings_and_surnames(resolver, name, canonical):
    entity = resolver.match(name)
    assert entity is not None and entity.name == canonical


@pytest.mark.parametrize("name", ["Johnson", "Mike Jonson Jr", "Maria Ivanova", "Lloyd", ""])
def test_entities_never_guess_a_wrong_entity(resolver, name):
    entity = resolver.match(name)
    assert entity is None or name.lower() in {a.lower() for a in (entity.name, *entity.aliases)}


def test_entities_two_johnsons_stay_apart(resolver):
    out = resolver.canonicalize([_s("Mike Johnson"), _s("Boris Johnson"), _s("Johnson")])
    assert [s.speaker_id for s in out] == ["person/mike-johnson", "person/boris-johnson", "agent/johnson"]


def test_entities_unknown_speaker_becomes_its_own_entity(resolver):
    (s,) = resolver.canonicalize([_s("Maria Ivanova", speaker_type="person")])
    assert (s.speaker, s.speaker_id) == ("Maria Ivanova", "person/maria-ivanova")


def test_entities_role_at_the_time(resolver):
    (old,) = resolver.canonicalize([_s("Stoltenberg")], published="2024-05-24")
    assert (old.speaker_role, old.speaker_org) == ("Secretary General", "NATO")
    (later,) = resolver.canonicalize([_s("Stoltenberg")], published="2025-03-01")
    assert later.speaker_role is None
    (text_role,) = resolver.canonicalize(
        [_s("Stoltenberg", speaker_role="Former Prime Minister")], published="2024-05-24"
    )
    assert text_role.speaker_role == "Former Prime Minister"  # the text's own role wins


def test_entities_link_corpus_joins_surnames_only_when_unique(resolver):
    items = resolver.canonicalize([_s("Maria Ivanova", "a.txt", speaker_type="person")])
    items += resolver.canonicalize([_s("Ivanova", "b.txt")])
    items += resolver.canonicalize([_s("Petrov", "c.txt"), _s("Ivan Petrov", "d.txt"), _s("Olga Petrov", "e.txt")])
    linked = resolver.link_corpus(items)
    by_article = {s.article: s for s in linked}
    assert by_article["b.txt"].speaker == "Maria Ivanova"
    assert by_article["c.txt"].speaker == "Petrov"  # two Petrovs: no guess
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(resolver.link_corpus(shuffled), key=lambda s: s.article) == sorted(
            linked, key=lambda s: s.article
        )


def test_entities_user_file_overrides_and_bad_file_errors(tmp_path):
    good = tmp_path / "e.yaml"
    good.write_text(
        "entities:\n  - id: person/ann-lee\n    name: Ann Lee\n    aliases: [A. Lee]\n    wikidata: Q1\n",
        encoding="utf-8",
    )
    r = EntityResolver.load([good])
    assert r.match("A. Lee").name == "Ann Lee"
    assert r.entity_records()["person/ann-lee"]["wikidata"] == "Q1"
    bad = tmp_path / "bad.yaml"
    bad.write_text("people: []\n", encoding="utf-8")
    with pytest.raises(EntityFileError, match="entities"):
        EntityResolver.load([bad])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ((("Helen Ward", "person"), ("Helen Ward", "person"), ("Helen Ward", "organization")), "person/helen-ward"),
        ((("Acme Corp", "organization"), ("Acme Corp", "organization"), ("Acme Corp", None)), "org/acme-corp"),
        ((("Helen Ward", "organization"), ("Helen Ward", "person")), "person/helen-ward"),  # tie: person
        ((("Pate", None), ("Pate", None)), "agent/pate"),  # no evidence: stays untyped
    ],
)
def test_entities_one_key_per_name_across_corpus(resolver, typed, expected):
    from quotegraph.extract.model import entity_key

    items = [
        _s(name, article=f"a{i}.txt", speaker_type=etype, speaker_id=entity_key(name, etype))
        for i, (name, etype) in enumerate(typed)
    ]
    for order in (items, items[::-1]):
        linked = resolver.link_corpus(order)
        assert {s.speaker_id for s in linked} == {expected}


@pytest.mark.parametrize(
    ("speaker", "mention", "etype", "expected"),
    [
        ("Emily Tran", "Tran", "organization", "person"),  # the tagger's GPE/ORG for a lone surname
        ("Bob Corker", "Corker", "organization", "person"),
        ("Bob Corker", "Bob Corker", "organization", "organization"),  # the full name typed so: left to the votes
        ("the same polling", "polling", None, None),  # a description, no person
        ("Manitoba Labour Board", "Board", "organization", "organization"),  # not the name's last word's surname
    ],
)
def test_entities_lone_surname_of_a_full_name_is_a_person(resolver, speaker, mention, etype, expected):
    s = Statement(
        article="a.txt",
        quote="q",
        start=0,
        end=1,
        kind="direct",
        speaker=speaker,
        speaker_mention=mention,
        speaker_type=etype,
    )
    [out] = resolver.one_node([s])
    assert out.speaker_type == expected


def _said(speaker: str, mention: str, role: str | None = None, start: int = 0) -> Statement:
    return Statement(
        article="a.txt",
        quote="q",
        start=start,
        end=start + 1,
        kind="direct",
        speaker=speaker,
        speaker_mention=mention,
        speaker_type="person",
        speaker_role=role,
        speaker_id=f"person/{speaker.lower().replace(' ', '-')}",
    )


@pytest.mark.parametrize(
    ("named", "description", "expected"),
    [
        (_said("Miriam Adeyemi", "Justice Miriam Adeyemi", "Justice"), "the judge", "Miriam Adeyemi"),
        (_said("Aisha Rahman", "Dr. Aisha Rahman"), "the doctor", "Aisha Rahman"),
        (_said("Rosa Lind", "Coun. Rosa Lind", "Coun."), "The councillor", "Rosa Lind"),
        (_said("Linda Hale", "Mayor Linda Hale", "Mayor"), "the mayor", "Linda Hale"),
        # negatives: another role, a qualified description, an indefinite one stay as they are
        (_said("Aisha Rahman", "Dr. Aisha Rahman"), "the judge", "the judge"),
        (_said("Miriam Adeyemi", "Justice Miriam Adeyemi", "Justice"), "the appeal judge", "the appeal judge"),
        (_said("Miriam Adeyemi", "Justice Miriam Adeyemi", "Justice"), "a judge", "a judge"),
    ],
)
def test_entities_join_roles_a_description_is_the_one_holder(named, description, expected):
    out = join_roles([named, _said(description, description, description.split()[-1].title(), start=10)])
    assert out[1].speaker == expected
    if expected == named.speaker:
        assert out[1].speaker_id == named.speaker_id


def test_entities_join_roles_two_holders_stay_apart():
    a = _said("Miriam Adeyemi", "Justice Miriam Adeyemi", "Justice")
    b = _said("Paul Roy", "Judge Paul Roy", "Judge")
    out = join_roles([a, b, _said("the judge", "the judge", "Judge", start=10)])
    assert out[2].speaker == "the judge"


def test_entities_join_roles_not_across_another_speaker():
    a = _said("Miriam Adeyemi", "Justice Miriam Adeyemi", "Justice")
    b = _said("Alan Whitby", "Alan Whitby", start=5)
    out = join_roles([a, b, _said("the judge", "the judge", "Judge", start=10)])
    assert out[2].speaker == "the judge"  # the last speaker before it holds no such role: it stays


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the report", True),
        ("her campaign", True),
        ("a State Department official", True),  # indefinite: someone unnamed, whatever names follow
        ("Federal officials", True),  # a head that is a role
        ("Trump fans", True),
        ("Some", True),
        ("Sources", True),
        ("Critics", True),
        ("Hillary Clinton", False),
        ("the Clinton campaign", False),
        ("The New York Times", False),
        ("Democrats", False),  # a party's members: the same group in every article
        ("Reuters", False),
        ("Anwar al-Awlaki", False),  # a lower-case particle in a name
        ("al-Baghdadi", False),
        ("anti-Trump delegates", True),
        ("officials", True),
        ("the Secretary-General", False),  # a capitalised title
        ("only 49 percent of Republicans", True),  # a share of a group
        ("Many of the local GOP leaders", True),
        ("Bank of America", False),
        ("Secretary of State John Kerry", False),
    ],
)
def test_entities_described_names_no_one(name, expected):
    from quotegraph.extract.speakers.entities import described

    assert described(name) is expected


def test_entities_description_is_a_speaker_of_its_article_only(resolver):
    one = resolver.canonicalize([_s("a source", speaker_type="person"), _s("Maria Ivanova", speaker_type="person")])
    other = resolver.canonicalize([_s("a source", article="b.txt", speaker_type="person")])
    assert one[0].speaker_id.startswith("person/a-source/")
    assert one[0].speaker_id != other[0].speaker_id  # two articles' unnamed sources are two speakers
    assert one[1].speaker_id == "person/maria-ivanova"  # a name is one key across the corpus
    again = resolver.canonicalize([_s("a source", speaker_type="person")])
    assert again[0].speaker_id == one[0].speaker_id  # the same article, the same key, run after run
    linked = resolver.link_corpus([*one, *other])
    assert [s.speaker_id for s in linked] == [one[0].speaker_id, "person/maria-ivanova", other[0].speaker_id]


def test_entities_lone_word_never_joins_a_description(resolver):
    out = resolver.link_corpus(
        resolver.canonicalize([_s("his critics", speaker_type="group")])
        + resolver.canonicalize([_s("Critics", article="b.txt", speaker_type="group")])
    )
    assert [s.speaker for s in out] == ["his critics", "Critics"]
    assert out[0].speaker_id != out[1].speaker_id


def test_entities_a_group_never_joins_a_full_name(resolver):
    share = resolver.canonicalize([_s("only 49 percent of Republicans", speaker_type="person")])
    group = resolver.canonicalize([_s("Republicans", article="b.txt", speaker_type="group")])
    out = resolver.link_corpus(share + group)
    assert [s.speaker for s in out] == ["only 49 percent of Republicans", "Republicans"]
    assert out[1].speaker_id == "group/republicans"
