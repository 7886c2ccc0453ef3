"""`kg validate` checks every span role (content, source, cue) against its article's text, the
same way pyshacl would with the shapes file, and holds for both store layouts."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.store import open_store
from kg.validate import shapes_graph, validate_graph, validate_store

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
    assert "A span's nif:beginIndex is not an xsd:nonNegativeInteger." in res.output


def test_same_verdict_as_pyshacl_with_the_shapes_file(store):
    set_index(store, "cueSpan", "endIndex", "?b")
    set_index(store, "sourceSpan", "endIndex", "STRLEN(?text) + 1")
    with open_store(store, read_only=True) as s:
        conforms, text, _ = validate_store(s)
        data = Graph().parse(data=s.dump("ntriples").decode("utf-8"), format="nt")
    full_conforms, full_text = validate_graph(data, shapes_graph())
    assert conforms is full_conforms is False
    messages = sorted(ln.strip() for ln in text.splitlines() if "Message:" in ln)
    assert messages == sorted(ln.strip() for ln in full_text.splitlines() if "Message:" in ln)
    assert any("kg:cueSpan" in m and "slices no words" in m for m in messages)
    assert any("kg:sourceSpan" in m and "does not lie inside" in m for m in messages)


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
