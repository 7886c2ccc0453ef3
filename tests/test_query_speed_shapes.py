"""The canned queries' faster paths give exactly what their plain forms give.

Two things were changed for speed (issue 9, see benchmarks/RESULTS.md) and both must leave
every answer as it was, row for row and in order, on the samples:
- on Oxigraph the ORDER BY is done in Python (`CannedQuery.run`, `order_plan`);
- the whole-store listings read each pattern in its own subquery (hash-joined); unwrapping
  those subqueries gives back the plain shape the queries had before.
Paging (`--limit`, `--offset`, `kg.canned_query(limit=..., offset=...)`) is a slice of that
ordered answer.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import kg
from kg import sparql
from kg.cli import cli
from kg.store import open_store
from kg.store.base import Rows
from kg.store.oxigraph import OxigraphStore

#: a value for each parameter that matches something in examples/articles
NAMES = {
    "aliases": "CRM",
    "quotes-by": "rosario almendra",
    "statements-about": "western region",
    "findings-by": "Coastal Rights Monitor",
}
#: a single-pattern subquery, as the listings are written: `{ SELECT ?a ?b WHERE { P } }`,
#: unwrapped to the group `{ P }` (under OPTIONAL, the OPTIONAL's own group)
_SUBQUERY = re.compile(r"\{ SELECT (?:\?\w+ ?)+ WHERE \{ ([^{}]*) \} \}")


def _cases() -> list:
    return [
        pytest.param(cq, {p: NAMES[name] for p in cq.params}, id=name)
        for name, cq in sparql.canned_queries().items()
    ]


@pytest.fixture(scope="module")
def store(examples_store):
    with open_store(examples_store, read_only=True) as st:
        yield st


@pytest.mark.parametrize(("cq", "values"), _cases())
def test_python_ordering_gives_the_stores_order(store, cq, values):
    vals = cq.prepare(values)
    plain = sparql.run(store, cq.text, vals)
    assert isinstance(plain, Rows)
    assert sparql.order_plan(cq.text) is not None, "ordered in Python"
    fast = cq.run(store, vals)
    assert fast.variables == plain.variables
    assert fast.bindings == plain.bindings
    if cq.name in NAMES or cq.name in ("statements", "entities", "denials"):
        assert plain.bindings, "the samples exercise this query"


@pytest.mark.parametrize(("cq", "values"), _cases())
def test_unwrapped_subqueries_give_the_same_answer(store, cq, values):
    plain_text = _SUBQUERY.sub(r"{ \1 }", cq.text)
    if plain_text == cq.text:
        pytest.skip("no single-pattern subqueries")
    vals = cq.prepare(values)
    assert sparql.run(store, plain_text, vals) == sparql.run(store, cq.text, vals)


@pytest.mark.parametrize(("limit", "offset"), [(3, 0), (3, 5), (None, 7), (0, 0), (5, 10_000)])
def test_pages_are_slices_of_the_ordered_answer(store, limit, offset):
    cq = sparql.canned_queries()["statements"]
    whole = cq.run(store, {})
    page = cq.run(store, {}, limit=limit, offset=offset)
    end = None if limit is None else offset + limit
    assert page.variables == whole.variables
    assert page.bindings == whole.bindings[offset:end]


#: the listings ordered by article first, which find a page article by article (kg.paging)
PAGED = ["statements", "unnamed-sources", "denials", "quotes-by", "findings-by", "statements-about"]


@pytest.mark.parametrize("stored", [True, False], ids=["stored-order", "keys-read"])
@pytest.mark.parametrize("first_batch", [1, 8])
@pytest.mark.parametrize("name", PAGED)
def test_a_page_found_by_articles_is_the_slice_of_the_whole_answer(
    store, monkeypatch, name, first_batch, stored
):
    """Every page, at every size, found from a few articles at a time, is exactly that
    slice of the whole ordered answer (first_batch=1 makes each page span many batches):
    with the order of the articles the store states, and without it (a store built by an
    older newskg), when each article's keys are read and ordered."""
    from kg import paging

    monkeypatch.setattr(paging, "FIRST_BATCH", first_batch)
    assert paging.stored_order(store) is not None
    if stored:  # the articles' keys are not read
        monkeypatch.setattr(paging.ArticlePager, "_listed", None)
    else:
        monkeypatch.setattr(paging, "stored_order", lambda *a, **k: None)
    cq = sparql.canned_queries()[name]
    assert cq.pager is not None
    vals = cq.prepare({p: NAMES[name] for p in cq.params})
    whole = cq.run(store, vals)
    assert len(whole.bindings) >= 2, "the samples exercise this listing"
    n = len(whole.bindings)
    for limit in (0, 1, 2, 5, n, n + 3):
        for offset in sorted({0, 1, n // 2, n - 1, n, n + 2}):
            page = cq.pager.page(store, sparql.bind_params(vals), limit, offset)
            assert page is not None
            assert page.variables == whole.variables
            assert page.bindings == whole.bindings[offset : offset + limit], (limit, offset)
            assert cq.run(store, vals, limit=limit, offset=offset) == page


@pytest.mark.parametrize("name", ["quotes-by", "findings-by", "statements-about"])
def test_a_page_of_nobody_is_empty_with_the_listings_columns(store, name):
    cq = sparql.canned_queries()[name]
    vals = cq.prepare({"name": "Nobody Of That Name"})
    whole = cq.run(store, vals)
    page = cq.run(store, vals, limit=10)
    assert page.bindings == whole.bindings == []
    assert page.variables == whole.variables


def test_the_paged_listings_are_the_ones_ordered_by_article_first():
    """A listing ordered otherwise would give wrong pages if it had a pager; one ordered by
    article first without one would read its whole answer for a page."""
    from kg.paging import ArticlePager

    for name, cq in sparql.canned_queries().items():
        by_article = "ORDER BY ?article_title ?source_file ?article " in cq.text
        assert isinstance(cq.pager, ArticlePager) == by_article, name
        assert (name in PAGED) == by_article, name
        assert (cq.pager is not None) == (name in [*PAGED, *GROUPED, "entities"]), name


#: the listings ordered by claim first (or by a claim's count, then the claim), which find
#: a page claim by claim (kg.paging.GroupPager)
GROUPED = ["altered-quotes", "claim-appearances", "denied-findings"]


@pytest.mark.parametrize("first_batch", [1, 8])
@pytest.mark.parametrize("name", GROUPED)
def test_a_page_found_by_claims_is_the_slice_of_the_whole_answer(
    store, monkeypatch, name, first_batch
):
    """Every page of a listing ordered claim by claim, found from a few claims at a time,
    is exactly that slice of the whole ordered answer."""
    from kg import paging

    monkeypatch.setattr(paging, "FIRST_BATCH", first_batch)
    cq = sparql.canned_queries()[name]
    assert isinstance(cq.pager, paging.GroupPager)
    whole = cq.run(store, {})
    assert len(whole.bindings) >= 2, "the samples exercise this listing"
    n = len(whole.bindings)
    for limit in (0, 1, 2, 5, n, n + 3):
        for offset in sorted({0, 1, n // 2, n - 1, n, n + 2}):
            page = cq.pager.page(store, {}, limit, offset)
            assert page is not None
            assert page.variables == whole.variables
            assert page.bindings == whole.bindings[offset : offset + limit], (limit, offset)
            assert cq.run(store, {}, limit=limit, offset=offset) == page


def test_terms_python_cannot_order_are_left_to_the_store():
    lang = '<http://x/a> <http://x/p> "b"@en .\n<http://x/b> <http://x/p> "a"@fr .\n'
    mixed = '<http://x/c> <http://x/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    store = OxigraphStore.in_memory(f"{lang}{mixed}".replace(" .\n", " <http://x/g> .\n").encode())
    text = "SELECT ?v\nWHERE { ?s <http://x/p> ?v }\nORDER BY ?v ?s\n"
    cq = sparql.parse_canned("t", text)
    plan = sparql.order_plan(text)
    assert plan is not None and plan.extra == ("s",)
    assert plan.order(sparql.run(store, plan.text)) is None  # language tags, and two kinds
    assert cq.run(store, {}) == sparql.run(store, text)


def test_a_distinct_listing_ordered_by_every_column_is_deduplicated_in_python():
    """A SELECT DISTINCT whose ORDER BY names every column is found without DISTINCT and
    its repeated rows dropped after ordering: the store's answer, row for row."""
    data = "".join(
        f'<http://x/{s}> <http://x/{p}> "{o}" <http://x/g{g}> .\n'
        for s, p, o, g in [
            ("a", "p", "zeta", 1),
            ("a", "p", "zeta", 2),
            ("b", "p", "alpha", 1),
            ("b", "q", "alpha", 1),
            ("c", "p", "Zeta", 1),
            ("c", "q", "", 2),
        ]
    )  # the same row comes from two graphs (a), from two predicates (b)
    store = OxigraphStore.in_memory(data.encode())
    text = "SELECT DISTINCT ?o ?s\nWHERE { GRAPH ?g { ?s ?p ?o } }\nORDER BY ?o DESC(?s)\n"
    plan = sparql.order_plan(text)
    assert plan is not None and plan.distinct and "DISTINCT" not in plan.text
    plain = sparql.run(store, text)
    assert len(plain.bindings) == 4
    assert sparql.parse_canned("t", text).run(store, {}) == plain
    assert plan.order(sparql.run(store, plan.text)) == plain


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?s\nWHERE { ?s ?p ?o }\nORDER BY ?o\nLIMIT 2\n",  # cut before ordering
        "SELECT DISTINCT ?s\nWHERE { ?s ?p ?o }\nORDER BY ?o\n",  # more columns, more rows
        "SELECT ?s (COUNT(*) AS ?n)\nWHERE { ?s ?p ?o }\nGROUP BY ?s\nORDER BY ?o\n",
        "SELECT ?s\nWHERE { ?s ?p ?o }\nORDER BY STRLEN(?o)\n",  # an expression
        "SELECT ?s\nWHERE { ?s ?p ?o }\n",  # nothing to order
    ],
)
def test_no_python_ordering_where_it_would_not_be_exact(text):
    assert sparql.order_plan(text) is None


def test_cli_pages_canned_and_own_queries(examples_store):
    def rows(*args: str) -> list[str]:
        res = CliRunner().invoke(
            cli, ["query", *args, "--store", examples_store, "--format", "csv"]
        )
        assert res.exit_code == 0, res.output
        return res.output.splitlines()

    whole = rows("--name", "statements")
    assert rows("--name", "statements", "--limit", "4", "--offset", "2") == whole[:1] + whole[3:7]
    own = "SELECT ?s WHERE { ?s a kg:Person } ORDER BY ?s"
    assert rows(own, "--offset", "1", "--limit", "2") == rows(own)[:1] + rows(own)[2:4]
    res = CliRunner().invoke(cli, ["query", "ASK { ?s ?p ?o }", "--limit", "1"])
    assert res.exit_code == 2 and "--limit and --offset page SELECT rows" in res.output


def test_python_api_pages_a_canned_query(examples_store):
    whole = kg.canned_query(examples_store, "quotes-by", name="Rosario Almendra")
    assert whole and "name" not in whole[0] and isinstance(whole[0]["begin"], int)
    page = kg.canned_query(examples_store, "quotes-by", name="rosario almendra", limit=2, offset=1)
    assert page == whole[1:3]
    with pytest.raises(ValueError, match="no canned query"):
        kg.canned_query(examples_store, "nope")
    with pytest.raises(TypeError, match="needs name"):
        kg.canned_query(examples_store, "quotes-by")


def test_rows_the_keys_do_not_order_are_left_to_the_store():
    nq = "".join(
        f'<http://x/{s}> <http://x/p> "{v}" <http://x/g> .\n' for s, v in ["a1", "b1", "c2"]
    )
    store = OxigraphStore.in_memory(nq.encode())
    text = "SELECT ?s ?v\nWHERE { ?s <http://x/p> ?v }\nORDER BY ?v\n"
    plan = sparql.order_plan(text)
    assert plan is not None
    assert plan.order(sparql.run(store, text)) is None  # ties: the store's own order
    assert sparql.parse_canned("t", text).run(store, {}) == sparql.run(store, text)


#: the articles in the order the listings give them, as the store orders them itself
_BY_ARTICLE = """
SELECT ?article WHERE { ?article a kg:Article ; kg:sourceFile ?source_file
  OPTIONAL { ?article dcterms:title ?article_title } }
ORDER BY ?article_title ?source_file ?article"""


def _order_by_store(store) -> list[str]:
    rows = store.query(_BY_ARTICLE)
    return [b["article"]["value"].rsplit("/", 1)[-1] for b in rows.bindings]


def test_the_store_states_the_order_its_listings_give_articles(store):
    """Phase 2 states the articles' listing order (kg:articleOrder, in the entities graph),
    the order SPARQL's ORDER BY gives them, which the pager reads instead of every key."""
    from kg import paging

    order = paging.stored_order(store)
    assert order is not None
    assert order.base == "https://w3id.org/newskg/id/"
    assert order.hashes == _order_by_store(store)
    graphs = store.query("SELECT ?g WHERE { GRAPH ?g { ?s kg:articleOrder ?o } }").bindings
    assert [g["g"]["value"] for g in graphs] == ["https://w3id.org/newskg/id/graph/entities"]


def test_the_order_of_articles_is_sparqls_order():
    """article_order orders as Oxigraph's ORDER BY does: an article without a title first,
    then titles and files by code point (accents, case, other scripts), then the IRI."""
    import pyoxigraph as ox

    from kg import paging

    articles = [
        ("Zebra", "b.txt", "0000000000000001"),
        (None, "z.txt", "0000000000000002"),
        ("zebra", "a.txt", "0000000000000003"),
        ("Ébola", "a.txt", "0000000000000004"),
        ("Zebra", "a.txt", "0000000000000005"),
        ("Zebra", "a.txt", "0000000000000006"),
        (None, "a.txt", "0000000000000007"),
        ("Москва", "a.txt", "0000000000000008"),
        ("Zebra ", "a.txt", "0000000000000009"),
        ("10 things", "a.txt", "000000000000000a"),
    ]
    mem = ox.Store()
    kg_ns, base = "https://w3id.org/newskg/ns#", "https://w3id.org/newskg/id/"
    for title, file, short in articles:
        a = ox.NamedNode(f"{base}article/{short}")
        g = a
        mem.add(ox.Quad(a, ox.NamedNode(f"{kg_ns}sourceFile"), ox.Literal(file), g))
        mem.add(
            ox.Quad(
                a,
                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode(f"{kg_ns}Article"),
                g,
            )
        )
        if title:
            mem.add(
                ox.Quad(a, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(title), g)
            )
    prefixes = {"kg": kg_ns, "dcterms": "http://purl.org/dc/terms/"}
    found = mem.query(_BY_ARTICLE, prefixes=prefixes, use_default_graph_as_union=True)
    by_store = [str(s["article"].value).rsplit("/", 1)[-1] for s in found]
    assert paging.article_order(articles).split(" ") == by_store


def test_adding_and_removing_articles_keeps_the_order_true(tmp_path, monkeypatch):
    """Every build states the order of the articles it leaves: one article added, and one
    removed, each give the order of the store's articles."""
    import shutil

    from kg import paging
    from tests.conftest import EXAMPLES

    monkeypatch.chdir(tmp_path)
    news = tmp_path / "news"
    news.mkdir()
    files = sorted(EXAMPLES.glob("*.txt"))[:4]
    for f in files[:3]:
        shutil.copy(f, news / f.name)
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "news", "--store", "s", "-j", "1"]).exit_code == 0
    shutil.copy(files[3], news / files[3].name)
    assert runner.invoke(cli, ["build", "news", "--store", "s", "-j", "1"]).exit_code == 0
    with open_store("s", read_only=True) as st:
        order = paging.stored_order(st)
        assert order is not None and len(order.hashes) == 4
        assert order.hashes == _order_by_store(st)
        assert paging.stored_entity_order(st) == _entities_by_store(st)
    removed = runner.invoke(cli, ["remove", f"news/{files[0].name}", "--store", "s"])
    assert removed.exit_code == 0, removed.output
    with open_store("s", read_only=True) as st:
        order = paging.stored_order(st)
        assert order is not None and len(order.hashes) == 3
        assert order.hashes == _order_by_store(st)
        assert paging.stored_entity_order(st) == _entities_by_store(st)


def _entities_by_store(store) -> list[str]:
    """The entities in the order the whole entities listing gives them."""
    whole = sparql.canned_queries()["entities"].run(store, {})
    return [b["entity"]["value"] for b in whole.bindings]


def test_the_store_states_the_order_its_entity_listing_gives(store):
    """Phase 2 states the entities' listing order (kg:entityOrder, in the entities graph),
    unnamed sources included: the order the whole listing gives them."""
    from kg import paging

    order = paging.stored_entity_order(store)
    assert order is not None
    assert order == _entities_by_store(store)
    assert any("/source/" in iri for iri in order) and any("/person/" in iri for iri in order)
    graphs = store.query("SELECT ?g WHERE { GRAPH ?g { ?s kg:entityOrder ?o } }").bindings
    assert [g["g"]["value"] for g in graphs] == ["https://w3id.org/newskg/id/graph/entities"]


def test_a_page_of_entities_is_the_slice_of_the_whole_answer(store):
    """Every page of the entities listing, found from the stated order (the pager never
    declines on a store a build made), is exactly that slice of the whole answer."""
    from kg import paging

    cq = sparql.canned_queries()["entities"]
    assert isinstance(cq.pager, paging.EntityPager)
    whole = cq.run(store, {})
    n = len(whole.bindings)
    assert n > 100, "the samples exercise this listing"
    for limit in (0, 1, 2, 5, 40, n, n + 3):
        for offset in sorted({0, 1, 37, n // 2, n - 1, n, n + 2}):
            page = cq.pager.page(store, {}, limit, offset)
            assert page is not None, (limit, offset)
            assert page.variables == whole.variables
            assert page.bindings == whole.bindings[offset : offset + limit], (limit, offset)
            assert cq.run(store, {}, limit=limit, offset=offset) == page


def test_an_entity_order_the_rows_contradict_is_not_trusted(store, monkeypatch):
    """A stated order that the listing's own keys do not give (a store changed since its
    build) is not used: the page is then cut from the whole answer, and still right."""
    from kg import paging

    cq = sparql.canned_queries()["entities"]
    whole = cq.run(store, {})
    stated = paging.stored_entity_order(store)
    assert stated is not None
    swapped = [stated[1], stated[0], *stated[2:]]
    monkeypatch.setattr(paging, "stored_entity_order", lambda *a, **k: swapped)
    assert cq.pager.page(store, {}, 10, 0) is None
    assert cq.run(store, {}, limit=10).bindings == whole.bindings[:10]


def test_the_order_of_entities_counts_across_articles():
    """Statements are summed over articles, articles counted once however many of an
    article's entities resolve to one IRI, unnamed sources take their own labels, and ties
    fall to the label, then the IRI, by code point."""
    from kg.entity_order import EntityTally, entity_order

    base = "https://w3id.org/newskg/id/"
    labels = {
        f"{base}person/a": "Zola Amadi",
        f"{base}person/b": "Yusuf Bello",
        f"{base}org/c": "Ébène Mining",
        f"{base}org/d": "ebene Mining",
        f"{base}place/e": "Kisumu",
    }
    identities = {
        "1111111111111111": {
            "p1": f"{base}person/a",
            "p2": f"{base}person/b",
            "p3": f"{base}person/b",
            "o1": f"{base}org/c",
            "u1": f"{base}source/1111111111111111-1",
        },
        "2222222222222222": {"p1": f"{base}person/a", "o1": f"{base}org/d"},
    }
    tallies = {
        # a: 1 + 1 statements in two articles; b: 2 statements, one article (two keys);
        # the unnamed source: 2 statements, one article
        "1111111111111111": EntityTally(
            ("p1", "p2", "p3", "o1", "u1"),
            (("p1", 1), ("p2", 1), ("p3", 1), ("u1", 2)),
            (("u1", "a senior official"),),
        ),
        "2222222222222222": EntityTally(("p1", "o1"), (("p1", 1),), ()),
    }
    order = entity_order(base, identities, labels, tallies).split(" ")
    assert order == [
        "person/a",  # 2 statements, 2 articles
        "person/b",  # 2 statements, 1 article: "Yusuf Bello" (capital Y before a)
        "source/1111111111111111-1",  # 2 statements, 1 article: "a senior official"
        "org/d",  # 0 statements, 1 article: "ebene" before "Ébène" by code point
        "org/c",
        "place/e",  # mentioned nowhere
    ]
    # an article without its tally: no order is stated rather than a wrong one
    assert (
        entity_order(base, identities, labels, {"1111111111111111": tallies["1111111111111111"]})
        == ""
    )
