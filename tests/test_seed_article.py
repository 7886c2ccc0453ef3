"""The article newskg started from, read as scraped (furniture and all): the acceptance
checks of the foundation issue, on the graph read back from the store."""

from __future__ import annotations

import pytest

from kg.store import open_store
from kg.store.base import Rows
from tests.conftest import SEED, need_shared

pytestmark = pytest.mark.usefixtures("seed_store")


def _select(store_path: str, sparql: str) -> list[dict]:
    with open_store(store_path, read_only=True) as store:
        result = store.query(sparql)
    assert isinstance(result, Rows)
    return result.values()


def _statements(store_path: str) -> list[dict]:
    return _select(
        store_path,
        """
        SELECT ?s ?speaker ?label ?text ?cue ?direct
               (GROUP_CONCAT(STR(?kind); separator=" ") AS ?kinds) WHERE {
          ?s a ?kind ; kg:speaker ?speaker ; kg:text ?text ; kg:cue ?cue ; kg:direct ?direct .
          ?speaker rdfs:label ?label .
        } GROUP BY ?s ?speaker ?label ?text ?cue ?direct""",
    )


def test_headline_is_the_title(seed_store):
    rows = _select(seed_store, "SELECT ?t WHERE { ?a a kg:Article ; dcterms:title ?t }")
    assert [r["t"] for r in rows] == [
        "‘No Surnames’: Top Russian Diplomat Sergei Lavrov Denies Verified Report of Torture "
        "of Gay Men in Chechnya"
    ]


def test_one_lavrov_with_both_spellings_and_title(seed_store):
    rows = _select(
        seed_store,
        """
        SELECT ?p ?label ?alt ?title WHERE {
          ?p a kg:Person ; rdfs:label ?label .
          OPTIONAL { ?p skos:altLabel ?alt } OPTIONAL { ?p kg:title ?title }
          FILTER(CONTAINS(?label, "Lavrov")) }""",
    )
    assert len({r["p"] for r in rows}) == 1
    names = {rows[0]["label"]} | {r["alt"] for r in rows}
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= names
    assert "Foreign Minister" in {r["title"] for r in rows}
    affiliation = _select(
        seed_store,
        """
        SELECT ?name WHERE { ?p rdfs:label "Sergey Lavrov" ; kg:affiliation/rdfs:label ?name }""",
    )
    assert [r["name"] for r in affiliation] == ["Russia"]


@pytest.mark.parametrize("surname", ["Kadyrov", "Trump", "Macron", "Merkel"])
def test_one_person_node_each(seed_store, surname):
    rows = _select(
        seed_store,
        f"""
        SELECT DISTINCT ?p WHERE {{ ?p a kg:Person ; rdfs:label|skos:altLabel ?n .
          FILTER(CONTAINS(?n, "{surname}")) }}""",
    )
    assert len(rows) == 1


def test_bracketed_first_names_are_read(seed_store):
    rows = _select(seed_store, """SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l }""")
    labels = {r["l"] for r in rows}
    assert {"Emmanuel Macron", "Angela Merkel", "Ramzan Kadyrov", "Donald Trump"} <= labels


def test_lavrov_quotes(seed_store):
    lavrov = [s for s in _statements(seed_store) if s["label"] == "Sergey Lavrov"]
    quotes = [
        "We don’t see one concrete fact",
        "There is not a single concrete fact, there are no surnames",
        "If there are facts, if there are surnames",
        "But I repeat that we have no relation",
        "It is not right to accuse the Russian media",
        "Macron may take [Angela] Merkel with him",
    ]
    found = [q for q in quotes if any(q in s["text"] and s["direct"] == "true" for s in lavrov)]
    assert found == quotes
    telegram = next(s for s in lavrov if "It is not right" in s["text"])
    assert telegram["cue"].startswith("said in a post")


def test_split_quote_is_one_statement_via_the_independent(seed_store):
    rows = _select(
        seed_store,
        """
        SELECT ?text ?via (COUNT(?span) AS ?pieces) WHERE {
          ?s kg:text ?text ; kg:via/rdfs:label ?via ; kg:contentSpan ?span }
        GROUP BY ?text ?via""",
    )
    assert len(rows) == 1
    assert rows[0]["via"] == "The Independent"
    assert rows[0]["pieces"] == "2"
    assert rows[0]["text"].startswith("We don’t see one concrete fact, on the issue of")


def test_human_rights_watch_and_its_finding(seed_store):
    orgs = _select(
        seed_store,
        """
        SELECT ?o ?alt WHERE { ?o a kg:Organization ; rdfs:label "Human Rights Watch" ;
          skos:altLabel ?alt }""",
    )
    assert {r["o"] for r in orgs} and len({r["o"] for r in orgs}) == 1
    assert "HRW" in {r["alt"] for r in orgs}
    findings = [
        s
        for s in _statements(seed_store)
        if s["label"] == "Human Rights Watch" and "Finding" in s["kinds"]
    ]
    assert any("abducted people from homes" in s["text"] for s in findings)


@pytest.mark.parametrize("name", ["Novaya Gazeta", "The Independent"])
def test_outlets_are_organisations(seed_store, name):
    rows = _select(
        seed_store,
        f"""
        SELECT ?o WHERE {{ ?o a kg:NewsOrganization, kg:Organization ; rdfs:label "{name}" }}""",
    )
    assert len(rows) == 1


@pytest.mark.parametrize("speaker", ["Sergey Lavrov", "Kremlin"])
def test_denials(seed_store, speaker):
    rows = _select(
        seed_store,
        f"""
        SELECT ?s WHERE {{ ?p rdfs:label "{speaker}" ; kg:denied ?s . ?s a kg:Denial }}""",
    )
    assert rows


def test_unnamed_gay_man_is_not_the_minister(seed_store):
    statements = _statements(seed_store)
    knob = [s for s in statements if "They turn the knob" in s["text"]]
    assert len(knob) == 1
    speaker = _select(
        seed_store,
        f"""
        SELECT ?label WHERE {{ <{knob[0]["speaker"]}> a kg:UnnamedSource ; rdfs:label ?label }}""",
    )
    assert [r["label"] for r in speaker] == ["One gay man"]
    assert "hellish machine" in knob[0]["text"]


def test_no_statement_from_page_furniture(seed_store):
    text = need_shared(SEED).read_text(encoding="utf-8")
    furniture = [
        text.index("RELATED:"),
        text.index("To comment on this"),
        text.index("Image by UN"),
        text.index("Related Post"),
    ]
    rows = _select(
        seed_store,
        """
        SELECT ?b ?e WHERE { ?s ?p ?sp . ?sp nif:beginIndex ?b ; nif:endIndex ?e .
          VALUES ?p { kg:contentSpan kg:sourceSpan kg:cueSpan } }""",
    )
    for row in rows:
        b, e = int(row["b"]), int(row["e"])
        for start in furniture:
            end = text.index("\n", start) if "\n" in text[start:] else len(text)
            assert not (b < end and start < e), text[b:e]


def test_every_span_reproduces_its_words(seed_store):
    """Provenance: slicing the stored article text by each span gives the span's words,
    and the content pieces joined by a space give the statement text."""
    rows = _select(
        seed_store,
        """
        SELECT ?s ?stext ?atext ?p ?b ?e WHERE {
          ?s kg:text ?stext ; kg:inArticle ?a ; ?p ?sp . ?a kg:text ?atext .
          ?sp nif:beginIndex ?b ; nif:endIndex ?e .
          VALUES ?p { kg:contentSpan kg:sourceSpan kg:cueSpan } } ORDER BY ?s ?b""",
    )
    assert rows
    article = rows[0]["atext"]
    assert article == need_shared(SEED).read_text(encoding="utf-8")
    pieces: dict[str, list[str]] = {}
    for r in rows:
        words = article[int(r["b"]) : int(r["e"])]
        assert words and words == words.strip()
        if r["p"].endswith("contentSpan"):
            pieces.setdefault(r["s"], []).append(words)
    cues = _select(
        seed_store,
        """SELECT ?cue ?b ?e WHERE { ?s kg:cue ?cue ; kg:cueSpan ?sp .
        ?sp nif:beginIndex ?b ; nif:endIndex ?e }""",
    )
    for c in cues:
        assert article[int(c["b"]) : int(c["e"])] == c["cue"]
    texts = {r["s"]: r["stext"] for r in rows}
    for s, parts in pieces.items():
        assert " ".join(parts) == texts[s]
