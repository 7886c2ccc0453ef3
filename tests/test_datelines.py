"""Datelines as the wire services write them: one reading (kg.datelines) for the sentence
splitter, entity typing and the article's country. Written for these tests; the forms are
the agencies' house styles, the places and words invented or generic."""

from __future__ import annotations

import pytest

import kg
from kg.datelines import dateline_at


@pytest.mark.parametrize(
    ("line", "place", "region", "story"),
    [
        ("NAIROBI — The court ruled", "NAIROBI", None, "The court ruled"),
        ("LA SERENA, Chile — The court ruled", "LA SERENA", "Chile", "The court ruled"),
        ("MAPUTO, May 3 - The court ruled", "MAPUTO", None, "The court ruled"),
        ("AMSTERDAM (Reuters) - The court ruled", "AMSTERDAM", None, "The court ruled"),
        ("SEOUL, Jan. 7 (Yonhap) -- The court ruled", "SEOUL", None, "The court ruled"),
        ("BUENOS AIRES, March 2 (Reuters) - The", "BUENOS AIRES", None, "The"),
        ("GENEVA, Switzerland, Oct. 4, 2025 /PRNewswire/ -- The", "GENEVA", "Switzerland", "The"),
        ("Kyiv, Ukraine (AP) — “We are ready”", "Kyiv", "Ukraine", "“We are ready”"),
        ("ST. PETERSBURG, Russia — The", "ST. PETERSBURG", "Russia", "The"),
    ],
)
def test_the_agencies_forms_are_read(line, place, region, story):
    found = dateline_at(line, 0)
    assert found is not None
    assert line[slice(*found.place)] == place
    assert (found.region and line[slice(*found.region)]) == region
    assert line[found.end :] == story


@pytest.mark.parametrize(
    "line",
    [
        "Marta ― “I am afraid for my children”",  # a vox-pop line: a name, a dash, a quote
        "Lima — The court ruled",  # title case without an agency: not known to be a place
        "WASHINGTON — the court ruled",  # the story starts with a capital
        "The court — its judges said — ruled",
    ],
)
def test_lines_that_are_no_datelines(line):
    assert dateline_at(line, 0) is None


def test_a_title_case_place_the_caller_knows_needs_no_agency():
    found = dateline_at("Lima — The court ruled", 0, any_case=True)
    assert found is not None and found.end == len("Lima — ")


ARTICLE = (
    "Reservoirs fall to record low\n\n"
    "TAMBORA, May 3 - Reservoirs in the northern province have fallen to a tenth of their"
    " capacity, the water authority said on Wednesday.\n\n"
    "VELDHOVEN (Reuters) - Kestrel Dairy said it would close two plants after the drought"
    " cut milk supplies.\n"
)


def test_a_dated_dateline_stays_out_of_the_statement():
    ex = kg.extract_text(ARTICLE)
    by_text = {s.text: s for s in ex.statements}
    want = "Reservoirs in the northern province have fallen to a tenth of their capacity"
    assert want in by_text, [s.text for s in ex.statements]
    content = by_text[want].content
    assert [ARTICLE[sp.start : sp.end] for sp in content] == [want]
    speaker = ex.entity(by_text[want].speaker)
    assert speaker.name.lower() == "the water authority"


def test_the_city_of_an_agency_dateline_is_a_place_not_an_organisation():
    ex = kg.extract_text(ARTICLE)
    kinds = {e.name: e.type for e in ex.entities}
    assert kinds.get("Veldhoven") == "Place", kinds
    assert "VELDHOVEN" not in kinds
