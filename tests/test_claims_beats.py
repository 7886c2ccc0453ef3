"""Claims end to end on stories from other beats, written for this test (sport, health,
mining; Portugal, Sweden, Zambia), each told by two outlets: the normal pipeline extracts
them and builds the claims. A shared quotation is one claim; a denial is linked only where
its words tell which claim; anything else linked is a false link and fails the test."""

from __future__ import annotations

import json

import pytest

import kg

RECORDS = [
    {
        "title": "Porto close to signing Brazilian winger, newspaper says",
        "date": "2025-08-02",
        "publisher": "Diário do Norte",
        "url": "https://dn.example.com/1",
        "text": (
            "FC Porto have agreed a €28 million fee with Santos for the winger Rafael "
            "Tinoco, the sports daily Bola Viva reported on Friday.\n\nAccording to Bola "
            "Viva, Tinoco will sign a five-year contract next week.\n\nPorto's coach, "
            "Henrique Sarmento, said after training that the club needed “more speed on "
            "the flanks before the Champions League starts.”\n"
        ),
    },
    {
        "title": "Porto deny deal for Tinoco",
        "date": "2025-08-03",
        "publisher": "Lusa Desporto Wire",
        "url": "https://ldw.example.com/2",
        "text": (
            "FC Porto on Saturday denied the Bola Viva report that the club had agreed a "
            "fee with Santos for Rafael Tinoco.\n\n“There is no agreement with any club for "
            "any player at this moment,” a club spokesman said.\n\nHenrique Sarmento said "
            "the club needed “more speed on the flanks before the Champions League "
            "starts.”\n\nThe club also denied reports that the stadium roof would be "
            "replaced this winter.\n"
        ),
    },
    {
        "title": "Study links night shifts to higher diabetes risk among nurses",
        "date": "2025-03-10",
        "publisher": "Nordic Health Times",
        "url": "https://nht.example.com/3",
        "text": (
            "Nurses who worked night shifts for more than ten years were 40 percent more "
            "likely to develop type 2 diabetes, a study by the Uppsala Institute for "
            "Occupational Medicine found.\n\nThe institute's study, which followed 21,000 "
            "nurses for 15 years, found that the risk was highest among nurses who rotated "
            "between day and night shifts.\n\n“The body never gets used to a rota that keeps "
            "changing,” said Dr. Karin Lindqvist, who led the research.\n"
        ),
    },
    {
        "title": "Ministry dismisses nurses' diabetes study",
        "date": "2025-03-12",
        "publisher": "Baltic Post",
        "url": "https://bp.example.com/4",
        "text": (
            "Sweden's health ministry on Wednesday dismissed the Uppsala Institute for "
            "Occupational Medicine's study, saying hospitals already limited night work "
            "for older staff.\n\nDr. Karin Lindqvist said: “The body never gets used to a "
            "rota that keeps changing.”\n\nThe nurses' union said it would ask for talks on "
            "shift patterns.\n\nThe ministry rejected the criticism, saying staffing had "
            "improved.\n"
        ),
    },
    {
        "title": "Rights group says mine polluted river in Zambia",
        "date": "2024-11-05",
        "publisher": "Copperbelt Courier",
        "url": "https://cc.example.com/5",
        "text": (
            "Water samples taken downstream of the Kansanshi Ridge copper mine contained "
            "cadmium at twelve times the legal limit, according to a report by the group "
            "Rivers Watch Africa.\n\nRivers Watch Africa said in its report that at least "
            "600 families drew their drinking water from the river.\n\n“Children are bathing "
            "in this water every day,” said Mutale Banda, the group's field coordinator.\n"
        ),
    },
    {
        "title": "Mining firm rejects pollution claims",
        "date": "2024-11-07",
        "publisher": "Southern Africa Business Daily",
        "url": "https://sabd.example.com/6",
        "text": (
            "Kansanshi Ridge Mining rejected findings that water downstream of its mine "
            "contained cadmium at twelve times the legal limit.\n\nThe company said its own "
            "tests, carried out every month, had never found cadmium above the "
            "limit.\n\n“Children are bathing in this water every day,” Mutale Banda, field "
            "coordinator of Rivers Watch Africa, told reporters.\n\nThe company also "
            "dismissed the allegations of unpaid overtime made by a miners' union last "
            "year.\n"
        ),
    },
]


#: Denials that may be linked, and a word the claim they deny must contain.
ALLOWED = {
    "findings that water downstream of its mine": "cadmium",
    "the Bola Viva report that the club": "fee",
    "the Uppsala Institute for Occupational Medicine's study": "nurses",
}


@pytest.fixture(scope="module")
def beats_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("beats")
    source = path / "beats.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    store = str(path / "store")
    report = kg.build([str(source)], store, jobs=1)
    assert not report.failed
    return store


def test_quotations_carried_by_two_outlets_are_one_claim_each(beats_store: str) -> None:
    rows = kg.query(
        beats_store,
        """SELECT ?who (COUNT(DISTINCT ?a) AS ?n) WHERE {
             ?s kg:claim ?c ; kg:speaker/rdfs:label ?who . ?c schema:appearance ?a }
           GROUP BY ?c ?who HAVING (COUNT(DISTINCT ?a) > 1)""",
    )
    assert sorted((r["who"], r["n"]) for r in rows) == [
        ("Henrique Sarmento", 2),
        ("Karin Lindqvist", 2),
        ("Mutale Banda", 2),
    ]


def test_no_false_link_and_the_mine_denial_found(beats_store: str) -> None:
    rows = kg.query(
        beats_store,
        """SELECT ?denial ?target WHERE {
             ?d kg:text ?denial ; kg:denies ?c . ?c rdfs:label ?target }""",
    )
    for r in rows:
        allowed = next((w for start, w in ALLOWED.items() if r["denial"].startswith(start)), None)
        assert allowed is not None, f"false link: {r['denial']!r} -> {r['target']!r}"
        assert allowed in r["target"].lower(), f"false link: {r['denial']!r} -> {r['target']!r}"
    assert any(r["denial"].startswith("findings that water") for r in rows)
    # the study's finding is the institute's ("a study by the Uppsala Institute ... found"),
    # so the ministry's dismissal of the institute's study is tied to it
    assert any(r["denial"].startswith("the Uppsala Institute") for r in rows)
