"""The store's article writes and the N-Triples the mapping writes for them (no spaCy)."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from kg.model import Article, Entity, Extraction, Identity, Span, Statement
from kg.pipeline import corpus_graphs
from kg.rdf.iris import Minter
from kg.rdf.mapping import article_graph, article_ntriples
from kg.rdf.vocab import KG
from kg.store import open_store
from kg.store.base import Rows

G1, G2 = "https://example.org/article/one", "https://example.org/article/two"


def _graphs(store) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert isinstance(rows, Rows)
    return {r["g"]: int(r["n"]) for r in rows.values()}


def _nt(n: int) -> str:
    return "".join(f'<https://example.org/s> <https://example.org/p> "{i}" .\n' for i in range(n))


def test_replace_article_new_same_and_renamed_graphs(tmp_path):
    with open_store(str(tmp_path / "s")) as store:
        store.replace_article(G1, _nt(3))  # a new graph
        assert _graphs(store) == {G1: 3}
        store.replace_article(G1, _nt(2), drop=[G1])  # the same graph again: replaced whole
        assert _graphs(store) == {G1: 2}
        store.replace_article(G2, _nt(4), drop=[G1])  # a new version under a new IRI
        assert _graphs(store) == {G2: 4}
    with open_store(str(tmp_path / "s"), read_only=True) as store:
        assert _graphs(store) == {G2: 4}


def test_literals_survive_the_ntriples_written_for_the_store():
    odd = 'He said "no" \\ twice,\r\nthen: «ça va» \t… 😀'
    text = f"{odd}\nMore text here."
    art = Article(text=text, source_file="odd.txt", title=odd, date="2024-03-01T10:00Z")
    ex = Extraction(
        article=art,
        entities=[Entity("e1", "Person", 'Jo "JJ" Doe', aliases={"Doe\\J"}, mentions=[Span(0, 2)])],
        statements=[Statement("Statement", "e1", [Span(0, len(odd))], odd, "said", True)],
    )
    minter = Minter("https://example.org/")
    graphs = corpus_graphs([ex], minter)
    ident = Identity({"e1": "https://example.org/person/jo-doe"})
    assert set(Graph().parse(data=article_ntriples(ex, minter, ident), format="nt")) == set(
        article_graph(ex, minter, ident)
    )
    g = Graph().parse(data="".join(graphs.values()), format="nt")
    a = URIRef(minter.article(art.short_hash))
    assert g.value(a, KG.text) == Literal(text)
    s = URIRef(minter.statement(art.short_hash, 1))
    assert g.value(s, KG.text) == Literal(odd)
    assert g.value(s, KG.direct).toPython() is True
    assert {str(o) for o in g.objects(None, None) if isinstance(o, Literal)} >= {
        odd,
        'Jo "JJ" Doe',
        "Doe\\J",
    }
