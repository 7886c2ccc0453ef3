"""`kg query` on the parsed query: FROM / FROM NAMED honoured, every update form and SERVICE
refused wherever it hides, words that only look like keywords allowed, and a bad --param a
usage error naming the parameter."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Literal

from kg.cli import cli
from kg.store import open_store
from kg.store.base import BindingError

FERRY = (
    "Ferry timetable changes\n\n"
    "The ferry company cut two evening sailings. “We had no crew for them,” said manager "
    "Petra Lindqvist. Lindqvist said the sailings would return in spring.\n"
)
BRIDGE = (
    "Bridge to close for repairs\n\n"
    "The council will close the old bridge in May. “It is not safe any more,” said engineer "
    "Tomas Berg.\n"
)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("q")
    (root / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (root / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    path = str(root / "store")
    res = invoke("build", str(root / "ferry.txt"), str(root / "bridge.txt"), "--store", path)
    assert res.exit_code == 0, res.output
    return path


def rows(store: str, sparql: str, *params: str) -> list[dict[str, str]]:
    extra = [a for p in params for a in ("--param", p)]
    res = invoke("query", sparql, "--store", store, "--format", "json", *extra)
    assert res.exit_code == 0, res.output
    return [
        {k: v["value"] for k, v in b.items()} for b in json.loads(res.output)["results"]["bindings"]
    ]


def articles(store: str) -> dict[str, str]:
    """Source file name -> article graph IRI."""
    found = rows(store, "SELECT ?a ?f WHERE { ?a a kg:Article ; kg:sourceFile ?f }")
    return {r["f"].rsplit("/", 1)[-1]: r["a"] for r in found}


# --- FROM and FROM NAMED ---------------------------------------------------------------------


def test_from_limits_the_default_graph_to_the_named_article(store):
    a = articles(store)
    everything = rows(store, "SELECT ?t WHERE { ?s a kg:Statement ; kg:text ?t }")
    ferry = rows(
        store, f"SELECT ?t FROM <{a['ferry.txt']}> WHERE {{ ?s a kg:Statement ; kg:text ?t }}"
    )
    in_graph = rows(
        store,
        f"SELECT ?t WHERE {{ GRAPH <{a['ferry.txt']}> {{ ?s a kg:Statement ; kg:text ?t }} }}",
    )
    assert ferry and sorted(map(str, ferry)) == sorted(map(str, in_graph))
    assert len(ferry) < len(everything)
    both = rows(
        store,
        f"SELECT ?t FROM <{a['ferry.txt']}> FROM <{a['bridge.txt']}> "
        "WHERE { ?s a kg:Statement ; kg:text ?t }",
    )
    assert len(both) == len(everything)


def test_from_named_gives_those_graphs_and_an_empty_default_graph(store):
    a = articles(store)
    graphs = rows(
        store,
        f"SELECT DISTINCT ?g FROM NAMED <{a['bridge.txt']}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    )
    assert graphs == [{"g": a["bridge.txt"]}]
    default = rows(store, f"SELECT * FROM NAMED <{a['bridge.txt']}> WHERE {{ ?s ?p ?o }}")
    assert default == []


def test_from_only_has_no_named_graphs(store):
    a = articles(store)
    assert (
        rows(store, f"SELECT ?g FROM <{a['ferry.txt']}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == []
    )


def test_without_from_the_default_graph_is_the_union(store):
    assert len(articles(store)) == 2


# --- the read-only guard -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT ?service WHERE { ?service a kg:Article }",
        "SELECT ?delete ?insert ?with WHERE { ?delete a kg:Article . BIND(1 AS ?insert) "
        "BIND(2 AS ?with) }",
        "PREFIX with: <https://w3id.org/newskg/ns#> SELECT ?a WHERE { ?a a with:Article }",
        "PREFIX load: <https://w3id.org/newskg/ns#> SELECT ?a WHERE { ?a a load:Article }",
        'SELECT ?a WHERE { ?a a kg:Article FILTER(?a != "DROP ALL; SERVICE <x:y>") }',
        "SELECT ?a WHERE { ?a a kg:Article } # CLEAR ALL, then SERVICE",
    ],
)
def test_words_that_only_look_like_keywords_are_allowed(store, sparql):
    res = invoke("query", sparql, "--store", store)
    assert res.exit_code == 0, res.output
    assert "(2 rows)" in res.output


UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "INSERT { ?s kg:flag true } WHERE { ?s a kg:Article }",
    "WITH <urn:g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:1/data.ttl>",
    "CLEAR ALL",
    "DROP DEFAULT",
    "DROP GRAPH <urn:g>",
    "CREATE GRAPH <urn:new>",
    "ADD DEFAULT TO <urn:g>",
    "MOVE <urn:g> TO DEFAULT",
    "COPY DEFAULT TO <urn:g>",
    "PREFIX select: <urn:x#> INSERT DATA { select:a select:b select:c }",
]


@pytest.mark.parametrize("sparql", UPDATES)
def test_every_update_form_is_refused_and_the_store_is_unchanged(store, sparql):
    before = invoke("export", "--format", "nq", "--store", store).output
    res = invoke("query", sparql, "--store", store)
    assert res.exit_code == 1
    assert res.stderr.startswith("kg: error: refused: ") and "SPARQL update" in res.stderr
    assert len(res.stderr.splitlines()) == 1
    assert invoke("export", "--format", "nq", "--store", store).output == before


SERVICE = "SERVICE <http://127.0.0.1:1/sparql> { ?x ?y ?z }"


@pytest.mark.parametrize(
    "sparql",
    [
        f"SELECT * WHERE {{ {SERVICE} }}",
        f"SELECT * WHERE {{ ?a a kg:Article {{ SELECT ?x WHERE {{ {SERVICE} }} }} }}",
        f"SELECT * WHERE {{ ?a a kg:Article OPTIONAL {{ {SERVICE} }} }}",
        f"SELECT * WHERE {{ {{ ?a a kg:Article }} UNION {{ {SERVICE} }} }}",
        f"SELECT * WHERE {{ ?a a kg:Article MINUS {{ {SERVICE} }} }}",
        f"ASK {{ ?a a kg:Article FILTER EXISTS {{ {SERVICE} }} }}",
        "SELECT * WHERE { ?a a kg:Article FILTER NOT EXISTS { SERVICE SILENT ?srv { ?x ?y ?z } } }",
        f"CONSTRUCT {{ ?x ?y ?z }} WHERE {{ {SERVICE} }}",
    ],
)
def test_service_is_refused_wherever_it_is(store, sparql):
    res = invoke("query", sparql, "--store", store)
    assert res.exit_code == 1, res.output
    assert res.stderr.startswith("kg: error: refused: SERVICE")


# --- --param ------------------------------------------------------------------------------------

QUERY = "SELECT ?name ?t WHERE { ?s a kg:Statement ; kg:text ?t }"


@pytest.mark.parametrize(
    ("param", "named"),
    [
        ("nope=Berg", "nope: the query has no variable ?nope"),
        ("name=<not an iri>", "name: <not an iri> is not an absolute IRI"),
        ("name=<a b>", "name: <a b> is not an absolute IRI"),
        ("name=<relative/path>", "name: <relative/path> is not an absolute IRI"),
        ("9x=1", "9x: not a variable name"),
        ("=Berg", "'=Berg' is not NAME=VALUE"),
        (" =Berg", "' =Berg' is not NAME=VALUE"),
    ],
)
def test_bad_param_is_a_usage_error_naming_it(store, param, named):
    res = invoke("query", QUERY, "--store", store, "--param", param)
    assert res.exit_code == 2, res.output
    assert named in res.output
    assert "Traceback" not in res.output and "RuntimeError" not in res.output


def test_param_on_a_variable_the_query_does_not_select(store):
    res = invoke(
        "query",
        "SELECT ?t WHERE { ?e rdfs:label ?name . ?s kg:speaker ?e ; kg:text ?t }",
        "--store",
        store,
        "--param",
        "name=Tomas Berg",
    )
    assert res.exit_code == 2, res.output
    assert "name: the query does not select ?name" in res.output


def test_canned_query_with_an_unknown_param(store):
    res = invoke("query", "--name", "quotes-by", "-p", "name=Berg", "-p", "who=x", "--store", store)
    assert res.exit_code == 2 and "who: the query has no variable ?who" in res.output


def test_good_params_still_bind(store):
    a = articles(store)
    found = rows(
        store,
        "SELECT ?a ?f WHERE { ?a kg:sourceFile ?f }",
        f"a=<{a['bridge.txt']}>",
    )
    assert [r["f"].rsplit("/", 1)[-1] for r in found] == ["bridge.txt"]


def test_store_names_a_binding_it_cannot_substitute(store):
    with open_store(store, read_only=True) as s, pytest.raises(BindingError) as err:
        # ?b is inside the subquery only: SELECT * does not project it
        s.query("SELECT * WHERE { { SELECT ?a WHERE { ?a ?b ?c } } }", {"b": Literal("x")})
    assert err.value.name == "b"
