"""Entities inside one article: who each name, surname and honorific stands for.

The texts are written for these tests (no corpus material); each checks what a reader of
the graph would notice if it were wrong: two Clintons merged, Donald Trump Jr. folded into
his father, a "Mrs." given to a man, an acronym made a second organisation.
"""

from __future__ import annotations

import pytest

from kg.extract.entities import EntityTable, find_entities
from kg.extract.gazetteer import known_organization
from kg.extract.names import compatible_names, given_name_gender, parse_name, well_formed
from kg.model import Article, Extraction

FAMILY = (
    "Hillary Clinton spoke in Des Moines on Monday. Her husband, former President Bill "
    "Clinton, sat beside their daughter, Chelsea Clinton.\n\n"
    "“We will not go back,” Mrs. Clinton said. Mr. Clinton told reporters that the campaign "
    "was confident.\n\n"
    "Donald Trump Jr. said on Tuesday that his father would win Iowa. Donald J. Trump said "
    "the polls were wrong. Melania Trump said she was proud. “He is a fighter,” Mrs. Trump "
    "said. Mr. Trump said the election was rigged.\n\n"
    "Her brother, Kaito Tanaka, said the family was divided. Tanaka said he would vote "
    "anyway.\n\n"
    "The Democratic National Committee said the DNC had been hacked. The State Department "
    "said the Department of State would review the emails, and the FBI declined to comment. "
    "Russian Foreign Minister Sergei Lavrov said Moscow was not involved. Lavrov told the "
    "Tampa Bay Times that Georgia was calm.\n"
)


@pytest.fixture(scope="module")
def family(nlp) -> tuple[EntityTable, Extraction]:
    from kg.pipeline import extract_articles

    doc = nlp(FAMILY)
    table = find_entities(doc, FAMILY, [], None)
    (ex,) = list(extract_articles([Article(text=FAMILY, source_file="family.txt")]))
    return table, ex


def _person(ex: Extraction, name: str):
    found = [e for e in ex.entities if e.type == "Person" and e.name == name]
    assert len(found) == 1, [e.name for e in ex.entities if e.type == "Person"]
    return found[0]


def _speakers(ex: Extraction, words: str) -> list[str]:
    return [ex.entity(s.speaker).name for s in ex.statements if words in s.text]


def test_family_members_stay_separate_people(family):
    _, ex = family
    people = {e.name for e in ex.entities if e.type == "Person"}
    assert {
        "Hillary Clinton",
        "Bill Clinton",
        "Chelsea Clinton",
        "Donald Trump Jr.",
        "Donald J. Trump",
        "Melania Trump",
    } <= people


def test_honorifics_go_to_the_person_of_that_gender(family):
    _, ex = family
    assert _speakers(ex, "We will not go back") == ["Hillary Clinton"]
    assert _speakers(ex, "the campaign was confident") == ["Bill Clinton"]
    assert _speakers(ex, "He is a fighter") == ["Melania Trump"]
    assert _speakers(ex, "the election was rigged") == ["Donald J. Trump"]
    assert "Mrs. Clinton" in _person(ex, "Hillary Clinton").aliases
    assert "Mr. Clinton" in _person(ex, "Bill Clinton").aliases


def test_suffix_keeps_the_son_apart_from_the_father(family):
    _, ex = family
    assert _speakers(ex, "his father would win Iowa") == ["Donald Trump Jr."]
    assert not any("Jr" in a for a in _person(ex, "Donald J. Trump").all_names())


def test_genders_from_honorifics_given_names_and_kinship(family):
    table, _ = family
    by_name = {e.name: table.genders.get(e.key) for e in table.entities if e.type == "Person"}
    assert by_name["Hillary Clinton"] == "female"
    assert by_name["Bill Clinton"] == "male"
    assert by_name["Melania Trump"] == "female"
    # "Kaito" is in no name list: "Her brother, Kaito Tanaka" says he is a man
    assert by_name["Kaito Tanaka"] == "male"


def test_no_person_is_a_pronoun_honorific_or_lone_surname(family):
    _, ex = family
    for e in ex.entities:
        if e.type == "Person":
            assert well_formed(e.name), e.name
            assert parse_name(e.name).full, e.name


def test_organisation_names_and_acronyms_are_one_entity_each(family):
    _, ex = family
    orgs = {e.name: e for e in ex.entities if e.type in ("Organization", "NewsOrganization")}
    assert "DNC" in orgs["Democratic National Committee"].aliases
    assert "State Department" in orgs["Department of State"].aliases
    assert "FBI" in orgs["Federal Bureau of Investigation"].aliases
    assert orgs["Tampa Bay Times"].type == "NewsOrganization"
    assert _speakers(ex, "the DNC had been hacked") == ["Democratic National Committee"]


def test_nationality_is_an_affiliation_and_a_place_is_never_a_person(family):
    _, ex = family
    lavrov = _person(ex, "Sergei Lavrov")
    assert "Foreign Minister" in lavrov.titles
    assert [ex.entity(k).name for k in lavrov.affiliations] == ["Russia"]
    names = {e.name for e in ex.entities}
    assert "Russian" not in names
    assert next(e for e in ex.entities if e.name == "Georgia").type == "Place"


def test_a_surname_two_people_share_stays_unresolved_without_context(nlp):
    text = "Ann Okafor and Grace Okafor both ran for the board.\n\nOkafor said the vote was fair.\n"
    table = find_entities(nlp(text), text, [], None)
    bare = text.index("Okafor said")
    m = table.at(bare)
    assert m is None or m.key is None


def test_an_honorific_that_fits_no_one_named_makes_a_new_person(nlp):
    text = "Hillary Clinton spoke first.\n\nMr. Clinton said later that the crowd was large.\n"
    table = find_entities(nlp(text), text, [], None)
    m = table.at(text.index("Clinton said"))
    assert m is not None and m.key is not None
    hillary = next(e for e in table.entities if e.name == "Hillary Clinton")
    assert m.key != hillary.key
    assert table.genders[m.key] == "male"


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Donald Trump", "Donald J. Trump", True),
        ("Hillary Clinton", "Hillary Rodham Clinton", True),
        ("Bill Clinton", "William J. Clinton", True),
        ("Donald Trump", "Donald Trump Jr.", False),
        ("George W. Bush", "George H. W. Bush", False),
        ("Sergei Lavrov", "Sergey Lavrov", True),
        ("Hillary Clinton", "Bill Clinton", False),
    ],
)
def test_name_compatibility(a, b, same):
    assert compatible_names(parse_name(a), parse_name(b)) is same


def test_name_tables():
    assert given_name_gender("Hillary") == "female"
    assert given_name_gender("Bill") == "male"
    assert given_name_gender("J.") is None
    assert known_organization("the DNC") == "Democratic National Committee"
    assert known_organization("U.S. State Department") == "Department of State"
    assert known_organization("GOP") == "Republican Party"
    assert known_organization("fed") is None


def test_leading_the_and_possessives_make_no_new_organisation(nlp):
    text = (
        "The Harbor Conservancy said the plan was flawed.\n\n"
        "Harbor Conservancy’s director said the Harbor Conservancy would sue.\n"
    )
    table = find_entities(nlp(text), text, [], None)
    orgs = [e for e in table.entities if "Conservancy" in e.name]
    assert [e.name for e in orgs] == ["Harbor Conservancy"]


def test_outlet_cues_around_a_name():
    from kg.extract.entities import _outlet_by_cue

    text = "He told the Springfield Shopper newspaper that the Zoning Committee had met."
    start = text.index("Springfield")
    assert _outlet_by_cue(text, start, start + len("Springfield Shopper"), "Springfield Shopper")
    start = text.index("Zoning")
    assert not _outlet_by_cue(text, start, start + len("Zoning Committee"), "Zoning Committee")


@pytest.mark.parametrize(
    "form,kind",
    [
        ("Hillary Clinton", "Person"),
        ("John McCain", "Person"),
        ("Trump Tower", "Place"),
        ("Hillary Clinton Foundation", "Organization"),
        ("@HillaryClinton", None),
        ("NeverTrump", None),
        ("pro-Clinton", None),
        ("Trump v. Trump", None),
    ],
)
def test_what_a_person_tagged_name_really_is(form, kind):
    from kg.extract.names import person_form_kind

    assert person_form_kind(form) == kind


def test_descriptors_and_families_are_not_people(nlp):
    text = (
        "Billionaire Donald Trump spoke in Ohio on Monday. The Clintons stayed home.\n\n"
        "Hillary Clinton said Team Clinton was ready.\n"
    )
    table = find_entities(nlp(text), text, [], None)
    people = sorted(e.name for e in table.entities if e.type == "Person")
    assert people == ["Donald Trump", "Hillary Clinton"]
