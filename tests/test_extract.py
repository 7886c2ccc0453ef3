"""Extraction on the sample articles, checked against the hand-written answer key
(examples/EXPECTED.md), and the pure helpers on small texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.entities import compatible_first_names, name_skeleton
from kg.extract.furniture import furniture_spans
from kg.extract.quotes import find_quotes
from kg.store import open_store
from kg.store.base import Rows
from tests.conftest import ROOT

KEY = ROOT / "examples" / "EXPECTED.md"


def _select(store: str, sparql: str) -> list[dict]:
    with open_store(store, read_only=True) as s:
        result = s.query(sparql)
    assert isinstance(result, Rows)
    return result.values()


# --- pure helpers ---------------------------------------------------------------------------


def test_quote_running_over_paragraphs():
    text = "“First paragraph of the quote\n\n“Second paragraph, closed,” she said.\n"
    quotes = find_quotes(text)
    assert [text[q.content.start : q.content.end] for q in quotes] == [
        "First paragraph of the quote",
        "Second paragraph, closed,",
    ]
    assert quotes[0].close_at is None and quotes[1].close_at is not None


def test_straight_quotes_and_apostrophes():
    text = 'He said "it\'s done," and left. The "plan" failed.'
    got = [text[q.content.start : q.content.end] for q in find_quotes(text)]
    assert got == ["it's done,", "plan"]


def test_page_furniture_lines():
    text = (
        "X\n\nHarbour board approves plan\n\nBody text here.\n\n"
        "RELATED: Other story\n\nRelated Post"
    )
    spans = [text[s.start : s.end] for s in furniture_spans(text)]
    assert spans == ["X", "RELATED: Other story", "Related Post"]


def test_a_wire_credit_line_names_nobody_the_story_is_about(nlp):
    from kg.model import Article
    from kg.pipeline import extract_articles

    text = (
        "DHAKA, July 8 (Reuters) - Floods have forced 200,000 people from their homes, "
        "disaster minister Enamul Haque said on Monday.\n\n"
        "(Reporting by Ruma Akter; Editing by Mark Holloway)\n"
    )
    spans = [text[s.start : s.end] for s in furniture_spans(text)]
    assert spans == ["(Reporting by Ruma Akter; Editing by Mark Holloway)"]
    # a sentence about someone's reporting is no credit line
    assert not furniture_spans("Body.\n\nReporting by a local paper found that it lied.\n")
    (ex,) = list(extract_articles([Article(text=text, source_file="wire.txt")]))
    people = {e.name for e in ex.entities if e.type == "Person"}
    assert people == {"Enamul Haque"}


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Sergei", "Sergey", True),
        ("Aleksandr", "Alexander", True),
        ("Muammar", "Moammar", True),
        ("Bill", "Hillary", False),
        ("Donald", "Melania", False),
        ("J.", "Joanna", True),
    ],
)
def test_first_name_variants(a, b, same):
    assert compatible_first_names(a, b) is same
    if same and len(a) > 2:
        assert name_skeleton(a) == name_skeleton(b)


# --- the sample articles ----------------------------------------------------------------


def _answer_key() -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    for section in re.split(r"^## ", KEY.read_text(encoding="utf-8"), flags=re.M)[1:]:
        name = section.split("\n", 1)[0].strip()
        for line in section.splitlines():
            if not re.match(r"^\| *\d+[a-z]? *\|", line):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 6 and cells[2] in ("Statement", "Finding", "Denial"):
                content = re.findall(r"`([^`]*)`", cells[4])
                if content:
                    rows.setdefault(name, []).append(
                        {"speaker": cells[1].removeprefix("unnamed: "), "content": content[0]}
                    )
    return rows


def test_answer_key_is_matched(examples_store):
    """Content found for >= 85% of the key's statements, the right speaker for >= 75%, and
    >= 90% of what is extracted is in the key. A floor against regressions; the numbers
    today are higher (see the issue notes)."""
    key = _answer_key()
    assert sum(len(v) for v in key.values()) > 100
    found = _select(
        examples_store,
        """
        SELECT ?file ?label ?alt ?text WHERE { ?s kg:inArticle/kg:sourceFile ?file ;
          kg:text ?text ; kg:speaker ?p . ?p rdfs:label ?label .
          OPTIONAL { ?p skos:altLabel ?alt } }""",
    )
    by_doc: dict[str, dict[str, set[str]]] = {}
    for r in found:
        doc = Path(r["file"].split("#")[0]).name
        names = by_doc.setdefault(doc, {}).setdefault(r["text"], set())
        names.update(n.lower() for n in (r["label"], r["alt"]) if n)
    matched = speaker_ok = 0
    used: set[tuple[str, str]] = set()
    for doc, rows in key.items():
        for row in rows:
            hits = [
                t for t in by_doc.get(doc, {}) if row["content"][:25] in t and (doc, t) not in used
            ]
            if not hits:
                continue
            matched += 1
            used.add((doc, hits[0]))
            names = by_doc[doc][hits[0]]
            want = row["speaker"].lower()
            speaker_ok += any(n in want or want in n for n in names)
    total = sum(len(v) for v in key.values())
    predicted = sum(len(v) for v in by_doc.values())
    assert matched / total >= 0.85
    assert speaker_ok / total >= 0.75
    assert matched / predicted >= 0.90


def test_fisherman_is_not_the_official(examples_store):
    rows = _select(
        examples_store,
        """
        SELECT ?label ?type WHERE { ?s kg:text ?t ; kg:speaker ?p . ?p rdfs:label ?label ;
          a ?type . FILTER(STRSTARTS(?t, "They came before the boats went out"))
          VALUES ?type { kg:UnnamedSource } }""",
    )
    assert [r["label"] for r in rows] == ["One fisherman"]


def test_siblings_who_share_a_surname_stay_apart(examples_store):
    rows = _select(
        examples_store,
        """
        SELECT DISTINCT ?label WHERE { ?p a kg:Person ; rdfs:label ?label .
          FILTER(CONTAINS(?label, "Vickery")) }""",
    )
    assert sorted(r["label"] for r in rows) == ["Daniel Vickery", "Joanna Vickery"]
    said = _select(
        examples_store,
        """
        SELECT ?t WHERE { ?p rdfs:label "Joanna Vickery" ; kg:said/kg:text ?t }""",
    )
    assert any("no role whatsoever" in r["t"] for r in said)


def test_acronyms_titles_and_affiliations(examples_store):
    rows = _select(
        examples_store,
        """
        SELECT ?label ?alt WHERE { ?o a kg:Organization ; rdfs:label ?label ;
          skos:altLabel ?alt . VALUES ?alt { "NWA" "CRM" } }""",
    )
    assert {(r["label"], r["alt"]) for r in rows} == {
        # a body every country has by that name, in a report from Chile: Chile's
        ("National Water Authority of Chile", "NWA"),
        ("Coastal Rights Monitor", "CRM"),
    }
    person = _select(
        examples_store,
        """
        SELECT ?title ?place WHERE { ?p rdfs:label "Liisa Koppelmaa" ; kg:title ?title ;
          kg:affiliation/rdfs:label ?place }""",
    )
    assert ("Foreign Minister", "Estonia") in {(r["title"], r["place"]) for r in person}


def test_spelling_variants_are_one_person(examples_store):
    rows = _select(
        examples_store,
        """
        SELECT DISTINCT ?p WHERE { ?p a kg:Person ; rdfs:label|skos:altLabel ?n .
          FILTER(CONTAINS(?n, "Holovatyuk")) }""",
    )
    assert len(rows) == 1


def test_scare_quote_is_not_a_statement(examples_store):
    rows = _select(examples_store, 'SELECT ?s WHERE { ?s kg:text "proof," }')
    assert rows == []


def test_every_span_reproduces_its_words_in_all_examples(examples_store):
    rows = _select(
        examples_store,
        """
        SELECT ?atext ?b ?e WHERE { ?s kg:inArticle ?a ; ?p ?sp . ?a kg:text ?atext .
          ?sp nif:beginIndex ?b ; nif:endIndex ?e .
          VALUES ?p { kg:contentSpan kg:sourceSpan kg:cueSpan } }""",
    )
    assert len(rows) > 300
    for r in rows:
        words = r["atext"][int(r["b"]) : int(r["e"])]
        assert words and words == words.strip()
