"""`kg validate` checks every span role (content, source, cue) against its article's text, the
same way pyshacl would with the shapes file, and holds for both store layouts."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from kg.cli import cli
from kg.shacl import SH, compile_shapes
from kg.store import open_store
from kg.validate import shapes_graph, store_violations, validate_store
from tests.conftest import EXAMPLES

ARTICLE = (
    "Harbour board approves night dredging\n\n"
    "The harbour board approved night dredging on Monday. “We cannot wait another season "
    "for the channel to be deepened,” said board chair Imelda Rourke. Rourke said the work "
    "would start in May.\n"
)
PREFIXES = (
    "PREFIX kg: <https://w3id.org/newskg/ns#>\n"
    "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("validate")
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = str(root / "store")
    res = CliRunner().invoke(cli, ["build", str(root / "a.txt"), "--store", path])
    assert res.exit_code == 0, res.output
    return path


@pytest.fixture
def store(built, tmp_path) -> str:
    """A copy of the built store, for one test to break."""
    copy = str(tmp_path / "store")
    shutil.copytree(built, copy)
    return copy


def set_index(store: str, role: str, index: str, value: str) -> None:
    """Set ``index`` (beginIndex/endIndex) of every ``role`` span to the SPARQL ``value``."""
    with open_store(store) as s:
        s.update(
            PREFIXES
            + f"""DELETE {{ GRAPH ?g {{ ?sp nif:{index} ?old }} }}
            INSERT {{ GRAPH ?g {{ ?sp nif:{index} ?new }} }}
            WHERE {{ GRAPH ?g {{ ?s kg:{role} ?sp . ?sp nif:beginIndex ?b ; nif:endIndex ?e ;
                                   nif:{index} ?old }}
                     GRAPH ?g {{ ?a a kg:Article ; kg:text ?text }}
                     BIND ({value} AS ?new) }}"""
        )


def validate(store: str):
    return CliRunner().invoke(cli, ["validate", "--store", store])


def test_a_built_store_conforms(store):
    res = validate(store)
    assert res.exit_code == 0, res.output
    assert res.output.startswith("conforms:")


@pytest.mark.parametrize("role", ["cueSpan", "sourceSpan", "contentSpan"])
def test_span_past_the_end_of_the_text(store, role):
    set_index(store, role, "endIndex", "STRLEN(?text) + 5")
    res = validate(store)
    assert res.exit_code == 1
    assert f"A statement's kg:{role} [" in res.output and "does not lie inside" in res.output


@pytest.mark.parametrize("role", ["cueSpan", "sourceSpan"])
def test_empty_cue_and_source_spans(store, role):
    set_index(store, role, "endIndex", "?b")
    res = validate(store)
    assert res.exit_code == 1
    assert f"A statement's kg:{role} [" in res.output and "slices no words" in res.output


def test_cue_span_over_whitespace_only(store):
    space = ARTICLE.index(" said")
    set_index(store, "cueSpan", "beginIndex", str(space))
    set_index(store, "cueSpan", "endIndex", str(space + 1))
    res = validate(store)
    assert res.exit_code == 1 and "kg:cueSpan" in res.output and "slices no words" in res.output


def test_begin_after_end(store):
    set_index(store, "sourceSpan", "beginIndex", "?e + 2")
    res = validate(store)
    assert res.exit_code == 1 and "A statement's kg:sourceSpan [" in res.output


def test_span_index_of_the_wrong_datatype(store):
    set_index(store, "contentSpan", "beginIndex", "STRDT(STR(?b), xsd:decimal)")
    res = validate(store)
    assert res.exit_code == 1
    assert "A span has exactly one nif:beginIndex (xsd:nonNegativeInteger)." in res.output


MUTATIONS = {
    "empty cue span": "DELETE { GRAPH ?g { ?sp nif:endIndex ?e } } INSERT { GRAPH ?g { ?sp "
    "nif:endIndex ?b } } WHERE { GRAPH ?g { ?s kg:cueSpan ?sp . ?sp nif:beginIndex ?b ; "
    "nif:endIndex ?e } }",
    "source span past the end": "DELETE { GRAPH ?g { ?sp nif:endIndex ?e } } INSERT { GRAPH ?g "
    "{ ?sp nif:endIndex 100000 } } WHERE { GRAPH ?g { ?s kg:sourceSpan ?sp . ?sp nif:endIndex "
    "?e } }",
    "begin after end": "DELETE { GRAPH ?g { ?sp nif:beginIndex ?b } } INSERT { GRAPH ?g { ?sp "
    "nif:beginIndex ?x } } WHERE { GRAPH ?g { ?s kg:sourceSpan ?sp . ?sp nif:beginIndex ?b ; "
    "nif:endIndex ?e } BIND (?e + 2 AS ?x) }",
    "negative begin": "DELETE { GRAPH ?g { ?sp nif:beginIndex ?b } } INSERT { GRAPH ?g { ?sp "
    "nif:beginIndex -1 } } WHERE { GRAPH ?g { ?s kg:cueSpan ?sp . ?sp nif:beginIndex ?b } }",
    "no label": "DELETE { GRAPH ?g { ?e rdfs:label ?l } } WHERE { GRAPH ?g { ?e a kg:Person ; "
    "rdfs:label ?l } }",
    "two labels": 'INSERT { GRAPH ?g { ?e rdfs:label "Somebody Else" } } WHERE { GRAPH ?g { ?e '
    "a kg:Person ; rdfs:label ?l } }",
    "alias equal to label": "INSERT { GRAPH ?g { ?e skos:altLabel ?l } } WHERE { GRAPH ?g { ?e "
    "a kg:Organization ; rdfs:label ?l } }",
    "speaker not an entity": "DELETE { GRAPH ?g { ?s kg:speaker ?e } } INSERT { GRAPH ?g { ?s "
    "kg:speaker ?a } } WHERE { GRAPH ?g { ?s a kg:Denial ; kg:speaker ?e ; kg:inArticle ?a } }",
    "said missing": "DELETE { GRAPH ?g { ?e kg:said ?s } } WHERE { GRAPH ?g { ?e kg:said ?s . "
    "?s a kg:Finding } }",
    "hash not hex": "DELETE { GRAPH ?g { ?a kg:contentHash ?h } } INSERT { GRAPH ?g { ?a "
    'kg:contentHash "not-a-hash" } } WHERE { GRAPH ?g { ?a kg:contentHash ?h } }',
    "direct not a boolean": "DELETE { GRAPH ?g { ?s kg:direct ?d } } INSERT { GRAPH ?g { ?s "
    'kg:direct "yes" } } WHERE { GRAPH ?g { ?s a kg:Denial ; kg:direct ?d } }',
    "denial typed as a finding": "INSERT { GRAPH ?g { ?s a kg:Finding } } WHERE { GRAPH ?g { "
    "?s a kg:Denial } }",
    "mention count zero": "DELETE { GRAPH ?g { ?e kg:mentionCount ?n } } INSERT { GRAPH ?g { ?e "
    "kg:mentionCount 0 } } WHERE { GRAPH ?g { ?e a kg:Place ; kg:mentionCount ?n } }",
    "entity of no kind": "DELETE { GRAPH ?g { ?e a kg:Place } } WHERE { GRAPH ?g { ?e a kg:Place "
    "} }",
    "empty statement text": "DELETE { GRAPH ?g { ?s kg:text ?t } } INSERT { GRAPH ?g { ?s "
    'kg:text "" } } WHERE { GRAPH ?g { ?s a kg:Finding ; kg:text ?t } }',
}


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> str:
    """A store of the example articles: denials, findings, all entity types."""
    path = str(tmp_path_factory.mktemp("examples") / "store")
    res = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--store", path])
    assert res.exit_code == 0, res.output
    return path


def _pyshacl_results(data: Graph, shapes: Graph) -> set[tuple[str, str]]:
    import pyshacl

    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    out = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        component = results.value(result, SH.sourceConstraintComponent)
        out.add((str(focus), str(component).removeprefix(str(SH))))
    return out


def _compare(store: str, *, core_only: bool) -> tuple[set, set]:
    """(ours, pyshacl's) violations as (focus node, constraint component) pairs."""
    shapes = shapes_graph()
    if core_only:  # pyshacl runs a SPARQL constraint once per focus node: minutes here
        for shape, constraint in list(shapes.subject_objects(SH.sparql)):
            shapes.remove((shape, SH.sparql, constraint))
    with open_store(store, read_only=True) as s:
        conforms, _, _ = validate_store(s)
        found = store_violations(s, compile_shapes(shapes))
        data = Graph().parse(data=s.dump("ntriples").decode("utf-8"), format="nt")
    assert not conforms
    return {(v.focus, v.component) for v in found}, _pyshacl_results(data, shapes)


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_same_violations_as_pyshacl(examples, tmp_path, mutation):
    """The store's own checks of the core constraints find exactly the focus nodes and
    constraints that pyshacl finds with the shapes file, for each way of breaking the data."""
    copy = str(tmp_path / "store")
    shutil.copytree(examples, copy)
    with open_store(copy) as s:
        s.update(PREFIXES + MUTATIONS[mutation])
    ours, theirs = _compare(copy, core_only=True)
    assert ours == theirs
    if "span" not in mutation and "begin" not in mutation:
        assert ours  # a core constraint caught it


@pytest.mark.parametrize(
    "mutation", ["empty cue span", "source span past the end", "negative begin", "hash not hex"]
)
def test_same_sparql_violations_as_pyshacl(store, mutation):
    """Also for the SPARQL constraints (on one article: pyshacl takes seconds per article)."""
    with open_store(store) as s:
        s.update(PREFIXES + MUTATIONS[mutation])
    ours, theirs = _compare(store, core_only=False)
    assert ours == theirs
    assert any(c == "SPARQLConstraintComponent" for _, c in ours)


def test_every_shape_compiles():
    checks = compile_shapes(shapes_graph())
    shapes = {c.shape.rsplit("#", 1)[-1] for c in checks}
    assert {"ArticleShape", "ArticleTextShape", "EntityShape", "SpanShape"} <= shapes


def test_entities_in_a_graph_of_their_own_still_conform(store):
    """The layout where entity descriptions live once in an entities graph."""
    with open_store(store) as s:
        s.update(
            PREFIXES
            + """DELETE { GRAPH ?g { ?e ?p ?o } }
            INSERT { GRAPH <https://w3id.org/newskg/id/graph/entities> { ?e ?p ?o } }
            WHERE { GRAPH ?g { ?e a kg:Entity ; ?p ?o .
                               FILTER (?p NOT IN (kg:mentionedIn, kg:said)) } }"""
        )
    res = validate(store)
    assert res.exit_code == 0, res.output
