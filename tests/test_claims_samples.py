"""Claims on the sample articles, read from a store built with the normal pipeline: the
answer key's "Claims across the samples" (examples/EXPECTED.md)."""

from __future__ import annotations

import kg

DENIALS = """
SELECT ?denier ?denial ?label WHERE {
  ?d a kg:Denial ; kg:speaker/rdfs:label ?denier ; kg:text ?denial ; kg:denies ?c .
  ?c rdfs:label ?label }"""


def test_the_ministry_that_rejected_the_findings_denies_their_claim(examples_store: str) -> None:
    rows = kg.query(
        examples_store,
        """SELECT ?finding WHERE {
             ?d a kg:Denial ; kg:denies ?c ;
                kg:speaker/rdfs:label "Ministry of Fisheries and Coastal Development" .
             ?f a kg:Finding ; kg:claim ?c ; kg:text ?finding ;
                kg:speaker/rdfs:label "Coastal Rights Monitor" }""",
    )
    # one of the findings of the Coastal Rights Monitor's report, in the other outlet
    assert rows
    assert {r["finding"][:20] for r in rows} <= {"the eviction of at l", "most families had re"}


def test_the_denials_linked_are_those_of_the_answer_key(examples_store: str) -> None:
    found = sorted((r["denier"], r["label"]) for r in kg.query(examples_store, DENIALS))
    expected = [
        ("Liisa Koppelmaa", ("that Helsinki had asked for a veto",)),
        (
            "Ministry of Fisheries and Coastal Development",
            ("the eviction of at least 3,400 people", "most families had received"),
        ),
        ("Rosario Almendra", ("the regional government of delaying",)),
        ("Swan Coast Terminals", ("that the guarantee covered only about 60",)),
    ]
    assert [d for d, _ in found] == [d for d, _ in expected]
    for (_, label), (_, starts) in zip(found, expected, strict=True):
        assert label.startswith(starts), label


def test_a_quotation_carried_twice_with_one_altered(examples_store: str) -> None:
    rows = kg.query(
        examples_store,
        """SELECT ?c ?n ?variant (COUNT(DISTINCT ?a) AS ?outlets) WHERE {
             ?s kg:speaker/rdfs:label ?who ; kg:direct true ; kg:claim ?c .
             ?c kg:statementCount ?n ; kg:variantWording ?variant ; schema:appearance ?a .
             VALUES ?who { "Ebenezer Quaye-Addo" "Efua Nyarkoah" }
             FILTER(?n > 1) }
           GROUP BY ?c ?n ?variant ORDER BY DESC(?n)""",
    )
    assert [(r["n"], r["outlets"]) for r in rows] == [(3, 3), (2, 2)]
    # the minister's sentence, altered by one outlet, varies
    assert rows[0]["variant"] is True


def test_denials_of_things_nobody_reported_stay_unlinked(examples_store: str) -> None:
    rows = kg.query(
        examples_store,
        """SELECT ?t WHERE { ?d a kg:Denial ; kg:text ?t
             FILTER NOT EXISTS { ?d kg:denies ?c } }""",
    )
    texts = {r["t"] for r in rows}
    assert "reports that the terminal's opening would be delayed until 2027" in texts
    assert "the allegations of unpaid wages made by its own drivers" in texts
    assert "the criticism" in texts


def test_first_appearance_is_the_earliest_dated_article(examples_store: str) -> None:
    rows = kg.query(
        examples_store,
        """SELECT ?date ?label WHERE {
             ?s kg:text ?t ; kg:claim ?c . FILTER(STRSTARTS(?t, "The port will bring"))
             ?c schema:firstAppearance/dcterms:date ?date ; rdfs:label ?label }""",
    )
    assert {(str(r["date"]), r["label"][-36:]) for r in rows} == {
        ("2025-06-06", "with the communities at every stage,")
    }
